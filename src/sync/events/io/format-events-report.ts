// The CLI's words for an event sync run: one line for the run, its warnings, then each offering with its status and
// counts and each event with what happened and its Teams join link. Times are UTC (the meetings themselves are in
// the Outlook Time Zone, named in the first line). `progressLine` is the terminal's progress bar.
import type { EventResult, EventsRunProgress, EventsRunReport } from './events-run-types.js';

const BAR_WIDTH = 24;

export function progressLine(progress: EventsRunProgress): string {
  if (progress.phase === 'plan') return progress.message;
  const filled = progress.total === 0 ? BAR_WIDTH : Math.round((progress.done / progress.total) * BAR_WIDTH);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
  return `[${bar}] ${progress.done}/${progress.total} event ${progress.eventId} (${progress.offeringKey}): ${progress.outcome}`;
}

function countsInWords(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([name, value]) => `${name} ${value}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}

function eventLine(event: EventResult): string {
  const when = event.start === null ? '(deleted in Elentra)' : `${event.start.slice(0, 16).replace('T', ' ')}Z`;
  const what = `${event.action} (${event.reason}) → ${event.outcome}`;
  const title = event.title ?? `event ${event.eventId}`;
  const link = event.joinUrl ? `\n      join: ${event.joinUrl}` : '';
  const message = event.message ? `\n      ${event.message}` : '';
  return `    ${when}  #${event.eventId} ${title}: ${what}${link}${message}`;
}

export function formatEventsReport(report: EventsRunReport): string {
  const lines = [
    `Event sync ${report.dryRun ? '(dry run) ' : ''}run ${report.runId}: ${report.status} — ` +
      `${countsInWords(report.counts)}; ${report.requests} Graph request(s); meetings in ${report.outlookTimeZone}.`,
  ];
  const { options } = report;
  lines.push(
    `Events from ${options.windowFrom.slice(0, 10)} to ${options.windowUntil.slice(0, 10)}; ` +
      `${options.onlineMeetings ? 'Teams meetings' : 'calendar events without Teams meetings'}; ` +
      `${options.onlyOfferingAudience ? "only events whose audience is the offering's" : 'every audience'}.`,
  );
  for (const warning of report.warnings) lines.push(`Warning: ${warning}`);
  if (report.error) lines.push(`Error: ${report.error}`);
  for (const offering of report.offerings) {
    lines.push(`  ${offering.displayName} [${offering.status}]: ${countsInWords(offering.counts)}`);
    if (offering.message) lines.push(`    ${offering.message}`);
    for (const event of offering.events) lines.push(eventLine(event));
  }
  return `${lines.join('\n')}\n`;
}
