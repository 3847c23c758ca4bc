import type { TableEntry } from '../table.ts';

export const pelCommands: readonly TableEntry[] = [];
