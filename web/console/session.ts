/**
 * One console: an xterm terminal, its line input and history, and the redis-cli read-eval-print loop. Keys typed
 * while a command runs or blocks wait (as a tty buffers them) and are replayed afterwards, so a paste of many lines
 * runs them in order; consecutive plain commands go to the engine in one batch.
 */
import type { Terminal } from '@xterm/xterm';
import { splitArgs, utf8ToBinary, type Reply } from '../../engine/index.ts';
import type { BatchResult } from '../../engine/worker.ts';
import { complete } from './complete.ts';
import { docs, docsReady } from './docs.ts';
import { formatChunks, forTerminal } from './format.ts';
import { History, localStore } from './history.ts';
import { LineInput } from './input.ts';
import { parseKeys } from './keys.ts';
import { isMeta, parseMeta, type MetaAction } from './meta.ts';
import { drawLine } from './render.ts';
import { REPEAT_PREFIX, overRepeatCap, repeatCapNote, withRepeat } from './repeat.ts';
import type { Summary } from '../../engine/worker.ts';

/** What a console needs from the playground. */
export interface ConsoleHost {
  summary(): Summary | null;
  promptBase(): string;
  hints(): boolean;
  setHints(on: boolean): void;
  execBatch(session: ConsoleSession, argvs: readonly (readonly string[])[]): Promise<BatchResult>;
  /** Carry out a console command; returns the text to print. */
  meta(action: MetaAction): Promise<string>;
  /** Why a command may not run here (a lesson's list of commands), or '' when it may. */
  refusal(argv: readonly string[]): string;
  /** Ctrl-C on a blocked command: drop the connection and open a new one for this console. */
  reconnect(session: ConsoleSession): Promise<void>;
  /** The console's blocked state changed (the UI shows it). */
  changed(session: ConsoleSession): void;
}

type State = 'idle' | 'busy' | 'blocked';

/** Commands after which the prompt may change: a batch ends with them. */
const PROMPT_CHANGERS = new Set(['select', 'multi', 'exec', 'discard', 'hello', 'reset', 'swapdb']);
/** Words the console answers itself (never sent to the engine). */
const CONSOLE_WORDS = new Set(['clear', 'help', '?', 'quit', 'exit']);
const NOTE = (s: string) => `\x1b[33m${s}\x1b[0m\r\n`;

export class ConsoleSession {
  state: State = 'idle';
  /** The command this console waits on while blocked. */
  blockedOn = '';
  /** What the up arrow and Ctrl-R recall (saved to localStorage off the typing path). */
  readonly history: History;
  private readonly input: LineInput;
  private typeahead = '';
  private cursorRow = 0;
  private blockedSince = 0;
  /** A wake-up that arrived while this console was still printing the replies before the block. */
  private earlyWake: Reply | null = null;

