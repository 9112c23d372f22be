// The app's pool across a PostgreSQL restart (its own throwaway cluster, stopped and started on the same port):
// while the database is down a query fails within about a second, and once it is back every connection of the
// same pool answers within about a second. Two causes kept it from that: postgres-js's reconnect delay, which grows
// to 20 s (capped in db/index.ts, poolRecovery), and a postgres-js 3.4.9 bug that left a connection unable to write
// after a shutdown under load (patches/postgres+3.4.9.patch, applied by `npm install`). Runs in the PostgreSQL
// integration run (`npm test`'s integration-postgres step) when the PostgreSQL binaries are installed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '@/scripts/lib/throwaway-postgres';
import { databaseKind } from '@/test/integration/helpers';
import { createDb, type Db } from './index';

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const ok = await run().then(
    () => true,
    () => false,
  );
  return { ms: performance.now() - started, ok };
}

describe.skipIf(databaseKind !== 'postgres' || !findPostgresBinDir())('the pool across a PostgreSQL restart', () => {
  let cluster: ThrowawayPostgres;
  let db: Db;

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    db = createDb(cluster.url, { max: 3 });
  });

  afterAll(async () => {
    await db?.$close();
    await cluster?.close();
  });

  it('keeps every connection usable when the database goes away under load', async () => {
    // Queries in flight on every connection while the server shuts down: postgres-js 3.4.9 could then throw from a
    // scheduled write on a dropped socket and leave that connection unable to write again (patches/postgres+3.4.9.patch).
    let running = true;
    const load = Array.from({ length: 24 }, async () => {
      while (running) {
        await db.execute(sql`select pg_sleep(0.01)`).catch(() => new Promise((r) => setImmediate(r)));
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    await cluster.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    await cluster.start();
    await new Promise((r) => setTimeout(r, 1_500));
    running = false;
    await Promise.all(load);

    // Twice the pool's size at once reaches every connection; each must answer, and soon.
    for (let round = 0; round < 3; round++) {
      const burst = await timed(() => Promise.all(Array.from({ length: 6 }, () => db.execute(sql`select 1`))));
      expect(burst).toMatchObject({ ok: true });
      expect(burst.ms).toBeLessThan(2_000);
    }
  }, 60_000);

  it('fails fast while the database is down and answers again within about a second of its return', async () => {
    await db.execute(sql`select 1`);
    await cluster.stop();

    // Many failures in a row: with postgres-js's default backoff the next reconnect would be up to 20 s away.
    const down: { ms: number; ok: boolean }[] = [];
    for (let i = 0; i < 10; i++) down.push(await timed(() => db.execute(sql`select 1`)));
    expect(down.every((q) => !q.ok)).toBe(true);
    expect(Math.max(...down.map((q) => q.ms))).toBeLessThan(2_000);

    await cluster.start();
    const back = await timed(() => Promise.all([1, 2, 3].map(() => db.execute(sql`select 1`))));
    expect(back.ok).toBe(true);
    expect(back.ms).toBeLessThan(2_000);
  }, 60_000);
});
