// The profile menu, built like Elentra's: the entries of the `user_menu_ordering` setting, in its order. Entries this
// product has a page for become links (`microsoft` → Microsoft Account, only while `microsoft_teams_enabled` is 1,
// as the guide says); Elentra's own entries (profile, privacy, notifications, …) have no page here and are skipped.
// Administration links that Elentra keeps elsewhere follow (Settings, Scheduled jobs), the Sync dashboard first. Pure: tested by a table.
import { MICROSOFT_MENU_ENTRY, type MicrosoftSettings } from '../../elentra/index.js';
import { menuEntries } from '../../elentra/microsoft-settings.js';
import type { WebRole } from '../security/session.js';

export interface MenuItem {
  label: string;
  href: string;
}

export const MICROSOFT_ACCOUNT_PATH = '/admin/microsoft-account';
export const SETTINGS_PATH = '/admin/settings';
export const SCHEDULED_JOBS_PATH = '/admin/scheduled-jobs';
export const DASHBOARD_PATH = '/admin/dashboard';
export const TROUBLESHOOTING_PATH = '/admin/troubleshooting';

interface KnownEntry extends MenuItem {
  /** Shown to administrators only (staff would meet a 403). */
  adminOnly: boolean;
  /** Shown only while the Microsoft Teams integration is enabled. */
  needsTeamsEnabled: boolean;
}

const KNOWN_ENTRIES: ReadonlyMap<string, KnownEntry> = new Map([
  [
    MICROSOFT_MENU_ENTRY,
    { label: 'Microsoft Account', href: MICROSOFT_ACCOUNT_PATH, adminOnly: true, needsTeamsEnabled: true },
  ],
]);

export function buildProfileMenu(
  settings: Pick<MicrosoftSettings, 'menuOrdering' | 'teamsEnabled'>,
  role: WebRole,
): MenuItem[] {
  const items: MenuItem[] = [];
  const seen = new Set<string>();
  for (const entry of menuEntries(settings.menuOrdering)) {
    const known = KNOWN_ENTRIES.get(entry);
    if (!known || seen.has(known.href)) continue;
    if (known.adminOnly && role !== 'admin') continue;
    if (known.needsTeamsEnabled && !settings.teamsEnabled) continue;
    seen.add(known.href);
    items.push({ label: known.label, href: known.href });
  }
  if (role === 'admin') {
    items.unshift({ label: 'Sync dashboard', href: DASHBOARD_PATH });
    items.push({ label: 'Settings', href: SETTINGS_PATH }, { label: 'Scheduled jobs', href: SCHEDULED_JOBS_PATH });
    items.push({ label: 'Troubleshooting', href: TROUBLESHOOTING_PATH });
  }
  return items;
}
