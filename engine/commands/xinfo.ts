import type { TableEntry } from '../table.ts';

export const xinfoCommands: readonly TableEntry[] = [];
