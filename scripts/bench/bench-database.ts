// The benchmarks' database: the embedded PGlite (default, as `npm run demo`) or a throwaway PostgreSQL cluster
// from the local binaries (`--database postgres`; pg_stat_statements loaded so a bench can count statements).
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { findFreePort } from '../lib/free-port';
import { startThrowawayPostgres } from '../lib/throwaway-postgres';

export type DatabaseKind = 'embedded' | 'postgres';

export function databaseKindFrom(value: string | undefined): DatabaseKind {
  if (value === undefined || value === 'embedded' || value === 'postgres') return value ?? 'embedded';
  throw new Error(`--database must be embedded or postgres (got ${value})`);
}

export async function startBenchDatabase(kind: DatabaseKind, dataDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (kind === 'postgres') {
    const pg = await startThrowawayPostgres({ settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all', 'max_connections=100'] });
    return { url: pg.url, close: () => pg.close() };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pglite'), port: await findFreePort() });
  return { url: embedded.url, close: () => embedded.close() };
}
