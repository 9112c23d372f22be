// Migration 0017 asks for a refresh of the projected invoices stored before their lines kept an origin, and of no
// others: the projection sweep (lib/usage/projected-invoice.ts) then fetches them again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { invoiceProjections, organizations, type ProjectedInvoiceLine } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';

const migration = readFileSync(join(__dirname, 'migrations/0017_refresh-projections-without-line-origin.sql'), 'utf8');
const refreshedAt = new Date('2026-12-01T00:00:00Z');
const requestedAt = new Date('2026-11-30T23:59:00Z');
const line = { description: '1 × Team (at ¥1,200 / month)', amount: 1200, quantity: 1, priceId: 'price_team', meter: null, periodStart: null, periodEnd: null };

async function projectionOf(name: string, values: { lines: ProjectedInvoiceLine[]; refreshedAt: Date | null }) {
  const [organization] = await testDb().insert(organizations).values({ name, currency: 'jpy', billingEmail: `${name}@example.com` }).returning();
  await testDb().insert(invoiceProjections).values({ organizationId: organization!.id, requestedAt, ...values });
  return organization!.id;
}

async function requestedAtOf(organizationId: string) {
  const [row] = await testDb().select().from(invoiceProjections).where(eq(invoiceProjections.organizationId, organizationId));
  return row!.requestedAt;
}

describe('migration 0017: refresh projections stored without line origins', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('asks again for the old ones only', async () => {
    const old = await projectionOf('old', { lines: [line], refreshedAt });
    const current = await projectionOf('current', { lines: [{ ...line, origin: 'subscription', catalog: null }], refreshedAt });
    const empty = await projectionOf('empty', { lines: [], refreshedAt });
    const neverFetched = await projectionOf('never', { lines: [], refreshedAt: null });

    await testDb().execute(sql.raw(migration));

    expect((await requestedAtOf(old)).getTime()).toBeGreaterThan(refreshedAt.getTime());
    for (const id of [current, empty, neverFetched]) expect(await requestedAtOf(id)).toEqual(requestedAt);
  });
});
