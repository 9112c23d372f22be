// A query built once (db/prepared-query.ts) runs with each call's values, on the app's database and, inside a
// transaction, on that transaction.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { memberships, organizations } from '@/db/schema';
import { closeTestDb, insertTestUser, resetDatabase, testDb } from '@/test/integration/helpers';
import { getOrganizationForMember } from './queries/organizations';

async function organizationOf(ownerId: string, name: string) {
  const [row] = await testDb().insert(organizations).values({ name, currency: 'jpy', billingEmail: `${name}@example.com` }).returning();
  await testDb().insert(memberships).values({ organizationId: row!.id, userId: ownerId, role: 'owner' });
  return row!;
}

describe('preparedQuery', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('binds each call’s values: two members, two organizations, no row for the other’s', async () => {
    const [alice, bob] = [await insertTestUser('alice'), await insertTestUser('bob')];
    const [a, b] = [await organizationOf(alice.id, 'a'), await organizationOf(bob.id, 'b')];
    // Through the app's database (built once, then run with values), several times and at once.
    const found = await Promise.all([
      getOrganizationForMember({ organizationId: a.id, userId: alice.id }),
      getOrganizationForMember({ organizationId: b.id, userId: bob.id }),
      getOrganizationForMember({ organizationId: a.id, userId: bob.id }),
      getOrganizationForMember({ organizationId: b.id, userId: alice.id }),
    ]);
    expect(found.map((o) => o && { name: o.name, role: o.role })).toEqual([{ name: 'a', role: 'owner' }, { name: 'b', role: 'owner' }, null, null]);
    // Through another handle the query is built against it, with the same answers.
    expect((await getOrganizationForMember({ organizationId: b.id, userId: bob.id }, testDb()))?.name).toBe('b');
  });

  it('inside a transaction runs on the transaction: it sees the transaction’s own rows, gone after the rollback', async () => {
    const carol = await insertTestUser('carol');
    let seenInside: string | null = null;
    let created = '';
    const rollback = new Error('roll back');
    await expect(
      db.transaction(async (tx) => {
        const [row] = await tx.insert(organizations).values({ name: 'c', currency: 'jpy', billingEmail: 'c@example.com' }).returning();
        await tx.insert(memberships).values({ organizationId: row!.id, userId: carol.id, role: 'owner' });
        seenInside = (await getOrganizationForMember({ organizationId: row!.id, userId: carol.id }, tx))?.name ?? null;
        created = row!.id;
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(seenInside).toBe('c');
    expect(await getOrganizationForMember({ organizationId: created, userId: carol.id })).toBeNull();
  });
});
