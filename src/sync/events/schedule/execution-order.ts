// The order event writes run in: mailboxes interleaved (one from team A, one from team B, … then the second of each),
// so that a pool of workers taking operations in order spreads over many mailboxes and rarely meets the 4-at-a-time
// limit of one (outlook-limits.ts). Two waves: every write except the creates of moved events, then those creates —
// each after its delete (plan-selected-event.ts), so a crash between the two never leaves two meetings.
import type { EventOperation, EventWriteOperation } from '../event-operations.js';
import { isWrite } from '../event-operations.js';

export function executionWaves(operations: readonly EventOperation[]): EventWriteOperation[][] {
  const first: EventWriteOperation[] = [];
  const second: EventWriteOperation[] = [];
  for (const operation of operations) {
    if (!isWrite(operation)) continue;
    if (operation.kind === 'createEvent' && operation.replaces) second.push(operation);
    else first.push(operation);
  }
  return [first, second].filter((wave) => wave.length > 0).map(interleaveByMailbox);
}

/** Round-robin over mailboxes in order of first appearance; each mailbox's own operations keep their order. */
export function interleaveByMailbox<T extends { teamId: string }>(operations: readonly T[]): T[] {
  const queues = new Map<string, T[]>();
  for (const operation of operations) {
    const queue = queues.get(operation.teamId);
    if (queue) queue.push(operation);
    else queues.set(operation.teamId, [operation]);
  }
  const lanes = [...queues.values()];
  const ordered: T[] = [];
  for (let round = 0; ordered.length < operations.length; round++) {
    for (const lane of lanes) {
      const operation = lane[round];
      if (operation !== undefined) ordered.push(operation);
    }
  }
  return ordered;
}
