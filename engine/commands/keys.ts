import type { TableEntry } from '../table.ts';

export const keyCommands: readonly TableEntry[] = [];
