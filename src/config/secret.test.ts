import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from './secret.js';

describe('Secret', () => {
  const secret = new Secret('hunter2-value');

  it.each([
    ['String()', () => String(secret)],
    ['template literal', () => `${secret}`],
    ['concatenation', () => `x${secret}`.slice(1)],
    ['JSON.stringify', () => JSON.parse(JSON.stringify({ secret })).secret],
    ['util.inspect', () => inspect(secret)],
    ['util.inspect, nested and deep', () => inspect({ a: { b: { secret } } }, { depth: 10, showHidden: true })],
  ])('%s shows [redacted]', (_, render) => {
    const text = render();
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('hunter2');
  });

  it('reveal() gives the value', () => {
    expect(secret.reveal()).toBe('hunter2-value');
  });
});
