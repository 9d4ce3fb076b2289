import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { SessionCookies, SIGNED_IN_LIFETIME_MS } from './session.js';
import { deriveSessionKey, openCookie, sealCookie } from './session-crypto.js';

/** Enough of a reply to capture setCookie. */
function fakeReply() {
  const set: Array<{ name: string; value: string; options: Record<string, unknown> }> = [];
  const reply = {
    setCookie(name: string, value: string, options: Record<string, unknown>) {
      set.push({ name, value, options });
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, set };
}

describe('session cookie sealing', () => {
  const appKey = randomBytes(32);
  const key = deriveSessionKey(appKey);

  it('derives a key that is not APP_KEY itself', () => {
    expect(key).toHaveLength(32);
    expect(key.equals(appKey)).toBe(false);
    expect(deriveSessionKey(appKey).equals(key)).toBe(true);
  });

  it('opens what it sealed, and nothing that was altered or sealed with another key', () => {
    const sealed = sealCookie('{"hello":1}', key);
    expect(openCookie(sealed, key)).toBe('{"hello":1}');
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(openCookie(flipped, key)).toBeNull();
    expect(openCookie(sealed, deriveSessionKey(randomBytes(32)))).toBeNull();
    expect(openCookie('v1.', key)).toBeNull();
    expect(openCookie('garbage', key)).toBeNull();
    expect(openCookie(`${sealed}.extra`, key)).toBeNull();
  });

  it('never holds the session in plain text', () => {
    let now = 1_000_000;
    const cookies = new SessionCookies({ key, secure: false, now: () => now });
    const { reply, set } = fakeReply();
    const session = cookies.issue(reply, { username: 'ada.admin', role: 'admin' });
    const value = set[0]?.value ?? '';
    expect(value).not.toContain('ada.admin');
    expect(value).not.toContain(session.csrf);
    expect(cookies.read(value)).toEqual(session);
    now += SIGNED_IN_LIFETIME_MS;
    expect(cookies.read(value)).toBeNull();
  });

  it('issues a new id and CSRF secret every time, with the cookie attributes of the scheme', () => {
    const http = new SessionCookies({ key, secure: false, now: Date.now });
    const https = new SessionCookies({ key, secure: true, now: Date.now });
    const { reply, set } = fakeReply();
    const first = http.issue(reply, null);
    const second = http.issue(reply, { username: 'ada.admin', role: 'admin' });
    https.issue(reply, null);
    expect(second.id).not.toBe(first.id);
    expect(second.csrf).not.toBe(first.csrf);
    expect(set[0]).toMatchObject({ name: 'et_session', options: { httpOnly: true, sameSite: 'lax', secure: false } });
    expect(set[2]).toMatchObject({ name: '__Host-et_session', options: { httpOnly: true, secure: true, path: '/' } });
  });
});
