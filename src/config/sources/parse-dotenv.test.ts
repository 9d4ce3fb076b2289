import { describe, expect, it } from 'vitest';
import { parseDotenv } from './parse-dotenv.js';

describe('parseDotenv', () => {
  it.each([
    ['KEY=value', 'value'],
    ['  KEY =  value  ', 'value'],
    ['export KEY=value', 'value'],
    ['KEY="quoted value"', 'quoted value'],
    ["KEY='single # not a comment'", 'single # not a comment'],
    ['KEY="with \\"escaped\\" quotes\\n"', 'with "escaped" quotes\n'],
    ["KEY='literal \\n'", 'literal \\n'],
    ['KEY=value # a comment', 'value'],
    ['KEY=pass#word', 'pass#word'],
    ['KEY="value" # a comment', 'value'],
    ['KEY=', ''],
    ['KEY=a=b', 'a=b'],
  ])('%s → %j', (line, expected) => {
    expect(parseDotenv(line).get('KEY')).toBe(expected);
  });

  it('skips comments, blank and malformed lines; the last line for a key wins', () => {
    const text = ['# comment', '', 'not a setting', '1BAD=x', 'A=1', 'B=2', 'A=3', '  # indented comment'].join('\r\n');
    expect([...parseDotenv(text)]).toEqual([
      ['A', '3'],
      ['B', '2'],
    ]);
  });
});
