import type { TableEntry } from '../table.ts';

export const typeCommands: readonly TableEntry[] = [];
