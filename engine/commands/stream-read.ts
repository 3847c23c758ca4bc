import type { TableEntry } from '../table.ts';

export const streamReadCommands: readonly TableEntry[] = [];
