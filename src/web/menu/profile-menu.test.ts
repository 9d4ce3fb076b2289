import { describe, expect, it } from 'vitest';
import { buildProfileMenu } from './profile-menu.js';

const labels = (menuOrdering: string | null, teamsEnabled: boolean, role: 'admin' | 'staff') =>
  buildProfileMenu({ menuOrdering, teamsEnabled }, role).map((item) => item.label);

describe('the profile menu from user_menu_ordering', () => {
  it.each([
    ['profile,privacy,notifications,microsoft', true, 'admin', ['Microsoft Account', 'Settings', 'Scheduled jobs']],
    ['microsoft,profile', true, 'admin', ['Microsoft Account', 'Settings', 'Scheduled jobs']],
    [' profile , microsoft ,', true, 'admin', ['Microsoft Account', 'Settings', 'Scheduled jobs']],
    ['profile,privacy,notifications,microsoft', false, 'admin', ['Settings', 'Scheduled jobs']],
    ['profile,privacy,notifications', true, 'admin', ['Settings', 'Scheduled jobs']],
    ['microsoft,microsoft', true, 'admin', ['Microsoft Account', 'Settings', 'Scheduled jobs']],
    ['Microsoft', true, 'admin', ['Settings', 'Scheduled jobs']],
    [null, true, 'admin', ['Settings', 'Scheduled jobs']],
    ['profile,microsoft', true, 'staff', []],
    ['gradingtasks,annualreport,<script>', true, 'admin', ['Settings', 'Scheduled jobs']],
  ] as const)('%j, enabled %s, %s → %j', (ordering, enabled, role, expected) => {
    expect(labels(ordering, enabled, role)).toEqual(expected);
  });
});
