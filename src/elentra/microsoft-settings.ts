// The two Elentra settings the configuration guide asks for: `microsoft_teams_enabled` (`1` turns the integration on)
// and `user_menu_ordering` (comma-separated profile-menu entries; the `microsoft` entry shows "Microsoft Account").
// The string helpers are pure; the two handle functions read/write through settings.ts.
import type { ElentraHandle } from './open-elentra.js';
import { getSetting, type SettingWrite, setSetting } from './settings.js';

export const MICROSOFT_TEAMS_ENABLED = 'microsoft_teams_enabled';
export const USER_MENU_ORDERING = 'user_menu_ordering';
export const MICROSOFT_MENU_ENTRY = 'microsoft';

/** The guide turns the integration on with the value `1`; anything else (absent, `0`, empty) is off. */
export function isTeamsEnabledValue(value: string | null): boolean {
  return value?.trim() === '1';
}

export function menuEntries(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function microsoftMenuEntryPresent(value: string | null): boolean {
  return menuEntries(value).includes(MICROSOFT_MENU_ENTRY);
}

/**
 * The menu ordering with `microsoft` appended, as the guide says; unchanged when the entry is already there.
 *
 * @example withMicrosoftMenuEntry('profile,privacy,notifications') // 'profile,privacy,notifications,microsoft'
 */
export function withMicrosoftMenuEntry(value: string | null): string {
  if (microsoftMenuEntryPresent(value)) return value ?? MICROSOFT_MENU_ENTRY;
  return [...menuEntries(value), MICROSOFT_MENU_ENTRY].join(',');
}

export interface MicrosoftSettings {
  teamsEnabled: boolean;
  menuOrdering: string | null;
  menuEntryPresent: boolean;
}

export async function readMicrosoftSettings(
  handle: ElentraHandle,
  organisationId?: number | null,
): Promise<MicrosoftSettings> {
  const enabled = await getSetting(handle, MICROSOFT_TEAMS_ENABLED, organisationId);
  const menuOrdering = await getSetting(handle, USER_MENU_ORDERING, organisationId);
  return {
    teamsEnabled: isTeamsEnabledValue(enabled),
    menuOrdering,
    menuEntryPresent: microsoftMenuEntryPresent(menuOrdering),
  };
}

/** Applies both guide steps: `microsoft_teams_enabled = 1` and `microsoft` appended to `user_menu_ordering`. */
export async function enableMicrosoftTeams(
  handle: ElentraHandle,
  organisationId?: number | null,
): Promise<{ enabled: SettingWrite; menu: SettingWrite }> {
  const enabled = await setSetting(handle, MICROSOFT_TEAMS_ENABLED, '1', organisationId);
  // The menu is read as the organisation sees it (its row or the global one), then written to its own row.
  const current = await getSetting(handle, USER_MENU_ORDERING, organisationId);
  const menu = microsoftMenuEntryPresent(current)
    ? ({ action: 'unchanged', previous: current } as const)
    : await setSetting(handle, USER_MENU_ORDERING, withMicrosoftMenuEntry(current), organisationId);
  return { enabled, menu };
}
