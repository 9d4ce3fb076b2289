// Display names and descriptions by table: templates, Unicode, emoji, control characters, empty fields and names
// longer than Microsoft's limits (256 / 1024 UTF-16 units), cut between graphemes with an ellipsis.
import { describe, expect, it } from 'vitest';
import { truncateText } from './clean-text.js';
import { MAX_DESCRIPTION_LENGTH, MAX_DISPLAY_NAME_LENGTH } from './limits.js';
import { type NamedOffering, teamNames } from './team-names.js';
import {
  DEFAULT_DESCRIPTION_TEMPLATE,
  DEFAULT_DISPLAY_NAME_TEMPLATE,
  renderTemplate,
  unknownPlaceholders,
} from './template.js';

function offering(overrides: Partial<NamedOffering> = {}): NamedOffering {
  return {
    courseId: 12,
    courseCode: 'MED101',
    courseName: 'Anatomy',
    courseDescription: null,
    organisationTitle: 'School of Medicine',
    period: { id: 4, title: 'Fall 2026', start: new Date(0), finish: new Date(0) },
    ...overrides,
  };
}

const DEFAULTS = { displayNameTemplate: DEFAULT_DISPLAY_NAME_TEMPLATE, descriptionTemplate: '' };
const LONG_NAME = 'Clinical Skills '.repeat(20); // 320 characters

describe('teamNames: display name', () => {
  const cases: Array<[string, Partial<NamedOffering>, string, string]> = [
    ['the default template', {}, DEFAULT_DISPLAY_NAME_TEMPLATE, 'MED101: Anatomy (Fall 2026)'],
    ['accents kept as written', { courseName: 'Anatomie générale' }, '{course_name}', 'Anatomie générale'],
    ['emoji kept', { courseName: 'Cardiology 🫀' }, '{course_name}', 'Cardiology 🫀'],
    ['line breaks and tabs become one space', { courseName: 'A\n\tB\r\nC' }, '{course_name}', 'A B C'],
    ['non-breaking and ideographic spaces', { courseName: 'A\u00a0\u3000B' }, '{course_name}', 'A B'],
    ['every placeholder', {}, '{course_id}/{period_id} {organisation}', '12/4 School of Medicine'],
    ['unknown placeholders stay visible', {}, '{course_code} {term}', 'MED101 {term}'],
    ['empty course name leaves no stray colon', { courseName: '' }, '{course_code}: {course_name}', 'MED101'],
    ['empty period leaves no empty brackets', { courseName: 'X', period: p('') }, '{course_name} ({period})', 'X'],
    [
      'nothing at all falls back to id and period',
      { courseCode: '', courseName: '' },
      '{course_code}',
      'Course 12 (Fall 2026)',
    ],
    ['missing organisation is empty', { organisationTitle: null }, '{course_code} {organisation}', 'MED101'],
  ];
  it.each(cases)('%s', (_name, overrides, displayNameTemplate, expected) => {
    expect(teamNames(offering(overrides), { ...DEFAULTS, displayNameTemplate }).displayName).toBe(expected);
  });

  it('cuts a 300+ character name to 256 with an ellipsis', () => {
    const { displayName } = teamNames(offering({ courseName: LONG_NAME }), DEFAULTS);
    expect(displayName).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(displayName.startsWith('MED101: Clinical Skills Clinical')).toBe(true);
    expect(displayName.endsWith('…')).toBe(true);
  });
});

function p(title: string): NamedOffering['period'] {
  return { id: 4, title, start: new Date(0), finish: new Date(0) };
}

describe('teamNames: description', () => {
  it('the default description names the course and says who manages members', () => {
    const names = teamNames(offering(), { ...DEFAULTS, descriptionTemplate: DEFAULT_DESCRIPTION_TEMPLATE });
    expect(names.description).toBe('MED101: Anatomy (Fall 2026). Owners and members are kept in step with Elentra.');
  });

  it('course descriptions lose their HTML', () => {
    const html = '<p>Bones &amp; muscles</p>\n<ul><li>Week&nbsp;1</li></ul>';
    const names = teamNames(offering({ courseDescription: html }), {
      ...DEFAULTS,
      descriptionTemplate: '{course_description}',
    });
    expect(names.description).toBe('Bones & muscles Week 1');
  });

  it('an empty template gives an empty description', () => {
    expect(teamNames(offering(), DEFAULTS).description).toBe('');
  });

  it('is cut to 1024', () => {
    const names = teamNames(offering({ courseDescription: 'x'.repeat(5000) }), {
      ...DEFAULTS,
      descriptionTemplate: '{course_description}',
    });
    expect(names.description).toHaveLength(MAX_DESCRIPTION_LENGTH);
  });
});

describe('truncateText', () => {
  const cases: Array<[string, string, number, string]> = [
    ['fits: unchanged', 'abc', 3, 'abc'],
    ['too long: ellipsis within the limit', 'abcdef', 4, 'abc…'],
    ['never splits a surrogate pair', `ab${'😀'.repeat(3)}`, 5, 'ab😀…'],
    ['never splits a family emoji (ZWJ sequence)', `a${'👨‍👩‍👧'}b`, 8, 'a…'],
    ['never splits a letter and its combining accent', 'abe\u0301cd', 4, 'ab…'],
    ['trailing space before the ellipsis is dropped', 'ab cdef', 4, 'ab…'],
  ];
  it.each(cases)('%s', (_name, text, max, expected) => {
    const result = truncateText(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });
});

describe('templates', () => {
  it('lists unknown placeholders once each', () => {
    expect(unknownPlaceholders('{course_code} {term} {Course_Name} {term}')).toEqual(['{term}']);
    expect(unknownPlaceholders(DEFAULT_DISPLAY_NAME_TEMPLATE)).toEqual([]);
  });

  it('renders only known placeholders', () => {
    const values = {
      course_code: 'A',
      course_name: 'B',
      period: 'C',
      course_id: '1',
      period_id: '2',
      organisation: 'O',
      course_description: 'D',
    };
    expect(renderTemplate('{course_code}-{x}-{period_id}', values)).toBe('A-{x}-2');
  });
});
