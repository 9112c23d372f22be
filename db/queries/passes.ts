// The organization's 30-day pass from the mirror: the paid pass invoice whose `pass_valid_until` (written when it
// was paid, lib/billing/purchases) is latest, with the pass product its line is for (name, and the capacity its
// catalogue metadata gives, as a plan's does). Scoped by organization.
import { and, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeInvoiceLines, stripeInvoices, stripePrices, stripeProducts } from '@/db/schema';
import { catalogText } from '../catalog-text';
import { qualified } from './columns';
import { capacityPlanOf, type CapacityPlan } from './usage-plan';

export type ActivePass = {
  invoiceId: string;
  validUntil: Date;
  /** The pass product's name in the reader's language; null when no line of the invoice is for a mirrored pass product. */
  productName: string | null;
  /**
   * The capacity the pass gives while it is valid (its product's `seikyu_device_limit`, as a plan's), null when
   * its product sets none: such a pass gives no capacity of its own.
   */
  capacity: CapacityPlan | null;
};

type PassProduct = { name: string; metadata: Record<string, string>; lookupKey: string | null };

/** Read on every overview and every limits call: built once (db/prepared-query.ts). */
const selectLatestPass = preparedQuery('latest_pass', (tx) => {
  const validUntil = sql<string>`${stripeInvoices.metadata}->>'pass_valid_until'`;
  // The invoice's first line for a product of the catalogue's `pass` kind, in the invoice's own row. Every column
  // named with its table: drizzle leaves the table off in a select from one table.
  const [line, price, product] = [stripeInvoiceLines, stripePrices, stripeProducts];
  const passProduct = sql<PassProduct | null>`(
    select json_build_object('name', ${qualified(product.name)}, 'metadata', ${qualified(product.metadata)}, 'lookupKey', ${qualified(price.lookupKey)})
      from ${line}
      join ${price} on ${qualified(price.id)} = ${qualified(line.priceId)}
      join ${product} on ${qualified(product.id)} = ${qualified(price.productId)}
     where ${qualified(line.invoiceId)} = ${qualified(stripeInvoices.id)}
       and ${qualified(product.metadata)}->>'seikyu_kind' = 'pass'
     order by ${qualified(line.position)}
     limit 1)`;
  return tx
    .select({ invoiceId: stripeInvoices.id, validUntil, product: passProduct })
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.organizationId, sql.placeholder('organizationId')), eq(stripeInvoices.status, 'paid'), sql`${validUntil} is not null`))
    .orderBy(desc(validUntil))
    .limit(1);
});

/** The pass valid at `now` (default: now), or null. `locale` names its product (English when not given). */
export async function findActivePass(params: { organizationId: string; now?: Date; locale?: string }, tx: Tx = db): Promise<ActivePass | null> {
  const [row] = await selectLatestPass({ organizationId: params.organizationId }, tx);
  if (!row) return null;
  const until = new Date(row.validUntil);
  if (Number.isNaN(until.getTime()) || until <= (params.now ?? new Date())) return null;
  const locale = params.locale ?? 'en';
  const product = row.product;
  return {
    invoiceId: row.invoiceId,
    validUntil: until,
    productName: product ? (catalogText(product.metadata, 'name', product.name, locale) ?? product.name) : null,
    capacity: product ? capacityPlanOf({ name: product.name, metadata: product.metadata, lookupKey: product.lookupKey }, locale) : null,
  };
}
