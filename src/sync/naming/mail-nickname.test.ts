// mailNickname by table: always valid for Microsoft (≤ 64 printable ASCII, none of @ () \ [] " ; : . <> , SPACE),
// unique per site, organisation and offering, readable where the course code allows, and parseable back.
import { describe, expect, it } from 'vitest';
import { asciiSlug, toAscii } from './ascii-slug.js';
import { isValidMailNickname, MAX_MAIL_NICKNAME_LENGTH } from './limits.js';
import { mailNickname, nicknameIdentity, parseMailNickname, siteIdOf } from './mail-nickname.js';

const ID = { siteId: '3f9a2c', organisationId: 1, courseId: 12, periodId: 4 };

describe('mailNickname', () => {
  const cases: Array<[string, string, string]> = [
    ['plain code', 'MED101', 'elentra-3f9a2c-o1-c12-p4-med101'],
    ['accents transliterated', 'MÉD-101 Anatomie générale', 'elentra-3f9a2c-o1-c12-p4-med-101-anatomie-generale'],
    ['letters with no decomposition', 'Straße Ørsted Łódź', 'elentra-3f9a2c-o1-c12-p4-strasse-orsted-lodz'],
    ['emoji stripped', '🫀 CARD 200 🩺', 'elentra-3f9a2c-o1-c12-p4-card-200'],
    [
      'forbidden characters become hyphens',
      'A@B (C) [D] "E";F:G<H>,I.J\\K',
      'elentra-3f9a2c-o1-c12-p4-a-b-c-d-e-f-g-h-i-j-k',
    ],
    ['full-width letters', 'ＭＥＤ１０１', 'elentra-3f9a2c-o1-c12-p4-med101'],
    ['no usable letters: identity only', '🫀🩺 日本語', 'elentra-3f9a2c-o1-c12-p4'],
    ['empty code: identity only', '', 'elentra-3f9a2c-o1-c12-p4'],
    [
      'long code cut at a word within 64',
      'Interprofessional Clinical Practice and Professional Identity Formation',
      'elentra-3f9a2c-o1-c12-p4-interprofessional-clinical-practice-and',
    ],
  ];
  it.each(cases)('%s', (_name, code, expected) => {
    const nickname = mailNickname(ID, code);
    expect(nickname).toBe(expected);
    expect(isValidMailNickname(nickname)).toBe(true);
  });

  it('stays within 64 with the largest ids and a 300+ character code', () => {
    const big = { siteId: 'ffffff', organisationId: 2_147_483_647, courseId: 2_147_483_647, periodId: 2_147_483_647 };
    const nickname = mailNickname(big, 'x'.repeat(320));
    expect(nickname.length).toBeLessThanOrEqual(MAX_MAIL_NICKNAME_LENGTH);
    expect(isValidMailNickname(nickname)).toBe(true);
    expect(parseMailNickname(nickname)).toEqual(big);
  });

  it('differs by site, organisation, course and period', () => {
    const nicknames = [
      ID,
      { ...ID, siteId: '000000' },
      { ...ID, organisationId: 2 },
      { ...ID, courseId: 1 },
      { ...ID, periodId: 44 },
      { ...ID, courseId: 124, periodId: 4 },
    ].map((identity) => nicknameIdentity(identity));
    expect(new Set(nicknames).size).toBe(nicknames.length);
  });

  it('parses back its own nicknames and nobody else’s', () => {
    expect(parseMailNickname('elentra-3f9a2c-o1-c12-p4-med101')).toEqual(ID);
    expect(parseMailNickname('elentra-3f9a2c-o1-c12-p4')).toEqual(ID);
    expect(parseMailNickname('ELENTRA-3F9A2C-O1-C12-P4')).toEqual(ID);
    expect(parseMailNickname('MED101Anatomy')).toBeNull();
    expect(parseMailNickname('elentra-3f9a2c-o1-c12')).toBeNull();
  });
});

describe('siteIdOf', () => {
  it('is 6 hex digits, stable under case and a trailing slash, different per site', () => {
    const id = siteIdOf('https://elentra.example.edu/');
    expect(id).toMatch(/^[0-9a-f]{6}$/);
    expect(siteIdOf('HTTPS://Elentra.Example.edu')).toBe(id);
    expect(siteIdOf('https://elentra.example.edu/med')).not.toBe(id);
    expect(siteIdOf('https://other.example.edu')).not.toBe(id);
  });
});

describe('isValidMailNickname', () => {
  const cases: Array<[string, boolean]> = [
    ['abc-123_x', true],
    ['', false],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['a b', false],
    ['a@b', false],
    ['a.b', false],
    ['café', false],
    ['a\u0000b', false],
  ];
  it.each(cases)('%j → %s', (value, expected) => {
    expect(isValidMailNickname(value)).toBe(expected);
  });
});

describe('asciiSlug / toAscii', () => {
  const cases: Array<[string, string]> = [
    ['Ñandú Æsir', 'nandu-aesir'],
    ['ı İ', 'i-i'],
    ['--A--B--', 'a-b'],
    ['Ω', ''],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(asciiSlug(text)).toBe(expected);
  });
  it('cuts at a word boundary when it can', () => {
    expect(asciiSlug('alpha beta gamma', 12)).toBe('alpha-beta');
    expect(asciiSlug('alphabetagamma', 5)).toBe('alpha');
    expect(asciiSlug('alpha beta', 5)).toBe('alpha');
  });
  it('keeps ASCII as is', () => {
    expect(toAscii('Plain ASCII 123')).toBe('Plain ASCII 123');
  });
});
