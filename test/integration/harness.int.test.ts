// Proves the integration harness on whichever database the run uses (PGlite or PostgreSQL): the committed
// migrations are applied, transactions roll back through drizzle + postgres-js, concurrent connections do not
// see each other's uncommitted work, and the Stripe emulator answers the real SDK.
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { organizations } from '@/db/schema';
import { closeTestDb, databaseKind, resetDatabase, stripeEmulatorUrl, testDb, testStripe, uniqueSuffix } from './helpers';

const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: Array<{ tag: string }> };

describe(`integration harness (${databaseKind})`, () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('has applied every committed migration exactly once', async () => {
    const applied = await testDb().execute<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied[0].count).toBe(journal.entries.length);
  });

  it('rolls back a failed transaction and keeps a committed one', async () => {
    const db = testDb();
    const failed = db.transaction(async (tx) => {
      await tx.insert(organizations).values({ name: 'Rolled Back KK' });
      throw new Error('abort on purpose');
    });
    await expect(failed).rejects.toThrow('abort on purpose');
    await db.transaction(async (tx) => {
      await tx.insert(organizations).values({ name: 'Committed KK' });
    });
    const names = (await db.select({ name: organizations.name }).from(organizations)).map((r) => r.name);
    expect(names).toEqual(['Committed KK']);
  });

  it('keeps concurrent transactions on separate connections apart', async () => {
    const db = testDb();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        db.transaction(async (tx) => {
          const [org] = await tx.insert(organizations).values({ name: `Org ${i}` }).returning({ id: organizations.id });
          await new Promise((r) => setTimeout(r, 5));
          const mine = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.id));
          expect(mine[0].name).toBe(`Org ${i}`);
          if (i % 2 === 1) throw new Error(`roll back ${i}`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    const names = (await db.select({ name: organizations.name }).from(organizations)).map((r) => r.name).sort();
    expect(names).toEqual(['Org 0', 'Org 2', 'Org 4', 'Org 6']);
  });

  it('reaches the Stripe emulator through the real SDK', async () => {
    expect(stripeEmulatorUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const email = `harness-${uniqueSuffix()}@example.test`;
    const customer = await testStripe().customers.create({ email }, { idempotencyKey: `harness-customer-${email}` });
    expect(customer.id).toMatch(/^cus_/);
    const fetched = await testStripe().customers.retrieve(customer.id);
    expect(fetched.deleted ? null : fetched.email).toBe(email);
  });
});
