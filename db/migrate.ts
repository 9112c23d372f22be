// Applies the committed drizzle migrations (db/migrations) to a database. Safe to call from several app
// servers starting at once: a PostgreSQL session advisory lock serialises them, and drizzle skips what is
// already applied, so a second caller finds nothing to do. Idempotent.
//
// The embedded PGlite database is one backend session shared by every connection, so advisory locks do not
// exclude anything there; its orchestrators (npm run demo, the test setup, the e2e server) migrate once
// before starting anything else that could.
import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** Arbitrary constant naming "Seikyu schema migration" in pg_locks. */
const MIGRATION_LOCK_KEY = 7_426_001_913n;

export interface MigrateOptions {
  /** Defaults to `<cwd>/db/migrations` (the app and scripts run from the repository root). */
  migrationsFolder?: string;
}

export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? resolve(process.cwd(), 'db/migrations');
  // One connection: the advisory lock is held by the session that runs the migrations.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
