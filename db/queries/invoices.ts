// Invoices from the Stripe mirror only. Every query names the organization in its WHERE clause (another
// organization's invoice id yields no row, which callers turn into a 404), except `...ForOperator` ones.
import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, lt, max, min, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { organizations, stripeInvoiceLines, stripeInvoices, stripePrices, stripeProducts } from '@/db/schema';
import type { PriceCatalogTexts } from '@/db/catalog-text';
import { columnsWithoutData, qualified } from './columns';

export type InvoiceRecord = typeof stripeInvoices.$inferSelect;
export type InvoiceLineRecord = typeof stripeInvoiceLines.$inferSelect;

/**
 * A line as pages and documents show it: the row plus its price's catalogue texts (null when the price is not
 * mirrored or the line has none), so it can be described in the reader's language
 * (lib/billing/invoices/line-description.ts).
 */
export type InvoiceLineWithCatalog = InvoiceLineRecord & { catalog: PriceCatalogTexts | null };

const lineWithCatalogColumns = {
  ...getTableColumns(stripeInvoiceLines),
  catalog: {
    productName: stripeProducts.name,
    productMetadata: stripeProducts.metadata,
    priceNickname: stripePrices.nickname,
    priceMetadata: stripePrices.metadata,
  },
};

/** The invoice's lines in Stripe's order, each with its price's catalogue texts; `scope` narrows them. */
function linesWithCatalog(tx: Tx, scope: SQL | undefined, joinInvoice: boolean) {
  const base = tx
    .select(lineWithCatalogColumns)
    .from(stripeInvoiceLines)
    .leftJoin(stripePrices, eq(stripePrices.id, stripeInvoiceLines.priceId))
    .leftJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId));
  const joined = joinInvoice ? base.innerJoin(stripeInvoices, eq(stripeInvoices.id, stripeInvoiceLines.invoiceId)) : base;
  return joined.where(scope).orderBy(asc(stripeInvoiceLines.position), asc(stripeInvoiceLines.id));
}

/** An invoice as lists read it: every column but `data` (db/queries/columns.ts). */
const invoiceSummaryColumns = columnsWithoutData(stripeInvoices);
export type InvoiceSummaryRecord = Omit<InvoiceRecord, 'data'>;

/** Drafts are the operators' to review; customers see an invoice from the moment it is finalized. */
const visibleToCustomer = (organizationId: string | Placeholder) =>
  and(eq(stripeInvoices.organizationId, organizationId), ne(stripeInvoices.status, 'draft'));

/**
 * The one rule for which invoices a customer's lists show (the invoice list and the overview alike): every
 * finalized invoice except paid invoices of nothing — the free tier's monthly ¥0 / $0 invoice, which asks
 * nothing of anyone. Such an invoice still opens by its address.
 */
export const listedToCustomer = (organizationId: string | Placeholder) =>
  and(visibleToCustomer(organizationId), or(ne(stripeInvoices.total, 0), ne(stripeInvoices.status, 'paid')));

export const INVOICES_PAGE_SIZE = 25;

/** An invoice as its list shows it: the row plus the service period its lines cover. */
export type ListedInvoice = InvoiceSummaryRecord & { servicePeriodStart: Date | null; servicePeriodEnd: Date | null };

/**
 * The period an invoice bills for, from its lines (earliest start, latest end), in the invoice's own row; lines
 * without a period (one-off items) fall back to the invoice's own. Stripe's own invoice `period_start`/
 * `period_end` describe the previous period and are equal on a subscription's first invoice.
 */
const servicePeriodEdge = (edge: 'start' | 'end') => {
  const line = stripeInvoiceLines;
  const [fromLines, invoiceColumn] = edge === 'start' ? [min(line.periodStart), stripeInvoices.periodStart] : [max(line.periodEnd), stripeInvoices.periodEnd];
  return sql<Date | null>`coalesce((select ${fromLines} from ${line} where ${line.invoiceId} = ${qualified(stripeInvoices.id)} and ${line.proration} = false),
    ${qualified(invoiceColumn)})`.mapWith(invoiceColumn);
};

// The customer's invoice list runs these on every view: built once (db/prepared-query.ts).
const selectListedInvoices = preparedQuery('listed_invoices', (tx) =>
  tx
    .select({ ...invoiceSummaryColumns, servicePeriodStart: servicePeriodEdge('start'), servicePeriodEnd: servicePeriodEdge('end') })
    .from(stripeInvoices)
    .where(listedToCustomer(sql.placeholder('organizationId')))
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset')),
);

