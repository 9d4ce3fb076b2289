import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('scrypt password hashes', () => {
  it('stores the parameters and a per-hash salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery staple', CHEAP);
    const b = await hashPassword('correct horse battery staple', CHEAP);
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
  });

  it('uses OWASP-level cost by default', async () => {
    expect(await hashPassword('a long enough password')).toMatch(/^scrypt\$ln=15,r=8,p=1\$/);
  });

  it('refuses damaged hashes and absurd costs instead of throwing or allocating gigabytes', async () => {
    const good = await hashPassword('password password', CHEAP);
    expect(await verifyPassword('password password', 'plain text')).toBe(false);
    expect(await verifyPassword('password password', good.replace('ln=10', 'ln=30'))).toBe(false);
    expect(await verifyPassword('password password', good.slice(0, -5))).toBe(false);
  });
});
