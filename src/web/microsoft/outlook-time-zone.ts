// The "Outlook Time Zone" dropdown: the authorized mailbox's own list (GET /me/outlook/supportedTimeZones through
// the Graph client) when connected, else the CLDR Windows zones; preselected to the stored zone, else the Windows
// zone of DEFAULT_TIMEZONE; and a warning when the chosen zone's clock differs from the site's, because Outlook
// would then show every class at the wrong time (the guide: "the time zone offset here must match").
import type { FastifyBaseLogger } from 'fastify';
import { isAppError } from '../../lib/errors.js';
import { GraphClient, listSupportedTimeZones } from '../../microsoft/graph/index.js';
import {
  ianaToWindows,
  listWindowsZones,
  offsetSeconds,
  type WindowsTimeZone,
  windowsToIana,
} from '../../time/index.js';
import type { WebContext } from '../web-context.js';

export interface ZoneChoices {
  zones: WindowsTimeZone[];
  source: 'mailbox' | 'standard';
  /** Why the mailbox's list could not be read, in words (then the standard list is offered). */
  problem: string | null;
}

function graphFor(ctx: WebContext, log: FastifyBaseLogger): GraphClient {
  return new GraphClient({
    graphUrl: ctx.config.MS_GRAPH_URL,
    getAccessToken: ctx.identity.getAccessToken,
    logger: log,
    timeoutMs: ctx.graphTimeoutMs,
    // A page waits for one quick retry at most; the sync has its own, patient policy.
    retry: { maxRetries: 1, maxTotalWaitMs: 2_000 },
  });
}

export async function zoneChoices(ctx: WebContext, connected: boolean, log: FastifyBaseLogger): Promise<ZoneChoices> {
  const standard = listWindowsZones(new Date(ctx.now()));
  if (!connected) return { zones: standard, source: 'standard', problem: null };
  try {
    const zones = await listSupportedTimeZones(graphFor(ctx, log));
    if (zones.length > 0) return { zones, source: 'mailbox', problem: null };
    return { zones: standard, source: 'standard', problem: 'The mailbox listed no time zones.' };
  } catch (error) {
    log.warn({ err: error }, 'could not list the mailbox time zones');
    const problem = isAppError(error) ? error.publicMessage : 'Microsoft Graph did not answer.';
    return { zones: standard, source: 'standard', problem };
  }
}

/** Whether a posted zone may be stored: a Windows zone CLDR knows, or one the mailbox offers. */
export async function isOfferedZone(
  ctx: WebContext,
  zone: string,
  connected: boolean,
  log: FastifyBaseLogger,
): Promise<boolean> {
  if (windowsToIana(zone) !== null && listWindowsZones().some((known) => known.alias === zone)) return true;
  if (!connected) return false;
  const { zones, source } = await zoneChoices(ctx, connected, log);
  return source === 'mailbox' && zones.some((offered) => offered.alias === zone);
}

/** The stored zone, else the site's (DEFAULT_TIMEZONE as a Windows zone), else none. */
export function preselectedZone(stored: string | null, siteZone: string): string | null {
  return stored ?? ianaToWindows(siteZone);
}

/** A warning in words when `chosen` does not keep the site's clock; null when it matches. */
export function zoneMismatch(chosen: string | null, siteZone: string, nowMs: number): string | null {
  const siteWindows = ianaToWindows(siteZone);
  if (chosen === null || chosen === siteWindows) return null;
  const site = `the site's time zone (DEFAULT_TIMEZONE = ${siteZone}${siteWindows ? `, "${siteWindows}" in Outlook` : ''})`;
  const chosenIana = windowsToIana(chosen);
  if (chosenIana === null) return `"${chosen}" is not a zone this site can compare with ${site}; check it is right.`;
  const seconds = Math.floor(nowMs / 1000);
  const hours = (offsetSeconds(seconds, chosenIana) - offsetSeconds(seconds, siteZone)) / 3600;
  if (hours === 0) {
    return `"${chosen}" is not ${site}. Their clocks agree today but may differ at other times of the year (daylight saving time).`;
  }
  const amount = `${Math.abs(hours)} hour${Math.abs(hours) === 1 ? '' : 's'}`;
  return (
    `"${chosen}" is ${amount} ${hours > 0 ? 'ahead of' : 'behind'} ${site}. The guide asks for them to match so ` +
    'that event start and end times are right in Outlook.'
  );
}
