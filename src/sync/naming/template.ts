// Name templates: `{placeholder}` filled from an offering. The administrator sets the display name and description
// templates; unknown placeholders are reported by unknownPlaceholders() (for `config:check`) and left as typed when
// rendering, so a typo shows up in the team's name rather than silently vanishing.

export const TEAM_NAME_PLACEHOLDERS = [
  'course_code',
  'course_name',
  'period',
  'course_id',
  'period_id',
  'organisation',
  'course_description',
] as const;
export type TeamNamePlaceholder = (typeof TEAM_NAME_PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<TeamNamePlaceholder, string>>;

export const DEFAULT_DISPLAY_NAME_TEMPLATE = '{course_code}: {course_name} ({period})';
/** Tells teachers why a member they add by hand in Teams disappears on the next sync. */
export const DEFAULT_DESCRIPTION_TEMPLATE =
  '{course_code}: {course_name} ({period}). Owners and members are kept in step with Elentra.';

const PLACEHOLDER = /\{([a-z_]+)\}/g;
const KNOWN = new Set<string>(TEAM_NAME_PLACEHOLDERS);

function isPlaceholder(name: string): name is TeamNamePlaceholder {
  return KNOWN.has(name);
}

/** Placeholders in `template` that are not in TEAM_NAME_PLACEHOLDERS, in order of appearance, once each. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name)) unknown.add(`{${name}}`);
  }
  return [...unknown];
}

/**
 * Fills the placeholders; anything else is kept as typed.
 *
 * @example renderTemplate('{course_code}: {course_name}', values) // 'MED101: Anatomy'
 */
export function renderTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}
