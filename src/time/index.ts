// Time-zone helpers: IANA names (Intl), Windows ids (CLDR) and instant ↔ wall-clock conversion. Pure functions;
// the sync engine uses them to send Elentra's instants to Outlook in the authorized account's Windows zone.

export type { WindowsTimeZone } from './list-windows-zones.js';
export { formatUtcOffset, listWindowsZones, standardOffsetSeconds } from './list-windows-zones.js';
export type { Disambiguation } from './wall-clock.js';
export { fromWallClock, offsetSeconds, toWallClock } from './wall-clock.js';
export { ianaToWindows, windowsToIana, windowsZoneIds } from './windows-zones.js';
export { isIanaZone, resolveZone, suggestIanaZone } from './zone-name.js';
