// Start-up work that several app servers must not do at the same time (applying migrations, setting up the job
// runner): each holds a PostgreSQL session advisory lock while it runs, on a connection of its own.
//
// The embedded PGlite database is one backend session shared by every connection, so the lock excludes nothing
// there; its orchestrators (npm run demo, the test setup, the e2e server) do such work once before starting
// anything else that could.
import postgres from 'postgres';

/** Arbitrary constants naming each kind of start-up work in pg_locks. */
export const SESSION_LOCK_KEYS = { migration: 7_426_001_913n, jobRunnerSetup: 7_426_001_914n } as const;

/** Runs `run` while this session holds the lock `key`; `run` gets the locked connection (max 1) to work on. */
export async function withSessionAdvisoryLock<T>(url: string, key: bigint, run: (client: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${key.toString()}::bigint)`;
    try {
      return await run(client);
    } finally {
      await client`select pg_advisory_unlock(${key.toString()}::bigint)`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
