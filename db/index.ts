// One postgres-js pool per process, created on first use. The embedded PGlite database is reached through
// the same driver (scripts/lib/pglite-wire-server.ts speaks the PostgreSQL wire protocol), so there is one code path.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? env.DATABASE_POOL_MAX, onnotice: () => {} });
  return Object.assign(drizzle(client, { schema }), { $close: () => client.end({ timeout: 5 }) });
}

export type Db = ReturnType<typeof createDb>;
/** A transaction or the database: query functions take `(params, tx = db)`. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { __seikyuDb?: Db };

function getDb(): Db {
  if (!globalForDb.__seikyuDb) {
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set: start the app with `npm run demo` (embedded database) or set it to a PostgreSQL URL');
    }
    globalForDb.__seikyuDb = createDb(env.DATABASE_URL);
  }
  return globalForDb.__seikyuDb;
}

/** Lazy so that importing a module never opens a connection (builds, unit tests). */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
