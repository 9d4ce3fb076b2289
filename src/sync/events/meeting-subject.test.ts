import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT_LENGTH, meetingSubject, truncate } from './meeting-subject.js';

describe('meetingSubject', () => {
  it.each([
    ['  Cardiology  lecture ', 'Cardiology lecture'],
    ['', '(untitled session)'],
    ['   \n ', '(untitled session)'],
    [null, '(untitled session)'],
    ['<b>Renal</b> &amp; acid–base', 'Renal & acid–base'],
    ['Line one\nline two', 'Line one line two'],
  ])('%j → %j', (title, expected) => {
    expect(meetingSubject(title)).toBe(expected);
  });

  it('cuts long titles to 255 characters with an ellipsis', () => {
    const subject = meetingSubject('x'.repeat(300));
    expect(subject).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('x…')).toBe(true);
    expect(meetingSubject('y'.repeat(255))).toBe('y'.repeat(255));
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate(`${'a'.repeat(253)}😀😀`, 255);
    expect(cut).toBe(`${'a'.repeat(253)}…`);
    expect(cut.length).toBeLessThanOrEqual(255);
  });
});
