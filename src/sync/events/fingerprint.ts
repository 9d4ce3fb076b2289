// What was sent for a meeting, as one short string stored in ms_events.sent_hash (varchar 128):
//   `f1 a=1757853000 i=<source> s=<subject> b=<body> l=<location> t=<start> e=<end> o=1`
// - a: the Elentra start instant, in clear, so that a row whose event has vanished from the roster can still be
//   told apart as past (kept) or not (deleted);
// - i: a hash of everything the meeting is rendered from (meeting-source.ts): equal → nothing to send, and the
//   planner does not even render the meeting — what keeps a 200,000-event plan cheap;
// - s … o: a hash per sent field, so that a changed event is PATCHed with only the fields that changed. Start and
//   end include the time zone: a changed Outlook Time Zone re-sends them (same instants).
// Bump the version when what is sent changes shape; rows with another version are re-sent whole, once.
import { hash53 } from './fast-hash.js';

export const MEETING_FIELDS = ['subject', 'body', 'location', 'start', 'end', 'online'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

const VERSION = 'f1';
const KEYS: Readonly<Record<MeetingField, string>> = {
  subject: 's',
  body: 'b',
  location: 'l',
  start: 't',
  end: 'e',
  online: 'o',
};
const FIELD_BY_KEY = new Map(MEETING_FIELDS.map((field) => [KEYS[field], field]));

export interface Fingerprint {
  /** Elentra's start instant of the event when it was sent, epoch seconds. */
  startEpochSeconds: number;
  /** meetingSourceHash() of what the meeting was rendered from. */
  source: string;
  fields: Readonly<Record<MeetingField, string>>;
}

export interface FingerprintSource {
  startEpochSeconds: number;
  source: string;
  subject: string;
  bodyHtml: string;
  location: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  online: boolean;
}

export function fingerprintOf(sent: FingerprintSource): Fingerprint {
  return {
    startEpochSeconds: sent.startEpochSeconds,
    source: sent.source,
    fields: {
      subject: hash53(sent.subject),
      body: hash53(sent.bodyHtml),
      location: hash53(sent.location),
      start: hash53(`${sent.start.dateTime} ${sent.start.timeZone}`),
      end: hash53(`${sent.end.dateTime} ${sent.end.timeZone}`),
      online: sent.online ? '1' : '0',
    },
  };
}

export function serializeFingerprint(fingerprint: Fingerprint): string {
  const parts = MEETING_FIELDS.map((field) => `${KEYS[field]}=${fingerprint.fields[field]}`);
  return [VERSION, `a=${fingerprint.startEpochSeconds}`, `i=${fingerprint.source}`, ...parts].join(' ');
}

/** The stored string back; null when absent, of another version or damaged (the meeting is then re-sent whole). */
export function parseFingerprint(text: string | null): Fingerprint | null {
  if (text === null || !text.startsWith(`${VERSION} `)) return null;
  // Runs once per row and event (200,000 at university scale): slices, no regex or nested splits.
  let startEpochSeconds = Number.NaN;
  let source = '';
  const fields: Partial<Record<MeetingField, string>> = {};
  for (const part of text.slice(VERSION.length + 1).split(' ')) {
    if (part.length < 3 || part[1] !== '=') return null;
    const key = part[0] ?? '';
    const value = part.slice(2);
    if (key === 'a') startEpochSeconds = Number(value);
    else if (key === 'i') source = value;
    else {
      const field = FIELD_BY_KEY.get(key);
      if (field) fields[field] = value;
    }
  }
  const { subject, body, location, start, end, online } = fields;
  if (!Number.isSafeInteger(startEpochSeconds) || source === '') return null;
  if (!subject || !body || !location || !start || !end || !online) return null;
  return { startEpochSeconds, source, fields: { subject, body, location, start, end, online } };
}

/** The `i=` part of a stored fingerprint without parsing the rest (the planner's common case), or null. */
export function storedSource(text: string | null): string | null {
  if (text === null || !text.startsWith(`${VERSION} `)) return null;
  const at = text.indexOf(' i=');
  if (at < 0) return null;
  const end = text.indexOf(' ', at + 3);
  return text.slice(at + 3, end < 0 ? text.length : end);
}

/** Fields whose hash differs; every field when nothing usable was stored. */
export function changedFields(sent: Fingerprint | null, desired: Fingerprint): MeetingField[] {
  if (sent === null) return [...MEETING_FIELDS];
  return MEETING_FIELDS.filter((field) => sent.fields[field] !== desired.fields[field]);
}
