import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next.js';

describe('safeNextPath', () => {
  it.each([
    ['/admin/settings', '/admin/settings'],
    ['/admin/microsoft-account?saved=time-zone', '/admin/microsoft-account?saved=time-zone'],
    ['/a/../admin/settings', '/admin/settings'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    'http:evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F/evil.example',
    '/%5cevil.example',
    ' /admin',
    '/ad\tmin',
    '/admin\r\nLocation: https://evil.example',
    'javascript:alert(1)',
    'admin/settings',
    '',
    '/sign-in',
    '/sign-out',
    `/${'a'.repeat(2000)}`,
  ])('refuses %j and sends home instead', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('refuses what is not a string', () => {
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath(['/admin'])).toBe('/');
  });
});
