// The demo tenant seed agrees with the demo Elentra people the way a real school's directory does, on purpose
// imperfectly: most e-mails match, some only case-insensitively, a few people are missing, one is found through
// email_alt, and the IT administrator is there to authorize.
import { describe, expect, it } from 'vitest';
import { buildDemoPeople, DEMO_DOMAIN } from './demo-people.js';
import { ADMIN_CONSENTED_SCOPES, buildDemoTenantSeed, demoGuid } from './tenant-seed.js';

const NOW = new Date('2026-03-02T15:00:00Z');
const OPTIONS = {
  now: NOW,
  tenantId: '11111111-2222-4333-8444-555555555555',
  clientId: '66666666-7777-4888-9999-000000000000',
  clientSecret: 'demo-secret',
  redirectUris: ['http://localhost:8080/api/ms-graph-oauth.php'],
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildDemoTenantSeed', () => {
  const seed = buildDemoTenantSeed(OPTIONS);
  const people = new Map(buildDemoPeople(NOW).map((p) => [p.proxyId, p]));
  const byMail = new Map(seed.users.map((u) => [u.mail?.toLowerCase(), u]));
  const elentra = (id: number) => {
    const person = people.get(id);
    if (person === undefined) throw new Error(`no demo person ${id}`);
    return person;
  };

  it('describes the school tenant and registers the app the caller passes in', () => {
    expect(seed).toMatchObject({ tenantId: OPTIONS.tenantId, domain: DEMO_DOMAIN, education: false });
    expect(seed.apps).toEqual([
      {
        clientId: OPTIONS.clientId,
        displayName: expect.any(String),
        secrets: [{ id: expect.stringMatching(GUID), value: 'demo-secret', expiresAt: '2028-03-01T15:00:00.000Z' }],
        redirectUris: OPTIONS.redirectUris,
        adminConsentedScopes: [...ADMIN_CONSENTED_SCOPES],
      },
    ]);
  });

  it('gives every user a unique, stable GUID and a unique address', () => {
    const ids = seed.users.map((u) => u.id);
    expect(ids.every((id) => GUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byMail.size).toBe(seed.users.length);
    expect(buildDemoTenantSeed(OPTIONS)).toEqual(seed);
    expect(demoGuid('user:10')).toBe(demoGuid('user:10'));
  });

  it('matches most Elentra people by e-mail and contains the admin who authorizes', () => {
    expect(byMail.get(`it.admin@${DEMO_DOMAIN}`)).toMatchObject({ displayName: 'IT Administrator', isAdmin: true });
    expect(seed.users.filter((u) => u.isAdmin)).toHaveLength(1);
    const matched = [...people.values()].filter((p) => p.email !== '' && byMail.has(p.email.toLowerCase()));
    expect(matched.length).toBeGreaterThan(160);
    const exact = matched.filter((p) => byMail.get(p.email.toLowerCase())?.mail === p.email);
    expect(matched.length - exact.length).toBe(2);
  });

  it.each([
    ['in another letter case (Elentra capitalised)', 110],
    ['in another letter case (Microsoft capitalised)', 205],
  ])('has the e-mail %s', (_, id) => {
    const person = elentra(id);
    const user = byMail.get(person.email.toLowerCase());
    expect(user?.mail).not.toBe(person.email);
    expect(user?.mail?.toLowerCase()).toBe(person.email.toLowerCase());
  });

  it('misses two people, finds one only by email_alt, and knows those Elentra has no e-mail for', () => {
    for (const id of [130, 215]) expect(byMail.has(elentra(id).email.toLowerCase())).toBe(false);
    const altOnly = elentra(140);
    expect(byMail.has(altOnly.email.toLowerCase())).toBe(false);
    expect(byMail.get(altOnly.emailAlt)?.userPrincipalName).toBe(altOnly.emailAlt);
    for (const id of [103, 190]) {
      expect(elentra(id).email).toBe('');
      expect(seed.users.some((u) => u.givenName === elentra(id).firstname && u.surname === elentra(id).lastname)).toBe(
        true,
      );
    }
  });
});
