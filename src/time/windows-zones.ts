// Windows time-zone ids ("Eastern Standard Time") ↔ IANA names, from CLDR's windowsZones table (cldr-core).
// Outlook and Graph's /me/outlook/supportedTimeZones speak Windows ids; Elentra (PHP) and Intl speak IANA.
// In CLDR, the row with territory "001" names the primary IANA zone of each Windows id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolveZone } from './zone-name.js';

interface MapZoneRow {
  mapZone: { _other: string; _type: string; _territory: string };
}
interface ZoneAliasTree {
  [part: string]: ZoneAliasTree | string;
}

// CLDR keeps the pre-rename ids as its canonical names; answer with the names IANA uses today.
const RENAMED_IN_IANA: Readonly<Record<string, string>> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
};

interface WindowsZoneTables {
  /** Windows id → its primary IANA zone, in table order. */
  primaryByWindowsId: Map<string, string>;
  /** Lower-cased Windows id → Windows id, because people type them in any case. */
  windowsIdByLowerCase: Map<string, string>;
  /** IANA name as CLDR spells it, and the runtime's canonical spelling of it → Windows id. */
  windowsIdByZone: Map<string, string>;
  /** Deprecated IANA name → replacement (America/Montreal → America/Toronto), from CLDR's zoneAlias. */
  zoneAliases: Map<string, string>;
}

let tables: WindowsZoneTables | undefined;

function readCldr(file: string): unknown {
  // Resolved through node_modules so that it works from src/*.ts under vitest and from dist/*.js after esbuild.
  const path = createRequire(import.meta.url).resolve(`cldr-core/supplemental/${file}`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

function flattenAliases(tree: ZoneAliasTree, prefix: string, into: Map<string, string>): void {
  for (const [part, value] of Object.entries(tree)) {
    if (typeof value === 'string') continue;
    const replacement = value._replacement;
    if (typeof replacement === 'string') into.set(`${prefix}${part}`, replacement);
    else flattenAliases(value, `${prefix}${part}/`, into);
  }
}

function loadTables(): WindowsZoneTables {
  const rows = (readCldr('windowsZones.json') as { supplemental: { windowsZones: { mapTimezones: MapZoneRow[] } } })
    .supplemental.windowsZones.mapTimezones;
  const aliasTree = (
    readCldr('aliases.json') as { supplemental: { metadata: { alias: { zoneAlias: ZoneAliasTree } } } }
  ).supplemental.metadata.alias.zoneAlias;
  const built: WindowsZoneTables = {
    primaryByWindowsId: new Map(),
    windowsIdByLowerCase: new Map(),
    windowsIdByZone: new Map(),
    zoneAliases: new Map(),
  };
  flattenAliases(aliasTree, '', built.zoneAliases);
  // Primary rows first, so that where the runtime merges two zones the primary one's Windows id wins.
  const ordered = [...rows].sort(
    (a, b) => Number(b.mapZone._territory === '001') - Number(a.mapZone._territory === '001'),
  );
  for (const { mapZone } of ordered) {
    const windowsId = mapZone._other;
    if (mapZone._territory === '001') built.primaryByWindowsId.set(windowsId, mapZone._type);
    built.windowsIdByLowerCase.set(windowsId.toLowerCase(), windowsId);
    for (const zone of mapZone._type.split(' ').filter(Boolean)) {
      if (!built.windowsIdByZone.has(zone)) built.windowsIdByZone.set(zone, windowsId);
    }
  }
  for (const { mapZone } of ordered) {
    for (const zone of mapZone._type.split(' ').filter(Boolean)) {
      const canonical = resolveZone(zone);
      if (canonical && !built.windowsIdByZone.has(canonical)) built.windowsIdByZone.set(canonical, mapZone._other);
    }
  }
  return built;
}

function getTables(): WindowsZoneTables {
  tables ??= loadTables();
  return tables;
}

/** `America/Toronto` → `Eastern Standard Time`; aliases work (`Asia/Calcutta`, `America/Montreal`, `UTC`); or null. */
export function ianaToWindows(iana: string): string | null {
  const { windowsIdByZone, zoneAliases } = getTables();
  const name = zoneAliases.get(iana) ?? iana;
  const exact = windowsIdByZone.get(name);
  if (exact) return exact;
  const canonical = resolveZone(name);
  return canonical === null ? null : (windowsIdByZone.get(canonical) ?? null);
}

/** `Eastern Standard Time` → `America/New_York` (the primary zone, by today's IANA name); unknown → null. */
export function windowsToIana(windows: string): string | null {
  const { primaryByWindowsId, windowsIdByLowerCase } = getTables();
  const windowsId = windowsIdByLowerCase.get(windows.trim().toLowerCase());
  const primary = windowsId === undefined ? undefined : primaryByWindowsId.get(windowsId);
  if (primary === undefined) return null;
  return RENAMED_IN_IANA[primary] ?? primary;
}

/** Every Windows id that has a primary IANA zone, in CLDR's order. */
export function windowsZoneIds(): string[] {
  return [...getTables().primaryByWindowsId.keys()];
}
