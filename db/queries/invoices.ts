// Invoices from the Stripe mirror only. Every query names the organization in its WHERE clause (another
// organization's invoice id yields no row, which callers turn into a 404), except `...ForOperator` ones.
import { and, asc, count, desc, eq, inArray, max, min, ne, or } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { organizations, stripeInvoiceLines, stripeInvoices } from '@/db/schema';

export type InvoiceRecord = typeof stripeInvoices.$inferSelect;
export type InvoiceLineRecord = typeof stripeInvoiceLines.$inferSelect;

/** Drafts are the operators' to review; customers see an invoice from the moment it is finalized. */
const visibleToCustomer = (organizationId: string) =>
  and(eq(stripeInvoices.organizationId, organizationId), ne(stripeInvoices.status, 'draft'));

/**
 * The one rule for which invoices a customer's lists show (the invoice list and the overview alike): every
 * finalized invoice except paid invoices of nothing — the free tier's monthly ¥0 / $0 invoice, which asks
 * nothing of anyone. Such an invoice still opens by its address.
 */
export const listedToCustomer = (organizationId: string) =>
  and(visibleToCustomer(organizationId), or(ne(stripeInvoices.total, 0), ne(stripeInvoices.status, 'paid')));

export const INVOICES_PAGE_SIZE = 25;

/** An invoice as its list shows it: the row plus the service period its lines cover. */
export type ListedInvoice = InvoiceRecord & { servicePeriodStart: Date | null; servicePeriodEnd: Date | null };

/**
 * The period an invoice bills for, from its lines (earliest start, latest end). Stripe's own invoice
 * `period_start`/`period_end` describe the previous period and are equal on a subscription's first invoice.
 */
async function servicePeriods(invoiceIds: string[], tx: Tx): Promise<Map<string, { start: Date | null; end: Date | null }>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await tx
    .select({ invoiceId: stripeInvoiceLines.invoiceId, start: min(stripeInvoiceLines.periodStart), end: max(stripeInvoiceLines.periodEnd) })
    .from(stripeInvoiceLines)
    .where(and(inArray(stripeInvoiceLines.invoiceId, invoiceIds), eq(stripeInvoiceLines.proration, false)))
    .groupBy(stripeInvoiceLines.invoiceId);
  return new Map(rows.map((row) => [row.invoiceId, { start: row.start, end: row.end }]));
}

export async function listInvoices(
  params: { organizationId: string; page?: number },
  tx: Tx = db,
): Promise<{ invoices: ListedInvoice[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const [invoices, [counted]] = await Promise.all([
    tx
      .select()
      .from(stripeInvoices)
      .where(listedToCustomer(params.organizationId))
      .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
      .limit(INVOICES_PAGE_SIZE)
      .offset((page - 1) * INVOICES_PAGE_SIZE),
    tx.select({ value: count() }).from(stripeInvoices).where(listedToCustomer(params.organizationId)),
  ]);
  const periods = await servicePeriods(
    invoices.map((invoice) => invoice.id),
    tx,
  );
  const listed = invoices.map((invoice) => {
    const period = periods.get(invoice.id);
    // Lines without a period (one-off items) fall back to the invoice's own.
    return { ...invoice, servicePeriodStart: period?.start ?? invoice.periodStart, servicePeriodEnd: period?.end ?? invoice.periodEnd };
  });
  return { invoices: listed, total: counted?.value ?? 0, page, pageSize: INVOICES_PAGE_SIZE };
}

/** The invoice if it belongs to the organization (and is not a draft), else null. */
export async function getInvoiceForOrganization(
  params: { organizationId: string; invoiceId: string },
  tx: Tx = db,
): Promise<InvoiceRecord | null> {
  const [row] = await tx
    .select()
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.id, params.invoiceId), visibleToCustomer(params.organizationId)))
    .limit(1);
  return row ?? null;
}

/** The invoice with its lines in Stripe's order, scoped by organization; null when it is not theirs. */
export async function getInvoiceWithLines(
  params: { organizationId: string; invoiceId: string },
  tx: Tx = db,
): Promise<{ invoice: InvoiceRecord; lines: InvoiceLineRecord[] } | null> {
  const invoice = await getInvoiceForOrganization(params, tx);
  if (!invoice) return null;
  const lines = await tx
    .select()
    .from(stripeInvoiceLines)
    .where(eq(stripeInvoiceLines.invoiceId, invoice.id))
    .orderBy(asc(stripeInvoiceLines.position), asc(stripeInvoiceLines.id));
  return { invoice, lines };
}

/** The organization's invoices for its operators, drafts included, newest first. */
export async function listInvoicesForOperator(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<InvoiceRecord[]> {
  return tx
    .select()
    .from(stripeInvoices)
    .where(eq(stripeInvoices.organizationId, params.organizationId))
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(Math.min(params.limit ?? 20, 100));
}

/**
 * Any invoice by id with its lines and the organization it belongs to (null when the mirror could not link
 * it), drafts included: crosses organizations on purpose, for operators only. Null when unknown.
 */
export async function getInvoiceForOperator(
  params: { invoiceId: string },
  tx: Tx = db,
): Promise<{ invoice: InvoiceRecord; lines: InvoiceLineRecord[]; organization: { id: string; name: string } | null } | null> {
  const [row] = await tx
    .select({ invoice: stripeInvoices, organizationName: organizations.name })
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(eq(stripeInvoices.id, params.invoiceId))
    .limit(1);
  if (!row) return null;
  const lines = await tx
    .select()
    .from(stripeInvoiceLines)
    .where(eq(stripeInvoiceLines.invoiceId, row.invoice.id))
    .orderBy(asc(stripeInvoiceLines.position), asc(stripeInvoiceLines.id));
  const organization = row.invoice.organizationId && row.organizationName !== null ? { id: row.invoice.organizationId, name: row.organizationName } : null;
  return { invoice: row.invoice, lines, organization };
}
