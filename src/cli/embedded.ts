// The embedded default: the Elentra tables live in a local SQLite file that this program created (the demo), rather
// than in a school's real Elentra database, which this program never migrates or seeds.
import type { Config } from '../config/index.js';

export function isEmbeddedElentra(config: Config): boolean {
  return config.ELENTRA_DATABASE_URL.startsWith('sqlite:');
}
