// DEFAULT_TIMEZONE: the site's zone, as Elentra's PHP setting of the same name holds it: an IANA name. A Windows
// name is a frequent mix-up (the Outlook Time Zone dropdown shows those), so the message says which IANA name to use.
import { isIanaZone, suggestIanaZone, windowsToIana } from '../../time/index.js';
import { type Check, fail, ok } from './check.js';

export function checkTimeZone(value: string): Check<string> {
  if (isIanaZone(value)) return ok(value);
  const iana = windowsToIana(value);
  if (iana !== null) {
    return fail(
      `"${value}" is a Windows time-zone name; this setting takes an IANA name`,
      `set it to ${iana} (the IANA zone for ${value}); the Windows zone is chosen as the Outlook Time Zone on the Microsoft Account page`,
    );
  }
  const suggestion = suggestIanaZone(value);
  return fail(
    `"${value}" is not a known IANA time zone`,
    suggestion === null
      ? 'use an IANA name such as America/Toronto, America/Vancouver, Europe/London or Australia/Sydney'
      : `did you mean ${suggestion}? Use an IANA name such as America/Toronto`,
  );
}
