import { describe, expect, it } from 'vitest';
import { elentraEventUrl, meetingBodyHtml, mergeBodyKeepingMeetingBlob } from './meeting-body.js';

const URL = 'https://elentra.example.edu/events?id=42';
const LINK = `<p><a href="${URL}">View this session in Elentra</a></p>`;
// The shape of the blob Outlook appends to a Teams meeting's body (shortened).
const BLOB =
  '<div style="width:100%"><span style="color:#5F5F5F">________________________________________________</span></div>' +
  '<div class="me-email-text"><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0">Join the meeting now</a></div>';

describe('elentraEventUrl', () => {
  it.each([
    ['https://elentra.example.edu', 42, 'https://elentra.example.edu/events?id=42'],
    ['https://school.edu/elentra/', 7, 'https://school.edu/elentra/events?id=7'],
  ])('%s + %i → %s', (base, id, expected) => {
    expect(elentraEventUrl(base, id)).toBe(expected);
  });
});

describe('meetingBodyHtml', () => {
  it('is the escaped description, then the link back', () => {
    expect(meetingBodyHtml('<p>Read <b>ch. 3</b></p><script>x()</script>', URL)).toBe(`<div>Read ch. 3</div>${LINK}`);
  });

  it('is only the link when there is no description', () => {
    expect(meetingBodyHtml(null, URL)).toBe(LINK);
    expect(meetingBodyHtml('<p> </p>', URL)).toBe(LINK);
  });
});

describe('mergeBodyKeepingMeetingBlob', () => {
  const ours = `<div>New text</div>${LINK}`;

  it('replaces our part and keeps the blob that follows it', () => {
    const current = `<html><head><meta charset="utf-8"></head><body><div>Old text</div>${LINK}${BLOB}</body></html>`;
    expect(mergeBodyKeepingMeetingBlob(current, ours, URL)).toEqual({ html: ours + BLOB, meetingBlobKept: true });
  });

  it('finds the blob by its markers when our link was removed in Outlook', () => {
    const current = `<body><p>someone rewrote this</p>${BLOB}</body>`;
    expect(mergeBodyKeepingMeetingBlob(current, ours, URL)).toEqual({ html: ours + BLOB, meetingBlobKept: true });
  });

  it('says so when there is no blob to keep', () => {
    const current = `<html><body><div>Old</div>${LINK}</body></html>`;
    expect(mergeBodyKeepingMeetingBlob(current, ours, URL)).toEqual({ html: ours, meetingBlobKept: false });
  });

  it('does not take underscores in the description for the blob', () => {
    const current = `<body><div>Fill in: ____________________________</div>${LINK}${BLOB}</body>`;
    expect(mergeBodyKeepingMeetingBlob(current, ours, URL).html).toBe(ours + BLOB);
  });
});
