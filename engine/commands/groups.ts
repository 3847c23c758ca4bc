import type { TableEntry } from '../table.ts';

export const groupCommands: readonly TableEntry[] = [];
