// The administrator's choices for the teams sync (docs/configuration.md, TEAMS_* and MATCH_USERNAME_DOMAIN): the
// team names and template, the lifecycle switches, the mass-removal guard, the full re-list period and the third
// matching rule. wire-sync.ts applies them under the overrides a caller (a test) passes; the roster's settings are
// src/elentra/roster-options.ts rosterOptionsOf, shared with the events sync.
import type { Config, TeamsSettings } from '../../config/index.js';
import type { MatchingOptions } from '../people/candidate-keys.js';
import type { PlanOptions } from '../plan/plan-options.js';

export type TeamsPlanSettings = Omit<PlanOptions, 'siteId' | 'authorizingUserId' | 'force' | 'caps'>;

export interface TeamsSyncSettings {
  plan: TeamsPlanSettings;
  /** RunDeps.relistEveryDays: 0 turns the periodic full listing off. */
  relistEveryDays: number;
  matching: MatchingOptions;
}

export type TeamsConfig = TeamsSettings & Pick<Config, 'MATCH_USERNAME_DOMAIN'>;

export function teamsOptionsOf(config: TeamsConfig): TeamsSyncSettings {
  return {
    plan: {
      displayNameTemplate: config.TEAMS_DISPLAY_NAME_TEMPLATE,
      descriptionTemplate: config.TEAMS_DESCRIPTION_TEMPLATE,
      template: config.TEAMS_TEMPLATE,
      archiveEndedTeams: config.TEAMS_ARCHIVE_ENDED,
      recreateDeletedTeams: config.TEAMS_RECREATE_DELETED,
      keepAuthorizingAccountAsOwner: config.TEAMS_KEEP_AUTHORIZING_OWNER,
      massRemoval: { maxShare: config.TEAMS_MASS_REMOVAL_SHARE, minimumCount: config.TEAMS_MASS_REMOVAL_MINIMUM },
    },
    relistEveryDays: config.TEAMS_RELIST_DAYS,
    matching: { usernameDomain: config.MATCH_USERNAME_DOMAIN },
  };
}
