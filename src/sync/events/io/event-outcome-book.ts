// The run's account of every event it looked at, grouped by offering: filled from the plan (what it means to do),
// updated as each write answers, and summed up per offering into a status, counts and one message in words — what
// `sync_offering_results` and the CLI show. Events skipped without a meeting (out of the window, unreleased, never
// synced) are not listed: nothing was or will be done to them. The delete of a create never confirmed counts as
// `deleted` when it found the meeting, and as `neverMade` (neutral, not an error) when there was none.
import type { OfferingStatus } from '../../../db/tables.js';
import type { LearningEvent, Offering } from '../../../elentra/roster/roster-types.js';
import type { EventOperation, EventWriteOperation } from '../event-operations.js';
import type { ObservedEventRow } from '../event-rows.js';
import type { EventPlan } from '../plan-events.js';
import type { AppliedEvent } from './apply-event-operation.js';
import type { EventResult, OfferingEventsOutcome } from './events-run-types.js';

const DONE_COUNTER: Record<string, string> = {
  createEvent: 'created',
  updateEvent: 'updated',
  repairMeeting: 'repaired',
  deleteEvent: 'deleted',
};

function reasonOf(op: EventOperation): string {
  if (op.kind === 'updateEvent') return op.fields.join(', ');
  if (op.kind === 'repairMeeting') return 'meeting-missing';
  // The delete of a create never confirmed: it looks the meeting up first, and may find none (`never-made`).
  if (op.kind === 'deleteEvent' && op.unconfirmed) return `${op.reason}, create unconfirmed`;
  return op.reason;
}

/** A meeting that went with its team (recorded before any write: nothing to wait for). */
const TEAM_DELETED =
  'Its team was deleted in Microsoft, and the meeting with it (see docs/troubleshooting.md#team-deleted).';

function outcomeAtStart(op: EventOperation, dryRun: boolean): EventResult['outcome'] {
  if (op.kind === 'noChange') return op.reason !== 'team-deleted' ? 'unchanged' : dryRun ? 'planned' : 'team-deleted';
  return dryRun ? 'planned' : 'not-run';
}

function hasNoLink(op: EventOperation): boolean {
  return (
    op.kind === 'createEvent' || op.kind === 'deleteEvent' || (op.kind === 'noChange' && op.reason === 'team-deleted')
  );
}

function keyOf(op: { eventId: number; kind: string }): string {
  return `${op.eventId}/${op.kind}`;
}

export class EventOutcomeBook {
  readonly #byOffering = new Map<string, Map<string, EventResult>>();
  readonly #planWarnings = new Map<string, string[]>();
  readonly #offerings: ReadonlyMap<string, Offering>;

