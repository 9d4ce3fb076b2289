// Event sync (issue 6): learning events → Teams meetings in the course team's calendar. The pure core: select,
// build the meeting, plan against ms_events, order under Outlook's limits; the apply layer's ports. See README.md.

export type * from './event-operations.js';
export { isWrite } from './event-operations.js';
export { type EventRowStatus, type ObservedEventRow, rowState } from './event-rows.js';
export { type EventWindow, type EventWindowOptions, eventWindow } from './event-window.js';
export { type MeetingField, parseFingerprint } from './fingerprint.js';
export { elentraEventUrl, mergeBodyKeepingMeetingBlob } from './meeting-body.js';
export {
  buildMeeting,
  type GroupEventPatch,
  type Meeting,
  type MeetingOptions,
  type NewGroupEvent,
  newGroupEvent,
} from './meeting-payload.js';
export { meetingSourceHash } from './meeting-source.js';
export { resolveOutlookTimeZone } from './outlook-zone.js';
export type { EventPlanWarning } from './plan-context.js';
export { type EventPlan, type EventPlanInput, planEvents } from './plan-events.js';
export type * from './ports.js';
export { type RenderedCreate, renderCreate } from './render-create.js';
export { type EventCost, minimumRequests, requestsFor, throttleFloorSeconds } from './schedule/event-cost.js';
export { executionWaves, interleaveByMailbox } from './schedule/execution-order.js';
export { type DispatchStep, MailboxDispatcher } from './schedule/mailbox-dispatcher.js';
export { OUTLOOK_LIMITS, type OutlookLimits } from './schedule/outlook-limits.js';
export { type EventSelection, type EventSelectionInput, selectEvents } from './select-events.js';
export { sendTimes } from './send-time.js';
export { siteTag } from './transaction-id.js';
