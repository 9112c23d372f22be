// Sales split between payees and their transfers. A sale belongs to the organization it bills, but the ledger is
// the platform's: operators read across organizations (`...ForOperator`), the Connect webhook and jobs find a
// sale by its invoice or charge, and a payee reads only the transfers paid to them (`listTransfersForPayee`).
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { catalogText } from '@/db/catalog-text';
import { connectPayees, connectSales, connectTransfers, organizations, stripePrices, stripeProducts } from '@/db/schema';

export type ConnectSale = typeof connectSales.$inferSelect;
export type ConnectTransfer = typeof connectTransfers.$inferSelect;
export type ConnectTransferStatus = ConnectTransfer['status'];
export type TransferWithPayee = ConnectTransfer & { payeeName: string; payeeEmail: string; payeeAccountId: string; payeeStatus: string };
export type SaleLedgerEntry = ConnectSale & { organizationName: string; transfers: TransferWithPayee[]; platformAmount: number };

export async function insertSaleForOperator(
  params: {
    sale: { id: string; organizationId: string; priceId: string; productName: string; currency: string; amount: number; transferGroup: string; createdByUserId: string };
    transfers: { payeeId: string; role: string; amount: number }[];
  },
  tx: Tx = db,
): Promise<ConnectSale> {
  const [sale] = await tx.insert(connectSales).values(params.sale).returning();
  if (params.transfers.length > 0) {
    await tx
      .insert(connectTransfers)
      .values(params.transfers.map((t) => ({ saleId: sale!.id, payeeId: t.payeeId, role: t.role, amount: t.amount, currency: params.sale.currency })));
  }
  return sale!;
}

export async function setSaleInvoiceForOperator(params: { saleId: string; invoiceId: string; billedAmount: number }, tx: Tx = db): Promise<void> {
  await tx.update(connectSales).set({ invoiceId: params.invoiceId, billedAmount: params.billedAmount }).where(eq(connectSales.id, params.saleId));
}

export async function getSaleForOperator(params: { saleId: string }, tx: Tx = db): Promise<ConnectSale | null> {
  const [row] = await tx.select().from(connectSales).where(eq(connectSales.id, params.saleId)).limit(1);
  return row ?? null;
}

export async function getSaleByInvoiceForOperator(params: { invoiceId: string }, tx: Tx = db): Promise<ConnectSale | null> {
  const [row] = await tx.select().from(connectSales).where(eq(connectSales.invoiceId, params.invoiceId)).limit(1);
  return row ?? null;
}

export async function getSaleByChargeForOperator(params: { chargeId: string }, tx: Tx = db): Promise<ConnectSale | null> {
  const [row] = await tx.select().from(connectSales).where(eq(connectSales.chargeId, params.chargeId)).limit(1);
  return row ?? null;
}

/** Only forward: awaiting_payment → paid; the charge is set once. */
export async function markSalePaidForOperator(params: { saleId: string; chargeId: string | null; paidAt: Date }, tx: Tx = db): Promise<void> {
  await tx
    .update(connectSales)
    .set({ status: 'paid', chargeId: sql`coalesce(${connectSales.chargeId}, ${params.chargeId})`, paidAt: sql`coalesce(${connectSales.paidAt}, ${params.paidAt.toISOString()}::timestamptz)` })
    .where(and(eq(connectSales.id, params.saleId), eq(connectSales.status, 'awaiting_payment')));
}

/** Only grows: a late, smaller reading of the refunds never un-reverses anything. */
export async function raiseSaleReductionForOperator(params: { saleId: string; reducedAmount: number; refunded: boolean }, tx: Tx = db): Promise<void> {
  await tx
    .update(connectSales)
    .set({
      reducedAmount: sql`greatest(${connectSales.reducedAmount}, ${params.reducedAmount})`,
      ...(params.refunded ? { status: 'refunded' as const } : {}),
    })
    .where(eq(connectSales.id, params.saleId));
}

export async function listSaleTransfersForOperator(params: { saleId: string }, tx: Tx = db): Promise<TransferWithPayee[]> {
  const rows = await tx
    .select({ transfer: connectTransfers, payee: connectPayees })
    .from(connectTransfers)
    .innerJoin(connectPayees, eq(connectPayees.id, connectTransfers.payeeId))
    .where(eq(connectTransfers.saleId, params.saleId))
    .orderBy(connectTransfers.role, connectTransfers.id);
  return rows.map(withPayee);
}

function withPayee(r: { transfer: ConnectTransfer; payee: typeof connectPayees.$inferSelect }): TransferWithPayee {
  return { ...r.transfer, payeeName: r.payee.name, payeeEmail: r.payee.email, payeeAccountId: r.payee.stripeAccountId, payeeStatus: r.payee.status };
}

export async function getTransferForOperator(params: { transferId: string }, tx: Tx = db): Promise<ConnectTransfer | null> {
  const [row] = await tx.select().from(connectTransfers).where(eq(connectTransfers.id, params.transferId)).limit(1);
  return row ?? null;
}

/** Paid sales' transfers waiting on their payee (all payees, or one). */
export async function listPendingTransfersForOperator(params: { payeeId?: string } = {}, tx: Tx = db): Promise<ConnectTransfer[]> {
  const rows = await tx
    .select({ transfer: connectTransfers })
    .from(connectTransfers)
    .innerJoin(connectPayees, eq(connectPayees.id, connectTransfers.payeeId))
    .where(and(eq(connectTransfers.status, 'pending'), eq(connectPayees.status, 'enabled'), params.payeeId ? eq(connectTransfers.payeeId, params.payeeId) : undefined))
    .orderBy(connectTransfers.createdAt);
  return rows.map((r) => r.transfer);
}

