// One postgres-js pool per process, created on first use. The embedded PGlite database is reached through
// the same driver (scripts/lib/pglite-wire-server.ts speaks the PostgreSQL wire protocol), so there is one code path.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

/**
 * How the pool behaves while the database is away (a restart, a failover). postgres-js waits before each reconnect
 * for a delay that grows with the failures counted across the whole pool, up to 20 s by default: after a restart of
 * a few seconds, queries then waited up to 20 s for a connection, both to fail during the outage and to succeed
 * after it. Capped at one second, a request fails within about a second while the database is down and the pool is
 * back within about a second of its return. A connection attempt that gets no answer (a host gone) fails after 10 s.
 */
export const poolRecovery = {
  backoff: (failures: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1),
  connect_timeout: 10,
} as const;

/**
 * drizzle runs every query as an unnamed statement (it passes postgres-js `prepare: false`), so PostgreSQL parsed
 * and planned each query again, though a request or a webhook event is a handful of the same few query shapes. This
 * client makes every query with parameters a named prepared statement instead, which postgres-js caches per
 * connection by its text (in transactions and savepoints too); a statement whose plan went stale after a migration
 * is prepared again by postgres-js. A page view's query cost less than half as much (README, Performance).
 */
export function withPreparedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.Sql) => unknown;
          const method = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return method(...args, (tx: postgres.Sql) => body(withPreparedStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? env.DATABASE_POOL_MAX, onnotice: () => {}, ...poolRecovery });
  const queries = env.DATABASE_PREPARED_STATEMENTS === 'true' ? withPreparedStatements(client) : client;
  return Object.assign(drizzle(queries, { schema }), { $close: () => client.end({ timeout: 5 }) });
}

export type Db = ReturnType<typeof createDb>;
/** A transaction or the database: query functions take `(params, tx = db)`. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { __seikyuDb?: Db };

/** The process's database (not the lazy proxy below): what a query prepared once per database is keyed by. */
export function getDb(): Db {
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
