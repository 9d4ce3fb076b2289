// Checks for the roster's settings (ROSTER_*, ELENTRA_APP_ID) and the people matching's MATCH_USERNAME_DOMAIN: which
// Elentra course contacts own the teams, which offerings are read, and the address rule of last resort. The days use
// events.ts checkDays.
import type { CourseContactType } from '../../elentra/tables.js';
import { ELENTRA_CONTACT_TYPES } from '../constants.js';
import { type Check, fail, ok } from './check.js';
import { checkDays } from './events.js';

/** Comma-separated Elentra contact types, any case, each kept once; an unknown one is named, with the list. */
export function checkContactTypes(value: string): Check<readonly CourseContactType[]> {
  const given = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const types: CourseContactType[] = [];
  const unknown: string[] = [];
  for (const name of given) {
    const type = ELENTRA_CONTACT_TYPES.find((candidate) => candidate === name.toLowerCase());
    if (type === undefined) unknown.push(`"${name}"`);
    else if (!types.includes(type)) types.push(type);
  }
  const fix = `list Elentra contact types, comma-separated, from: ${ELENTRA_CONTACT_TYPES.join(', ')}`;
  if (unknown.length > 0) {
    const what = unknown.length === 1 ? 'is not an Elentra contact type' : 'are not Elentra contact types';
    return fail(`${unknown.join(', ')} ${what}`, fix);
  }
  if (types.length === 0) return fail('names no contact type, so no team would have an owner', fix);
  return ok(Object.freeze(types));
}

/** Offerings whose period starts within this many days are read (the teams are prepared before term). */
export const checkHorizonDays = checkDays(0, 730, '120 (the default)');

/** Offerings that finished up to this many days ago are still read, as ended, so that their teams get archived. */
export const checkGraceDays = checkDays(0, 365, '14 (the default)');

/** An Elentra id (`organisation_id`, `app_id`): a whole number from 1; `fix` says where to find the right one. */
export function checkElentraId(what: string, fix: string): (value: string) => Check<number> {
  return (value) => {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (id >= 1 && id <= 2_147_483_647) return ok(id);
    return fail(`"${value}" is not ${what} (a whole number from 1)`, fix);
  };
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The domain of `username@domain`, e.g. school.edu: lower case, without the @ (a leading one is dropped), at least
 * two labels. A whole address or a URL is refused: the username is what varies.
 */
export function checkUsernameDomain(value: string): Check<string> {
  const domain = value.replace(/^@/, '').toLowerCase();
  const labels = domain.split('.');
  if (domain.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label))) return ok(domain);
  return fail(
    `"${value}" is not a domain name`,
    "give only the part after the @ of your users' sign-in names, e.g. school.edu (Elentra usernames are put before it)",
  );
}
