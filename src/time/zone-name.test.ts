import { describe, expect, it } from 'vitest';
import { isIanaZone, suggestIanaZone } from './zone-name.js';

describe('isIanaZone', () => {
  it.each([
    ['America/Toronto', true],
    ['america/toronto', true],
    ['Asia/Kolkata', true],
    ['Asia/Calcutta', true],
    ['America/Montreal', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT+5', true],
    ['UTC', true],
    ['Etc/UTC', true],
    ['Eastern Standard Time', false],
    ['Mars/Olympus_Mons', false],
    ['+05:00', false],
    ['', false],
    ['America/', false],
  ])('%s → %s', (name, expected) => {
    expect(isIanaZone(name)).toBe(expected);
  });
});

describe('suggestIanaZone', () => {
  it.each([
    ['Toronto', 'America/Toronto'],
    ['Canada/toronto', 'America/Toronto'],
    ['St Johns', 'America/St_Johns'],
    ['Atlantis', null],
    ['', null],
  ])('%s → %s', (name, expected) => {
    expect(suggestIanaZone(name)).toBe(expected);
  });
});
