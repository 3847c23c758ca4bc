/** xterm.js terminals for the consoles: options and the light and dark palettes. */
import { Terminal, type ITheme } from '@xterm/xterm';

export const TERMINAL_THEMES: Readonly<Record<'light' | 'dark', ITheme>> = {
  light: {
    background: '#fbfbfa',
    foreground: '#1f2328',
    cursor: '#1f2328',
    cursorAccent: '#fbfbfa',
    selectionBackground: '#b6d3f8',
    brightBlack: '#6e7781',
    yellow: '#8a5a00',
  },
  dark: {
    background: '#15181d',
    foreground: '#e6e6e6',
    cursor: '#e6e6e6',
    cursorAccent: '#15181d',
    selectionBackground: '#3a4a63',
    brightBlack: '#8b949e',
    yellow: '#e3b341',
  },
};

export function makeTerminal(theme: 'light' | 'dark'): Terminal {
  return new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontFamily: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    // DejaVu Sans Mono (the usual monospace font on Linux) draws `_` below its cell: at a line height of 1 the DOM
    // renderer clips it away, and `key_spec_index` reads "key spec index" (xterm.js issue 4067).
    lineHeight: 1.15,
    scrollback: 5000,
    theme: TERMINAL_THEMES[theme],
    allowProposedApi: false,
  });
}