  constructor(
    readonly uid: string,
    public name: string,
    public clientId: number,
    readonly term: Terminal,
    private readonly host: ConsoleHost,
  ) {
    this.history = new History(localStore(() => `streams-playground:history:${this.name}`));
    this.input = new LineInput(
      this.history,
      (line, cursor) => complete(line, cursor, host.summary(), this.db()),
      (line) => this.hint(line),
    );
    term.onData((d) => this.receive(d));
    // Tab completes, so leaving the console by keyboard is Shift-Tab, or Esc then Tab (no keyboard trap).
    let escaped = false;
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      if (e.key === 'Tab' && (e.shiftKey || escaped)) {
        escaped = false;
        return false;
      }
      escaped = e.key === 'Escape';
      return true;
    });
  }

  /** Print the first prompt. */
  start(): void {
    this.redraw();
  }

  db(): number {
    return this.host.summary()?.clients.find((c) => c.id === this.clientId)?.db ?? 0;
  }

  prompt(): string {
    const c = this.host.summary()?.clients.find((x) => x.id === this.clientId);
    return `${this.host.promptBase()}${c && c.db !== 0 ? `[${c.db}]` : ''}${c?.multi ? '(TX)' : ''}> `;
  }

  /** The terminal's text once everything written so far is on screen (xterm parses writes in a later task). */
  writtenText(): Promise<string> {
    return new Promise((resolve) => this.term.write('', () => resolve(this.text())));
  }

  /** The terminal's text, wrapped rows joined (test hook and accessibility). */
  text(): string {
    const buf = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      const s = line.translateToString(true);
      if (line.isWrapped && rows.length > 0) rows[rows.length - 1] += s;
      else rows.push(s);
    }
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows.join('\n');
  }

  /** Terminal input. While busy or blocked it waits, except Ctrl-C, which cancels a blocked command. */
  receive(data: string): void {
    if (this.state !== 'idle') {
      if (this.state === 'blocked' && data.includes('\x03')) {
        void this.cancelBlocked();
        return;
      }
      this.typeahead += data;
      return;
    }
    const keys = parseKeys(data);
    for (let i = 0; i < keys.length; i++) {
      const out = this.input.press(keys[i]);
      if (out.do === 'submit') {
        // The rest of the keys wait until the command is done.
        this.typeahead = afterFirstEnter(data) + this.typeahead;
        void this.submit(out.line);
        return;
      }
      if (out.do === 'interrupt') {
        this.finishLine('^C');
        this.input.reset();
      } else if (out.do === 'clear-screen') {
        this.term.clear();
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
      }
    }
    this.redraw();
  }

  /** A reply for this blocked console arrived (woken by another console, a timeout or the clock). */
  async deliver(reply: Reply): Promise<void> {
    if (this.state === 'busy') {
      this.earlyWake = reply;
      return;
    }
    if (this.state !== 'blocked') return;
    await this.printReply(reply);
    const elapsed = Date.now() - this.blockedSince;
    if (elapsed >= 500) await this.write(`(${(elapsed / 1000).toFixed(2)}s)\r\n`);
    this.setState('idle');
    this.resume();
  }

  /** A message from the playground (engine restarted, …), printed without disturbing the edited line. */
  note(text: string): void {
    if (this.state === 'idle') {
      this.term.write((this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '') + '\r\x1b[J' + NOTE(text));
      this.cursorRow = 0;
      this.redraw();
    } else {
      this.term.write(NOTE(text));
    }
  }

  /**
   * Show a session's transcript instead of what was typed (scenario load, timeline jump): the terminal is cleared and
   * `text` (CRLF lines) written; the console is then idle at its prompt, or waiting on `blockedOn` when not ''.
   */
  showTranscript(text: string, blockedOn: string): void {
    this.term.reset();
    this.term.write(text);
    this.cursorRow = 0;
    this.typeahead = '';
    this.earlyWake = null;
    this.input.reset();
    this.blockedSince = Date.now();
    this.state = blockedOn ? 'blocked' : 'idle';
    this.blockedOn = blockedOn;
    this.host.changed(this);
    this.redraw();
  }

  /** Redraw the prompt line (after the prompt or hints setting changed). */
  redraw(): void {
    if (this.state !== 'idle') return;
    const d = drawLine(this.input.view(this.prompt()), this.term.cols, this.cursorRow);
    this.term.write(d.out);
    this.cursorRow = d.cursorRow;
  }

  private hint(line: string): string {
    if (!this.host.hints() || line.trim() === '' || isMeta(line)) return '';
    const args = splitArgs(utf8ToBinary(line));
    if (!args || args.length === 0) return '';
    // Like redis-cli, only words followed by a space count; the command word alone already gets its hint.
    const endSpace = /\s$/.test(line);
    const words = endSpace || args.length === 1 ? args : args.slice(0, -1);
    const h = docs.hint(words).trim();
    if (!h) return '';
    return endSpace ? h : ' ' + h;
  }

  /** End the edited line: redraw without the hint, add `suffix`, move to a new row. */
  private finishLine(suffix = ''): void {
    const v = this.input.view(this.prompt());
    const d = drawLine({ ...v, hint: '', cursor: v.text.length }, this.term.cols, this.cursorRow);
    this.term.write(d.out + suffix + '\r\n');
    this.cursorRow = 0;
  }

  private async submit(line: string): Promise<void> {
    this.finishLine();
    this.input.reset();
    this.setState('busy');
    try {
      await this.run(line);
    } catch (e) {
      await this.write(NOTE(e instanceof Error && e.name === 'WorkerDied' ? 'The engine restarted from its last saved state; this command did not run.' : `Console error: ${String(e)}`));
    }
    // Still busy: the command answered (blocked consoles resume on delivery; an early wake already resumed).
    if (this.state === 'busy') {
      this.setState('idle');
      this.resume();
    }
  }

  private async run(line: string): Promise<void> {
    if (line.trim() === '') return;
    if (isMeta(line)) {
      await this.write(toCrlf(await this.host.meta(parseMeta(line))));
      return;
    }
    const argv = splitArgs(utf8ToBinary(line));
    if (!argv) return this.write('Invalid argument(s)\r\n');
    if (argv.length === 0) return;
    const cmd = argv[0].toLowerCase();
    if (cmd === 'clear') {
      this.term.clear();
      return this.write('\x1b[H\x1b[2J');
    }
    if (cmd === 'help' || cmd === '?') {
      await docsReady;
      return this.write(toCrlf(helpFor(argv.slice(1))));
    }
    if ((cmd === 'quit' || cmd === 'exit') && argv.length === 1) return this.write(NOTE('This console stays open: close its tab to end the connection.'));
    const cmds = withRepeat(argv);
    const refused = this.host.refusal(cmds[0]);
    if (refused) return this.write(NOTE(refused));
    // A capped line runs alone, its note after its replies, where the eye is (thousands of replies would scroll a
    // note above them out of sight).
    const capped = repeatCapNote(argv);
    await this.runBatch(line, cmds, capped !== '');
    if (capped) await this.write(NOTE(capped));
  }

  /**
   * Run `line` (already split into `first`, one argv per repeat) plus, unless `alone`, any plain command lines
   * waiting in the typeahead, in one engine round trip. Every line may carry a repeat count.
   */
  private async runBatch(line: string, first: string[][], alone: boolean): Promise<void> {
    const batch: BatchLine[] = [{ text: line, from: 0, count: first.length }];
    const argvs = [...first];
    const ends = (a: readonly string[]) => PROMPT_CHANGERS.has((a[0] ?? '').toLowerCase());
    let ended = alone || first.some(ends);
    while (!ended) {
      const next = plainLine(this.typeahead);
      if (next === undefined || next.trim() === '' || isMeta(next)) break;
      const argv = splitArgs(utf8ToBinary(next));
      // Lines the console handles itself, or refuses, run on their own (through run()).
      // (So do lines over the repeat cap, so that run() says so.)
      if (!argv || argv.length === 0 || CONSOLE_WORDS.has(argv[0].toLowerCase()) || overRepeatCap(argv)) break;
      const cmds = withRepeat(argv);
      if (this.host.refusal(cmds[0])) break;
      batch.push({ text: next, from: argvs.length, count: cmds.length });
      argvs.push(...cmds);
      ended = ends(cmds[0]);
      this.typeahead = this.typeahead.slice(next.length + 1);
      this.input.editor.set('');
    }
    const prompt = this.prompt();
    const r = await this.host.execBatch(this, argvs);
    const echoes = new Map(batch.slice(1).map((b) => [b.from, b.text]));
    // Echoes and replies are gathered into few writes; only big replies are written a chunk at a time.
    let out = '';
    for (let i = 0; i < r.steps.length; i++) {
      const echo = echoes.get(i);
      if (echo !== undefined) out += `${prompt}${echo}\r\n`;
      const reply = r.steps[i].reply;
      if (!reply) continue;
      for (const chunk of formatChunks(reply)) {
        out += forTerminal(chunk);
        if (out.length > 32_768) {
          await this.write(out);
          out = '';
        }
      }
    }
    if (out) await this.write(out);
    const last = r.steps[r.steps.length - 1];
    if (last && last.reply === null) {
      // Blocked: what did not run goes back in front of the typeahead (the rest of a repeat as a shorter repeat).
      this.typeahead = unrunLines(batch, r.steps.length).map((l) => l + '\r').join('') + this.typeahead;
      this.blockedSince = Date.now();
      this.blockedOn = (argvs[r.steps.length - 1]?.[0] ?? '').toUpperCase();
      this.setState('blocked');
      const early = this.earlyWake;
      this.earlyWake = null;
      if (early) await this.deliver(early);
    }
  }

  private async printReply(reply: Reply): Promise<void> {
    for (const chunk of formatChunks(reply)) await this.write(forTerminal(chunk));
  }

  private async cancelBlocked(): Promise<void> {
    this.term.write('^C\r\n');
    this.typeahead = '';
    await this.host.reconnect(this);
    this.setState('idle');
    this.resume();
  }

  /** Back at the prompt: draw it and replay what was typed meanwhile. */
  private resume(): void {
    this.cursorRow = 0;
    const pending = this.typeahead;
    this.typeahead = '';
    this.redraw();
    if (pending) this.receive(pending);
  }

  private setState(s: State): void {
    this.state = s;
    if (s !== 'blocked') this.blockedOn = '';
    this.host.changed(this);
  }

  /** Write and wait until xterm has processed it (flow control for big replies). */
  private write(s: string): Promise<void> {
    return new Promise((resolve) => this.term.write(s, resolve));
  }
}

