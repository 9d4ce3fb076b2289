// Checks for the teams sync's settings (TEAMS_*): the name templates, the mass-removal guard, the re-list period. The
// on/off settings (TEAMS_ARCHIVE_ENDED, …) use basic.ts checkFlag, TEAMS_TEMPLATE checkOneOf, and the days
// events.ts checkDays.
import { TEAM_NAME_PLACEHOLDERS } from '../../sync/naming/template.js';
import { type Check, fail, ok } from './check.js';
import { checkDays } from './events.js';

const KNOWN = new Set<string>(TEAM_NAME_PLACEHOLDERS);
const PLACEHOLDER_LIST = TEAM_NAME_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
/** Anything in braces: `{Course_Code}` or `{course code}` would be left as typed in every team's name. */
const BRACED = /\{([^{}]*)\}/g;

/** The braced names in `template` that are not placeholders, in order, once each. */
function unknownBraced(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(BRACED)) {
    if (!KNOWN.has(match[1] ?? '')) unknown.add(match[0]);
  }
  return [...unknown];
}

function checkTemplate(template: string, what: string): Check<string> {
  const unknown = unknownBraced(template);
  if (unknown.length === 0) return ok(template);
  const names = unknown.join(', ');
  return fail(
    `${names} ${unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'} of ${what}`,
    `use only ${PLACEHOLDER_LIST} (lower case, in braces)`,
  );
}

/** A display name template: known placeholders only, and at least one, or every team would have the same name. */
export function checkDisplayNameTemplate(template: string): Check<string> {
  const checked = checkTemplate(template, 'the team name');
  if (!checked.ok) return checked;
  if (template.match(BRACED) === null) {
    return fail(
      `"${template}" has no placeholder, so every team would have the same name`,
      'include at least one placeholder, e.g. {course_code}: {course_name} ({period}) (the default)',
    );
  }
  return checked;
}

export function checkDescriptionTemplate(template: string): Check<string> {
  return checkTemplate(template, 'the team description');
}

/**
 * The share of a team's members whose removal is held for confirmation, as a fraction from 0 to 1 (0.3 = 30 %).
 * A percentage (`30%`, `30`) is refused with the fraction to write, so `30` never silently means 3,000 %.
 */
export function checkRemovalShare(value: string): Check<number> {
  const share = /^(?:[01](?:\.\d{1,6})?|\.\d{1,6})$/.test(value) ? Number(value) : Number.NaN;
  if (share >= 0 && share <= 1) return ok(share);
  const percent = /^(\d{1,3}(?:\.\d{1,4})?)\s*%?$/.exec(value)?.[1];
  const [fraction, asPercent] =
    percent !== undefined && Number(percent) <= 100
      ? [String(Math.round(Number(percent) * 1e4) / 1e6), percent]
      : ['0.3', '30'];
  return fail(
    `"${value}" is not a fraction from 0 to 1`,
    `write the share as a fraction, e.g. ${fraction} for ${asPercent} % (1 turns the share rule off)`,
  );
}

/** The fewest removals the share rule holds: a seminar of 5 losing 2 is not a mass removal (MAX_MEMBERS at most). */
export function checkRemovalMinimum(value: string): Check<number> {
  const count = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (count >= 1 && count <= 25_000) return ok(count);
  return fail(`"${value}" is not a number of people from 1 to 25000`, 'use a whole number, e.g. 3 (the default)');
}

/** How often every team is listed in full to catch role changes and renames made in Teams; 0 turns it off. */
export const checkRelistDays = checkDays(0, 365, '7 (the default), or 0 to turn the full re-list off');