const countListedInvoices = preparedQuery('listed_invoices_count', (tx) =>
  tx.select({ value: count() }).from(stripeInvoices).where(listedToCustomer(sql.placeholder('organizationId'))),
);

export async function listInvoices(
  params: { organizationId: string; page?: number },
  tx: Tx = db,
): Promise<{ invoices: ListedInvoice[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const [invoices, [counted]] = await Promise.all([
    selectListedInvoices({ organizationId: params.organizationId, limit: INVOICES_PAGE_SIZE, offset: (page - 1) * INVOICES_PAGE_SIZE }, tx),
    countListedInvoices({ organizationId: params.organizationId }, tx),
  ]);
  return { invoices, total: counted?.value ?? 0, page, pageSize: INVOICES_PAGE_SIZE };
}

/** The invoice if it belongs to the organization (and is not a draft), else null. */
export async function getInvoiceForOrganization(
  params: { organizationId: string; invoiceId: string },
  tx: Tx = db,
): Promise<InvoiceRecord | null> {
  const [row] = await selectInvoiceForOrganization(params, tx);
  return row ?? null;
}

const selectInvoiceForOrganization = preparedQuery('invoice_for_organization', (tx) =>
  tx
    .select()
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.id, sql.placeholder('invoiceId')), visibleToCustomer(sql.placeholder('organizationId'))))
    .limit(1),
);

/** The invoice's lines when the invoice is the organization's and not a draft: scoped like the invoice itself. */
const selectVisibleInvoiceLines = preparedQuery('visible_invoice_lines', (tx) =>
  linesWithCatalog(tx, and(eq(stripeInvoiceLines.invoiceId, sql.placeholder('invoiceId')), visibleToCustomer(sql.placeholder('organizationId'))), true),
);

/**
 * The invoice with its lines in Stripe's order, scoped by organization; null when it is not theirs. The lines carry
 * the same scope, so both statements go out at once rather than the lines waiting for the invoice.
 */
export async function getInvoiceWithLines(
  params: { organizationId: string; invoiceId: string },
  tx: Tx = db,
): Promise<{ invoice: InvoiceRecord; lines: InvoiceLineWithCatalog[] } | null> {
  const [invoice, lines] = await Promise.all([
    getInvoiceForOrganization(params, tx),
    selectVisibleInvoiceLines({ invoiceId: params.invoiceId, organizationId: params.organizationId }, tx),
  ]);
  return invoice ? { invoice, lines } : null;
}

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectInvoicesForOperator = preparedQuery('invoices_for_operator', (tx) =>
  tx
    .select(invoiceSummaryColumns)
    .from(stripeInvoices)
    .where(eq(stripeInvoices.organizationId, sql.placeholder('organizationId')))
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(sql.placeholder('limit')),
);

