// What every per-event planning step needs, built once per plan (plan-events.ts).
import type { EventWindow } from './event-window.js';
import type { MeetingOptions } from './meeting-payload.js';

export interface EventPlanContext {
  window: EventWindow;
  meeting: MeetingOptions;
  /** siteTag(…) of this installation: part of every transactionId. */
  site: string;
}

export interface EventPlanWarning {
  eventId: number;
  offeringKey: string;
  code: 'unconfirmed-create';
  message: string;
}
