import type { DiscountAmount } from './discounts.js';

export interface InvoiceTotalsInput {
  lineAmounts: number[];
  discountTotals: DiscountAmount[];
  /** Customer balance when the invoice is finalized: negative is credit the customer holds, positive is owed. */
  startingBalance: number;
  amountPaid: number;
  /** Σ exclusive tax of the lines (added on top of the total). */
  exclusiveTax?: number;
  /** Σ inclusive tax of the lines after discounts (already inside the line amounts). */
  inclusiveTax?: number;
  /** Σ inclusive tax the lines hold before discounts (what `subtotal_excluding_tax` leaves out). */
  subtotalInclusiveTax?: number;
}

export interface InvoiceTotals {
  subtotal: number;
  subtotal_excluding_tax: number;
  total_discount_amounts: DiscountAmount[];
  total: number;
  total_excluding_tax: number;
  starting_balance: number;
  ending_balance: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
}

/**
 * Invoice arithmetic as Stripe reports it (tax from tax rates, see tax.ts):
 *   subtotal = Σ line amounts (inclusive tax inside);  subtotal_excluding_tax = subtotal − inclusive tax before discounts
 *   total = subtotal − Σ discounts + exclusive tax;  total_excluding_tax = total − every tax
 *   net = total + starting_balance;  amount_due = max(net, 0);  ending_balance = min(net, 0)
 *   amount_remaining = amount_due − amount_paid
 * A credit balance pays part of the invoice; a negative invoice total becomes customer credit.
 */
export function computeInvoiceTotals(input: InvoiceTotalsInput): InvoiceTotals {
  const subtotal = input.lineAmounts.reduce((a, b) => a + b, 0);
  const discount = input.discountTotals.reduce((a, d) => a + d.amount, 0);
  const exclusiveTax = input.exclusiveTax ?? 0;
  const inclusiveTax = input.inclusiveTax ?? 0;
  const total = subtotal - discount + exclusiveTax;
  const net = total + input.startingBalance;
  const amountDue = Math.max(net, 0);
  if (input.amountPaid < 0 || input.amountPaid > amountDue) {
    throw new RangeError(`amount_paid ${input.amountPaid} is outside 0..${amountDue}`);
  }
  return {
    subtotal,
    subtotal_excluding_tax: subtotal - (input.subtotalInclusiveTax ?? 0),
    total_discount_amounts: input.discountTotals,
    total,
    total_excluding_tax: total - exclusiveTax - inclusiveTax,
    starting_balance: input.startingBalance,
    ending_balance: Math.min(net, 0),
    amount_due: amountDue,
    amount_paid: input.amountPaid,
    amount_remaining: amountDue - input.amountPaid,
  };
}