/** The organization's invoices for its operators, drafts included, newest first. */
export async function listInvoicesForOperator(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<InvoiceSummaryRecord[]> {
  return selectInvoicesForOperator({ organizationId: params.organizationId, limit: Math.min(params.limit ?? 20, 100) }, tx);
}

/**
 * Any invoice by id with its lines and the organization it belongs to (null when the mirror could not link
 * it), drafts included: crosses organizations on purpose, for operators only. Null when unknown.
 */
export async function getInvoiceForOperator(
  params: { invoiceId: string },
  tx: Tx = db,
): Promise<{ invoice: InvoiceRecord; lines: InvoiceLineWithCatalog[]; organization: { id: string; name: string; timeZone: string } | null } | null> {
  const [row] = await tx
    .select({ invoice: stripeInvoices, organizationName: organizations.name, organizationTimeZone: organizations.timeZone })
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(eq(stripeInvoices.id, params.invoiceId))
    .limit(1);
  if (!row) return null;
  const lines = await linesWithCatalog(tx, eq(stripeInvoiceLines.invoiceId, row.invoice.id), false);
  const organization =
    row.invoice.organizationId && row.organizationName !== null && row.organizationTimeZone !== null
      ? { id: row.invoice.organizationId, name: row.organizationName, timeZone: row.organizationTimeZone }
      : null;
  return { invoice: row.invoice, lines, organization };
}

export const invoiceStatuses = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export const invoiceCollectionMethods = ['charge_automatically', 'send_invoice'] as const;
export type InvoiceCollectionMethod = (typeof invoiceCollectionMethods)[number];

/** The operators' invoice-list filters; every field optional. Dates are UTC days (created on or after / before the end of). */
export type InvoiceListFilter = {
  status?: InvoiceStatus;
  collectionMethod?: InvoiceCollectionMethod;
  /** Customer name, billing email, Stripe customer id or invoice number. */
  search?: string;
  currency?: string;
  /** Open with a due date before `now`. */
  overdue?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  now?: Date;
};

export type InvoiceListRow = InvoiceRecord & { organizationName: string | null; organizationEmail: string | null };

const DAY_MS = 24 * 60 * 60 * 1000;

function escapeLike(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The organizations whose name or billing email contains `search` (trigram indexes), found before the invoices
 * so that the invoice query can use its indexes: an `ilike` over joined rows, or a subquery inside an OR, made
 * PostgreSQL test every one of 120,000 invoices per search.
 */
async function organizationsMatching(search: string | undefined, tx: Tx): Promise<string[] | null> {
  const term = search?.trim();
  if (!term) return null;
  const pattern = escapeLike(term);
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(or(ilike(organizations.name, pattern), ilike(organizations.billingEmail, pattern)));
  return rows.map((r) => r.id);
}

/**
 * The WHERE clause of a filter; `withStatus: false` drops the status so the counts per status share the rest.
 * `organizationIds`: the organizations the search matched by name or email (organizationsMatching).
 */
function invoiceListWhere(filter: InvoiceListFilter, organizationIds: string[] | null, withStatus = true): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (withStatus && filter.status) conditions.push(eq(stripeInvoices.status, filter.status));
  if (filter.collectionMethod) conditions.push(eq(stripeInvoices.collectionMethod, filter.collectionMethod));
  if (filter.currency) conditions.push(eq(stripeInvoices.currency, filter.currency.toLowerCase()));
  if (filter.overdue) {
    conditions.push(eq(stripeInvoices.status, 'open'), lt(stripeInvoices.dueDate, filter.now ?? new Date()));
  }
  if (filter.createdFrom) conditions.push(gte(stripeInvoices.stripeCreated, filter.createdFrom));
  if (filter.createdTo) conditions.push(lt(stripeInvoices.stripeCreated, new Date(filter.createdTo.getTime() + DAY_MS)));
  const search = filter.search?.trim();
  if (search) {
    // Each arm has its index (organization, customer, number, primary key), so PostgreSQL ORs index scans.
    conditions.push(
      or(
        organizationIds && organizationIds.length > 0 ? inArray(stripeInvoices.organizationId, organizationIds) : undefined,
        eq(stripeInvoices.customerId, search),
        eq(stripeInvoices.number, search),
        eq(stripeInvoices.id, search),
      ),
    );
  }
  return and(...conditions);
}

const listColumns = { invoice: stripeInvoices, organizationName: organizations.name, organizationEmail: organizations.billingEmail };
const toRow = (r: { invoice: InvoiceRecord; organizationName: string | null; organizationEmail: string | null }): InvoiceListRow => ({
  ...r.invoice,
  organizationName: r.organizationName,
  organizationEmail: r.organizationEmail,
});

/** One page of every organization's invoices for operators, with the total and the page clamped to the last one. */
export type InvoicePage = { rows: InvoiceListRow[]; total: number; page: number; pages: number; pageSize: number };

/**
 * The operators' invoice list: one page, newest first (stripe_invoices_created_idx / _status_created_idx for the
 * order), and the counts per status for the same filter, the search's organizations looked up once for both.
 */
export async function listInvoicePageWithStatusCountsForOperator(
  params: InvoiceListFilter & { page?: number; pageSize?: number },
  tx: Tx = db,
): Promise<{ page: InvoicePage; counts: Record<InvoiceStatus, number> }> {
  const organizationIds = await organizationsMatching(params.search, tx);
  const [page, counts] = await Promise.all([invoicePage(params, organizationIds, tx), statusCounts(params, organizationIds, tx)]);
  return { page, counts };
}

async function invoicePage(params: InvoiceListFilter & { page?: number; pageSize?: number }, organizationIds: string[] | null, tx: Tx): Promise<InvoicePage> {
  const pageSize = Math.min(Math.max(params.pageSize ?? 25, 1), 100);
  const where = invoiceListWhere(params, organizationIds);
  const [counted] = await tx
    .select({ value: count() })
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(where);
  const total = counted?.value ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.floor(params.page ?? 1), 1), pages);
  const rows = await tx
    .select(listColumns)
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(where)
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows: rows.map(toRow), total, page, pages, pageSize };
}

