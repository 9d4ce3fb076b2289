// Child process for the kill test (test/sync-teams-kill.test.ts): runs `elentra-teams microsoft:sync-teams` with the
// settings from its environment, exactly as the CLI does, so the parent can SIGKILL it at any point of a run.

import { processIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(['node', 'elentra-teams', 'microsoft:sync-teams', ...process.argv.slice(2)], processIo());
