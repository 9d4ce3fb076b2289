// Group calendar events over real HTTP: zones (Windows, IANA, refused abbreviations), UTC storage and Prefer,
// Teams meetings, transactionId idempotency, PATCH / DELETE, paging and calendarView.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
let teamId: string;
beforeAll(async () => {
  h = await startHarness();
  teamId = await h.createTeam('Calendar Team');
});
afterAll(() => h.stop());

function session(extra: Record<string, unknown> = {}) {
  return {
    subject: 'Cardiology lecture',
    body: { contentType: 'HTML', content: '<p>Bring <b>notes</b></p>' },
    start: { dateTime: '2026-09-14T08:30:00', timeZone: 'Eastern Standard Time' },
    end: { dateTime: '2026-09-14T10:00:00', timeZone: 'Eastern Standard Time' },
    location: { displayName: 'Room 101' },
    ...extra,
  };
}

describe('time zones', () => {
  it('stores instants in UTC and answers in UTC with 7 fractional digits, keeping the original zone', async () => {
    const r = await h.graph('POST', `/groups/${teamId}/events`, { body: session() });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      subject: 'Cardiology lecture',
      start: { dateTime: '2026-09-14T12:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-09-14T14:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'Eastern Standard Time',
      originalEndTimeZone: 'Eastern Standard Time',
      bodyPreview: 'Bring notes',
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      onlineMeeting: null,
    });
    expect(r.body).not.toHaveProperty('transactionId');
  });

  it('takes IANA names, and follows daylight saving', async () => {
    const winter = await h.graph('POST', `/groups/${teamId}/events`, {
      body: session({
        start: { dateTime: '2026-01-12T08:30:00', timeZone: 'America/Toronto' },
        end: { dateTime: '2026-01-12T09:30:00', timeZone: 'America/Toronto' },
      }),
    });
    expect(winter.status).toBe(201);
    expect(winter.body.start).toEqual({ dateTime: '2026-01-12T13:30:00.0000000', timeZone: 'UTC' });
    expect(winter.body.originalStartTimeZone).toBe('America/Toronto');
  });

  it.each(['EST', '+05:00', 'Eastern', 'GMT-5'])('refuses %s with TimeZoneNotSupportedException', async (zone) => {
    const r = await h.graph('POST', `/groups/${teamId}/events`, {
      body: session({ start: { dateTime: '2026-09-14T08:30:00', timeZone: zone } }),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'TimeZoneNotSupportedException',
      message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
    });
  });

  it('answers in the zone a Prefer header names, and says so', async () => {
    const created = await h.graph('POST', `/groups/${teamId}/events`, {
      body: session(),
      headers: { prefer: 'outlook.timezone="Pacific Standard Time"' },
    });
    expect(created.body.start).toEqual({ dateTime: '2026-09-14T05:30:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(created.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    const read = await h.graph('GET', `/groups/${teamId}/events/${created.body.id}`, {
      headers: { prefer: 'outlook.timezone="Europe/Paris"' },
    });
    expect(read.body.end).toEqual({ dateTime: '2026-09-14T16:00:00.0000000', timeZone: 'Europe/Paris' });
  });
});

