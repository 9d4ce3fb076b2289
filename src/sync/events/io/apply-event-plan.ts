// Applies an event plan: what noChange operations record first (hashes, rows of deleted teams; no request), then the writes wave by
// wave (../schedule/execution-order.ts: a move's create only after every delete) through the MailboxDispatcher —
// at most 4 in flight per mailbox and 10,000 per 10 minutes, while up to `maxInFlight` run at once across teams
// (default 4 × the wave's mailboxes, at most MAX_EVENTS_IN_FLIGHT).
// One event's failure is recorded on its row and the others go on; an AuthorizationRequiredError stops dispatching,
// lets the requests in flight settle, and is rethrown. An aborted signal stops dispatching the same way, quietly.
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventOperation, EventWriteOperation } from '../event-operations.js';
import { executionWaves } from '../schedule/execution-order.js';
import { MailboxDispatcher } from '../schedule/mailbox-dispatcher.js';
import { OUTLOOK_LIMITS, type OutlookLimits } from '../schedule/outlook-limits.js';
import { type AppliedEvent, type ApplyEventDeps, applyEventOperation } from './apply-event-operation.js';

/**
 * The most operations in flight across all mailboxes. Outlook allows 4 per mailbox (each team's group calendar is its
 * own), so the default is 4 × the mailboxes with work in the wave, capped here: 256 at once cannot pass Outlook's
 * app-wide 130,000 requests per 10 s unless answers come back in under 20 ms (256 / 0.02 s = 12,800/s), which Graph's
 * never do, so that limit needs no window of its own; it also bounds the sockets (Node's fetch opens one per
 * request in flight, with no limit per origin) and the memory of the requests waiting. 64 mailboxes keep it busy.
 */
export const MAX_EVENTS_IN_FLIGHT = 256;

/** Operations in flight for a wave over `mailboxes` mailboxes: 4 each (Outlook's limit), at most 256. */
export function eventsInFlightFor(mailboxes: number, limits: OutlookLimits = OUTLOOK_LIMITS): number {
  return Math.max(1, Math.min(limits.concurrentPerMailbox * mailboxes, MAX_EVENTS_IN_FLIGHT));
}

export interface ApplyPlanInput extends ApplyEventDeps {
  operations: readonly EventOperation[];
  maxInFlight?: number;
  limits?: OutlookLimits;
  signal?: AbortSignal;
  onApplied?: (operation: EventWriteOperation, result: AppliedEvent) => void;
}

export async function applyEventPlan(input: ApplyPlanInput): Promise<void> {
  for (const op of input.operations) {
    if (op.kind === 'noChange' && op.recordHash !== undefined) {
      await input.store.recordHash(op.eventId, op.recordHash, input.nowMs());
    }
    if (op.kind === 'noChange' && op.markTeamDeleted !== undefined) {
      await input.store.recordTeamDeleted(op.eventId, op.markTeamDeleted, input.nowMs());
    }
  }
  for (const wave of executionWaves(input.operations)) {
    await runWave(wave, input);
    if (input.signal?.aborted) return;
  }
}

async function runWave(wave: EventWriteOperation[], input: ApplyPlanInput): Promise<void> {
  const dispatcher = new MailboxDispatcher(wave, input.limits);
  const maxInFlight = input.maxInFlight ?? eventsInFlightFor(dispatcher.mailboxes, input.limits);
  const running = new Set<Promise<void>>();
  // A holder, not a `let`: the callbacks below set it, which control-flow narrowing cannot see.
  const state: { stop: { error: unknown } | null } = { stop: null };
  const start = (op: EventWriteOperation) => {
    const task = applyEventOperation(op, input)
      .then((result) => input.onApplied?.(op, result))
      .catch((error: unknown) => {
        state.stop ??= { error };
      })
      .finally(() => {
        dispatcher.finished(op);
        running.delete(task);
      });
    running.add(task);
  };
  while (state.stop === null && !input.signal?.aborted) {
    const step = running.size < maxInFlight ? dispatcher.next(Date.now()) : ({ kind: 'wait', waitMs: null } as const);
    if (step.kind === 'start') {
      start(step.operation);
      continue;
    }
    if (step.kind === 'done' && running.size === 0) break;
    // Wait for a slot (an operation finishing) or for the mailbox window to slide, whichever comes first.
    const waits: Promise<unknown>[] = [...running];
    if (step.kind === 'wait' && step.waitMs !== null) {
      const signal = input.signal;
      waits.push(sleep(step.waitMs, undefined, signal ? { signal } : {}).catch(() => undefined));
    }
    if (waits.length === 0) break;
    await Promise.race(waits);
  }
  await Promise.allSettled([...running]);
  if (state.stop !== null) throw state.stop.error;
}
