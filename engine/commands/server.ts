/** Server and connection commands, joined from their concern files. */
import type { TableEntry } from '../table.ts';
import { connectionCommands } from './server-conn.ts';
import { infoCommands } from './server-info.ts';
import { configCommand } from './server-config.ts';
import { clientCommand } from './server-client.ts';
import { scriptingCommands } from './server-scripting.ts';

export const serverCommands: readonly TableEntry[] = [
  ...connectionCommands,
  ...infoCommands,
  configCommand,
  clientCommand,
  ...scriptingCommands,
];
