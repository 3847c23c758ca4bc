/** The pending-entry commands: XACK, XACKDEL, XNACK, XPENDING, XCLAIM, XAUTOCLAIM. */
import type { TableEntry } from '../table.ts';
import { xackCommands } from './xack.ts';
import { xclaimCommands } from './xclaim.ts';
import { xnackCommands } from './xnack.ts';
import { xpendingCommands } from './xpending.ts';

export const pelCommands: readonly TableEntry[] = [...xackCommands, ...xnackCommands, ...xpendingCommands, ...xclaimCommands];
