// Check: the Outlook Time Zone (Microsoft Account page, a Windows zone) is set and is the same zone as
// DEFAULT_TIMEZONE (IANA), compared through CLDR's windowsZones table. Pure.
import { ianaToWindows, isIanaZone, windowsToIana } from '../../time/index.js';
import { type CheckResult, fail, pass, warn } from '../check-result.js';
import { TIME_ZONE } from '../check-specs.js';

/** The Windows zone a stored value stands for: a Windows id as is (any case), an IANA name through CLDR. */
function asWindows(stored: string): string | null {
  const trimmed = stored.trim();
  if (windowsToIana(trimmed) !== null) return trimmed.toLowerCase();
  return isIanaZone(trimmed) ? (ianaToWindows(trimmed)?.toLowerCase() ?? null) : null;
}

export function checkTimeZone(outlookTimeZone: string | null, defaultTimeZone: string): CheckResult {
  const expected = ianaToWindows(defaultTimeZone);
  const choose =
    expected === null
      ? `choose the zone of ${defaultTimeZone} as Outlook Time Zone on the Microsoft Account page`
      : `choose "${expected}" as Outlook Time Zone on the Microsoft Account page and save`;
  if (outlookTimeZone === null || outlookTimeZone.trim() === '') {
    return fail(
      TIME_ZONE,
      `The Outlook Time Zone is not set (DEFAULT_TIMEZONE is ${defaultTimeZone}).`,
      `Open Microsoft Account, ${choose}.`,
    );
  }
  if (expected === null) {
    return warn(
      TIME_ZONE,
      `The Outlook Time Zone is "${outlookTimeZone}"; DEFAULT_TIMEZONE ${defaultTimeZone} has no Windows zone in ` +
        'CLDR, so they cannot be compared.',
      'Check by hand that both name the same zone, or set DEFAULT_TIMEZONE to the main zone of your region.',
    );
  }
  if (asWindows(outlookTimeZone) === expected.toLowerCase()) {
    return pass(TIME_ZONE, `"${outlookTimeZone}" matches DEFAULT_TIMEZONE ${defaultTimeZone}.`);
  }
  const iana = windowsToIana(outlookTimeZone);
  const stands = iana === null ? '' : ` (${iana})`;
  return fail(
    TIME_ZONE,
    `The Outlook Time Zone is "${outlookTimeZone}"${stands}, but DEFAULT_TIMEZONE is ${defaultTimeZone} ` +
      `("${expected}" in Outlook): meetings would carry the wrong zone.`,
    `If DEFAULT_TIMEZONE is your site's zone, open Microsoft Account, ${choose}; otherwise correct ` +
      'DEFAULT_TIMEZONE in the settings and restart.',
  );
}
