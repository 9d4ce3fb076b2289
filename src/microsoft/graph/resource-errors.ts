// Typed errors of the endpoint modules: the refusals and waits Microsoft documents, each with a stable `code`, a
// message for the administrator and the troubleshooting section (`docs`) that explains it. The Graph answer behind
// one stays in `graph` / `cause` for the logs. The expected-answer tables (groups.ts, teams.ts, members.ts, events.ts)
// name these classes; the sync records `code` and `publicMessage` per offering.
import { AppError } from '../../lib/errors.js';
import type { GraphError } from './graph-error.js';

export abstract class GraphResourceError extends AppError {
  readonly graph: GraphError | undefined;

  constructor(graph: GraphError | undefined, code: string, docs: string, message: string, retryAfterSeconds?: number) {
    super(message, { code, docs, cause: graph, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    this.graph = graph;
  }
}

/** GRAPH-FACTS §4: a team must keep at least one owner. */
export class LastOwnerError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = 'Microsoft Teams will not remove or demote the last owner of a team. Add another owner first.';
    super(graph, 'graph.last_owner', 'team-last-owner', text);
  }
}

export class MemberNotFoundError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = 'This person is no longer in the team in Microsoft Teams; the next run reads the team again.';
    super(graph, 'graph.member_not_found', 'team-member-not-found', text);
  }
}

export class TeamNotFoundError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = 'The team no longer exists in Microsoft Teams (it or its Microsoft 365 group was deleted).';
    super(graph, 'graph.team_not_found', 'team-deleted', text);
  }
}

export class GroupNotFoundError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = 'The Microsoft 365 group behind the team no longer exists (it was deleted in Microsoft 365).';
    super(graph, 'graph.group_not_found', 'team-deleted', text);
  }
}

/** team-put-teams.md: "In order to create a team, the group must have at least one owner." */
export class GroupHasNoOwnerError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text =
      'Microsoft Teams cannot create a team for a Microsoft 365 group without an owner. Make sure the group has an owner (a matched teacher or the authorizing account).';
    super(graph, 'graph.group_without_owner', 'team-without-owner', text);
  }
}

/** An owner bound at group creation does not exist (deleted, or too new to be replicated). */
export class OwnerNotFoundError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = 'One of the owners given for the new Microsoft 365 group does not exist in Microsoft Entra ID.';
    super(graph, 'graph.owner_not_found', 'team-without-owner', text);
  }
}

/** mailNickname is unique in the tenant; a lost answer to an earlier create shows up like this until replicated. */
export class MailNicknameTakenError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text =
      'Another Microsoft 365 group already uses this mail nickname. If an earlier run created it, it is adopted once Microsoft has replicated it (up to 15 minutes).';
    super(graph, 'graph.mail_nickname_taken', 'team-mail-nickname-taken', text, 60);
  }
}

/** team-put-teams.md: a group younger than 15 minutes may answer 404; after 3 retries, wait 15 minutes. */
export class GroupNotReplicatedError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text =
      'Microsoft Teams does not see the new Microsoft 365 group yet (Microsoft needs up to 15 minutes to replicate it). The team is created on a later run.';
    super(graph, 'graph.group_not_replicated', 'team-replication-delay', text, 15 * 60);
  }
}

export class EventNotFoundError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text = "The meeting no longer exists in the team's calendar (it was deleted in Outlook or Teams).";
    super(graph, 'graph.event_not_found', 'meeting-deleted', text);
  }
}

/** GRAPH-FACTS §6: Outlook takes Windows zone names and a listed subset of IANA names, never abbreviations. */
export class TimeZoneNotSupportedError extends GraphResourceError {
  constructor(graph: GraphError) {
    const text =
      'Outlook does not accept the time zone sent for this meeting. Choose another Outlook Time Zone on the Microsoft Account page.';
    super(graph, 'graph.time_zone_not_supported', 'outlook-time-zone', text);
  }
}
