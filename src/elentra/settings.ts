// Elentra's `settings` table: `shortname`, `organisation_id` (NULL = global) and `value`. An organisation's row wins
// over the global row, as in Elentra. These are the only writes the product makes to an Elentra database (the guide's
// two settings, microsoft-settings.ts), so setSetting touches exactly one (shortname, organisation) pair.
import type { ElentraHandle } from './open-elentra.js';

export interface SettingWrite {
  action: 'inserted' | 'updated' | 'unchanged';
  previous: string | null;
}

/**
 * The value of a setting for an organisation (its own row, else the global row), or the global value when no
 * organisation is given; null when neither row exists.
 *
 * @example await getSetting(elentra, 'microsoft_teams_enabled', 1) // '1'
 */
export async function getSetting(
  handle: ElentraHandle,
  shortname: string,
  organisationId?: number | null,
): Promise<string | null> {
  const rows = await handle.db
    .selectFrom('settings')
    .select(['setting_id', 'organisation_id', 'value'])
    .where('shortname', '=', shortname)
    .where((eb) =>
      organisationId == null
        ? eb('organisation_id', 'is', null)
        : eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]),
    )
    .orderBy('setting_id')
    .execute();
  // Duplicated rows happen in long-lived Elentra installs; the oldest of the most specific kind wins, every time.
  const own = rows.find((row) => row.organisation_id !== null);
  return (own ?? rows[0])?.value ?? null;
}

/** Sets the row of exactly this organisation (or the global row): updates it when present, inserts it otherwise. */
export async function setSetting(
  handle: ElentraHandle,
  shortname: string,
  value: string,
  organisationId?: number | null,
): Promise<SettingWrite> {
  const organisation = organisationId ?? null;
  return handle.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('settings')
      .select(['setting_id', 'value'])
      .where('shortname', '=', shortname)
      .where('organisation_id', organisation === null ? 'is' : '=', organisation)
      .orderBy('setting_id')
      .executeTakeFirst();
    if (existing === undefined) {
      await trx.insertInto('settings').values({ shortname, organisation_id: organisation, value }).execute();
      return { action: 'inserted', previous: null };
    }
    if (existing.value === value) return { action: 'unchanged', previous: existing.value };
    await trx
      .updateTable('settings')
      .set({ value })
      .where('shortname', '=', shortname)
      .where('organisation_id', organisation === null ? 'is' : '=', organisation)
      .execute();
    return { action: 'updated', previous: existing.value };
  });
}
