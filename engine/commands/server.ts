import type { TableEntry } from '../table.ts';

export const serverCommands: readonly TableEntry[] = [];
