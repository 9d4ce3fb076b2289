// The pure parts of the Graph client, as tables: retry decisions, Retry-After parsing, backoff bounds, OData quoting,
// query encoding, route templates, and packing $batch envelopes (≤ 20, dependsOn chains kept together).
import { describe, expect, it } from 'vitest';
import { type BatchRequest, packEnvelopes } from './batch.js';
import { odataIn, odataString, queryString } from './odata.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterSeconds, retryKindFor } from './retry-policy.js';
import { routeTemplateOf } from './route-template.js';

describe('retryKindFor', () => {
  it.each([
    [429, false, 'wait'],
    [429, true, 'wait'],
    [503, true, 'wait'],
    [504, true, 'wait'],
    [503, false, 'none'],
    [500, true, 'immediate'],
    [502, true, 'immediate'],
    [500, false, 'none'],
    [404, true, 'none'],
    [400, true, 'none'],
  ])('status %i, repeatable %s → %s', (status, repeatable, kind) => {
    expect(retryKindFor(status, repeatable)).toBe(kind);
  });
});

describe('retryAfterSeconds and backoff', () => {
  it.each([
    ['7', 7],
    ['0', 0],
    ['', undefined],
    [null, undefined],
    ['soon', undefined],
    ['Thu, 01 Jan 1970 00:00:30 GMT', 30],
  ])('Retry-After %j → %s', (value, seconds) => {
    expect(retryAfterSeconds(value, 0)).toBe(seconds);
  });

  it('grows exponentially within the cap, with full jitter', () => {
    expect(backoffMs(DEFAULT_RETRY_POLICY, 0, () => 1)).toBe(1_000);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 3, () => 1)).toBe(8_000);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 10, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
    expect(backoffMs(DEFAULT_RETRY_POLICY, 3, () => 0)).toBe(0);
  });
});

describe('OData text', () => {
  it('doubles single quotes in string literals', () => {
    expect(odataString("pat.o'neil@x.org")).toBe("'pat.o''neil@x.org'");
    expect(odataIn('mail', ['a@x', "b'c@x"])).toBe("mail in ('a@x','b''c@x')");
  });

  it('encodes query values once and keeps $ in option names', () => {
    expect(queryString({ $filter: "mail eq 'a+b@x'", $top: 999, skip: undefined })).toBe(
      "?$filter=mail%20eq%20'a%2Bb%40x'&$top=999",
    );
    expect(queryString({})).toBe('');
  });

  it.each([
    ['/teams/3f2c8a9e-3b1d-4c6a-9e7f-1a2b3c4d5e6f/members?$top=999', '/teams/{id}/members'],
    ["/users/pat.o'neil@x.org", '/users/{id}'],
    ["/teams('3f2c8a9e-3b1d-4c6a-9e7f-1a2b3c4d5e6f')/operations('abc')", '/teams/{id}/operations/{id}'],
    ['/teams/x/members/MCMjMCMjZGEyNzE0ZGUtMGZlZi00NjM', '/teams/x/members/{id}'],
    ['https://graph.microsoft.com/v1.0/users?$skiptoken=X', '/users'],
    ['/me/outlook/supportedTimeZones', '/me/outlook/supportedTimeZones'],
    ['/$batch', '/$batch'],
  ])('route of %s is %s', (path, route) => {
    expect(routeTemplateOf(path)).toBe(route);
  });
});

describe('packEnvelopes', () => {
  const get = (id: string, dependsOn?: string[]): BatchRequest => ({ id, method: 'GET', url: '/me', dependsOn });

  it('splits 45 independent requests into 20 + 20 + 5', () => {
    const requests = Array.from({ length: 45 }, (_, i) => get(`r${i}`));
    expect(packEnvelopes(requests).map((envelope) => envelope.length)).toEqual([20, 20, 5]);
  });

  it('keeps a dependsOn chain in one envelope', () => {
    const requests = [
      ...Array.from({ length: 19 }, (_, i) => get(`p${i}`)),
      get('a'),
      get('b', ['a']),
      get('c', ['b']),
    ];
    const envelopes = packEnvelopes(requests);
    const withChain = envelopes.find((envelope) => envelope.some((r) => r.id === 'a'));
    expect(withChain?.map((r) => r.id)).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect(envelopes.every((envelope) => envelope.length <= 20)).toBe(true);
  });

  it('refuses duplicate ids, unknown dependencies and chains longer than 20', () => {
    expect(() => packEnvelopes([get('a'), get('a')])).toThrow(/unique/);
    expect(() => packEnvelopes([get('a', ['zz'])])).toThrow(/unknown/);
    const chain = Array.from({ length: 21 }, (_, i) => get(`c${i}`, i === 0 ? undefined : [`c${i - 1}`]));
    expect(() => packEnvelopes(chain)).toThrow(/at most 20/);
  });
});
