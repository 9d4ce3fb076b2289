import { describe, expect, it } from 'vitest';
import { buildProfileMenu } from './profile-menu.js';

const labels = (menuOrdering: string | null, teamsEnabled: boolean, role: 'admin' | 'staff') =>
  buildProfileMenu({ menuOrdering, teamsEnabled }, role).map((item) => item.label);

describe('the profile menu from user_menu_ordering', () => {
  it.each([
    ['profile,privacy,notifications,microsoft', true, 'admin', ['Microsoft Account', 'Settings']],
    ['microsoft,profile', true, 'admin', ['Microsoft Account', 'Settings']],
    [' profile , microsoft ,', true, 'admin', ['Microsoft Account', 'Settings']],
    ['profile,privacy,notifications,microsoft', false, 'admin', ['Settings']],
    ['profile,privacy,notifications', true, 'admin', ['Settings']],
    ['microsoft,microsoft', true, 'admin', ['Microsoft Account', 'Settings']],
    ['Microsoft', true, 'admin', ['Settings']],
    [null, true, 'admin', ['Settings']],
    ['profile,microsoft', true, 'staff', []],
    ['gradingtasks,annualreport,<script>', true, 'admin', ['Settings']],
  ] as const)('%j, enabled %s, %s → %j', (ordering, enabled, role, expected) => {
    expect(labels(ordering, enabled, role)).toEqual(expected);
  });
});