/** How many invoices match the filter (status aside) in each status, for the status tabs. */
async function statusCounts(params: InvoiceListFilter, organizationIds: string[] | null, tx: Tx): Promise<Record<InvoiceStatus, number>> {
  const rows = await tx
    .select({ status: stripeInvoices.status, value: count() })
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(invoiceListWhere(params, organizationIds, false))
    .groupBy(stripeInvoices.status);
  const counts = Object.fromEntries(invoiceStatuses.map((s) => [s, 0])) as Record<InvoiceStatus, number>;
  for (const row of rows) counts[row.status] = row.value;
  return counts;
}

/**
 * Every invoice matching the filter, in the list's order, in batches (keyset on created, id) so a CSV export of
 * 100,000 rows never holds them all in memory.
 */
export async function* streamInvoicesForOperator(params: InvoiceListFilter & { batchSize?: number }, tx: Tx = db): AsyncGenerator<InvoiceListRow[]> {
  const batchSize = params.batchSize ?? 1000;
  const organizationIds = await organizationsMatching(params.search, tx);
  let after: { created: Date; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? or(lt(stripeInvoices.stripeCreated, after.created), and(eq(stripeInvoices.stripeCreated, after.created), lt(stripeInvoices.id, after.id)))
      : undefined;
    const rows: { invoice: InvoiceRecord; organizationName: string | null; organizationEmail: string | null }[] = await tx
      .select(listColumns)
      .from(stripeInvoices)
      .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
      .where(and(invoiceListWhere(params, organizationIds), cursor))
      .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toRow);
    const last: InvoiceRecord = rows[rows.length - 1]!.invoice;
    after = { created: last.stripeCreated, id: last.id };
    if (rows.length < batchSize) return;
  }
}

/** Drafts held for review (auto_advance false) across organizations, oldest first: the review queue. */
export async function listHeldDraftsForOperator(params: { limit?: number } = {}, tx: Tx = db): Promise<InvoiceListRow[]> {
  const rows = await tx
    .select(listColumns)
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(and(eq(stripeInvoices.status, 'draft'), eq(stripeInvoices.autoAdvance, false)))
    .orderBy(asc(stripeInvoices.stripeCreated), asc(stripeInvoices.id))
    .limit(Math.min(params.limit ?? 100, 500));
  return rows.map(toRow);
}

/** The customer's latest finalized invoice before this one, with its lines: what a reviewer compares against. */
export async function getPreviousInvoiceForOperator(
  params: { customerId: string; before: Date; excludeId: string },
  tx: Tx = db,
): Promise<{ invoice: InvoiceRecord; lines: InvoiceLineWithCatalog[] } | null> {
  const [invoice] = await tx
    .select()
    .from(stripeInvoices)
    .where(
      and(
        eq(stripeInvoices.customerId, params.customerId),
        ne(stripeInvoices.status, 'draft'),
        ne(stripeInvoices.id, params.excludeId),
        lt(stripeInvoices.stripeCreated, new Date(params.before.getTime() + 1)),
      ),
    )
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(1);
  if (!invoice) return null;
  const lines = await linesWithCatalog(tx, eq(stripeInvoiceLines.invoiceId, invoice.id), false);
  return { invoice, lines };
}

/**
 * How many other invoices with an amount the customer has had (any status; zero-total ones such as a free tier's
 * are not counted): "hold the first N invoices".
 */
export async function countEarlierInvoicesForOperator(params: { customerId: string; excludeId: string }, tx: Tx = db): Promise<number> {
  const [row] = await tx
    .select({ value: count() })
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.customerId, params.customerId), ne(stripeInvoices.id, params.excludeId), ne(stripeInvoices.total, 0)));
  return row?.value ?? 0;
}


/** The organization's open invoices (finalized, not yet paid), the one due first first. */
export async function listOpenInvoices(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<InvoiceRecord[]> {
  return tx
    .select()
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.organizationId, params.organizationId), eq(stripeInvoices.status, 'open')))
    .orderBy(sql`${stripeInvoices.dueDate} asc nulls last`, asc(stripeInvoices.stripeCreated), asc(stripeInvoices.id))
    .limit(Math.min(params.limit ?? 20, 100));
}
