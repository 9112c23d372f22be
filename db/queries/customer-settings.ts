// What the per-customer settings read: how each live subscription of the organization collects.
import { and, asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { auditLog, stripeCustomers, stripeSubscriptions } from '@/db/schema';

export type SubscriptionCollection = {
  id: string;
  status: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
};

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectLiveSubscriptionCollection = preparedQuery('live_subscription_collection', (tx) =>
  tx
    .select({ id: stripeSubscriptions.id, status: stripeSubscriptions.status, collectionMethod: stripeSubscriptions.collectionMethod, daysUntilDue: stripeSubscriptions.daysUntilDue })
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, sql.placeholder('organizationId')), notInArray(stripeSubscriptions.status, ['canceled', 'incomplete_expired'])))
    .orderBy(desc(stripeSubscriptions.stripeCreated)),
);

export async function listLiveSubscriptionCollection(params: { organizationId: string }, tx: Tx = db): Promise<SubscriptionCollection[]> {
  return selectLiveSubscriptionCollection({ organizationId: params.organizationId }, tx);
}

/** The newest audit entry id for the organization (0 for none): a marker of "the state an operator saw". */
export async function getLatestAuditId(params: { organizationId: string }, tx: Tx = db): Promise<number> {
  const [row] = await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organizationId, params.organizationId)).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}

export type CustomerInvoiceSettingsRow = {
  customerId: string;
  /** Stripe's `invoice_settings` as last mirrored (footer and custom fields are what Seikyu pushes). */
  footer: string | null;
  customFields: { name: string; value: string }[];
  /** Any live subscription sends invoices for bank transfer. */
  paysByBankTransfer: boolean;
};

/**
 * Every mirrored customer's invoice footer and custom fields next to how it pays, across organizations (the
 * branding push reaches every customer); `customerId` narrows it to one.
 */
export async function listCustomerInvoiceSettingsForOperator(params: { customerId?: string } = {}, tx: Tx = db): Promise<CustomerInvoiceSettingsRow[]> {
  const rows = await tx
    .select({
      customerId: stripeCustomers.id,
      data: stripeCustomers.data,
      bankTransferSubscriptions: sql<number>`count(${stripeSubscriptions.id})::int`,
    })
    .from(stripeCustomers)
    .leftJoin(
      stripeSubscriptions,
      and(
        eq(stripeSubscriptions.customerId, stripeCustomers.id),
        eq(stripeSubscriptions.collectionMethod, 'send_invoice'),
        notInArray(stripeSubscriptions.status, ['canceled', 'incomplete_expired']),
      ),
    )
    .where(and(eq(stripeCustomers.deleted, false), params.customerId ? eq(stripeCustomers.id, params.customerId) : undefined))
    .groupBy(stripeCustomers.id)
    .orderBy(asc(stripeCustomers.id));
  return rows.map((row) => {
    const settings = (row.data as { invoice_settings?: { footer?: string | null; custom_fields?: { name: string; value: string }[] | null } }).invoice_settings;
    return {
      customerId: row.customerId,
      footer: settings?.footer ?? null,
      customFields: (settings?.custom_fields ?? []).map((f) => ({ name: f.name, value: f.value })),
      paysByBankTransfer: Number(row.bankTransferSubscriptions) > 0,
    };
  });
}
