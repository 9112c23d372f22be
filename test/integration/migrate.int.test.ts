// migrateDatabase from several servers starting at once: on PostgreSQL the advisory lock lets exactly one
// apply the migrations and the others find nothing to do. PGlite is one session (advisory locks exclude
// nothing there; its orchestrators migrate once before anything else starts), so this runs on PostgreSQL.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { databaseKind, databaseUrl, uniqueSuffix } from './helpers';

const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: Array<{ tag: string }> };

describe.runIf(databaseKind === 'postgres')('migrateDatabase on PostgreSQL', () => {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const name = `migrate_${uniqueSuffix()}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;

  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('applies every migration once when four servers start at the same time', async () => {
    await admin.unsafe(`create database "${name}"`);
    await Promise.all(Array.from({ length: 4 }, () => migrateDatabase(url.toString())));
    const check = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const applied = await check`select hash from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(journal.entries.length);
      const tables = await check`select count(*)::int as n from pg_tables where schemaname = 'public'`;
      expect(tables[0].n).toBeGreaterThan(0);
    } finally {
      await check.end();
    }
  });

  it('reports a database it cannot reach instead of hanging', async () => {
    const unreachable = new URL(databaseUrl);
    unreachable.pathname = `/missing_${uniqueSuffix()}`;
    await expect(migrateDatabase(unreachable.toString())).rejects.toThrow(/does not exist/);
  });
});
