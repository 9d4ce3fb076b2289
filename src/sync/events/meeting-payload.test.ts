import { describe, expect, it } from 'vitest';
import { buildMeeting, meetingPatch, newGroupEvent } from './meeting-payload.js';
import { resolveOutlookTimeZone } from './outlook-zone.js';
import { buildEvent, MEETING_OPTIONS } from './testing/build-event.js';

describe('newGroupEvent', () => {
  it('writes the whole meeting, in the Outlook Time Zone, with the transactionId', () => {
    const meeting = buildMeeting(
      buildEvent({ eventId: 42, title: ' Renal <i>physiology</i> ', description: 'Read ch. 3', location: ' Hall A ' }),
      MEETING_OPTIONS,
    );
    expect(newGroupEvent(meeting, 'et-s-e42-g1')).toEqual({
      subject: 'Renal physiology',
      body: {
        contentType: 'html',
        content:
          '<div>Read ch. 3</div><p><a href="https://elentra.example.edu/events?id=42">View this session in Elentra</a></p>',
      },
      location: { displayName: 'Hall A' },
      start: { dateTime: '2025-09-15T08:30:00', timeZone: 'Eastern Standard Time' },
      end: { dateTime: '2025-09-15T09:30:00', timeZone: 'Eastern Standard Time' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      responseRequested: false,
      showAs: 'busy',
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      transactionId: 'et-s-e42-g1',
    });
  });

  it('asks for no meeting when Teams meetings are turned off', () => {
    const meeting = buildMeeting(buildEvent(), { ...MEETING_OPTIONS, onlineMeetings: false });
    const body = newGroupEvent(meeting, 't');
    expect(body).not.toHaveProperty('isOnlineMeeting');
    expect(body).not.toHaveProperty('onlineMeetingProvider');
    expect(meeting.fingerprint.fields.online).toBe('0');
  });

  it('gives the same fingerprint for the same event, and another after a change of zone', () => {
    const event = buildEvent();
    const toronto = buildMeeting(event, MEETING_OPTIONS);
    expect(buildMeeting(event, MEETING_OPTIONS).fingerprint).toEqual(toronto.fingerprint);
    const london = buildMeeting(event, { ...MEETING_OPTIONS, outlookTimeZone: 'GMT Standard Time' });
    expect(london.start).toEqual({ dateTime: '2025-09-15T13:30:00', timeZone: 'GMT Standard Time' });
    expect(london.fingerprint.fields.subject).toBe(toronto.fingerprint.fields.subject);
    expect(london.fingerprint.fields.start).not.toBe(toronto.fingerprint.fields.start);
  });
});

describe('meetingPatch', () => {
  const meeting = buildMeeting(buildEvent({ title: 'New title', location: null }), MEETING_OPTIONS);

  it.each([
    [['subject'], { subject: 'New title' }],
    [['location'], { location: { displayName: '' } }],
    [['end'], { start: meeting.start, end: meeting.end }],
    [['online'], { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }],
  ] as const)('%j → only those fields', (fields, expected) => {
    expect(meetingPatch(meeting, fields)).toEqual(expected);
  });
});

describe('resolveOutlookTimeZone', () => {
  it.each([
    ['Eastern Standard Time', 'America/Vancouver', 'Eastern Standard Time'],
    ['eastern standard time', 'UTC', 'Eastern Standard Time'],
    [null, 'America/Vancouver', 'Pacific Standard Time'],
    ['Not A Zone', 'Europe/London', 'GMT Standard Time'],
    [null, 'Mars/Base', 'UTC'],
  ])('%j (default %s) → %s', (stored, fallback, expected) => {
    expect(resolveOutlookTimeZone(stored, fallback)).toBe(expected);
  });
});
