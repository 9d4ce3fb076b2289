// The guide's two Elentra settings as the Settings page sees them. Each is read as the organisation sees it (its own
// row over the global row) and written to the row that decides it today — the organisation's row when it has one,
// else the global row — so a change always takes effect and never leaves a shadowed row behind.
import {
  type ElentraHandle,
  getSetting,
  isTeamsEnabledValue,
  MICROSOFT_MENU_ENTRY,
  MICROSOFT_TEAMS_ENABLED,
  microsoftMenuEntryPresent,
  setSetting,
  USER_MENU_ORDERING,
  withMicrosoftMenuEntry,
} from '../../elentra/index.js';
import { menuEntries } from '../../elentra/microsoft-settings.js';

export type SettingScope = { organisationId: number } | { organisationId: null };

export interface SiteSetting {
  name: string;
  value: string | null;
  /** The row a write goes to; described as "organisation 1" or "global". */
  scope: SettingScope;
}

export interface SiteSettings {
  enabled: SiteSetting & { on: boolean };
  menu: SiteSetting & { hasMicrosoftEntry: boolean };
}

export interface SettingChange {
  name: string;
  scope: string;
  previous: string | null;
  value: string;
}

export function describeScope(scope: SettingScope): string {
  return scope.organisationId === null ? 'global' : `organisation ${scope.organisationId}`;
}

async function scopeOf(elentra: ElentraHandle, name: string, organisationId: number): Promise<SettingScope> {
  const own = await elentra.db
    .selectFrom('settings')
    .select('setting_id')
    .where('shortname', '=', name)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return own ? { organisationId } : { organisationId: null };
}

async function readSetting(elentra: ElentraHandle, name: string, organisationId: number): Promise<SiteSetting> {
  return {
    name,
    value: await getSetting(elentra, name, organisationId),
    scope: await scopeOf(elentra, name, organisationId),
  };
}

export async function readSiteSettings(elentra: ElentraHandle, organisationId: number): Promise<SiteSettings> {
  const enabled = await readSetting(elentra, MICROSOFT_TEAMS_ENABLED, organisationId);
  const menu = await readSetting(elentra, USER_MENU_ORDERING, organisationId);
  return {
    enabled: { ...enabled, on: isTeamsEnabledValue(enabled.value) },
    menu: { ...menu, hasMicrosoftEntry: microsoftMenuEntryPresent(menu.value) },
  };
}

/** The menu ordering without `microsoft`, other entries and their order kept. */
export function withoutMicrosoftMenuEntry(value: string | null): string {
  return menuEntries(value)
    .filter((entry) => entry !== MICROSOFT_MENU_ENTRY)
    .join(',');
}

/** Applies the wanted state; returns what changed (nothing when it already was so). */
export async function writeSiteSettings(
  elentra: ElentraHandle,
  organisationId: number,
  wanted: { teamsEnabled: boolean; menuEntry: boolean },
): Promise<SettingChange[]> {
  const current = await readSiteSettings(elentra, organisationId);
  const writes: Array<{ setting: SiteSetting; value: string }> = [];
  if (current.enabled.on !== wanted.teamsEnabled) {
    writes.push({ setting: current.enabled, value: wanted.teamsEnabled ? '1' : '0' });
  }
  if (current.menu.hasMicrosoftEntry !== wanted.menuEntry) {
    const value = wanted.menuEntry
      ? withMicrosoftMenuEntry(current.menu.value)
      : withoutMicrosoftMenuEntry(current.menu.value);
    writes.push({ setting: current.menu, value });
  }
  const changes: SettingChange[] = [];
  for (const { setting, value } of writes) {
    const result = await setSetting(elentra, setting.name, value, setting.scope.organisationId);
    if (result.action !== 'unchanged') {
      changes.push({ name: setting.name, scope: describeScope(setting.scope), previous: result.previous, value });
    }
  }
  return changes;
}
