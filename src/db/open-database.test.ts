// openDatabase's URL handling: which engine a DATABASE_URL means, and that printed URLs never carry a password.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../lib/errors.js';
import { dialectOf, redactUrl } from './open-database.js';

describe('dialectOf', () => {
  it.each([
    ['sqlite:data/elentra-teams.sqlite', 'sqlite'],
    ['sqlite::memory:', 'sqlite'],
    ['mysql://root@127.0.0.1:3306/elentra_teams', 'mysql'],
    ['mariadb://u:p@db/elentra_teams', 'mysql'],
    ['postgres://postgres@127.0.0.1:5432/elentra_teams', 'postgres'],
    ['postgresql://u@db/elentra_teams', 'postgres'],
  ])('%s is %s', (url, dialect) => {
    expect(dialectOf(url)).toBe(dialect);
  });

  it('refuses anything else with a usage error that shows the accepted forms, without the password', () => {
    const attempt = () => dialectOf('mssql://sa:hunter2@db/elentra');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/sqlite:PATH/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});

describe('redactUrl', () => {
  it.each([
    ['mysql://root:s3cr%40t@db:3306/x', 'mysql://root:***@db:3306/x'],
    ['postgres://postgres@db/x', 'postgres://postgres@db/x'],
    ['sqlite:data/x.sqlite', 'sqlite:data/x.sqlite'],
  ])('%s → %s', (url, safe) => {
    expect(redactUrl(url)).toBe(safe);
  });
});
