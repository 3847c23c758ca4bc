/** Command-line options of `npm run serve`. */
import { PROFILE_NAMES, isProfileName, type ProfileName } from '../engine/index.ts';

export interface ServeOptions {
  port: number;
  host: string;
  profile: ProfileName | undefined;
  virtualClock: boolean;
}

const USAGE = `usage: npm run serve -- [--port 6390] [--host 127.0.0.1] [--profile ${PROFILE_NAMES.join('|')}] [--virtual-clock]
  --virtual-clock  time stands still at 2023-11-14T22:13:20Z (1700000000000): XADD * IDs are reproducible, BLOCK
                   timeouts and key expiry never fire`;

export function parseArgs(args: readonly string[]): ServeOptions | string {
  const opts: ServeOptions = { port: 6390, host: '127.0.0.1', profile: undefined, virtualClock: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    if (a === '--port') {
      const p = Number(value());
      if (!Number.isInteger(p) || p < 0 || p > 65535) return `invalid --port\n${USAGE}`;
      opts.port = p;
    } else if (a === '--host') {
      const h = value();
      if (!h) return `missing --host value\n${USAGE}`;
      opts.host = h;
    } else if (a === '--profile') {
      const p = value() ?? '';
      if (!isProfileName(p)) return `unknown profile '${p}' (one of ${PROFILE_NAMES.join(', ')})\n${USAGE}`;
      opts.profile = p;
    } else if (a === '--virtual-clock') {
      opts.virtualClock = true;
    } else if (a === '--help' || a === '-h') {
      return USAGE;
    } else {
      return `unknown option '${a}'\n${USAGE}`;
    }
  }
  return opts;
}
