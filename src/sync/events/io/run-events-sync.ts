// runEventsSync(): learning events → Teams meetings (issue 6). Read the roster → which events (select) → plan against
// ms_events → apply in the scheduled order under Outlook's per-mailbox limits → record the run, each offering's
// result and each event's row. Level-triggered: a run that died anywhere is finished by the next (pending rows are
// retried with their transactionId). A dry run plans and records its run, and sends nothing to Microsoft.
import { windowsToIana } from '../../../time/index.js';
import { eventWindow } from '../event-window.js';
import type { MeetingOptions } from '../meeting-payload.js';
import { resolveOutlookTimeZone } from '../outlook-zone.js';
import { type EventPlan, planEvents } from '../plan-events.js';
import { selectEvents } from '../select-events.js';
import { applyEventPlan } from './apply-event-plan.js';
import { errorInWords } from './error-words.js';
import { EventOutcomeBook } from './event-outcome-book.js';
import type { EventsRunDeps, EventsRunOptions, EventsRunReport, OfferingEventsOutcome } from './events-run-types.js';

const STOPPED = 'Stopped before it finished; the next run picks the work up again.';

export async function runEventsSync(deps: EventsRunDeps, options: EventsRunOptions): Promise<EventsRunReport> {
  const now = deps.now();
  const requestsAtStart = deps.graphRequests();
  const window = eventWindow(now, deps.settings.window);
  const planned = {
    windowFrom: window.from.toISOString(),
    windowUntil: window.until.toISOString(),
    onlineMeetings: deps.settings.onlineMeetings,
    onlyOfferingAudience: deps.settings.onlyOfferingAudience,
  };
  const runId = await deps.records.start({
    triggeredBy: deps.triggeredBy,
    startedAtMs: now.getTime(),
    dryRun: options.dryRun,
  });
  const warnings: string[] = [];
  let outlookTimeZone = 'UTC';
  let outcomes: OfferingEventsOutcome[] = [];
  let plan: EventPlan | null = null;
  const finish = async (error: string | null): Promise<EventsRunReport> => {
    const requests = deps.graphRequests() - requestsAtStart;
    for (const outcome of outcomes) {
      const { offeringKey, status, counts, message } = outcome;
      await deps.records.offering(runId, { offeringKey, status, counts, message });
    }
    const status =
      error !== null || outcomes.some((o) => o.status === 'error')
        ? 'error'
        : warnings.length > 0 || outcomes.some((o) => o.status !== 'ok')
          ? 'warning'
          : 'ok';
    const counts: Record<string, number> = { ...(plan?.counts ?? {}) };
    for (const outcome of outcomes) {
      for (const [name, value] of Object.entries(outcome.counts)) counts[name] = (counts[name] ?? 0) + value;
    }
    await deps.records.finish(runId, { finishedAtMs: deps.now().getTime(), status, counts, requests, error });
    return {
      runId,
      dryRun: options.dryRun,
      status,
      outlookTimeZone,
      options: planned,
      warnings,
      counts,
      offerings: outcomes,
      requests,
      error,
    };
  };
  try {
    const stored = await deps.storedOutlookTimeZone();
    outlookTimeZone = resolveOutlookTimeZone(stored, deps.settings.defaultTimeZone);
    const zoneWarning = outlookZoneWarning(stored, outlookTimeZone, deps.settings.defaultTimeZone);
    if (zoneWarning !== null) warnings.push(zoneWarning);
    const roster = await deps.readRoster({ now, courseIds: options.courseIds ?? null });
    options.onProgress?.({ phase: 'plan', message: `Planning the events of ${roster.offerings.length} offering(s)…` });
    const selection = selectEvents({
      offerings: roster.offerings,
      teams: await deps.teams(),
      deletedTeams: await deps.deletedTeams(),
      now,
      window,
      onlyOfferingAudience: deps.settings.onlyOfferingAudience,
      people: roster.people,
    });
    // Every row, not only this roster's offerings: an event moved here from an offering outside `--course` has its
    // row (and meeting) there, and must be moved, not created a second time.
    const rows = await deps.store.listRows(null);
    const meeting: MeetingOptions = {
      entradaUrl: deps.settings.entradaUrl,
      outlookTimeZone,
      onlineMeetings: deps.settings.onlineMeetings,
    };
    plan = planEvents({ selection, rows, window, meeting, site: deps.settings.site });
    const book = new EventOutcomeBook(plan, roster.offerings, rows, options.dryRun);
    if (options.dryRun) {
      outcomes = book.outcomes();
      return await finish(null);
    }
    const total = plan.operations.length - plan.counts.noChange;
    let done = 0;
    try {
      await applyEventPlan({
        operations: plan.operations,
        store: deps.store,
        gateway: deps.gateway,
        meeting,
        nowMs: () => deps.now().getTime(),
        ...(deps.maxInFlight ? { maxInFlight: deps.maxInFlight } : {}),
        ...(deps.limits ? { limits: deps.limits } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onApplied: (op, result) => {
          book.applied(op, result);
          done += 1;
          const { eventId, offeringKey } = op;
          options.onProgress?.({ phase: 'apply', done, total, eventId, offeringKey, outcome: result.outcome });
        },
      });
    } finally {
      outcomes = book.outcomes();
    }
    return await finish(options.signal?.aborted ? STOPPED : null);
  } catch (error) {
    await finish(errorInWords(error));
    throw error;
  }
}

/** Why the meetings are not in a zone an administrator chose, in words; null when they are. */
function outlookZoneWarning(stored: string | null, used: string, defaultZone: string): string | null {
  const fallback =
    `meetings are written in ${used}, the Windows zone of DEFAULT_TIMEZONE (${defaultZone}). Choose the Outlook ` +
    'Time Zone on the Microsoft Account page; see docs/troubleshooting.md#time-zone-mismatch.';
  if (stored === null) return `No Outlook Time Zone is chosen on the Microsoft Account page: ${fallback}`;
  if (windowsToIana(stored) === null) return `The Outlook Time Zone "${stored}" is not a Windows zone: ${fallback}`;
  return null;
}
