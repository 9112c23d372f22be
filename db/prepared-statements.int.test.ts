// Every drizzle query runs as a named prepared statement (db/index.ts): PostgreSQL parses and plans each query
// shape once per connection, in transactions and savepoints as well as outside them.
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { organizations } from '@/db/schema';
import { closeTestDb, databaseKind, testDb } from '@/test/integration/helpers';

const probe = (name: string) => testDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
const probeText = 'from "organizations" where "organizations"."name" = $1';

describe(`prepared statements (${databaseKind})`, () => {
  afterAll(closeTestDb);

  it('prepares a query once per connection and reuses it, in a transaction and a savepoint too', async () => {
    await testDb().transaction(async (tx) => {
      // One connection for the whole transaction: its prepared statements are the ones pg_prepared_statements lists.
      const prepared = async () => {
        const rows = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${probeText}%`}`,
        );
        return rows[0]!.n;
      };
      for (const name of ['a', 'b', 'c']) await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
      expect(await prepared()).toBe(1);
      await tx.transaction(async (savepoint) => {
        await savepoint.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, 'd'));
      });
      expect(await prepared()).toBe(1);
    });
    // Outside a transaction the pool's connections prepare it too, and the answers are the same as ever.
    expect(await probe('nobody')).toEqual([]);
  });
});
