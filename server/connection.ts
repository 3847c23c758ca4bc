/**
 * One TCP connection = one engine client. Reads requests, runs them through the engine, writes the replies back
 * with one socket write per batch (into the server's shared ReplyWriter, flushed before the batch ends), and follows
 * Redis's client life cycle:
 * - a blocked client stops processing its input until it is woken (pipelined commands wait behind it);
 * - a protocol error or QUIT sends what is queued, then closes (CLIENT_CLOSE_AFTER_REPLY);
 * - while the socket is not drained, no more input is parsed or executed, so a slow reader cannot make us buffer
 *   replies without bound.
 */
import type { Socket } from 'node:net';
import { encode, type Reply } from '../engine/index.ts';
import { directSocket } from './direct-reads.ts';
import { RequestParser } from './request-parser.ts';
import type { RespServer } from './server.ts';

/** Stop executing a client's input while this many reply bytes wait in its socket. */
export const OUTPUT_HIGH_WATER = 1024 * 1024;
/** A blocked client's socket stops being read once this much unprocessed input is buffered. */
const BLOCKED_INPUT_LIMIT = 1024 * 1024;
/** client-query-buffer-limit: a client whose pending request grows past this is closed without a reply. */
const QUERY_BUFFER_LIMIT = 1024 * 1024 * 1024;
/** How long a closing connection may take to flush its last replies before it is destroyed. */
const CLOSE_GRACE_MS = 5000;

const QUIT_REPLY = '+OK\r\n';

export class Connection {
  readonly parser = new RequestParser();
  /** Waiting in a blocking command: input is buffered, not executed. */
  blocked = false;
  /** Closing after the queued replies are written (QUIT, protocol error), or already closed. */
  closing = false;
  closed = false;
  /** Reading is paused (socket not drained, or a blocked client with too much input). */
  private paused = false;
  /** A `process()` is queued for the next turn of the event loop. */
  private scheduled = false;
  readonly socket: Socket;
  /** Reads arrive in the shared read buffer (direct-reads.ts) rather than as 'data' events. */
  readonly direct: boolean;

  /** `accepted` is paused (pauseOnConnect); with `directReads` its reads go straight to the parser if Node allows. */
  constructor(
    readonly server: RespServer,
    accepted: Socket,
    readonly clientId: number,
    directReads: boolean,
  ) {
    const chosen = directReads
      ? directSocket(accepted, (bytes) => this.onData(bytes, true))
      : { socket: accepted, direct: false };
    const socket = chosen.socket;
    this.socket = socket;
    this.direct = chosen.direct;
    socket.setNoDelay(true);
    if (!this.direct) {
      socket.on('data', (chunk: Buffer) => this.onData(chunk, false));
      socket.resume();
    }
    socket.on('drain', () => this.onDrain());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.onClose());
  }

  /** Input arrived; `transient` bytes are overwritten by the next read, so what is left of them is copied. */
  private onData(chunk: Buffer, transient: boolean): void {
    if (this.closing) return;
    this.parser.feed(chunk, transient);
    if (this.parser.buffered > QUERY_BUFFER_LIMIT) {
      // Redis closes such a client without a reply ("closing client that reached max query buffer length").
      this.closing = true;
      this.socket.destroy();
      return;
    }
    try {
      this.process();
    } finally {
      if (transient) this.parser.detach();
    }
  }

  /** Execute every complete request in the input, unless blocked, closing or waiting for the socket to drain. */
  process(): void {
    this.scheduled = false;
    const server = this.server;
    const out = server.writer;
    // Bytes still pending here belong to a batch that threw before its flush: never send them to this client.
    if (out.pending > 0) out.discard();
    this.parser.maxBulkLen = server.maxBulkLen();
    while (!this.blocked && !this.closing) {
      if (out.pending + this.socket.writableLength > OUTPUT_HIGH_WATER) {
        // Hand the replies to the socket. If it could not take them all, wait for 'drain' without reading or
        // executing more; if the kernel took them, go on in a later turn so other clients get their share.
        this.flush();
        if (this.socket.writableNeedDrain) this.pause();
        else this.schedule();
        break;
      }
      const req = this.parser.next();
      if (req === null) break;
      if (!Array.isArray(req)) {
        out.raw(`-ERR Protocol error: ${req.protocolError}\r\n`);
        this.closeAfterReply();
        break;
      }
      if (req.length === 0) continue;
      if (isQuit(req[0])) {
        // Redis answers QUIT before looking at its arguments or at MULTI, then closes.
        out.raw(QUIT_REPLY);
        this.closeAfterReply();
        break;
      }
      const reply = server.execute(this, req);
      if (reply === null) {
        this.blocked = true;
        break;
      }
      out.reply(reply, server.respOf(this.clientId));
    }
    this.flush();
    if (this.blocked && !this.paused && this.parser.buffered > BLOCKED_INPUT_LIMIT) this.pause();
    server.afterBatch();
  }

  /** A blocked command finished (served, timed out, unblocked): send its reply and go on with the input. */
  wake(reply: Reply): void {
    if (this.closed) return;
    this.blocked = false;
    this.socket.write(encode(reply, this.server.respOf(this.clientId)), 'latin1');
    this.schedule();
  }

  /** Run `process()` on a later turn of the event loop (never re-entrantly from another client's command). */
  schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      if (this.paused && !this.blocked) this.resume();
      else this.process();
    });
  }

  /** Close now, without sending anything more (CLIENT KILL, server shutdown). */
  kill(): void {
    this.closing = true;
    this.socket.destroy();
  }

  /** Write the batch's replies (every batch ends here: the writer is shared by all connections). */
  private flush(): void {
    const out = this.server.writer;
    if (out.pending === 0) return;
    if (this.closed) {
      out.discard();
      return;
    }
    out.flushTo(this.socket);
    if (this.closing) this.finishClose();
  }

  private closeAfterReply(): void {
    this.closing = true;
    if (this.server.writer.pending === 0) this.finishClose();
  }

  private finishClose(): void {
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
  }

  private resume(): void {
    this.paused = false;
    this.socket.resume();
    this.process();
  }

  private onDrain(): void {
    if (this.paused && !this.blocked) this.resume();
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.closing = true;
    this.server.dropped(this);
  }
}

/** `quit` in any case (ASCII only, as strcasecmp): checked before every command, so without toLowerCase. */
function isQuit(name: string): boolean {
  return (
    name.length === 4 &&
    (name.charCodeAt(0) | 0x20) === 0x71 &&
    (name.charCodeAt(1) | 0x20) === 0x75 &&
    (name.charCodeAt(2) | 0x20) === 0x69 &&
    (name.charCodeAt(3) | 0x20) === 0x74
  );
}
