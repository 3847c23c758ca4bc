/**
 * The RESP server: a Node TCP server over one Engine. Each connection is an engine client; replies to clients that
 * another client's command woke up go to their sockets; with a real clock a timer calls `engine.tick()` at
 * `engine.nextDeadline()` so BLOCK timeouts and key expiry fire on time.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Engine, type Reply, type Wake } from '../engine/index.ts';
import { Connection } from './connection.ts';
import { ReplyWriter } from './reply-writer.ts';

/** setTimeout's largest delay; later deadlines are re-armed when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ServerOptions {
  /** Read into one shared buffer instead of a Buffer per read (direct-reads.ts); default true. */
  directReads?: boolean;
}

export interface ListenOptions {
  port: number;
  host?: string;
}

export class RespServer {
  readonly engine: Engine;
  /** Where connections build their batches of replies (one at a time: batches never interleave). */
  readonly writer = new ReplyWriter();
  private readonly net: Server;
  private readonly conns = new Map<number, Connection>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = 0;

  private readonly directReads: boolean;

  constructor(engine: Engine, opts: ServerOptions = {}) {
    this.engine = engine;
    this.directReads = opts.directReads ?? true;
    // Accepted paused, so that no byte is read before the Connection chooses how to read.
    this.net = createServer({ noDelay: true, pauseOnConnect: true }, (socket) => this.accept(socket));
  }

  /** Start listening; resolves with the bound address. */
  listen(opts: ListenOptions): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.net.once('error', reject);
      this.net.listen(opts.port, opts.host ?? '127.0.0.1', () => {
        this.net.off('error', reject);
        resolve(this.net.address() as AddressInfo);
      });
    });
  }

  /** Stop accepting, close every connection, stop the timer. */
  close(): Promise<void> {
    this.clearTimer();
    for (const c of this.conns.values()) c.kill();
    return new Promise((resolve) => this.net.close(() => resolve()));
  }

  /** Open connections (tests look at their sockets' backlog). */
  connections(): IterableIterator<Connection> {
    return this.conns.values();
  }

  private accept(socket: Socket): void {
    const id = this.engine.connect();
    const client = this.engine.client(id);
    if (client) {
      client.addr = formatAddr(socket.remoteAddress, socket.remotePort);
      client.laddr = formatAddr(socket.localAddress, socket.localPort);
    }
    this.conns.set(id, new Connection(this, socket, id, this.directReads));
  }

  /** Run one command for a connection; null when the client is now blocked. Wake-ups are delivered here. */
  execute(conn: Connection, argv: readonly string[]): Reply | null {
    let result;
    try {
      result = this.engine.exec(conn.clientId, argv);
    } catch (e) {
      // The engine promises never to throw; if it does, the client gets an error and the server lives on.
      const msg = e instanceof Error ? e.message : String(e);
      return { t: 'error', v: `ERR internal error: ${msg.replace(/[\r\n]/g, ' ')}` };
    }
    if (result.woken.length > 0) this.deliver(result.woken);
    if (this.engine.clients.size < this.conns.size) this.reapKilled();
    return result.reply;
  }

  /** The protocol a client speaks now (HELLO and RESET change it). */
  respOf(clientId: number): 2 | 3 {
    return this.engine.client(clientId)?.resp ?? 2;
  }

  /** proto-max-bulk-len as configured (CONFIG SET can change it). */
  maxBulkLen(): number {
    return this.engine.config.getInt('proto-max-bulk-len');
  }

  /** After a batch of commands: the next deadline may have moved. */
  afterBatch(): void {
    this.armTimer();
  }

  /** A socket closed: the engine forgets the client (a blocked one stops waiting). */
  dropped(conn: Connection): void {
    if (this.conns.get(conn.clientId) !== conn) return;
    this.conns.delete(conn.clientId);
    const out = this.engine.disconnect(conn.clientId);
    if (out.woken.length > 0) this.deliver(out.woken);
    this.armTimer();
  }

  private deliver(woken: readonly Wake[]): void {
    for (const w of woken) this.conns.get(w.client)?.wake(w.reply);
  }

  /** Clients the engine no longer knows (CLIENT KILL) lose their connection. */
  private reapKilled(): void {
    for (const [id, conn] of this.conns) {
      if (!this.engine.clients.has(id)) {
        this.conns.delete(id);
        conn.kill();
      }
    }
  }

  private armTimer(): void {
    if (this.engine.clock.kind !== 'real') return;
    const next = this.engine.nextDeadline();
    if (next === null) {
      this.clearTimer();
      return;
    }
    if (this.timer && this.timerAt === next) return;
    this.clearTimer();
    this.timerAt = next;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - Date.now()));
    this.timer = setTimeout(() => this.onTimer(), delay);
  }

  private onTimer(): void {
    this.timer = null;
    const out = this.engine.tick();
    if (out.woken.length > 0) this.deliver(out.woken);
    if (this.engine.clients.size < this.conns.size) this.reapKilled();
    const next = this.engine.nextDeadline();
    if (next !== null && next <= Date.now()) {
      // Timers may fire a millisecond early relative to Date.now(): try again shortly.
      this.timerAt = next;
      this.timer = setTimeout(() => this.onTimer(), 1);
      return;
    }
    this.armTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** `ip:port` as CLIENT LIST prints it (IPv4-mapped IPv6 addresses shown as plain IPv4). */
function formatAddr(ip: string | undefined, port: number | undefined): string {
  const host = (ip ?? '?').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return `${host}:${port ?? 0}`;
}