describe('Teams meetings', () => {
  it('gives an online meeting a teams.microsoft.com join link, deterministic for a seed', async () => {
    const body = session({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    const first = await startHarness();
    const second = await startHarness();
    try {
      const urls = [];
      for (const emu of [first, second]) {
        const team = await emu.createTeam('Det');
        const r = await emu.graph('POST', `/groups/${team}/events`, { body });
        expect(r.body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
        urls.push((r.body.onlineMeeting as { joinUrl: string }).joinUrl);
      }
      expect(urls[0]).toMatch(
        /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9_-]+%40thread\.v2\/0\?context=%7b%22Tid%22/,
      );
      expect(urls[1]).toBe(urls[0]);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('keeps a meeting online when a PATCH tries to turn it off', async () => {
    const created = await h.graph('POST', `/groups/${teamId}/calendar/events`, {
      body: session({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }),
    });
    const patched = await h.graph('PATCH', `/groups/${teamId}/events/${created.body.id}`, {
      body: { isOnlineMeeting: false, subject: 'Renamed' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      subject: 'Renamed',
      isOnlineMeeting: true,
      onlineMeeting: created.body.onlineMeeting,
    });
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
  });

  it('turns a meeting on later with PATCH', async () => {
    const created = await h.graph('POST', `/groups/${teamId}/events`, { body: session() });
    const patched = await h.graph('PATCH', `/groups/${teamId}/events/${created.body.id}`, {
      body: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' },
    });
    expect((patched.body.onlineMeeting as { joinUrl: string }).joinUrl).toContain('meetup-join');
  });
});

describe('transactionId', () => {
  it('answers a repeated create with the first event, and creates nothing more', async () => {
    const team = await h.createTeam('Idempotent');
    const body = session({ transactionId: 'elentra-event-4711' });
    const first = await h.graph('POST', `/groups/${team}/events`, { body });
    const second = await h.graph('POST', `/groups/${team}/events`, { body: { ...body, subject: 'changed on retry' } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.subject).toBe('Cardiology lecture');
    expect(first.body.transactionId).toBe('elentra-event-4711');
    const list = await h.graph('GET', `/groups/${team}/events`);
    expect(list.body.value).toHaveLength(1);
  });
});

describe('read, delete, list', () => {
  it('deletes (204); the event is then ErrorItemNotFound', async () => {
    const created = await h.graph('POST', `/groups/${teamId}/events`, { body: session() });
    expect((await h.graph('DELETE', `/groups/${teamId}/events/${created.body.id}`)).status).toBe(204);
    const gone = await h.graph('GET', `/groups/${teamId}/events/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'ErrorItemNotFound' });
  });

  it('pages 10 at a time with $skip links, and lists a window with calendarView', async () => {
    const team = await h.createTeam('Busy');
    for (let day = 1; day <= 12; day += 1) {
      const d = String(day).padStart(2, '0');
      await h.graph('POST', `/groups/${team}/events`, {
        body: session({
          subject: `Day ${day}`,
          start: { dateTime: `2026-10-${d}T09:00:00`, timeZone: 'UTC' },
          end: { dateTime: `2026-10-${d}T10:00:00`, timeZone: 'UTC' },
        }),
      });
    }
    const first = await h.graph('GET', `/groups/${team}/events`);
    expect(first.body.value).toHaveLength(10);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toContain('$skip=10');
    expect((await h.graph('GET', next)).body.value).toHaveLength(2);

    const view = await h.graph(
      'GET',
      `/groups/${team}/calendarView?startDateTime=2026-10-03T00:00:00Z&endDateTime=2026-10-05T09:30:00-00:00`,
    );
    expect(listOf<{ subject: string }>(view).map((e) => e.subject)).toEqual(['Day 3', 'Day 4', 'Day 5']);
    const missing = await h.graph('GET', `/groups/${team}/calendarView?startDateTime=2026-10-03T00:00:00Z`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'ErrorInvalidParameter' });
  });

  it('honours $select on calendarView, its next links and one event: id always, transactionId null when not set', async () => {
    const team = await h.createTeam('Selected');
    for (let day = 1; day <= 3; day += 1) {
      await h.graph('POST', `/groups/${team}/events`, {
        body: session({
          subject: `Day ${day}`,
          start: { dateTime: `2026-11-0${day}T09:00:00`, timeZone: 'UTC' },
          end: { dateTime: `2026-11-0${day}T10:00:00`, timeZone: 'UTC' },
          ...(day === 2 ? {} : { transactionId: `tx-select-${day}` }),
        }),
      });
    }
    const window = 'startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-11-04T00:00:00Z';
    const first = await h.graph('GET', `/groups/${team}/calendarView?${window}&$select=id,transactionId&$top=2`);
    expect(first.status).toBe(200);
    expect(first.body['@odata.context']).toMatch(/calendarView\(id,transactionId\)$/);
    const page = listOf<Record<string, unknown>>(first);
    expect(page.map((e) => Object.keys(e).sort())).toEqual([
      ['@odata.etag', 'id', 'transactionId'],
      ['@odata.etag', 'id', 'transactionId'],
    ]);
    expect(page.map((e) => e.transactionId)).toEqual(['tx-select-1', null]);
    const next = await h.graph('GET', first.body['@odata.nextLink'] as string);
    expect(listOf<Record<string, unknown>>(next).map((e) => [Object.keys(e).length, e.transactionId])).toEqual([
      [3, 'tx-select-3'],
    ]);

    const one = await h.graph('GET', `/groups/${team}/events/${page[0]?.id}?$select=subject`);
    expect(one.body).toMatchObject({ id: page[0]?.id, subject: 'Day 1' });
    expect(one.body).not.toHaveProperty('start');
    const unknown = await h.graph('GET', `/groups/${team}/calendarView?${window}&$select=id,displayName`);
    expect(unknown.status).toBe(400);
  });

  it('needs Group.ReadWrite.All to write (Outlook answers ErrorAccessDenied)', async () => {
    const r = await h.graph('POST', `/groups/${teamId}/events`, {
      token: h.token({ scopes: ['Group.Read.All'] }),
      body: session(),
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'ErrorAccessDenied' });
  });

  it('shows events and meeting links in the state', async () => {
    const created = await h.graph('POST', `/groups/${teamId}/events`, {
      body: session({
        subject: 'In state',
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        transactionId: 'tx-state',
      }),
    });
    const state = await h.control('GET', '/state');
    const team = listOf<{ id: string; events: Array<Record<string, unknown>> }>(state, 'teams').find(
      (t) => t.id === teamId,
    );
    expect(team?.events).toContainEqual({
      id: created.body.id,
      subject: 'In state',
      start: '2026-09-14T12:30:00.000Z',
      end: '2026-09-14T14:00:00.000Z',
      originalStartTimeZone: 'Eastern Standard Time',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: created.body.onlineMeeting,
      transactionId: 'tx-state',
    });
  });
});
