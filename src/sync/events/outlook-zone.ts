// Which Windows zone the meetings are written in: the Outlook Time Zone chosen on the Microsoft Account page
// (service_tokens.outlook_time_zone), else the Windows zone of the site's DEFAULT_TIMEZONE, else UTC. The answer is
// the canonical spelling of the Windows id, so that a differently-cased stored value does not change the sent hash.
import { ianaToWindows, windowsToIana } from '../../time/index.js';

export function resolveOutlookTimeZone(stored: string | null, defaultIanaZone: string): string {
  const chosen = stored === null ? null : windowsToIana(stored);
  if (chosen !== null) return ianaToWindows(chosen) ?? 'UTC';
  return ianaToWindows(defaultIanaZone) ?? 'UTC';
}
