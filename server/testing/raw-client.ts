/**
 * A raw RESP client for tests: sends bytes, reads whole replies as binary strings (one char per byte) so two
 * servers' answers can be compared byte for byte.
 */
import { connect, type Socket } from 'node:net';

/** The end offset of the RESP reply starting at `pos`, or -1 if it is not complete yet. */
export function replyEnd(s: string, pos: number): number {
  if (pos >= s.length) return -1;
  const lineEnd = s.indexOf('\r\n', pos);
  if (lineEnd < 0) return -1;
  const type = s[pos];
  const after = lineEnd + 2;
  switch (type) {
    case '+':
    case '-':
    case ':':
    case '_':
    case ',':
    case '#':
    case '(':
      return after;
    case '$':
    case '!':
    case '=': {
      const n = Number(s.slice(pos + 1, lineEnd));
      if (n < 0) return after;
      return s.length >= after + n + 2 ? after + n + 2 : -1;
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      let n = Number(s.slice(pos + 1, lineEnd));
      if (n < 0) return after;
      if (type === '%' || type === '|') n *= 2;
      let at = after;
      for (let i = 0; i < n; i++) {
        at = replyEnd(s, at);
        if (at < 0) return -1;
      }
      // An attribute is followed by the reply it annotates.
      return type === '|' ? replyEnd(s, at) : at;
    }
    default:
      throw new Error(`not a RESP reply: ${JSON.stringify(s.slice(pos, pos + 40))}`);
  }
}

/** RESP multibulk encoding of a command, as redis-cli and client libraries send it. */
export function frame(argv: readonly string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}

export class RawClient {
  /** Bytes received and not yet taken. */
  private buf = '';
  private waiter: (() => void) | null = null;
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.buf += d.toString('latin1');
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => {});
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host);
      s.once('connect', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  send(bytes: string | Uint8Array): void {
    if (typeof bytes === 'string') this.socket.write(bytes, 'latin1');
    else this.socket.write(bytes);
  }

  command(argv: readonly string[]): void {
    this.send(frame(argv));
  }

  /** Wait until `ready()` holds, the socket closes, or `ms` pass; returns whether `ready()` held. */
  private async until(ready: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      const left = deadline - Date.now();
      if (this.closed || left <= 0) return ready();
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.waiter = null;
          resolve();
        }, left);
        this.waiter = () => {
          clearTimeout(t);
          this.waiter = null;
          resolve();
        };
      });
    }
    return true;
  }

  /** The next whole reply, or null if none arrived within `ms` (or the connection closed first). */
  async reply(ms = 2000): Promise<string | null> {
    const ok = await this.until(() => replyEnd(this.buf, 0) >= 0, ms);
    if (!ok) return null;
    const end = replyEnd(this.buf, 0);
    const r = this.buf.slice(0, end);
    this.buf = this.buf.slice(end);
    return r;
  }

  /** Send a command and read its reply. */
  async call(argv: readonly string[], ms = 2000): Promise<string | null> {
    this.command(argv);
    return this.reply(ms);
  }

  /** Everything that arrives within `ms` (waits the whole time unless the connection closes). */
  async drain(ms: number): Promise<string> {
    await this.until(() => false, ms);
    const r = this.buf;
    this.buf = '';
    return r;
  }

  /** Bytes already received and not yet read. */
  take(): string {
    const r = this.buf;
    this.buf = '';
    return r;
  }

  /** Resolves when the server has closed the connection, or after `ms` with false. */
  async waitClosed(ms = 2000): Promise<boolean> {
    await this.until(() => this.closed, ms);
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
