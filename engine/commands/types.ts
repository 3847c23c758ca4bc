/** Non-stream data types: strings, lists and sets — enough for WRONGTYPE, type changes and BLPOP demos. */
import type { TableEntry } from '../table.ts';
import { stringCommands } from './types-strings.ts';
import { listCommands } from './types-lists.ts';
import { setCommands } from './types-sets.ts';

export const typeCommands: readonly TableEntry[] = [...stringCommands, ...listCommands, ...setCommands];
