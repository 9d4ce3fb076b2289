// Check: the guide's two Elentra settings, as the organisation sees them (its own row over the global row):
// `microsoft_teams_enabled` = 1 and the `microsoft` entry in `user_menu_ordering`. Pure.
import type { MicrosoftSettings } from '../../elentra/index.js';
import { type CheckResult, fail, pass } from '../check-result.js';
import { FEATURE_FLAG } from '../check-specs.js';

export function checkFeatureFlag(settings: MicrosoftSettings, organisationId: number): CheckResult {
  const problems: string[] = [];
  const fixes: string[] = [];
  const org = `--organisation ${organisationId}`;
  if (!settings.teamsEnabled) {
    problems.push('microsoft_teams_enabled is not 1');
    fixes.push(`elentra-teams settings:set microsoft_teams_enabled 1 (add ${org} if the organisation has its own row)`);
  }
  if (!settings.menuEntryPresent) {
    const current = settings.menuOrdering === null ? 'not set' : `"${settings.menuOrdering}"`;
    problems.push(`user_menu_ordering has no "microsoft" entry (it is ${current})`);
    fixes.push('append ",microsoft" to user_menu_ordering with elentra-teams settings:set user_menu_ordering "…"');
  }
  if (problems.length === 0) {
    return pass(
      FEATURE_FLAG,
      `microsoft_teams_enabled is 1 and user_menu_ordering has the "microsoft" entry (organisation ${organisationId}).`,
    );
  }
  return fail(
    FEATURE_FLAG,
    `For organisation ${organisationId}: ${problems.join('; ')}.`,
    `${fixes.join('; ')}; or use the Settings page of the web app.`,
  );
}
