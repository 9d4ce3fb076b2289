// `GET /me/outlook/supportedTimeZones` (Windows zones, `{alias, displayName}`) and
// `supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')` (IANA names), from CLDR (zones.ts).
// Shapes: outlookuser-supportedtimezones.md and its docs examples (`Collection(microsoft.graph.timeZoneInformation)`).
import { graphError } from './errors.js';
import { json, type RouteContext } from './http.js';
import type { Route } from './router.js';
import { SCOPES } from './scopes.js';
import { ianaTimeZones, windowsTimeZones } from './zones.js';

function supportedTimeZones(rc: RouteContext) {
  const standard = (rc.params.standard ?? 'Windows').toLowerCase();
  if (standard !== 'windows' && standard !== 'iana')
    throw graphError('unknownSegment', {
      segment: `supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'${rc.params.standard}')`,
    });
  return json(200, {
    '@odata.context': `${rc.graphBase}/$metadata#Collection(microsoft.graph.timeZoneInformation)`,
    value: standard === 'iana' ? ianaTimeZones() : windowsTimeZones(),
  });
}

// Outlook reads of the signed-in user's own mailbox settings: no throttling class of their own worth emulating.
const throttle = () => ({ service: 'none' }) as const;

export const timeZoneRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/me/outlook/supportedTimeZones',
    scopes: SCOPES.me,
    throttle,
    handler: supportedTimeZones,
  },
  {
    method: 'GET',
    pattern: "/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{standard}')",
    regex:
      /^\/me\/outlook\/supportedTimeZones\(TimeZoneStandard=(?:microsoft\.graph\.)?timeZoneStandard'(?<standard>\w+)'\)\/?$/,
    scopes: SCOPES.me,
    throttle,
    handler: supportedTimeZones,
  },
];
