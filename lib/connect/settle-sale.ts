// When the invoice billing a sale is paid: the sale is marked paid with its charge, and each payee's transfer goes
// out (separate charges and transfers: `source_transaction` = the charge, `transfer_group` = the sale's).
// Called by the invoice.paid webhook, right after an operator charged a saved card, and by the release job;
// idempotent: a transfer row only moves forward (scheduled/pending → sent), and the Stripe call carries a key
// from the sale and the payee, so a replay or a crash between the call and the row update never pays twice.
import 'server-only';
import Stripe from 'stripe';
import { getSaleByInvoiceForOperator, getSaleForOperator, listSaleTransfersForOperator, markSalePaidForOperator, updateTransferForOperator, type ConnectSale, type ConnectTransfer } from '@/db/queries/connect-sales';
import { getPayee } from '@/db/queries/payees';
import { recordAudit } from '@/lib/audit/record-audit';
import { createTransfer } from '@/lib/stripe/create-transfer';
import { reverseSale } from './reduce-sale';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';

export type SettleResult = { saleId: string; sent: number; waiting: number; failed: number } | null;

/** The charge behind a paid invoice's card payment, or null (paid outside Stripe: the transfers draw on the balance). */
export async function chargeOfPaidInvoice(invoiceId: string, stripe?: Stripe): Promise<{ paid: boolean; chargeId: string | null; paidAt: Date | null }> {
  const invoice = await retrieveInvoice(invoiceId, stripe, { expand: ['payments.data.payment.payment_intent'] });
  if (invoice.status !== 'paid') return { paid: false, chargeId: null, paidAt: null };
  const payment = (invoice.payments?.data ?? []).find((p) => p.status === 'paid' && p.payment.type === 'payment_intent');
  const intent = payment?.payment.payment_intent;
  const charge = intent && typeof intent === 'object' ? intent.latest_charge : null;
  const paidAt = invoice.status_transitions?.paid_at;
  return { paid: true, chargeId: typeof charge === 'string' ? charge : (charge?.id ?? null), paidAt: paidAt ? new Date(paidAt * 1000) : new Date() };
}

export async function settleSaleForInvoice(invoiceId: string, options: { stripe?: Stripe } = {}): Promise<SettleResult> {
  const sale = await getSaleByInvoiceForOperator({ invoiceId });
  if (!sale) return null;
  if (sale.status === 'awaiting_payment') {
    const { paid, chargeId, paidAt } = await chargeOfPaidInvoice(invoiceId, options.stripe);
    if (!paid) return { saleId: sale.id, sent: 0, waiting: 0, failed: 0 };
    await markSalePaidForOperator({ saleId: sale.id, chargeId, paidAt: paidAt ?? new Date() });
  }
  return sendSaleTransfers(sale.id, options);
}

/** Every transfer of a paid sale that has not gone out yet: sent when its payee is enabled, else left pending. */
export async function sendSaleTransfers(saleId: string, options: { stripe?: Stripe } = {}): Promise<SettleResult> {
  const sale = await getSaleForOperator({ saleId });
  if (!sale || sale.status === 'awaiting_payment') return null;
  const result = { saleId, sent: 0, waiting: 0, failed: 0 };
  for (const transfer of await listSaleTransfersForOperator({ saleId })) {
    if (transfer.status !== 'scheduled' && transfer.status !== 'pending') continue;
    const outcome = await sendTransfer(sale, transfer, options);
    result[outcome === 'sent' ? 'sent' : outcome === 'failed' ? 'failed' : 'waiting'] += 1;
  }
  // A replayed invoice.paid also mends a reversal a crash left undone after a late transfer (see sendTransfer).
  if (sale.reducedAmount > 0) await reverseSale(sale, options.stripe);
  return result;
}

/** The idempotency key of one payee's transfer for one sale (and the attempt an operator's retry started). */
export function transferKey(transfer: Pick<ConnectTransfer, 'saleId' | 'payeeId' | 'attempt'>): string {
  return `connect-sale:${transfer.saleId}:payee:${transfer.payeeId}:transfer:${transfer.attempt}`;
}

export async function sendTransfer(sale: ConnectSale, transfer: ConnectTransfer, options: { stripe?: Stripe } = {}): Promise<'sent' | 'pending' | 'failed'> {
  const payee = await getPayee({ payeeId: transfer.payeeId });
  if (!payee || payee.status !== 'enabled') {
    await updateTransferForOperator({ transferId: transfer.id, from: ['scheduled'], set: { status: 'pending' } });
    return 'pending';
  }
  // A refunded sale pays nobody: its transfers stay pending (the ledger shows them) and are never sent.
  if (sale.status === 'refunded') return 'pending';
  let stripeTransfer: Stripe.Transfer;
  try {
    stripeTransfer = await createTransfer(
      {
        amount: transfer.amount,
        currency: transfer.currency,
        destination: payee.stripeAccountId,
        sourceTransaction: sale.chargeId,
        transferGroup: sale.transferGroup,
        metadata: { seikyu_sale_id: sale.id, seikyu_payee_id: payee.id, seikyu_role: transfer.role },
        idempotencyKey: transferKey(transfer),
      },
      options.stripe,
    );
  } catch (error) {
    // Stripe refused this transfer (insufficient balance, account not able to receive): recorded for the
    // operators' retry. Anything else (network, Stripe down) is thrown so the webhook or the job runs again.
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripePermissionError) {
      const moved = await updateTransferForOperator({ transferId: transfer.id, from: ['scheduled', 'pending'], set: { status: 'failed', failureMessage: error.message } });
      if (moved) {
        await recordAudit({
          organizationId: sale.organizationId,
          actor: { type: 'system', id: 'connect' },
          action: 'connect_transfer.failed',
          target: { type: 'connect_transfer', id: transfer.id },
          data: { saleId: sale.id, payeeId: payee.id, amount: transfer.amount, currency: transfer.currency, error: error.message, requestId: error.requestId ?? null },
        });
      }
      return 'failed';
    }
    throw error;
  }
  const moved = await updateTransferForOperator({
    transferId: transfer.id,
    from: ['scheduled', 'pending', 'failed'],
    set: { status: 'sent', stripeTransferId: stripeTransfer.id, sentAt: new Date(), failureMessage: null },
  });
  if (moved) {
    await recordAudit({
      organizationId: sale.organizationId,
      actor: { type: 'system', id: 'connect' },
      action: 'connect_transfer.sent',
      target: { type: 'connect_transfer', id: transfer.id },
      data: { saleId: sale.id, payeeId: payee.id, stripeTransferId: stripeTransfer.id, amount: transfer.amount, currency: transfer.currency, transferGroup: sale.transferGroup },
    });
  }
  // Part of the sale was refunded or credited while this payee waited for onboarding: the transfer has just gone out
  // in full and is brought at once to its share of the reduction, like those already out when it came
  // (reduce-sale.ts). Idempotent: each reversal's key names the total it reaches.
  if (sale.reducedAmount > 0) await reverseSale(sale, options.stripe);
  return 'sent';
}
