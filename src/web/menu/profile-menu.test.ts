import { describe, expect, it } from 'vitest';
import { buildProfileMenu } from './profile-menu.js';

const labels = (menuOrdering: string | null, teamsEnabled: boolean, role: 'admin' | 'staff') =>
  buildProfileMenu({ menuOrdering, teamsEnabled }, role).map((item) => item.label);

describe('the profile menu from user_menu_ordering', () => {
  it.each([
    [
      'profile,privacy,notifications,microsoft',
      true,
      'admin',
      ['Sync dashboard', 'Microsoft Account', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    [
      'microsoft,profile',
      true,
      'admin',
      ['Sync dashboard', 'Microsoft Account', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    [
      ' profile , microsoft ,',
      true,
      'admin',
      ['Sync dashboard', 'Microsoft Account', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    [
      'profile,privacy,notifications,microsoft',
      false,
      'admin',
      ['Sync dashboard', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    [
      'profile,privacy,notifications',
      true,
      'admin',
      ['Sync dashboard', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    [
      'microsoft,microsoft',
      true,
      'admin',
      ['Sync dashboard', 'Microsoft Account', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
    ['Microsoft', true, 'admin', ['Sync dashboard', 'Settings', 'Scheduled jobs', 'Troubleshooting']],
    [null, true, 'admin', ['Sync dashboard', 'Settings', 'Scheduled jobs', 'Troubleshooting']],
    ['profile,microsoft', true, 'staff', []],
    [
      'gradingtasks,annualreport,<script>',
      true,
      'admin',
      ['Sync dashboard', 'Settings', 'Scheduled jobs', 'Troubleshooting'],
    ],
  ] as const)('%j, enabled %s, %s → %j', (ordering, enabled, role, expected) => {
    expect(labels(ordering, enabled, role)).toEqual(expected);
  });
});
