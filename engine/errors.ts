/**
 * The catalog of error replies, with the exact text Redis sends (without the leading `-`).
 * Texts that differ between server versions live in `profiles.ts`, not here.
 */
import { error, type Reply } from './reply.ts';

export const E = {
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  syntax: 'ERR syntax error',
  notInteger: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  noSuchKey: 'ERR no such key',
  invalidStreamId: 'ERR Invalid stream ID specified as stream command argument',
  timeoutNegative: 'ERR timeout is negative',
  timeoutNotInteger: 'ERR timeout is not an integer or out of range',
  timeoutNotFloat: 'ERR timeout is not a float or out of range',
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  multiNested: 'ERR MULTI calls can not be nested',
  execWithoutMulti: 'ERR EXEC without MULTI',
  discardWithoutMulti: 'ERR DISCARD without MULTI',
  watchInsideMulti: 'ERR WATCH inside MULTI is not allowed',
  dbIndexOutOfRange: 'ERR DB index is out of range',
  invalidExpireTime: (cmd: string) => `ERR invalid expire time in '${cmd}' command`,
  wrongArity: (fullName: string) => `ERR wrong number of arguments for '${fullName}' command`,
  unknownSubcommand: (sub: string, container: string) =>
    `ERR unknown subcommand '${clip(sub, 128)}'. Try ${container.toUpperCase()} HELP.`,
  subcommandSyntax: (sub: string, container: string) =>
    `ERR unknown subcommand or wrong number of arguments for '${clip(sub, 128)}'. Try ${container.toUpperCase()} HELP.`,
  internal: (what: string) => `ERR internal error: ${what}`,
} as const;

export const err = (text: string): Reply => error(text);

/** `ERR unknown command 'foo', with args beginning with: 'a' 'b' ` — exactly as processCommand builds it. */
export function unknownCommand(argv: readonly string[]): string {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${clip(argv[i], 128 - args.length)}' `;
  }
  return `ERR unknown command '${clip(argv[0], 128)}', with args beginning with: ${args}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** addReplyErrorFormat replaces newlines so the protocol stays intact. */
export function sanitizeError(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[\r\n]/g, ' ') : text;
}
