// Every command of the program, registered on one commander instance. Add a command: write its file here and list it.
import type { Command } from 'commander';
import type { CliApp } from '../cli-app.js';
import { jobHandlers } from '../job-handlers.js';
import { registerAccountCommands } from './account.js';
import { registerConfigCommands } from './config-check.js';
import { registerDatabaseCommands } from './database.js';
import { registerDemoCommands } from './demo.js';
import { registerDoctorCommand } from './doctor.js';
import { registerRosterCommands } from './elentra-roster.js';
import { registerEmulatorCommand } from './emulator.js';
import { registerScheduleCommands } from './schedule.js';
import { registerServeCommand } from './serve.js';
import { registerSettingsCommands } from './settings.js';
import { registerStartCommand } from './start.js';
import { registerSyncEventsCommand } from './sync-events.js';
import { registerSyncTeamsCommand } from './sync-teams.js';

export function registerCommands(program: Command, app: CliApp): void {
  registerDatabaseCommands(program, app);
  registerDemoCommands(program, app);
  registerSettingsCommands(program, app);
  registerAccountCommands(program, app);
  registerConfigCommands(program, app);
  registerRosterCommands(program, app);
  registerServeCommand(program, app);
  registerStartCommand(program, app);
  registerScheduleCommands(program, app, { handlers: jobHandlers });
  registerEmulatorCommand(program, app);
  registerSyncTeamsCommand(program, app);
  registerDoctorCommand(program, app);
  registerSyncEventsCommand(program, app);
}