const toCrlf = (s: string) => (s === '' ? '' : s.replace(/\r?\n/g, '\r\n') + (s.endsWith('\n') ? '' : '\r\n'));

/** The typeahead's first line when it is plain text ended by Enter (no editing keys): it can join a batch. */
function plainLine(input: string): string | undefined {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 13 || c === 10) return input.slice(0, i);
    if (c < 0x20 || c === 0x7f) return undefined;
  }
  return undefined;
}

/** What follows the first Enter of some input: the keys still to replay after a submit. */
function afterFirstEnter(data: string): string {
  const norm = data.replace(/\r\n/g, '\r');
  const at = norm.search(/[\r\n]/);
  return at < 0 ? '' : norm.slice(at + 1);
}

/** A line of a batch: its commands are `argvs[from .. from + count)` (more than one with a repeat count). */
interface BatchLine {
  readonly text: string;
  readonly from: number;
  readonly count: number;
}

/** The lines, or the rest of a repeated line, whose commands are at or after `ran` (the commands that ran). */
function unrunLines(batch: readonly BatchLine[], ran: number): string[] {
  const out: string[] = [];
  for (const b of batch) {
    const left = Math.min(b.count, b.from + b.count - ran);
    if (left <= 0) continue;
    out.push(left === b.count ? b.text : `${left} ${b.text.replace(REPEAT_PREFIX, '')}`);
  }
  return out;
}

function helpFor(args: readonly string[]): string {
  if (args.length === 0) {
    return [
      'redis-cli (Streams Playground)',
      'To get help about Redis commands type:',
      '      "help @<group>" to get a list of commands in <group>',
      '      "help <command>" for help on <command>',
      '      "help <tab>" to get a list of possible help topics',
      '',
      'To set redis-cli preferences:',
      '      ":set hints" enable online hints',
      '      ":set nohints" disable online hints',
      '',
      'Playground console commands start with ":" too; ":help" lists them.',
    ].join('\n');
  }
  return docs.helpText(args.join(' '));
}

