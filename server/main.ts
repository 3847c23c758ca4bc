/**
 * `npm run serve -- [--port 6390] [--host 127.0.0.1] [--profile redis-8.0] [--virtual-clock]`
 * Starts the RESP server over one Engine and prints one line saying where it listens.
 */
import { Engine, VirtualClock } from '../engine/index.ts';
import { parseArgs } from './options.ts';
import { RespServer } from './server.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(opts);
    process.exitCode = 2;
    return;
  }
  const engine = new Engine({
    events: false,
    profile: opts.profile,
    clock: opts.virtualClock ? new VirtualClock() : undefined,
  });
  const server = new RespServer(engine);
  const addr = await server.listen({ port: opts.port, host: opts.host });
  const where = addr.family === 'IPv6' ? `[${addr.address}]:${addr.port}` : `${addr.address}:${addr.port}`;
  const clock = opts.virtualClock ? ', virtual clock' : '';
  console.log(`streams-playground RESP server (${engine.profile.name}, redis_version ${engine.profile.version}${clock}) listening on ${where}`);
  if (!LOOPBACK.has(opts.host)) {
    console.error(
      `WARNING: listening on ${opts.host}, NOT loopback: anyone who can reach this address can read and change ` +
        'the data. There is no authentication. Use --host 127.0.0.1 unless you mean it.',
    );
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
