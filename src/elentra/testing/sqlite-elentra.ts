// An empty embedded Elentra in SQLite memory, migrated, with a fixture to fill it: the starting point of the read
// model's unit tests (and of any other module's tests that need Elentra rows). Close it with `fixture.handle.close()`.
import { openElentra } from '../open-elentra.js';
import { migrateElentraDemoSchema } from '../schema/migrate-demo-schema.js';
import { ElentraFixture } from './elentra-fixture.js';

export async function sqliteElentraFixture(nowSeconds: number): Promise<ElentraFixture> {
  const handle = await openElentra('sqlite::memory:');
  const migration = await migrateElentraDemoSchema(handle);
  if (migration.error !== null) {
    await handle.close();
    throw migration.error;
  }
  return new ElentraFixture(handle, nowSeconds);
}
