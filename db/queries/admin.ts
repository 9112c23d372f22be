// The operators' view of customers, from the mirror. Callers are operators (requireOperator /
// operatorActionClient): these queries cross organizations on purpose.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { memberships, organizations, stripeCustomers, stripeInvoices, stripeSubscriptions, users } from '@/db/schema';
import type { InvoiceStatus, SubscriptionStatus } from './billing';

export const customerStatusFilters = [
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'incomplete',
  'paused',
  'canceled',
  'none',
] as const;
export type CustomerStatusFilter = (typeof customerStatusFilters)[number];

export type CustomerListParams = {
  search?: string;
  status?: CustomerStatusFilter;
  currency?: string;
  /** Organizations created on or after this day. */
  createdFrom?: Date;
  /** Organizations created before the end of this day. */
  createdTo?: Date;
  page?: number;
  pageSize?: number;
};

export type CustomerListRow = {
  organizationId: string;
  name: string;
  email: string | null;
  stripeCustomerId: string | null;
  currency: string | null;
  planName: string | null;
  status: SubscriptionStatus | null;
  createdAt: Date;
};

export type CustomerListPage = { rows: CustomerListRow[]; total: number; page: number; pageSize: number; pages: number };

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One row per organization with its current plan: the newest subscription that has not ended (else the newest
 * one), and the product names of its items. Sorted newest organization first.
 */
export async function listCustomers(params: CustomerListParams, tx: Tx = db): Promise<CustomerListPage> {
  const pageSize = Math.min(Math.max(params.pageSize ?? 25, 1), 100);
  const page = Math.max(params.page ?? 1, 1);
  const search = params.search?.trim() ?? '';

  const conditions = [sql`true`];
  if (search) {
    const pattern = likePattern(search);
    conditions.push(
      sql`(o.name ilike ${pattern} or o.billing_email ilike ${pattern} or c.email ilike ${pattern} or o.id = ${search} or o.stripe_customer_id = ${search}
           or exists (select 1 from stripe_subscription_items si
                        join stripe_prices pr on pr.id = si.price_id
                        join stripe_products p on p.id = pr.product_id
                       where si.subscription_id = s.id and p.name ilike ${pattern}))`,
    );
  }
  if (params.currency) conditions.push(sql`o.currency = ${params.currency.toLowerCase()}`);
  if (params.createdFrom) conditions.push(sql`o.created_at >= ${params.createdFrom.toISOString()}`);
  if (params.createdTo) conditions.push(sql`o.created_at < ${new Date(params.createdTo.getTime() + 24 * 60 * 60 * 1000).toISOString()}`);
  if (params.status === 'none') conditions.push(sql`s.id is null`);
  else if (params.status) conditions.push(sql`s.status = ${params.status}`);

  const rows = await tx.execute<{
    organization_id: string;
    name: string;
    email: string | null;
    stripe_customer_id: string | null;
    currency: string | null;
    plan_name: string | null;
    status: SubscriptionStatus | null;
    created_at: string | Date;
    total: string | number;
  }>(sql`
    select o.id as organization_id, o.name, coalesce(o.billing_email, c.email) as email, o.stripe_customer_id,
           o.currency, s.status, o.created_at,
           (select string_agg(p.name, ', ' order by si.stripe_created, si.id)
              from stripe_subscription_items si
              join stripe_prices pr on pr.id = si.price_id
              join stripe_products p on p.id = pr.product_id
             where si.subscription_id = s.id) as plan_name,
           count(*) over () as total
      from organizations o
      left join stripe_customers c on c.id = o.stripe_customer_id
      left join lateral (
        select s.id, s.status from stripe_subscriptions s
         where s.organization_id = o.id
         order by (s.status in ('canceled', 'incomplete_expired')) asc, s.stripe_created desc
         limit 1
      ) s on true
     where ${sql.join(conditions, sql` and `)}
     order by o.created_at desc, o.id
     limit ${pageSize} offset ${(page - 1) * pageSize}
  `);

  const list = Array.from(rows);
  const total = list.length > 0 ? Number(list[0]!.total) : 0;
  return {
    rows: list.map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      email: r.email,
      stripeCustomerId: r.stripe_customer_id,
      currency: r.currency,
      planName: r.plan_name,
      status: r.status,
      createdAt: new Date(r.created_at),
    })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export type CustomerDetail = {
  organization: typeof organizations.$inferSelect;
  customer: { id: string; email: string | null; name: string | null; balance: number; currency: string | null; deleted: boolean } | null;
  members: { userId: string; email: string; name: string | null; role: 'owner' | 'billing' | 'member' }[];
  subscriptions: {
    id: string;
    status: SubscriptionStatus;
    currency: string;
    collectionMethod: string;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: Date | null;
    created: Date;
  }[];
  invoices: { id: string; number: string | null; status: InvoiceStatus; currency: string; total: number; amountRemaining: number; created: Date }[];
};

export async function getCustomerDetail(params: { organizationId: string }, tx: Tx = db): Promise<CustomerDetail | null> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, params.organizationId)).limit(1);
  if (!organization) return null;

  const [customerRows, members, subscriptions, invoices] = await Promise.all([
    organization.stripeCustomerId
      ? tx.select().from(stripeCustomers).where(eq(stripeCustomers.id, organization.stripeCustomerId)).limit(1)
      : Promise.resolve([]),
    tx
      .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organization.id))
      .orderBy(asc(memberships.createdAt)),
    tx
      .select()
      .from(stripeSubscriptions)
      .where(eq(stripeSubscriptions.organizationId, organization.id))
      .orderBy(desc(stripeSubscriptions.stripeCreated)),
    tx
      .select()
      .from(stripeInvoices)
      .where(eq(stripeInvoices.organizationId, organization.id))
      .orderBy(desc(stripeInvoices.stripeCreated))
      .limit(20),
  ]);
  const customer = customerRows[0];

  return {
    organization,
    customer: customer
      ? { id: customer.id, email: customer.email, name: customer.name, balance: customer.balance, currency: customer.currency, deleted: customer.deleted }
      : null,
    members,
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      status: s.status,
      currency: s.currency,
      collectionMethod: s.collectionMethod,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      currentPeriodEnd: s.currentPeriodEnd,
      created: s.stripeCreated,
    })),
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      currency: i.currency,
      total: i.total,
      amountRemaining: i.amountRemaining,
      created: i.stripeCreated,
    })),
  };
}
