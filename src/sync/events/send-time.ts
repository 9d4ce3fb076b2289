// Elentra instants → Graph's dateTimeTimeZone in the Outlook Time Zone (a Windows id such as "Eastern Standard
// Time", GRAPH-FACTS §6: send a real zone name, never an abbreviation or a fixed offset, so DST follows the zone).
// The wall clock comes from the IANA zone CLDR pairs with the Windows id (src/time/).
// The one unsafe case: an instant in the repeated hour when clocks fall back (Toronto 01:30 happens at 05:30Z and
// 06:30Z). Which of the two Outlook picks for an ambiguous wall time is not documented for Graph (.NET, where the
// Windows zones live, leaves it to the caller: learn.microsoft.com/dotnet/standard/datetime/resolve-ambiguous-times).
// Such an event is sent with timeZone "UTC" — a Windows id too — so the instant is exact whatever Outlook assumes;
// Outlook still shows it in each reader's zone. A time that does not exist locally (clocks spring forward) cannot
// come from an instant: every instant has exactly one wall-clock reading. sendTimes() checks both by converting back.
import { fromWallClock, toWallClock, windowsToIana } from '../../time/index.js';

export interface DateTimeTimeZone {
  /** Wall-clock time, `YYYY-MM-DDTHH:mm:ss`. */
  dateTime: string;
  /** A Windows zone id: the Outlook Time Zone, or "UTC" for instants in a repeated hour. */
  timeZone: string;
}

export const UTC_ZONE = 'UTC';

interface Reading {
  dateTime: string;
  /** The wall clock converts back to exactly this instant, whichever way an ambiguity is resolved. */
  exact: boolean;
}

// Class sessions start and end on a few thousand distinct instants a term: remember them per zone.
const MAX_MEMO_ENTRIES = 200_000;
const memo = new Map<string, Map<number, Reading>>();

function readingAt(epochSeconds: number, ianaZone: string): Reading {
  let byInstant = memo.get(ianaZone);
  if (!byInstant) {
    byInstant = new Map();
    memo.set(ianaZone, byInstant);
  }
  const known = byInstant.get(epochSeconds);
  if (known) return known;
  const dateTime = toWallClock(epochSeconds, ianaZone);
  const exact =
    fromWallClock(dateTime, ianaZone, 'earlier') === epochSeconds &&
    fromWallClock(dateTime, ianaZone, 'later') === epochSeconds;
  const reading = { dateTime, exact };
  if (byInstant.size >= MAX_MEMO_ENTRIES) byInstant.clear();
  byInstant.set(epochSeconds, reading);
  return reading;
}

/**
 * Start and end as Graph wants them. Both in the Outlook zone when each converts back exactly; otherwise both in
 * UTC (one zone for the pair, so Outlook never shows a session whose end is in another zone than its start).
 */
export function sendTimes(
  start: Date,
  finish: Date,
  outlookTimeZone: string,
): { start: DateTimeTimeZone; end: DateTimeTimeZone } {
  const startSeconds = Math.floor(start.getTime() / 1000);
  const endSeconds = Math.floor(finish.getTime() / 1000);
  const iana = windowsToIana(outlookTimeZone);
  if (iana !== null) {
    const a = readingAt(startSeconds, iana);
    const b = readingAt(endSeconds, iana);
    if (a.exact && b.exact) {
      return {
        start: { dateTime: a.dateTime, timeZone: outlookTimeZone },
        end: { dateTime: b.dateTime, timeZone: outlookTimeZone },
      };
    }
  }
  return {
    start: { dateTime: toWallClock(startSeconds, 'UTC'), timeZone: UTC_ZONE },
    end: { dateTime: toWallClock(endSeconds, 'UTC'), timeZone: UTC_ZONE },
  };
}
