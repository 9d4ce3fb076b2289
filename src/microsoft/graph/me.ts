// The signed-in (authorizing) account: `GET /me`, and the time zones its mailbox supports,
// `GET /me/outlook/supportedTimeZones` → `{value: [{alias: "Eastern Standard Time", displayName: "(UTC-05:00) …"}]}`,
// or IANA names with `supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')` (GRAPH-FACTS §6).
// The Microsoft Account page offers the Windows list for the Outlook Time Zone.
import { z } from 'zod';
import type { GraphClient } from './http.js';

const me = z.object({
  id: z.string(),
  displayName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  userPrincipalName: z.string(),
});
export type SignedInUser = z.infer<typeof me>;

const timeZoneInformation = z.object({ alias: z.string(), displayName: z.string() });
export type TimeZoneInformation = z.infer<typeof timeZoneInformation>;

export async function getMe(client: GraphClient): Promise<SignedInUser> {
  const { body } = await client.request({ path: '/me', query: { $select: 'id,displayName,mail,userPrincipalName' } });
  return me.parse(body);
}

export type TimeZoneStandard = 'Windows' | 'Iana';

/** The mailbox's supported time zones: Windows names (`alias`) by default, or IANA names. */
export async function listSupportedTimeZones(
  client: GraphClient,
  standard: TimeZoneStandard = 'Windows',
): Promise<TimeZoneInformation[]> {
  const path =
    standard === 'Windows'
      ? '/me/outlook/supportedTimeZones'
      : "/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')";
  const { items } = await client.getAll({ path, route: '/me/outlook/supportedTimeZones' });
  return z.array(timeZoneInformation).parse(items);
}
