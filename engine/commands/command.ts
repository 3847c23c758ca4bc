import type { TableEntry } from '../table.ts';

export const commandCommands: readonly TableEntry[] = [];
