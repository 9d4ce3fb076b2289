// The meeting's subject from an Elentra title: plain text on one line (titles may carry markup or entities; Entrada
// strips tags from titles in its own feeds), never empty, and at most 255 characters — the Exchange store's limit
// for an item's subject ("The subject is limited to 255 characters", Exchange Web Services reference, Subject
// element; Graph's event page states no limit of its own). Longer titles end in an ellipsis rather than being cut
// by Exchange.
import { htmlToText, oneLine } from './html-text.js';

export const MAX_SUBJECT_LENGTH = 255;
export const UNTITLED_SUBJECT = '(untitled session)';
const ELLIPSIS = '\u2026';

export function meetingSubject(title: string | null): string {
  const subject = oneLine(htmlToText(title));
  if (subject === '') return UNTITLED_SUBJECT;
  return truncate(subject, MAX_SUBJECT_LENGTH);
}

/** At most `max` UTF-16 code units (what Exchange counts), never splitting a surrogate pair, ellipsis included. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
