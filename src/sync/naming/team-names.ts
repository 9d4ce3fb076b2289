// An offering's team display name and description, from the templates (naming/template.ts), on one line and within
// Microsoft's limits (naming/limits.ts). A display name can't be empty (Graph: "Required … cannot be cleared"), so an
// empty rendering falls back to the course id and period.
import type { Offering } from '../../elentra/roster/roster-types.js';
import { htmlToText, oneLine, truncateText } from './clean-text.js';
import { MAX_DESCRIPTION_LENGTH, MAX_DISPLAY_NAME_LENGTH } from './limits.js';
import { type PlaceholderValues, renderTemplate } from './template.js';

export interface NamingTemplates {
  displayNameTemplate: string;
  descriptionTemplate: string;
}

export interface TeamNames {
  displayName: string;
  /** '' when the template renders to nothing: Teams shows no description. */
  description: string;
}

export type NamedOffering = Pick<
  Offering,
  'courseId' | 'courseCode' | 'courseName' | 'courseDescription' | 'organisationTitle' | 'period'
>;

export function placeholderValues(offering: NamedOffering): PlaceholderValues {
  return {
    course_code: oneLine(offering.courseCode),
    course_name: oneLine(offering.courseName),
    period: oneLine(offering.period.title),
    course_id: String(offering.courseId),
    period_id: String(offering.period.id),
    organisation: oneLine(offering.organisationTitle ?? ''),
    course_description: oneLine(htmlToText(offering.courseDescription ?? '')),
  };
}

/** Removes what an empty placeholder leaves behind, e.g. `MED101:  ()` → `MED101:`. */
function tidy(text: string): string {
  return oneLine(text.replace(/\(\s*\)|\[\s*\]/g, ''))
    .replace(/[\s:,;–—-]+$/u, '')
    .replace(/^[\s:,;–—-]+/u, '');
}

export function teamNames(offering: NamedOffering, templates: NamingTemplates): TeamNames {
  const values = placeholderValues(offering);
  const rendered = tidy(renderTemplate(templates.displayNameTemplate, values));
  const displayName = rendered === '' ? `Course ${values.course_id} (${values.period || values.period_id})` : rendered;
  return {
    displayName: truncateText(displayName, MAX_DISPLAY_NAME_LENGTH),
    description: truncateText(tidy(renderTemplate(templates.descriptionTemplate, values)), MAX_DESCRIPTION_LENGTH),
  };
}
