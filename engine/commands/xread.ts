import type { TableEntry } from '../table.ts';

export const xreadCommands: readonly TableEntry[] = [];
