// Users, /me, time zones, authentication and scopes over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/oauth.js';
import { defaultTestSeed, type GraphHarness, listOf, startHarness } from './test-harness.js';

let h: GraphHarness;
beforeAll(async () => {
  h = await startHarness({ seed: defaultTestSeed(25) });
});
afterAll(() => h.stop());

describe('authentication and the error shape', () => {
  it('accepts an access token from the real sign-in flow, with the scopes consented there', async () => {
    const tokens = await signIn(
      h.emu,
      h.user(1).userPrincipalName,
      'offline_access openid profile User.ReadBasic.All Team.Create',
    );
    const me = await h.graph('GET', '/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(h.user(1).id);
    // Group.ReadWrite.All was not asked for: the token does not carry it.
    expect((await h.graph('GET', '/groups', { token: tokens.access_token })).status).toBe(403);
  });

  it('answers 401 InvalidAuthenticationToken without a token, with WWW-Authenticate and request ids', async () => {
    const r = await h.graph('GET', '/me', { token: null, headers: { 'client-request-id': 'my-id-1' } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: {
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
          'request-id': expect.any(String),
          'client-request-id': 'my-id-1',
        },
      },
    });
    expect(r.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="", authorization_uri=".*\/common\/oauth2\/authorize", client_id="00000003-0000-0000-c000-000000000000"$/,
    );
    expect(r.headers.get('request-id')).toBe(
      (r.body.error as { innerError: Record<string, string> }).innerError['request-id'],
    );
    expect(r.headers.get('client-request-id')).toBe('my-id-1');
    expect(r.headers.get('date')).toBeTruthy();
  });

  it('refuses a malformed token', async () => {
    const r = await h.graph('GET', '/me', { token: 'not-a-token' });
    expect(r.status).toBe(401);
    expect((r.body.error as { message: string }).message).toBe('CompactToken parsing failed with error code: 80049217');
  });

  it("refuses an expired token with Microsoft's message", async () => {
    const token = h.token({ lifetimeSeconds: 60 });
    h.advance(61_000);
    const r = await h.graph('GET', '/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Access token has expired or is not yet valid.',
    });
  });

  it('answers 403 Authorization_RequestDenied when a directory scope is missing', async () => {
    const r = await h.graph('GET', '/users', { token: h.token({ scopes: ['Team.Create'] }) });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
  });

  it('answers Graph-shaped 400 for an unknown segment', async () => {
    const r = await h.graph('GET', '/nothingHere');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'BadRequest',
      message: "Resource not found for the segment 'nothingHere'.",
    });
  });
});

describe('users', () => {
  it('GET /me is the signed-in user, in the default property set', async () => {
    const r = await h.graph('GET', '/me', { token: h.token({ userIndex: 1 }) });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body ?? {})).toEqual([
      '@odata.context',
      'businessPhones',
      'displayName',
      'givenName',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
      'id',
    ]);
    expect(r.body.id).toBe(h.user(1).id);
  });

  it('finds a user by id and by userPrincipalName in any case; 404 otherwise', async () => {
    const u = h.user(2);
    expect((await h.graph('GET', `/users/${u.id}`)).body.displayName).toBe(u.displayName);
    expect((await h.graph('GET', `/users/${u.userPrincipalName.toUpperCase()}`)).body.id).toBe(u.id);
    expect((await h.graph('GET', `/users('${encodeURIComponent(u.userPrincipalName)}')`)).body.id).toBe(u.id);
    const missing = await h.graph('GET', '/users/nobody@example.com');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message:
        "Resource 'nobody@example.com' does not exist or one of its queried reference-property objects are not present.",
    });
  });

  it('filters on mail and userPrincipalName with eq, case-insensitively', async () => {
    const u = h.user(3);
    const byMail = await h.graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${u.mail?.toUpperCase()}'`)}`);
    expect(listOf<{ id: string }>(byMail).map((x) => x.id)).toEqual([u.id]);
    const byUpn = await h.graph(
      'GET',
      `/users?$filter=${encodeURIComponent(`userPrincipalName eq '${u.userPrincipalName}'`)}`,
    );
    expect(listOf<unknown>(byUpn).length).toBe(1);
  });

  it('takes up to 15 values in an `in` filter and refuses 16 as Microsoft does', async () => {
    const mails = Array.from(
      { length: 16 },
      (_, i) => `learner${String(i + 1).padStart(3, '0')}@${h.emu.context.tenant.domain}`,
    );
    const fifteen = await h.graph(
      'GET',
      `/users?$filter=${encodeURIComponent(
        `mail in (${mails
          .slice(0, 15)
          .map((m) => `'${m}'`)
          .join(',')})`,
      )}&$select=id,mail`,
    );
    expect(fifteen.status).toBe(200);
    expect(listOf<unknown>(fifteen).length).toBe(15);
    const sixteen = await h.graph(
      'GET',
      `/users?$filter=${encodeURIComponent(`mail in (${mails.map((m) => `'${m}'`).join(',')})`)}`,
    );
    expect(sixteen.status).toBe(400);
    expect(sixteen.body.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.",
    });
  });

  it('refuses a filter on a property it does not support', async () => {
    const r = await h.graph('GET', `/users?$filter=${encodeURIComponent("jobTitle eq 'x'")}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'Request_UnsupportedQuery' });
  });

  it('selects properties and names the selection in @odata.context', async () => {
    const r = await h.graph('GET', '/users?$select=displayName,mail&$top=2');
    expect(r.body['@odata.context']).toBe(`${h.graphBase}/$metadata#users(displayName,mail)`);
    for (const u of r.body.value as Array<Record<string, unknown>>)
      expect(Object.keys(u).sort()).toEqual(['displayName', 'id', 'mail']);
    const bad = await h.graph('GET', '/users?$select=shoeSize');
    expect(bad.status).toBe(400);
  });

  it('pages with opaque @odata.nextLink until every user is seen once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${h.graphBase}/users?$top=7&$select=id`;
    let pages = 0;
    while (url) {
      const r = await h.graph('GET', url);
      expect(r.status).toBe(200);
      seen.push(...listOf<{ id: string }>(r).map((u) => u.id));
      url = r.body['@odata.nextLink'] as string | undefined;
      if (url) expect(url).toMatch(/\$skiptoken=[A-Za-z0-9_-]+/);
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(h.emu.context.tenant.users.length);
    const forged = await h.graph('GET', '/users?$skiptoken=not-ours');
    expect(forged.status).toBe(400);
  });
});

describe('supported time zones', () => {
  it('lists Windows zones', async () => {
    const r = await h.graph('GET', '/me/outlook/supportedTimeZones');
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toBe(`${h.graphBase}/$metadata#Collection(microsoft.graph.timeZoneInformation)`);
    expect(r.body.value).toContainEqual({
      alias: 'Pacific Standard Time',
      displayName: '(UTC-08:00) Pacific Time (US & Canada)',
    });
  });

  it('lists IANA zones through the function parameter (also percent-encoded)', async () => {
    const r = await h.graph(
      'GET',
      "/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')",
    );
    expect(r.body.value).toContainEqual({ alias: 'America/Toronto', displayName: 'America/Toronto' });
    const encoded = await h.graph(
      'GET',
      '/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard%27Iana%27)',
    );
    expect(encoded.status).toBe(200);
  });
});
