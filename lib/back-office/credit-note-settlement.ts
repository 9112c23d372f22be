// Where a credit note's money went, as the credit notes table and the customer's email say it: on an open invoice
// it lowered the amount due; on a paid one it went to the customer's balance, back to the card, or was refunded
// outside Stripe (Stripe's split of the total). Pure.
import type { CreditNoteRecord } from '@/db/queries/invoice-adjustments';
import type { creditNoteSettlements } from './adjustment-options';

/** An open invoice's credit lowers its amount due; a paid invoice's goes where the operator chose. */
export type CreditNoteSettlement = 'amount_due' | (typeof creditNoteSettlements)[number];

export function creditNoteSettlement(note: Pick<CreditNoteRecord, 'type' | 'refundAmount' | 'outOfBandAmount'>): CreditNoteSettlement {
  if (note.type === 'pre_payment') return 'amount_due';
  if (note.refundAmount > 0) return 'refund_to_card';
  if (note.outOfBandAmount > 0) return 'refund_outside_stripe';
  return 'customer_balance';
}
