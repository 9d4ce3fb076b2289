// IANA time-zone names, checked against the runtime's own tz database (Intl), so a name we accept is one that
// toWallClock/fromWallClock can use. Windows names ("Eastern Standard Time") live in ./windows-zones.ts.

// Intl also accepts offsets ("+05:00") on newer runtimes; a site zone must be a named zone that follows DST rules.
const IANA_NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** True when `name` is a time-zone name such as `America/Toronto`, `Asia/Kolkata` or `UTC` (case-insensitive). */
export function isIanaZone(name: string): boolean {
  return resolveZone(name) !== null;
}

/**
 * The runtime's canonical spelling of a zone, or null when unknown. Links are resolved where the runtime does it
 * (Node 20: `America/Montreal` → `America/Toronto`, `Asia/Kolkata` → `Asia/Calcutta`, `Etc/UTC` → `UTC`).
 */
export function resolveZone(name: string): string | null {
  const known = resolved.get(name);
  if (known !== undefined) return known;
  if (!IANA_NAME_SHAPE.test(name)) return null;
  let zone: string | null;
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    zone = null;
  }
  if (resolved.size >= RESOLVED_CACHE_SIZE) resolved.clear();
  resolved.set(name, zone);
  return zone;
}

/**
 * Answers by name: building a DateTimeFormat costs ~40 µs, and every meeting of a sync asks for the same zone. Bounded,
 * since a name typed in a form reaches it too.
 */
const resolved = new Map<string, string | null>();
const RESOLVED_CACHE_SIZE = 1_000;

/**
 * A known zone whose city part matches the last part of `name` (`Toronto`, `Canada/Toronto` → `America/Toronto`),
 * for "did you mean" hints; null when nothing matches.
 */
export function suggestIanaZone(name: string): string | null {
  const city = name.trim().split('/').pop()?.replace(/ /g, '_').toLowerCase();
  if (!city) return null;
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.split('/').pop()?.toLowerCase() === city) ?? null;
}