  constructor(plan: EventPlan, offerings: readonly Offering[], rows: readonly ObservedEventRow[], dryRun: boolean) {
    this.#offerings = new Map(offerings.map((offering) => [offering.key, offering]));
    for (const offering of offerings) this.#byOffering.set(offering.key, new Map());
    const events = new Map<number, LearningEvent>();
    for (const offering of offerings) for (const event of offering.events) events.set(event.eventId, event);
    const joinUrls = new Map(rows.map((row) => [row.event_id, row.join_url]));
    for (const op of plan.operations) {
      const event = events.get(op.eventId);
      this.#put(op.offeringKey, keyOf(op), {
        eventId: op.eventId,
        offeringKey: op.offeringKey,
        title: event?.title ?? null,
        start: event?.start.toISOString() ?? null,
        action: op.kind,
        reason: reasonOf(op),
        outcome: outcomeAtStart(op, dryRun),
        joinUrl: hasNoLink(op) ? null : (joinUrls.get(op.eventId) ?? null),
        message: op.kind === 'noChange' && op.reason === 'team-deleted' ? TEAM_DELETED : null,
      });
    }
    for (const deferred of plan.deferred) {
      const { event } = deferred;
      this.#put(deferred.offeringKey, `${event.eventId}/deferred`, {
        eventId: event.eventId,
        offeringKey: deferred.offeringKey,
        title: event.title,
        start: event.start.toISOString(),
        action: 'deferred',
        reason: deferred.reason,
        outcome: 'deferred',
        joinUrl: null,
        message: null,
      });
    }
    for (const warning of plan.warnings) {
      const list = this.#planWarnings.get(warning.offeringKey) ?? [];
      list.push(warning.message);
      this.#planWarnings.set(warning.offeringKey, list);
      this.#byOffering.set(warning.offeringKey, this.#byOffering.get(warning.offeringKey) ?? new Map());
    }
  }

  applied(op: EventWriteOperation, result: AppliedEvent): void {
    const entry = this.#byOffering.get(op.offeringKey)?.get(keyOf(op));
    if (!entry) return;
    entry.outcome = result.outcome;
    entry.joinUrl = result.joinUrl;
    entry.message = result.message;
  }

  outcomes(): OfferingEventsOutcome[] {
    return [...this.#byOffering].map(([offeringKey, entries]) => this.#summarise(offeringKey, [...entries.values()]));
  }

  #put(offeringKey: string, key: string, result: EventResult): void {
    let entries = this.#byOffering.get(offeringKey);
    if (!entries) {
      entries = new Map();
      this.#byOffering.set(offeringKey, entries);
    }
    entries.set(key, result);
  }

  #summarise(offeringKey: string, events: EventResult[]): OfferingEventsOutcome {
    const counts: Record<string, number> = {};
    const add = (name: string) => {
      counts[name] = (counts[name] ?? 0) + 1;
    };
    let lastError: string | null = null;
    for (const event of events) {
      if (event.outcome === 'unchanged') add('unchanged');
      else if (event.outcome === 'deferred') add('deferred');
      else if (event.outcome === 'planned') add(`planned:${event.action}`);
      else if (event.outcome === 'error') {
        add('errors');
        lastError = event.message;
      } else if (event.outcome === 'not-run') add('notRun');
      else if (event.outcome === 'team-deleted') add('teamDeleted');
      // Neither done nor failed: the unconfirmed create had made nothing, so there was nothing to delete.
      else if (event.outcome === 'never-made') add('neverMade');
      else {
        add(DONE_COUNTER[event.action] ?? event.action);
        if (event.outcome === 'meeting-missing') add('meetingMissing');
        if (event.outcome === 'gone') add('gone');
      }
    }
    const warnings = [...(this.#planWarnings.get(offeringKey) ?? [])];
    if (counts.meetingMissing) {
      warnings.push(
        `${counts.meetingMissing} meeting(s) came back without a Teams join link; the next run repairs them.`,
      );
    }
    if (counts.gone) warnings.push(`${counts.gone} event(s) had been deleted in Outlook; the next run recreates them.`);
    if (counts.teamDeleted) {
      warnings.push(
        `${counts.teamDeleted} meeting(s) went with a team deleted in Microsoft; none is made there again ` +
          '(see docs/troubleshooting.md#team-deleted).',
      );
    }
    const waiting = events.filter((event) => event.outcome === 'deferred');
    const noTeamYet = waiting.filter((event) => event.reason === 'no-team').length;
    if (noTeamYet > 0) {
      warnings.push(`The team does not exist yet (run microsoft:sync-teams): ${noTeamYet} event(s) wait for it.`);
    }
    if (waiting.length > noTeamYet) {
      warnings.push(
        `The team was deleted in Microsoft: ${waiting.length - noTeamYet} event(s) have no meeting until it is ` +
          'restored or recreated (see docs/troubleshooting.md#team-deleted).',
      );
    }
    const status: OfferingStatus = counts.errors ? 'error' : warnings.length > 0 ? 'warning' : 'ok';
    const message = counts.errors
      ? `${counts.errors} event(s) failed; the last: ${lastError ?? 'unknown error'}`
      : warnings.length > 0
        ? warnings.join(' ')
        : null;
    const offering = this.#offerings.get(offeringKey);
    const displayName = offering
      ? `${offering.courseCode}: ${offering.courseName} (${offering.period.title})`
      : offeringKey;
    events.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.eventId - b.eventId);
    return { offeringKey, displayName, status, counts, message, events };
  }
}
