import type { TableEntry } from '../table.ts';

export const streamWriteCommands: readonly TableEntry[] = [];
