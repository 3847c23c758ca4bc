/** The engine's public entry point: what `web/`, `server/` and tests may import. */
export { Engine, DATABASES, type EngineOptions, type ExecResult, type Outcome, type Wake } from './engine.ts';
export { MAX_CLOCK_MS, RealClock, VirtualClock, isClockTime, type Clock } from './clock.ts';
export type { EngineEvent, EventType, RefPolicy } from './events.ts';
export type { ArrayReply, ErrorReply, Reply } from './reply.ts';
export { encode, isArrayReply, isBulk, isError, toResp2 } from './reply.ts';
export { aggregateLength, formatElements, formatReply, isAggregateReply, quoteRepr, splitArgs, utf8ToBinary, binaryToUtf8 } from './cli-format.ts';
export type { AggregateReply } from './cli-format.ts';
export { PROFILE_NAMES, DEFAULT_PROFILE, isProfileName, type ProfileName } from './profiles.ts';
export type { EngineSnapshot } from './snapshot.ts';
