// The embedded database must behave like one PostgreSQL server to several clients at once: extended-protocol
// batches from different connections never interleave, transactions are isolated and roll back when their
// connection dies, data in a directory survives a close, and a directory is never opened twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from './embedded-db';
import { lastReadyStatus } from './pglite-wire-server';

const scratch = mkdtempSync(join(tmpdir(), 'seikyu-embedded-db-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('startEmbeddedDatabase', { timeout: 30_000 }, () => {
  it('answers many concurrent parameterised queries from two pools with their own results', async () => {
    const edb = await startEmbeddedDatabase({ dataDir: 'memory://', port: 0 });
    const pools = [postgres(edb.url, { max: 8, onnotice: () => {} }), postgres(edb.url, { max: 8, prepare: false, onnotice: () => {} })];
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          const sql = pools[i % 2];
          await new Promise((r) => setTimeout(r, Math.random() * 10));
          if (i % 7 === 0) {
            // An error mid-batch must not swallow another connection's messages.
            return sql`select 1 / ${0}::int as boom`.then(
              () => 'no error',
              (e: Error) => (/division by zero/.test(e.message) ? 'ok' : e.message),
            );
          }
          const rows =
            i % 3 === 0
              ? await sql`select ${`s${i}`}::text as s, ${i}::int as n, ${i * 2}::int as d`
              : await sql`select ${i}::int as n, ${`s${i}`}::text as s`;
          return rows[0].n === i && rows[0].s === `s${i}` ? 'ok' : JSON.stringify(rows[0]);
        }),
      );
      expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await edb.close();
    }
  });

  it('isolates transactions and rolls back the one whose connection dies', async () => {
    const edb = await startEmbeddedDatabase({ dataDir: 'memory://', port: 0 });
    const sql = postgres(edb.url, { max: 4, onnotice: () => {} });
    const doomed = postgres(edb.url, { max: 1, onnotice: () => {} });
    try {
      await sql`create table t (id int primary key)`;
      let release: () => void = () => {};
      const held = new Promise<void>((r) => (release = r));
      const abandoned = doomed
        .begin(async (tx) => {
          await tx`insert into t values (1)`;
          await held;
        })
        .catch((e: Error) => e.message);
      await new Promise((r) => setTimeout(r, 50));
      const seen = sql`select count(*)::int as c from t`; // waits for the transaction to end
      await doomed.end({ timeout: 0 });
      release();
      expect(await abandoned).toMatch(/CONNECTION_(CLOSED|ENDED|DESTROYED)/);
      expect((await seen)[0].c).toBe(0);
      await sql.begin(async (tx) => {
        await tx`insert into t values (2)`;
      });
      expect((await sql`select id from t`).map((r) => r.id)).toEqual([2]);
    } finally {
      await sql.end();
      await edb.close();
    }
  });

  it('keeps data in its directory across a close and refuses a second open of the same directory', async () => {
    const dataDir = join(scratch, 'persist');
    const first = await startEmbeddedDatabase({ dataDir, port: 0 });
    await expect(startEmbeddedDatabase({ dataDir, port: 0 })).rejects.toThrow(/already open/);
    const sql = postgres(first.url, { max: 2, onnotice: () => {} });
    await sql`create table kept (v text)`;
    await sql`insert into kept values ('survives')`;
    await sql.end();
    await first.close();

    const second = await startEmbeddedDatabase({ dataDir, port: 0 });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    try {
      expect((await again`select v from kept`).map((r) => r.v)).toEqual(['survives']);
    } finally {
      await again.end();
      await second.close();
    }
  });
});

describe('lastReadyStatus', () => {
  const ready = (status: string) => new Uint8Array([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
  // CommandComplete "BEGIN": type 'C', length 4 + 6 (the length counts itself, not the type byte).
  const complete = new Uint8Array([0x43, 0, 0, 0, 10, ...Buffer.from('BEGIN\0')]);

  it('reads the status of the last ReadyForQuery in a response', () => {
    expect(lastReadyStatus(new Uint8Array([...ready('I'), ...ready('T')]))).toBe('T');
    expect(lastReadyStatus(new Uint8Array([...complete, ...ready('E')]))).toBe('E');
  });

  it('returns null when the response has no ReadyForQuery (a batch still in progress)', () => {
    expect(lastReadyStatus(complete)).toBeNull();
    expect(lastReadyStatus(new Uint8Array())).toBeNull();
  });
});