/** Moves a transfer's row; `from` guards the move so two writers cannot undo each other (sent is never left). */
export async function updateTransferForOperator(
  params: {
    transferId: string;
    from: ConnectTransferStatus[];
    set: Partial<Pick<ConnectTransfer, 'status' | 'stripeTransferId' | 'failureMessage' | 'sentAt' | 'attempt'>>;
  },
  tx: Tx = db,
): Promise<ConnectTransfer | null> {
  const [row] = await tx
    .update(connectTransfers)
    .set({ ...params.set, updatedAt: new Date() })
    .where(and(eq(connectTransfers.id, params.transferId), inArray(connectTransfers.status, params.from)))
    .returning();
  return row ?? null;
}

export async function setTransferReversedForOperator(params: { transferId: string; reversedAmount: number; fully: boolean }, tx: Tx = db): Promise<void> {
  await tx
    .update(connectTransfers)
    .set({
      reversedAmount: sql`greatest(${connectTransfers.reversedAmount}, ${params.reversedAmount})`,
      ...(params.fully ? { status: 'reversed' as const } : {}),
      updatedAt: new Date(),
    })
    .where(eq(connectTransfers.id, params.transferId));
}

export type SaleLedgerFilters = { status?: ConnectTransferStatus; payeeId?: string; organizationId?: string; from?: Date; to?: Date; limit?: number };

/**
 * The ledger: newest sales first, each with its transfers and what the platform keeps. With `locale`, each sale's
 * product is named in it (the catalogue's `name_<locale>`, as listTransfersForPayee does); without, by the name
 * the sale recorded (Stripe's, English).
 */
export async function listSalesLedgerForOperator(params: SaleLedgerFilters & { locale?: string }, tx: Tx = db): Promise<SaleLedgerEntry[]> {
  const conditions: (SQL | undefined)[] = [
    params.organizationId ? eq(connectSales.organizationId, params.organizationId) : undefined,
    params.from ? gte(connectSales.createdAt, params.from) : undefined,
    params.to ? lte(connectSales.createdAt, params.to) : undefined,
  ];
  if (params.status || params.payeeId) {
    const matching = tx
      .select({ saleId: connectTransfers.saleId })
      .from(connectTransfers)
      .where(and(params.status ? eq(connectTransfers.status, params.status) : undefined, params.payeeId ? eq(connectTransfers.payeeId, params.payeeId) : undefined));
    conditions.push(inArray(connectSales.id, matching));
  }
  const sales = await tx
    .select({ sale: connectSales, organizationName: organizations.name, productMetadata: stripeProducts.metadata })
    .from(connectSales)
    .innerJoin(organizations, eq(organizations.id, connectSales.organizationId))
    .leftJoin(stripePrices, eq(stripePrices.id, connectSales.priceId))
    .leftJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(and(...conditions))
    .orderBy(desc(connectSales.createdAt), desc(connectSales.id))
    .limit(params.limit ?? 200);
  if (sales.length === 0) return [];
  const transfers = await tx
    .select({ transfer: connectTransfers, payee: connectPayees })
    .from(connectTransfers)
    .innerJoin(connectPayees, eq(connectPayees.id, connectTransfers.payeeId))
    .where(
      inArray(
        connectTransfers.saleId,
        sales.map((s) => s.sale.id),
      ),
    )
    .orderBy(connectTransfers.role, connectTransfers.id);
  return sales.map(({ sale, organizationName, productMetadata }) => {
    const own = transfers.filter((t) => t.transfer.saleId === sale.id).map(withPayee);
    const paidOut = own.reduce((sum, t) => sum + t.amount - t.reversedAmount, 0);
    const productName = params.locale ? (catalogText(productMetadata, 'name', sale.productName, params.locale) ?? sale.productName) : sale.productName;
    return { ...sale, productName, organizationName, transfers: own, platformAmount: sale.amount - sale.reducedAmount - paidOut };
  });
}

/** What one payee was paid: their own transfers only, newest first. */
/**
 * A payee's transfers, each with its sale's product named in `locale`: the catalogue's `name_<locale>` when the
 * mirrored product has one, else the name the sale recorded (Stripe's, English).
 */
export async function listTransfersForPayee(
  params: { payeeId: string; locale: string },
  tx: Tx = db,
): Promise<(ConnectTransfer & { productName: string; saleCreatedAt: Date })[]> {
  const rows = await tx
    .select({
      transfer: connectTransfers,
      productName: connectSales.productName,
      productMetadata: stripeProducts.metadata,
      saleCreatedAt: connectSales.createdAt,
    })
    .from(connectTransfers)
    .innerJoin(connectSales, eq(connectSales.id, connectTransfers.saleId))
    .leftJoin(stripePrices, eq(stripePrices.id, connectSales.priceId))
    .leftJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(eq(connectTransfers.payeeId, params.payeeId))
    .orderBy(desc(connectTransfers.createdAt), desc(connectTransfers.id));
  return rows.map((r) => ({
    ...r.transfer,
    productName: catalogText(r.productMetadata, 'name', r.productName, params.locale) ?? r.productName,
    saleCreatedAt: r.saleCreatedAt,
  }));
}
