// The organization's 30-day pass from the mirror: the paid pass invoice whose `pass_valid_until` (written when it
// was paid, lib/billing/purchases) is latest. Scoped by organization.
import { and, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeInvoices } from '@/db/schema';

export type ActivePass = { invoiceId: string; validUntil: Date };

/** Read on every overview: built once (db/prepared-query.ts). */
const selectLatestPass = preparedQuery('latest_pass', (tx) => {
  const validUntil = sql<string>`${stripeInvoices.metadata}->>'pass_valid_until'`;
  return tx
    .select({ invoiceId: stripeInvoices.id, validUntil })
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.organizationId, sql.placeholder('organizationId')), eq(stripeInvoices.status, 'paid'), sql`${validUntil} is not null`))
    .orderBy(desc(validUntil))
    .limit(1);
});

export async function findActivePass(params: { organizationId: string; now?: Date }, tx: Tx = db): Promise<ActivePass | null> {
  const [row] = await selectLatestPass({ organizationId: params.organizationId }, tx);
  if (!row) return null;
  const until = new Date(row.validUntil);
  if (Number.isNaN(until.getTime()) || until <= (params.now ?? new Date())) return null;
  return { invoiceId: row.invoiceId, validUntil: until };
}
