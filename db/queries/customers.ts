// Customers: an organization with its Stripe customer, from the mirror. Queries named `...ForOperator` cross
// organizations on purpose; their callers are operators (requireOperator / operatorActionClient).
import { eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { organizations, stripeCustomers } from '@/db/schema';
import type { SubscriptionStatus } from './billing';

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
  /** The reader's language: plans are named (and searched) as the catalogue names them there (db/catalog-text.ts). */
  locale?: string;
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

export type CustomerListPage = {
  rows: CustomerListRow[];
  total: number;
  /** The page shown: the one asked for, or the last page when that was past the end. */
  page: number;
  /** The page asked for; differs from `page` when it was out of range. */
  requestedPage: number;
  pageSize: number;
  pages: number;
};

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The longest search an operator may type: longer text is refused with a message, never cut or ignored. */
export const CUSTOMER_SEARCH_MAX_LENGTH = 200;

/**
 * One row per organization with its current plan: the newest subscription that has not ended (else the newest
 * one), and the product names of its items. Sorted newest organization first. A page past the last one is
 * clamped to the last page (`requestedPage` keeps what was asked), so the total is always the real one.
 */
export async function listCustomersForOperator(params: CustomerListParams, tx: Tx = db): Promise<CustomerListPage> {
  const pageSize = Math.min(Math.max(params.pageSize ?? 25, 1), 100);
  const requestedPage = Math.max(Math.floor(params.page ?? 1), 1);
  const search = params.search?.trim() ?? '';
  // A product's name in the reader's language is its `name_<locale>` metadata, else Stripe's own (English) name.
  const nameKey = `name_${params.locale ?? 'en'}`;
  const productName = sql`coalesce(nullif(p.metadata ->> ${nameKey}, ''), p.name)`;
  // Plans listed as the language lists them: 「チーム、バックアップ」, "Team, Backup".
  const listSeparator = params.locale === 'ja' ? '、' : ', ';

  const conditions = [sql`true`];
  if (search) {
    const pattern = likePattern(search);
    conditions.push(
      sql`(o.name ilike ${pattern} or o.billing_email ilike ${pattern} or c.email ilike ${pattern} or o.id = ${search} or o.stripe_customer_id = ${search}
           or exists (select 1 from stripe_subscription_items si
                        join stripe_prices pr on pr.id = si.price_id
                        join stripe_products p on p.id = pr.product_id
                       where si.subscription_id = s.id and (p.name ilike ${pattern} or ${productName} ilike ${pattern})))`,
    );
  }
  if (params.currency) conditions.push(sql`o.currency = ${params.currency.toLowerCase()}`);
  if (params.createdFrom) conditions.push(sql`o.created_at >= ${params.createdFrom.toISOString()}`);
  if (params.createdTo) conditions.push(sql`o.created_at < ${new Date(params.createdTo.getTime() + 24 * 60 * 60 * 1000).toISOString()}`);
  if (params.status === 'none') conditions.push(sql`s.id is null`);
  else if (params.status) conditions.push(sql`s.status = ${params.status}`);

  const matching = sql`
      from organizations o
      left join stripe_customers c on c.id = o.stripe_customer_id
      left join lateral (
        select s.id, s.status from stripe_subscriptions s
         where s.organization_id = o.id
         order by (s.status in ('canceled', 'incomplete_expired')) asc, s.stripe_created desc
         limit 1
      ) s on true
     where ${sql.join(conditions, sql` and `)}`;

  const [counted] = Array.from(await tx.execute<{ total: string | number }>(sql`select count(*) as total ${matching}`));
  const total = Number(counted?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pages);

  const rows = await tx.execute<{
    organization_id: string;
    name: string;
    email: string | null;
    stripe_customer_id: string | null;
    currency: string | null;
    plan_name: string | null;
    status: SubscriptionStatus | null;
    created_at: string | Date;
  }>(sql`
    select o.id as organization_id, o.name, coalesce(o.billing_email, c.email) as email, o.stripe_customer_id,
           o.currency, s.status, o.created_at,
           (select string_agg(${productName}, ${listSeparator} order by si.stripe_created, si.id)
              from stripe_subscription_items si
              join stripe_prices pr on pr.id = si.price_id
              join stripe_products p on p.id = pr.product_id
             where si.subscription_id = s.id) as plan_name
    ${matching}
     order by o.created_at desc, o.id
     limit ${pageSize} offset ${(page - 1) * pageSize}
  `);

  return {
    rows: Array.from(rows).map((r) => ({
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
    requestedPage,
    pageSize,
    pages,
  };
}

export type OrganizationRecord = typeof organizations.$inferSelect;

export type StripeCustomerSummary = {
  id: string;
  email: string | null;
  name: string | null;
  balance: number;
  currency: string | null;
  deleted: boolean;
};

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectCustomerForOperator = preparedQuery('customer_for_operator', (tx) =>
  tx
    .select({ organization: organizations, customer: stripeCustomers })
    .from(organizations)
    .leftJoin(stripeCustomers, eq(stripeCustomers.id, organizations.stripeCustomerId))
    .where(eq(organizations.id, sql.placeholder('organizationId')))
    .limit(1),
);

/** The organization and its mirrored Stripe customer, without a membership check; null when it does not exist. */
export async function getCustomerForOperator(
  params: { organizationId: string },
  tx: Tx = db,
): Promise<{ organization: OrganizationRecord; customer: StripeCustomerSummary | null } | null> {
  const [row] = await selectCustomerForOperator({ organizationId: params.organizationId }, tx);
  if (!row) return null;
  const customer = row.customer;
  return {
    organization: row.organization,
    customer: customer
      ? { id: customer.id, email: customer.email, name: customer.name, balance: customer.balance, currency: customer.currency, deleted: customer.deleted }
      : null,
  };
}

/**
 * The organization a Stripe customer id belongs to, across organizations (the Stripe App looks a customer up by
 * the id the Dashboard shows); null when no organization has that customer.
 */
export async function findOrganizationByStripeCustomerForOperator(params: { customerId: string }, tx: Tx = db): Promise<OrganizationRecord | null> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.stripeCustomerId, params.customerId)).limit(1);
  return row ?? null;
}
