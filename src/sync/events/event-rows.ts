// The observed side of event sync: our own ms_events rows (src/db/tables.ts), one per Elentra event we ever wrote a
// meeting for. Only these meetings are ever changed or deleted: events in a team calendar that have no row here —
// made by people in Outlook or Teams — are never touched. Status values written by the apply layer:
//   pending          a create is on its way (row written before the POST, with its transactionId)
//   active           the meeting exists as last sent
//   meeting-missing  a create/PATCH answered without onlineMeeting (GRAPH-FACTS §6): repaired on the next run
//   deleted          we deleted it (row kept: its transactionId carries the generation)
//   gone             Graph answered 404: someone deleted it in Outlook
//   team-deleted     the team it was made (or being made) in was deleted in Microsoft (ms_teams.status 'deleted', or
//                    a create answered 404 for the group): no join link; graph_event_id is kept, since a group
//                    restored within 30 days brings its calendar back (README, "A deleted team")
//   error            the last write failed; graph_event_id and sent_hash still describe what exists
import type { MsEventsTable } from '../../db/tables.js';

export type EventRowStatus = 'pending' | 'active' | 'meeting-missing' | 'deleted' | 'gone' | 'team-deleted' | 'error';

export type ObservedEventRow = Pick<
  MsEventsTable,
  'event_id' | 'offering_key' | 'team_id' | 'graph_event_id' | 'transaction_id' | 'join_url' | 'sent_hash' | 'status'
>;

/** Row states the planner branches on. */
export type RowState =
  /** A meeting exists (graph_event_id set). */
  | 'exists'
  /** No meeting and a create may have reached Graph: retry with the same transactionId. */
  | 'create-unconfirmed'
  /** No meeting, and the last one is known to be gone: a new create needs a new generation. */
  | 'ended';

export function rowState(row: ObservedEventRow): RowState {
  if (row.graph_event_id !== null && row.graph_event_id !== '') return 'exists';
  return row.status === 'deleted' || row.status === 'gone' ? 'ended' : 'create-unconfirmed';
}

/** The row's team was deleted in Microsoft (recorded by an earlier run): whatever it holds went with the team. */
export function inDeletedTeam(row: ObservedEventRow): boolean {
  return row.status === 'team-deleted';
}
