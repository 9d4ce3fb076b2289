// One hash of everything a meeting is rendered from (meeting-payload.ts): the event's fields, the site's address,
// the Outlook Time Zone and the meetings option, and the renderer's version. Equal to the one stored with the row
// (fingerprint.ts, `i=`) → the meeting is as Elentra wants it, without rendering it. One pass over a few hundred
// characters per event, where rendering (HTML to text, time zones, six hashes) costs tens of times more.
import type { LearningEvent } from '../../elentra/roster/roster-types.js';
import { hashParts } from './fast-hash.js';

/** Bump with any change to how a meeting is rendered from its event (subject, body, location, times). */
const RENDERER_VERSION = 'r1';

export interface MeetingSourceOptions {
  entradaUrl: string;
  outlookTimeZone: string;
  onlineMeetings: boolean;
}

export function meetingSourceHash(event: LearningEvent, options: MeetingSourceOptions): string {
  return hashParts([
    RENDERER_VERSION,
    options.entradaUrl,
    options.outlookTimeZone,
    options.onlineMeetings ? '1' : '0',
    String(event.eventId),
    String(event.start.getTime()),
    String(event.finish.getTime()),
    event.title,
    event.location ?? '',
    event.description ?? '',
  ]);
}
