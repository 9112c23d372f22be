// The usage reporter's queries (lib/usage/report-usage.ts). They work across organizations: each window row
// carries its own organization and Stripe customer. Also the catalogue's meters, shared by every organization.
import { sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';

/** Meter event names the mirrored catalogue knows: active products' `seikyu_meter` metadata. */
export async function listKnownMeters(tx: Tx = db): Promise<string[]> {
  const rows = await tx.execute<{ meter: string }>(sql`
    select distinct metadata->>'seikyu_meter' as meter from stripe_products
    where active and metadata ? 'seikyu_meter' and metadata->>'seikyu_meter' <> ''
    order by 1`);
  return Array.from(rows, (r) => r.meter);
}
