// Which required scopes Microsoft did not grant: case-insensitive, URL-prefixed names, and offline_access counted as
// granted when echoed or when a refresh token came back (Microsoft does not echo it).
import { describe, expect, it } from 'vitest';
import { refreshAtMs } from './refresh-service-token.js';
import { missingScopes, splitScopes } from './scopes.js';

const REQUIRED = ['offline_access', 'User.ReadBasic.All', 'Group.ReadWrite.All', 'Team.Create'];

describe('missingScopes', () => {
  it.each([
    [
      'all echoed but offline_access, refresh token present',
      'user.readbasic.all Group.ReadWrite.All TEAM.CREATE',
      true,
      [],
    ],
    [
      'offline_access echoed, no refresh token',
      'offline_access User.ReadBasic.All Group.ReadWrite.All Team.Create',
      false,
      [],
    ],
    ['no refresh token', 'User.ReadBasic.All Group.ReadWrite.All Team.Create', false, ['offline_access']],
    ['one missing', 'User.ReadBasic.All Team.Create openid profile email', true, ['Group.ReadWrite.All']],
    [
      'URL-prefixed echo',
      'https://graph.microsoft.com/User.ReadBasic.All https://graph.microsoft.com/Group.ReadWrite.All https://graph.microsoft.com/Team.Create',
      true,
      [],
    ],
    ['nothing granted', '', false, REQUIRED],
  ])('%s', (_name, granted, gotRefreshToken, expected) => {
    expect(missingScopes(REQUIRED, splitScopes(granted), gotRefreshToken)).toEqual(expected);
  });
});

describe('refreshAtMs', () => {
  it.each([
    ['an hour-long token: 5 minutes before expiry', { accessExpiresAt: 3_600_000, lastRefreshedAt: 0 }, 3_300_000],
    ['a 4-minute token: at half-life', { accessExpiresAt: 240_000, lastRefreshedAt: 0 }, 120_000],
    ['unknown issue time: 5 minutes before expiry', { accessExpiresAt: 3_600_000, lastRefreshedAt: null }, 3_300_000],
  ])('%s', (_name, record, expected) => {
    expect(refreshAtMs(record)).toBe(expected);
  });
});
