// Applies the committed drizzle migrations (db/migrations) to a database. Safe to call from several app
// servers starting at once: a PostgreSQL session advisory lock serialises them (db/session-lock.ts), and
// drizzle skips what is already applied, so a second caller finds nothing to do. Idempotent.
import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { SESSION_LOCK_KEYS, withSessionAdvisoryLock } from './session-lock';

export interface MigrateOptions {
  /** Defaults to `<cwd>/db/migrations` (the app and scripts run from the repository root). */
  migrationsFolder?: string;
}

export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? resolve(process.cwd(), 'db/migrations');
  // The migrations run on the locked connection: the session holding the lock is the one that migrates.
  await withSessionAdvisoryLock(url, SESSION_LOCK_KEYS.migration, (client) => migrate(drizzle(client), { migrationsFolder }));
}
