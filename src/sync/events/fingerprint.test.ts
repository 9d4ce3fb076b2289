import { describe, expect, it } from 'vitest';
import { changedFields, fingerprintOf, parseFingerprint, serializeFingerprint } from './fingerprint.js';
import { generationOf, siteTag, transactionIdFor } from './transaction-id.js';

const SOURCE = {
  startEpochSeconds: 1_757_939_400,
  source: 'src4567890',
  subject: 'Cardiology',
  bodyHtml: '<div>Heart</div>',
  location: 'Room 1',
  start: { dateTime: '2025-09-15T08:30:00', timeZone: 'Eastern Standard Time' },
  end: { dateTime: '2025-09-15T09:30:00', timeZone: 'Eastern Standard Time' },
  online: true,
};

describe('fingerprint', () => {
  it('round-trips through the stored string, which fits ms_events.sent_hash', () => {
    const text = serializeFingerprint(fingerprintOf(SOURCE));
    expect(text).toMatch(
      /^f1 a=1757939400 i=src4567890 s=[\w-]{10} b=[\w-]{10} l=[\w-]{10} t=[\w-]{10} e=[\w-]{10} o=1$/,
    );
    expect(text.length).toBeLessThanOrEqual(128);
    expect(parseFingerprint(text)).toEqual(fingerprintOf(SOURCE));
  });

  it.each([
    ['subject', { subject: 'Cardiology II' }, ['subject']],
    ['body', { bodyHtml: '<div>Lungs</div>' }, ['body']],
    ['location', { location: '' }, ['location']],
    ['a new time zone, same instants', { start: { ...SOURCE.start, timeZone: 'UTC' } }, ['start']],
    ['end', { end: { ...SOURCE.end, dateTime: '2025-09-15T10:00:00' } }, ['end']],
    ['online', { online: false }, ['online']],
    ['nothing', {}, []],
  ])('%s changed → %j', (_name, change, expected) => {
    const sent = fingerprintOf(SOURCE);
    expect(changedFields(sent, fingerprintOf({ ...SOURCE, ...change }))).toEqual(expected);
  });

  it.each([
    null,
    '',
    'abc',
    'f0 a=1 i=x s=x b=x l=x t=x e=x o=1',
    'f1 i=x s=x b=x l=x t=x e=x o=1',
    'f1 a=1 s=x b=x l=x t=x e=x o=1',
    'f1 a=1 i=x s=x',
  ])('treats %j as unknown: every field changed', (stored) => {
    const sent = parseFingerprint(stored);
    expect(sent).toBeNull();
    expect(changedFields(sent, fingerprintOf(SOURCE))).toHaveLength(6);
  });
});

describe('transactionId', () => {
  it('is deterministic per site, event and generation', () => {
    const site = siteTag('https://elentra.example.edu|default');
    expect(site).toBe(siteTag('https://elentra.example.edu|default'));
    expect(site).not.toBe(siteTag('https://other.example.edu|default'));
    expect(transactionIdFor(site, 42, 1)).toBe(`et-${site}-e42-g1`);
    expect(transactionIdFor(site, 42, 2)).not.toBe(transactionIdFor(site, 42, 1));
    // Every id this module writes reads back to its generation, whatever the site (a mismatch reused -g1 forever).
    for (const key of ['https://elentra.example.edu|default', 'x', 'https://ÉLENTRA.example.edu/#microsoft_graph']) {
      expect(generationOf(transactionIdFor(siteTag(key), 4521, 7))).toBe(7);
    }
    expect(site).toMatch(/^[0-9a-f]{12}$/);
  });

  it.each([
    ['et-abc123-e42-g1', 1],
    ['et-abc123-e42-g17', 17],
    ['something-else', 0],
    ['et-abc-e42-gx', 0],
  ])('generationOf(%s) = %i', (id, generation) => {
    expect(generationOf(id)).toBe(generation);
  });
});
