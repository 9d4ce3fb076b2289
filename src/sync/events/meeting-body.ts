// The body of a class-session meeting, and how to change it later without losing the Teams meeting.
// Microsoft: "Before updating the body of an event that has been set up as an online meeting, be sure to first get
// the body property, apply the appropriate changes to the content, and preserve the meeting blob for online meeting.
// Inadvertently removing the meeting blob from the body would disable meeting online."
// (learn.microsoft.com/graph/api/event-update, "body property and online meetings"; reports of PATCHed bodies
// dropping or renewing join links: microsoftgraph/microsoft-graph-docs issues #16336, #18896, #12244.)
// So a description change is GET body → mergeBodyKeepingMeetingBlob → PATCH. Our part always ends with the link back
// to Elentra; whatever Exchange appended after it (the Teams blob) is kept as it is.
import { escapeHtml, htmlToText, textToHtml } from './html-text.js';

export const EVENT_LINK_TEXT = 'View this session in Elentra';
const MEETING_MARKERS = [/_{20,}/, /teams\.microsoft\.com\/l\/meetup-join/i];

/**
 * The event's page in Elentra: `ENTRADA_URL/events?id=N`, the path Entrada's own calendar feed links to
 * (`ENTRADA_URL."/events?id=".(int) $event["event_id"]`, www-root/api/calendar.api.php).
 */
export function elentraEventUrl(entradaUrl: string, eventId: number): string {
  return `${entradaUrl.replace(/\/+$/, '')}/events?id=${eventId}`;
}

// Sessions of a series share their description: convert each distinct one once per process (bounded).
const MAX_MEMO_ENTRIES = 50_000;
const descriptionMemo = new Map<string, string>();

function descriptionHtml(description: string): string {
  const known = descriptionMemo.get(description);
  if (known !== undefined) return known;
  const text = htmlToText(description);
  const html = text === '' ? '' : `<div>${textToHtml(text)}</div>`;
  if (descriptionMemo.size >= MAX_MEMO_ENTRIES) descriptionMemo.clear();
  descriptionMemo.set(description, html);
  return html;
}

/** Our part of the body: the description as escaped text (see html-text.ts for why), then the link back. */
export function meetingBodyHtml(description: string | null, eventUrl: string): string {
  const link = `<p><a href="${escapeHtml(eventUrl)}">${EVENT_LINK_TEXT}</a></p>`;
  return (description ? descriptionHtml(description) : '') + link;
}

export interface MergedBody {
  html: string;
  /** False when the current body held no meeting blob: the caller re-asks for the meeting (isOnlineMeeting). */
  meetingBlobKept: boolean;
}

/**
 * The body to PATCH: our new part, then everything Exchange keeps after our old part (the Teams meeting blob).
 * `current` is the event's body as Graph returns it (Exchange wraps it in `<html><body>`).
 */
export function mergeBodyKeepingMeetingBlob(current: string, ours: string, eventUrl: string): MergedBody {
  const inner = bodyContent(current);
  const tail = afterOurPart(inner, eventUrl);
  const meetingBlobKept = MEETING_MARKERS.some((marker) => marker.test(tail));
  return { html: meetingBlobKept ? ours + tail : ours, meetingBlobKept };
}

function bodyContent(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const start = open ? open.index + open[0].length : 0;
  const close = html.search(/<\/body\s*>/i);
  return html.slice(start, close >= start ? close : html.length);
}

/** What follows the link back to Elentra; if someone removed that link in Outlook, the blob found by its markers. */
function afterOurPart(inner: string, eventUrl: string): string {
  const linkAt = inner.lastIndexOf(escapeHtml(eventUrl));
  if (linkAt >= 0) {
    const closeAnchor = inner.indexOf('</a>', linkAt);
    if (closeAnchor >= 0) {
      const after = inner.slice(closeAnchor + 4);
      return after.replace(/^\s*<\/p\s*>/i, '');
    }
  }
  const anchors = MEETING_MARKERS.map((marker) => inner.search(marker)).filter((index) => index >= 0);
  if (anchors.length === 0) return '';
  const anchor = Math.min(...anchors);
  const blockStart = inner.lastIndexOf('<div', anchor);
  return inner.slice(blockStart >= 0 ? blockStart : anchor);
}
