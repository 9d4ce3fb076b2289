// The POST body of a planned create, rendered when it is sent (event-operations.ts says why not earlier), and what
// ms_events.sent_hash holds while it is pending and once it is answered. A retry may meet the event its unanswered
// attempt created, with that attempt's content: only if the attempt sent the same content is the result known;
// otherwise the row gets no hash, and the next run PATCHes every field once rather than trust content it cannot see.
import type { CreateEventOperation } from './event-operations.js';
import { serializeFingerprint } from './fingerprint.js';
import { buildMeeting, type MeetingOptions, type NewGroupEvent, newGroupEvent } from './meeting-payload.js';

export interface RenderedCreate {
  body: NewGroupEvent;
  /** Fingerprint of `body`. */
  sentHash: string;
  /** For ms_events.sent_hash, from markPending until the next change. */
  hashAfterCreate: string | null;
}

export function renderCreate(operation: CreateEventOperation, options: MeetingOptions): RenderedCreate {
  const meeting = buildMeeting(operation.event, options);
  const sentHash = serializeFingerprint(meeting.fingerprint);
  const uncertain = operation.reason === 'retry' && operation.pendingHash !== sentHash;
  return {
    body: newGroupEvent(meeting, operation.transactionId),
    sentHash,
    hashAfterCreate: uncertain ? null : sentHash,
  };
}
