// CalendarGateway (../ports.ts) over the Graph resource layer (src/microsoft/graph/events.ts): group calendar events
// keyed `mailbox:{groupId}`, so the client's limiter keeps Outlook's 4 concurrent requests per mailbox. Graph's "not
// found" answers become `gone` here — an event deleted in Outlook, or a team's group deleted with its calendar — so
// the apply layer records them instead of failing; every other refusal is thrown as the typed error it is.
import { findGroupEventByTransactionId, getGroupEventBody } from '../../../microsoft/graph/events.js';
import {
  createGroupEvent,
  deleteGroupEvent,
  EventNotFoundError,
  type GraphClient,
  type GroupEvent,
  GroupNotFoundError,
  updateGroupEvent,
} from '../../../microsoft/graph/index.js';
import type { GroupEventPatch, NewGroupEvent } from '../meeting-payload.js';
import type { CalendarGateway, FoundEvent, SearchWindow, WriteOutcome } from '../ports.js';

function written(event: GroupEvent): WriteOutcome {
  return {
    outcome: 'written',
    event: { graphEventId: event.id, joinUrl: event.joinUrl, isOnlineMeeting: event.isOnlineMeeting },
  };
}

function isGone(error: unknown): boolean {
  return error instanceof EventNotFoundError || error instanceof GroupNotFoundError;
}

export class GraphCalendarGateway implements CalendarGateway {
  constructor(private readonly client: GraphClient) {}

  async createEvent(teamId: string, body: NewGroupEvent): Promise<WriteOutcome> {
    try {
      return written(await createGroupEvent(this.client, teamId, body));
    } catch (error) {
      if (isGone(error)) return { outcome: 'gone' };
      throw error;
    }
  }

  async updateEvent(teamId: string, graphEventId: string, patch: GroupEventPatch): Promise<WriteOutcome> {
    try {
      return written(await updateGroupEvent(this.client, teamId, graphEventId, patch));
    } catch (error) {
      if (isGone(error)) return { outcome: 'gone' };
      throw error;
    }
  }

  async getEventBody(teamId: string, graphEventId: string): Promise<string | null> {
    try {
      return await getGroupEventBody(this.client, teamId, graphEventId);
    } catch (error) {
      if (isGone(error)) return null;
      throw error;
    }
  }

  async deleteEvent(teamId: string, graphEventId: string): Promise<'deleted' | 'gone'> {
    const result = await deleteGroupEvent(this.client, teamId, graphEventId);
    return result === 'deleted' ? 'deleted' : 'gone';
  }

  async findByTransactionId(teamId: string, transactionId: string, window: SearchWindow): Promise<FoundEvent> {
    try {
      const graphEventId = await findGroupEventByTransactionId(this.client, teamId, transactionId, window);
      return graphEventId === null ? { outcome: 'not-found' } : { outcome: 'found', graphEventId };
    } catch (error) {
      // calendarView can only miss the group: its 404 is the team's group deleted, calendar and all.
      if (error instanceof GroupNotFoundError) return { outcome: 'gone' };
      throw error;
    }
  }
}
