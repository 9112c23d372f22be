// Shared helpers for integration tests (`*.int.test.ts`). The database and the Stripe emulator are started
// once per run by global-setup.ts; these give a test file handles on them. See docs/testing.md.
import { inject } from 'vitest';
import type Stripe from 'stripe';
import { sql } from 'drizzle-orm';
import { createDb, type Db } from '@/db';
import type { User } from '@/db/queries/users';
import { users } from '@/db/schema';
import { createStripeClient } from '@/lib/stripe/client';

/** `pglite` or `postgres`: which database this run uses (for the rare test that must know). */
export const databaseKind = inject('databaseKind');
export const databaseUrl = inject('databaseUrl');

let dbHandle: Db | null = null;
/** A drizzle handle on this run's database (its own small pool, separate from the app's lazy `db`). */
export function testDb(): Db {
  dbHandle ??= createDb(databaseUrl, { max: 4 });
  return dbHandle;
}

/** Empties every application table (not the migration ledger) so a test starts from a blank database. */
export async function resetDatabase(): Promise<void> {
  const db = testDb();
  const rows = await db.execute<{ name: string }>(
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const names = Array.from(rows, (r) => r.name);
  if (names.length === 0) return;
  await db.execute(sql.raw(`truncate table ${names.map((n) => `public.${n}`).join(', ')} restart identity cascade`));
}

/** Closes the helper's pool; call from `afterAll` in files that used `testDb()`. */
export async function closeTestDb(): Promise<void> {
  const handle = dbHandle;
  dbHandle = null;
  await handle?.$close();
}

/** The emulator's base URL (http://127.0.0.1:<port>); throws when the emulator package could not be loaded. */
export function stripeEmulatorUrl(): string {
  const url = inject('stripeEmulatorUrl');
  if (!url) throw new Error(`Integration tests need the Stripe emulator: ${inject('stripeEmulatorError') || 'not started'}`);
  return url;
}

let stripeHandle: Stripe | null = null;
/** The app's own Stripe client (lib/stripe/client.ts, pinned API version) pointed at the run's emulator. */
export function testStripe(): Stripe {
  stripeEmulatorUrl();
  stripeHandle ??= createStripeClient();
  return stripeHandle;
}

/** A string unique to this test run, for emails and Stripe metadata that must not collide across tests. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A user row with a unique `<label>-…@example.com` email, as sign-in would create it. */
export async function insertTestUser(label: string): Promise<User> {
  const [row] = await testDb().insert(users).values({ email: `${label}-${uniqueSuffix()}@example.com` }).returning();
  return row as User;
}
