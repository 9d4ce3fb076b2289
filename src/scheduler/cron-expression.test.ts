// validateCronExpression by table: what is accepted, and that every refusal names the problem and gives an example.
import { describe, expect, it } from 'vitest';
import { validateCronExpression } from './cron-expression.js';

describe('validateCronExpression', () => {
  const valid = [
    '0 0 * * *',
    '0 3 * * 0',
    '*/15 * * * *',
    '0 0 L * *',
    '0 9 1-7 * 1',
    '0 0 * * MON-FRI',
    '0 0 1 JAN *',
    '0 0 29 2 *',
    '@daily',
    '  0 0 * * *  ',
  ];
  it.each(valid)('accepts %j', (expression) => {
    expect(validateCronExpression(expression)).toEqual({ ok: true });
  });

  const invalid: Array<[string, string]> = [
    ['0 25 * * *', 'its hour field "25" is not valid (use 0-23)'],
    ['60 * * * *', 'its minute field "60" is not valid (use 0-59)'],
    ['*/0 * * * *', 'its minute field "*/0" is not valid'],
    ['5-1 * * * *', 'its minute field "5-1" is not valid'],
    ['0 0 32 * *', 'its day-of-month field "32" is not valid (use 1-31 or L)'],
    ['0 0 0 * *', 'its day-of-month field "0" is not valid'],
    ['0 0 * 13 *', 'its month field "13" is not valid (use 1-12 or JAN-DEC)'],
    ['0 0 * * 8', 'its day-of-week field "8" is not valid'],
    ['0 0 * * FOO', 'its day-of-week field "FOO" is not valid'],
    ['* * * *', 'it has 4 fields; five are needed: minute hour day-of-month month day-of-week'],
    ['0 0 0 * * *', 'it has 6 fields'],
    ['daily', 'it has 1 field;'],
    ['', 'it is empty'],
    ['0 0 31 2 *', 'it never matches a real date'],
    ['@reboot', 'it is not one of @yearly, @monthly, @weekly, @daily or @hourly'],
    [`0 0 ${'1,'.repeat(130)}1 * *`, 'it is longer than 255 characters'],
  ];
  it.each(invalid)('refuses %j: %s', (expression, problem) => {
    const result = validateCronExpression(expression);
    if (result.ok) throw new Error(`accepted ${expression}`);
    expect(result.message).toContain(`The schedule "${expression}" is not a valid cron expression: ${problem}`);
    expect(result.message).toContain('Example: "0 0 * * *" (every day at 12:00 AM)');
  });
});
