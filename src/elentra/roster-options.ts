// The administrator's choices about what is read from Elentra (docs/configuration.md, ROSTER_* and ELENTRA_APP_ID):
// which course contacts own the teams, how far ahead and back offerings are read, one organisation or all, and
// Elentra's application id. Every reader of the roster for the sync uses them — the teams sync, the events sync,
// `elentra:roster` and the dashboard — so that they all agree about which offerings exist.
import type { Config } from '../config/index.js';
import type { ReadRosterOptions } from './read-roster.js';

export type RosterSettings = Required<
  Pick<ReadRosterOptions, 'horizonDays' | 'graceDays' | 'ownerContactTypes' | 'organisationId' | 'appId'>
>;

export type RosterConfig = Pick<
  Config,
  | 'ROSTER_OWNER_CONTACT_TYPES'
  | 'ROSTER_HORIZON_DAYS'
  | 'ROSTER_GRACE_DAYS'
  | 'ROSTER_ORGANISATION_ID'
  | 'ELENTRA_APP_ID'
>;

/**
 * @example readRoster(elentra, { ...rosterOptionsOf(config), now: new Date() })
 */
export function rosterOptionsOf(config: RosterConfig): RosterSettings {
  return {
    horizonDays: config.ROSTER_HORIZON_DAYS,
    graceDays: config.ROSTER_GRACE_DAYS,
    ownerContactTypes: config.ROSTER_OWNER_CONTACT_TYPES,
    organisationId: config.ROSTER_ORGANISATION_ID,
    appId: config.ELENTRA_APP_ID,
  };
}
