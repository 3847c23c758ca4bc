/** Every command family's table entries, joined into the one command table. */
import type { TableEntry } from '../table.ts';
import { multiCommands } from './multi.ts';
import { serverCommands } from './server.ts';
import { keyCommands } from './keys.ts';
import { typeCommands } from './types.ts';
import { commandCommands } from './command.ts';
import { streamWriteCommands } from './stream-write.ts';
import { streamReadCommands } from './stream-read.ts';
import { xreadCommands } from './xread.ts';
import { groupCommands } from './groups.ts';
import { pelCommands } from './pel.ts';
import { xinfoCommands } from './xinfo.ts';

export const ALL_COMMANDS: readonly TableEntry[] = [
  ...multiCommands,
  ...serverCommands,
  ...keyCommands,
  ...typeCommands,
  ...commandCommands,
  ...streamWriteCommands,
  ...streamReadCommands,
  ...xreadCommands,
  ...groupCommands,
  ...pelCommands,
  ...xinfoCommands,
];
