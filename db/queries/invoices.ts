// Invoices as a customer sees them, from the Stripe mirror only. Every query names the organization in its
// WHERE clause: another organization's invoice id yields no row, which callers turn into a 404.
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { stripeInvoiceLines, stripeInvoices } from '@/db/schema';

export type InvoiceRecord = typeof stripeInvoices.$inferSelect;
export type InvoiceLineRecord = typeof stripeInvoiceLines.$inferSelect;

/** Drafts are the operators' to review; customers see an invoice from the moment it is finalized. */
const visibleToCustomer = (organizationId: string) =>
  and(eq(stripeInvoices.organizationId, organizationId), ne(stripeInvoices.status, 'draft'));

export const INVOICES_PAGE_SIZE = 25;

export async function listInvoices(
  params: { organizationId: string; page?: number },
  tx: Tx = db,
): Promise<{ invoices: InvoiceRecord[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const [invoices, [counted]] = await Promise.all([
    tx
      .select()
      .from(stripeInvoices)
      .where(visibleToCustomer(params.organizationId))
      .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
      .limit(INVOICES_PAGE_SIZE)
      .offset((page - 1) * INVOICES_PAGE_SIZE),
    tx.select({ value: count() }).from(stripeInvoices).where(visibleToCustomer(params.organizationId)),
  ]);
  return { invoices, total: counted?.value ?? 0, page, pageSize: INVOICES_PAGE_SIZE };
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
