// The tenant viewer: teams with owners, members and calendar; everything escaped; only http(s) join links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStateSnapshot } from '../graph/index.js';
import { type RunningEmulator, startEmulator } from '../server.js';
import { renderViewer } from './viewer.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

const member = (userId: string, displayName: string, roles: string[]) => ({ userId, displayName, email: null, roles });
const event = (id: string, subject: string, joinUrl: string) => ({
  id,
  subject,
  start: '2026-09-14T12:30:00.000Z',
  end: '2026-09-14T13:30:00.000Z',
  originalStartTimeZone: 'Eastern Standard Time',
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  onlineMeeting: { joinUrl },
  transactionId: null,
});

const state: GraphStateSnapshot = {
  teams: [
    {
      id: 'team-1',
      displayName: 'MED 101 <Anatomy>',
      description: 'Fall & winter',
      mailNickname: 'med101',
      mail: null,
      visibility: 'private',
      archived: false,
      createdAt: '2026-09-01T00:00:00.000Z',
      members: [member('u2', 'Dr. Taylor Teacher', ['owner']), member('u3', 'Sam Student', [])],
      events: [
        event('e1', 'Lecture 1', 'https://teams.microsoft.com/l/meetup-join/abc'),
        event('e2', 'Evil', 'javascript:alert(1)'),
      ],
    },
  ],
  groups: [
    {
      id: 'g-2',
      displayName: 'Pending group',
      description: null,
      mailNickname: 'pending',
      createdAt: '2026-09-01T00:00:00.000Z',
      team: 'provisioning',
      members: [],
      events: [],
    },
  ],
};

describe('renderViewer', () => {
  it('shows teams, owners, members and meetings, escaped', () => {
    const html = renderViewer(emu.context, state);
    expect(html).toContain('MED 101 &lt;Anatomy&gt;');
    expect(html).toContain('Fall &amp; winter');
    expect(html).toMatch(/Owners \(1\)<\/h4><ul><li>Dr\. Taylor Teacher/);
    expect(html).toMatch(/Members \(1\)<\/h4><ul><li>Sam Student/);
    expect(html).toContain('<a href="https://teams.microsoft.com/l/meetup-join/abc">Join</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Pending group (team being created)');
  });

  it('without Graph state, still shows the tenant', () => {
    expect(renderViewer(emu.context, undefined)).toContain('Graph state is not available');
  });

  it('is served at /_emulator/', async () => {
    const response = await fetch(`${emu.controlUrl}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('alex.admin@elentra-demo.onmicrosoft.com');
  });
});
