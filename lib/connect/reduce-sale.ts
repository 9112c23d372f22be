// Refunds and credit notes on a sale's invoice take the payees' shares back in proportion (reversal.ts): after
// ¥3,000 is refunded in full, each ¥1,000 transfer is reversed in full; after ¥1,500, by ¥500 each. The sale's
// reduction is the larger of the charge's refunds and the invoice's credit notes (a credit note refunded to the
// card is both, counted once). Idempotent: each reversal's key names the total it brings the transfer to.
import 'server-only';
import type Stripe from 'stripe';
import { getSaleByChargeForOperator, getSaleByInvoiceForOperator, getSaleForOperator, listSaleTransfersForOperator, raiseSaleReductionForOperator, setTransferReversedForOperator, type ConnectSale } from '@/db/queries/connect-sales';
import { recordAudit } from '@/lib/audit/record-audit';
import { createTransferReversal } from '@/lib/stripe/create-transfer-reversal';
import { retrieveCharge } from '@/lib/stripe/retrieve-charge';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { reversalsDue } from './reversal';

async function reductionOf(sale: ConnectSale, stripe?: Stripe): Promise<number> {
  const refunded = sale.chargeId ? (await retrieveCharge(sale.chargeId, stripe)).amount_refunded : 0;
  const credited = sale.invoiceId ? ((await retrieveInvoice(sale.invoiceId, stripe)).post_payment_credit_notes_amount ?? 0) : 0;
  return Math.max(refunded, credited);
}

export async function reverseSaleForCharge(chargeId: string, stripe?: Stripe): Promise<number> {
  const sale = await getSaleByChargeForOperator({ chargeId });
  return sale ? reverseSale(sale, stripe) : 0;
}

export async function reverseSaleForInvoice(invoiceId: string, stripe?: Stripe): Promise<number> {
  const sale = await getSaleByInvoiceForOperator({ invoiceId });
  return sale ? reverseSale(sale, stripe) : 0;
}

/** Brings every sent transfer's reversal up to the sale's current reduction; returns how many reversals were made. */
export async function reverseSale(found: ConnectSale, stripe?: Stripe): Promise<number> {
  if (found.status === 'awaiting_payment') return 0;
  const billed = found.billedAmount ?? found.amount;
  const reduced = Math.min(await reductionOf(found, stripe), billed);
  await raiseSaleReductionForOperator({ saleId: found.id, reducedAmount: Math.floor((found.amount * reduced) / billed), refunded: reduced >= billed });
  const sale = (await getSaleForOperator({ saleId: found.id }))!;
  const transfers = (await listSaleTransfersForOperator({ saleId: sale.id })).filter((t) => t.stripeTransferId && (t.status === 'sent' || t.status === 'reversed'));
  let made = 0;
  for (const due of reversalsDue(transfers, billed, reduced)) {
    const transfer = transfers.find((t) => t.id === due.id)!;
    const reversal = await createTransferReversal(
      {
        transferId: transfer.stripeTransferId!,
        amount: due.amount,
        metadata: { seikyu_sale_id: sale.id, seikyu_payee_id: transfer.payeeId },
        idempotencyKey: `connect-transfer:${transfer.id}:reverse-to:${due.target}`,
      },
      stripe,
    );
    await setTransferReversedForOperator({ transferId: transfer.id, reversedAmount: due.target, fully: due.target >= transfer.amount });
    await recordAudit({
      organizationId: sale.organizationId,
      actor: { type: 'system', id: 'connect' },
      action: 'connect_transfer.reversed',
      target: { type: 'connect_transfer', id: transfer.id },
      data: { saleId: sale.id, payeeId: transfer.payeeId, reversalId: reversal.id, amount: due.amount, before: { reversedAmount: transfer.reversedAmount }, after: { reversedAmount: due.target } },
    });
    made += 1;
  }
  return made;
}
