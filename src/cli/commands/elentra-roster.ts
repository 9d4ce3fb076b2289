// `elentra:roster [--json]`: what would be synced — the course offerings found in Elentra with their owner, member and
// event counts, the people who have no e-mail (they cannot be matched to Microsoft) and the accounts left out. Read
// with the sync's ROSTER_* settings (rosterOptionsOf), so it shows the offerings the sync works on.
import type { Command } from 'commander';
import { readRoster, rosterOptionsOf, rosterToJson, summarizeRoster } from '../../elentra/index.js';
import { formatTable } from '../../lib/format-table.js';
import type { CliApp } from '../cli-app.js';
import { courseIdsOf } from '../course-ids.js';

export function registerRosterCommands(program: Command, app: CliApp): void {
  program
    .command('elentra:roster')
    .description('Show what would be synced: offerings with owner, member and event counts; people without e-mail')
    .option('--json', 'print the whole roster as JSON')
    .option('--course <id...>', 'only these course ids')
    .action(async (options: { json?: boolean; course?: string[] }) => {
      const courseIds = courseIdsOf(options.course);
      const settings = rosterOptionsOf(app.config());
      const roster = await readRoster(await app.elentra(), { ...settings, now: new Date(), courseIds });
      if (options.json) {
        app.io.out(JSON.stringify({ summary: summarizeRoster(roster), roster: rosterToJson(roster) }, null, 2));
        return;
      }
      const summary = summarizeRoster(roster);
      app.io.out(
        formatTable(
          ['Offering', 'Course', 'Period', 'Status', 'Owners', 'Members', 'Events'],
          summary.offerings.map((o) => [
            o.key,
            o.course,
            o.period,
            o.status,
            String(o.owners),
            String(o.members),
            String(o.events),
          ]),
        ),
      );
      const { totals } = summary;
      app.io.out(
        `\n${totals.offerings} offerings, ${totals.owners} owners, ${totals.members} members, ${totals.events} events, ${totals.people} people.`,
      );
      if (summary.peopleWithoutEmail.length > 0) {
        app.io.out(`\nPeople without an e-mail in Elentra (they cannot be found in Microsoft until one is added):`);
        for (const person of summary.peopleWithoutEmail) {
          app.io.out(`  - ${person.firstname} ${person.lastname} (proxy_id ${person.proxyId})`);
        }
      }
      if (summary.excluded.length > 0) {
        app.io.out('\nLeft out of every team:');
        for (const person of summary.excluded) app.io.out(`  - proxy_id ${person.proxyId}: ${person.message}`);
      }
    });
}
