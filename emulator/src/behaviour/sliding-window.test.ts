import { expect, it } from 'vitest';
import { SlidingWindows } from './sliding-window.js';

it('counts weight in the window and says when more fits', () => {
  const w = new SlidingWindows();
  w.add('k', 0, 2);
  w.add('k', 400, 2);
  w.add('k', 800, 2);
  expect(w.usage('k', 900, 1000)).toBe(6);
  // Limit 6: one more unit fits once the first entry (t=0) leaves the window at t=1000.
  expect(w.waitMs('k', 900, 1000, 1, 6)).toBe(100);
  // Four more units need the first two entries gone: t=1400.
  expect(w.waitMs('k', 900, 1000, 4, 6)).toBe(500);
  expect(w.waitMs('k', 1000, 1000, 1, 6)).toBe(0);
  expect(w.usage('k', 1801, 1000)).toBe(0);
});

it('never fits a weight above the limit', () => {
  const w = new SlidingWindows();
  expect(w.waitMs('k', 0, 1000, 7, 6)).toBe(1000);
});
