// Child process for test/many-instances.test.ts: runs the real `elentra-teams` command line with the arguments and
// the environment it is given (`serve`, `schedule:run`, …), as a separate operating-system process on one server.
import { processIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(['node', 'elentra-teams', ...process.argv.slice(2)], processIo());
