// Credit notes: amounts credited against a finalized invoice's lines (or a plain amount), with Stripe's two
// cases. On an open invoice (pre-payment) the note lowers `amount_due` / `amount_remaining` (a note that
// brings it to zero pays the invoice). On a paid invoice (post-payment) the total is split into `credit_amount`
// (customer balance), `refund_amount` (a Stripe refund of the card payment) and `out_of_band_amount` (refunded
// outside Stripe); the split must add up to the total. Everything is validated before anything is written.
// Discounts: a line of `type: 'invoice_line_item'` credits the discount share of what it credits: per discount,
// the invoice line's `discount_amounts` scaled by credited amount / line amount (halves up), or, for the credit
// that brings the line's credited total to its full amount, exactly what earlier non-void notes left of each, so
// partial credits add up to the line's discounts. The note's `discount_amounts` sum them per discount.
// Tax: an `invoice_line_item` line takes the tax rates of the invoice line it credits; a `custom_line_item` line
// takes the rates given in its `tax_rates` (each must exist and be active, none twice; `tax_amounts` is not
// supported). `tax_rates` are the full rate objects and `taxes` are computed on what the line credits after its
// discounts (`amount − discount_amount`) with the invoice arithmetic of ../tax.ts (same rounding). The note's
// `total_taxes` sums them per rate. Totals follow the invoice's (../totals.ts): `total` (= `amount`) is Σ line
// amounts − Σ discounts + exclusive tax (inclusive tax is already inside the amounts), and every money check
// (amount remaining, what is left to credit, the credit/refund/out-of-band split, `amount` given with `lines`) is
// on that total. What is left to credit on one invoice line is still counted in line amounts (before discounts;
// pre-tax for exclusive rates). Custom lines and the plain `amount` form carry no discounts; the `amount` form
// carries no tax either.
import Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { defineCollection } from '../../core/store.js';
import { newId } from '../../core/ids.js';
import { applyMetadata } from '../../core/metadata.js';
import { hostedUrl } from '../../core/public-url.js';
import type { Full } from '../../core/types.js';
import { StripeError, invalidRequest, resourceMissing } from '../../http/errors.js';
import { adjustCustomerBalance } from '../../resources/customers.js';
import { createRefund } from '../../payments/refunds.js';
import type { BillingEngine } from '../engine.js';
import { roundMinor } from '../currency.js';
import type { DiscountAmount } from '../discounts.js';
import { computeLineTaxes, inclusiveTaxIn, lineTaxRateIds, sumTaxesByRate } from '../tax.js';
import { computeInvoiceTotals } from '../totals.js';

export const creditNotesCollection = defineCollection<Stripe.CreditNote>('credit_notes');

export type CreditNoteReason = 'duplicate' | 'fraudulent' | 'order_change' | 'product_unsatisfactory';

export interface CreditNoteLineInput {
  type: 'invoice_line_item' | 'custom_line_item';
  invoice_line_item?: string;
  quantity?: number;
  amount?: number;
  unit_amount?: number;
  description?: string;
  metadata?: Record<string, string> | null;
  /** Rate ids for a custom line; `null` (the SDK's `''` for []) means none. */
  tax_rates?: string[] | null;
}

export interface CreditNoteInput {
  invoice: string;
  amount?: number;
  credit_amount?: number;
  refund_amount?: number;
  out_of_band_amount?: number;
  lines?: CreditNoteLineInput[];
  memo?: string;
  metadata?: Record<string, string> | null;
  reason?: CreditNoteReason;
  effective_at?: number;
}

interface Plan {
  note: Stripe.CreditNote;
  invoice: Stripe.Invoice;
  credit: number;
  refund: number;
  outOfBand: number;
}

export function notesOfInvoice(emu: Emulator, invoiceId: string): Stripe.CreditNote[] {
  return emu.store.all(creditNotesCollection).filter((n) => n.invoice === invoiceId);
}

/** What has been credited on one invoice line: its amount and each discount's share. */
interface Credited {
  amount: number;
  discounts: Map<string, number>;
}

function discountIdOf(d: string | Stripe.Discount | Stripe.DeletedDiscount): string {
  return typeof d === 'string' ? d : d.id;
}

/** What issued (non-void) notes already credited on each invoice line. */
function creditedPerLine(emu: Emulator, invoiceId: string): Map<string, Credited> {
  const credited = new Map<string, Credited>();
  for (const note of notesOfInvoice(emu, invoiceId)) {
    if (note.status === 'void') continue;
    for (const l of note.lines.data) {
      if (l.invoice_line_item) addCredited(credited, l.invoice_line_item, l.amount, l.discount_amounts);
    }
  }
  return credited;
}

function addCredited(credited: Map<string, Credited>, lineId: string, amount: number, discounts: Array<{ discount: string | Stripe.Discount | Stripe.DeletedDiscount; amount: number }>): void {
  const seen = credited.get(lineId) ?? { amount: 0, discounts: new Map<string, number>() };
  const next = { amount: seen.amount + amount, discounts: new Map(seen.discounts) };
  for (const d of discounts) {
    const id = discountIdOf(d.discount);
    next.discounts.set(id, (next.discounts.get(id) ?? 0) + d.amount);
  }
  credited.set(lineId, next);
}

/**
 * The discount share of crediting `amount` of `source`: each of its discounts scaled by amount / source amount
 * (halves up), or, when this credit brings the line's credited total to its full amount, exactly what is left of
 * each, so partial credits add up to the line's discounts. Never more than is left of a discount, never below 0.
 */
function creditedDiscounts(source: Stripe.InvoiceLineItem, amount: number, before: Credited): DiscountAmount[] {
  const completes = before.amount + amount === source.amount;
  return (source.discount_amounts ?? []).map((d) => {
    const id = discountIdOf(d.discount);
    const left = d.amount - (before.discounts.get(id) ?? 0);
    const share = completes ? left : Math.min(left, roundMinor((d.amount * amount) / source.amount));
    return { discount: id, amount: Math.max(0, share) };
  });
}

/** The note's `discount_amounts`: its lines' summed per discount (first appearance order). */
function sumDiscounts(lines: Stripe.CreditNoteLineItem[]): DiscountAmount[] {
  const byId = new Map<string, number>();
  for (const l of lines) {
    for (const d of l.discount_amounts) {
      const id = discountIdOf(d.discount);
      byId.set(id, (byId.get(id) ?? 0) + d.amount);
    }
  }
  return [...byId].map(([discount, amount]) => ({ discount, amount }));
}

/**
 * A custom line's `tax_rates`: each must exist (an unknown id in the body is a 400, not the 404 of a missing URL
 * object) and, as for any new object, be active and not repeated. `undefined` or `null` (the SDK's `''`): none.
 */
function customLineRates(engine: BillingEngine, ids: string[] | null | undefined, param: string): Stripe.TaxRate[] {
  if (!ids) return [];
  if (new Set(ids).size !== ids.length) throw invalidRequest('Tax rates must not be repeated.', { param });
  return ids.map((id) => {
    let rate: Stripe.TaxRate;
    try {
      rate = engine.ports.catalog.taxRate(id, param);
    } catch (e) {
      if (e instanceof StripeError && e.extra.code === 'resource_missing') throw invalidRequest(e.message, { code: 'resource_missing', param });
      throw e;
    }
    if (!rate.active) throw invalidRequest(`Tax rate ${id} is not active and cannot be applied.`, { param });
    return rate;
  });
}

function lineItem(fields: {
  amount: number;
  description: string | null;
  quantity: number | null;
  type: 'invoice_line_item' | 'custom_line_item';
  unitAmount: number | null;
  metadata: Stripe.Metadata;
  invoiceLineItem: string | null;
  /** The credited invoice line's rates, or a custom line's own; the tax is on `amount − Σ discounts`. */
  taxRates?: Stripe.TaxRate[];
  /** The credited discount share (invoice lines only). */
  discounts?: DiscountAmount[];
}): Stripe.CreditNoteLineItem {
  const taxRates = fields.taxRates ?? [];
  const discounts = fields.discounts ?? [];
  const discountAmount = discounts.reduce((a, d) => a + d.amount, 0);
  const line = {
    id: newId('cnli'),
    object: 'credit_note_line_item',
    amount: fields.amount,
    description: fields.description,
    discount_amount: discountAmount,
    discount_amounts: discounts,
    livemode: false,
    metadata: fields.metadata,
    pretax_credit_amounts: [],
    quantity: fields.quantity,
    tax_rates: taxRates,
    taxes: computeLineTaxes(fields.amount - discountAmount, taxRates),
    type: fields.type,
    unit_amount: fields.unitAmount,
    unit_amount_decimal: fields.unitAmount === null ? null : Stripe.Decimal.from(String(fields.unitAmount)),
  } satisfies Full<Stripe.CreditNoteLineItem, 'invoice_line_item'>;
  return fields.invoiceLineItem ? { ...line, invoice_line_item: fields.invoiceLineItem } : line;
}

function planLines(emu: Emulator, engine: BillingEngine, inv: Stripe.Invoice, input: CreditNoteInput): Stripe.CreditNoteLineItem[] {
  if (!input.lines || input.lines.length === 0) {
    if (input.amount === undefined) throw invalidRequest('Pass amount or lines to say what the credit note credits.', { param: 'amount' });
    if (input.amount <= 0) throw invalidRequest('amount must be a positive integer.', { param: 'amount' });
    return [lineItem({ amount: input.amount, description: input.memo ?? 'Credit', quantity: 1, type: 'custom_line_item', unitAmount: input.amount, metadata: {}, invoiceLineItem: null })];
  }
  const credited = creditedPerLine(emu, inv.id);
  return input.lines.map((l, i) => {
    const param = `lines[${i}]`;
    if (l.type === 'custom_line_item') {
      if (l.unit_amount === undefined || !l.description) {
        throw invalidRequest('A custom_line_item needs unit_amount and description.', { param: `${param}[unit_amount]` });
      }
      const quantity = l.quantity ?? 1;
      const taxRates = customLineRates(engine, l.tax_rates, `${param}[tax_rates]`);
      return lineItem({ amount: l.unit_amount * quantity, taxRates, description: l.description, quantity, type: 'custom_line_item', unitAmount: l.unit_amount, metadata: applyMetadata({}, l.metadata), invoiceLineItem: null });
    }
    if (l.tax_rates !== undefined) {
      throw invalidRequest('tax_rates is only valid for a line of type custom_line_item; an invoice_line_item line takes the rates of the invoice line it credits.', {
        param: `${param}[tax_rates]`,
      });
    }
    if (!l.invoice_line_item) throw invalidRequest('An invoice_line_item line needs invoice_line_item.', { param: `${param}[invoice_line_item]` });
    const source = inv.lines.data.find((x) => x.id === l.invoice_line_item);
    if (!source) throw invalidRequest(`No such invoice line on ${inv.id}: '${l.invoice_line_item}'`, { param: `${param}[invoice_line_item]` });
    if (l.quantity !== undefined && l.amount !== undefined) {
      throw invalidRequest('Pass quantity or amount for a line, not both.', { param: `${param}[amount]` });
    }
    const quantity = source.quantity ?? 1;
    const unit = quantity > 0 ? Math.round(source.amount / quantity) : source.amount;
    if (l.quantity !== undefined && (l.quantity <= 0 || l.quantity > quantity)) {
      throw invalidRequest(`lines[${i}][quantity] must be between 1 and the invoice line's quantity (${quantity}).`, { param: `${param}[quantity]` });
    }
    const amount = l.amount ?? (l.quantity !== undefined ? unit * l.quantity : source.amount);
    const before = credited.get(source.id) ?? { amount: 0, discounts: new Map<string, number>() };
    const left = source.amount - before.amount;
    if (amount <= 0 || amount > left) {
      throw invalidRequest(`The credit for invoice line ${source.id} (${amount}) must be between 1 and what is left to credit on it (${left}).`, {
        param: `${param}[amount]`,
      });
    }
    const taxRates = lineTaxRateIds(source).map((rate) => engine.ports.catalog.taxRate(rate, `${param}[invoice_line_item]`));
    const discounts = creditedDiscounts(source, amount, before);
    // Later lines of this note crediting the same invoice line see this one.
    addCredited(credited, source.id, amount, discounts);
    return lineItem({
      amount,
      taxRates,
      discounts,
      description: l.description ?? source.description,
      quantity: l.quantity ?? (l.amount === undefined ? quantity : null),
      type: 'invoice_line_item',
      unitAmount: l.amount === undefined ? unit : null,
      metadata: applyMetadata({}, l.metadata),
      invoiceLineItem: source.id,
    });
  });
}

/** Computes the note (not stored) and its money split; throws on anything Stripe would refuse. */
export function planCreditNote(emu: Emulator, engine: BillingEngine, input: CreditNoteInput): Plan {
  const inv = engine.invoice(input.invoice, 'invoice');
  if (inv.status !== 'open' && inv.status !== 'paid') {
    throw invalidRequest(`You can only issue a credit note for an open or paid invoice; this invoice is ${inv.status}.`, {
      code: 'invoice_not_editable',
      param: 'invoice',
    });
  }
  const lines = planLines(emu, engine, inv, input);
  const totalTaxes = sumTaxesByRate(lines);
  const taxOf = (behavior: 'inclusive' | 'exclusive') =>
    totalTaxes.filter((t) => t.tax_behavior === behavior).reduce((a, t) => a + t.amount, 0);
  const discountTotals = sumDiscounts(lines);
  // The invoice arithmetic with no balance or payment: total = Σ amounts − Σ discounts + exclusive tax.
  const totals = computeInvoiceTotals({
    lineAmounts: lines.map((l) => l.amount),
    discountTotals,
    startingBalance: 0,
    amountPaid: 0,
    exclusiveTax: taxOf('exclusive'),
    inclusiveTax: taxOf('inclusive'),
    subtotalInclusiveTax: lines.reduce((a, l) => a + inclusiveTaxIn(l.amount, l.tax_rates), 0),
  });
  const total = totals.total;
  if (input.amount !== undefined && input.lines?.length && input.amount !== total) {
    throw invalidRequest(`amount (${input.amount}) must equal the credit note total, the sum of the lines less their discounts with their exclusive tax (${total}).`, {
      param: 'amount',
    });
  }
  const pre = inv.status === 'open';
  let credit = input.credit_amount ?? 0;
  const refund = input.refund_amount ?? 0;
  const outOfBand = input.out_of_band_amount ?? 0;
  if (pre) {
    if (credit || refund || outOfBand) {
      throw invalidRequest('credit_amount, refund_amount and out_of_band_amount apply to paid invoices; on an open invoice the credit note lowers the amount due.', {
        param: credit ? 'credit_amount' : refund ? 'refund_amount' : 'out_of_band_amount',
      });
    }
    if (total > inv.amount_remaining) {
      throw invalidRequest(`The credit note total (${total}) is more than the invoice's amount remaining (${inv.amount_remaining}).`, {
        code: 'credit_note_amount_too_large',
        param: 'amount',
      });
    }
  } else {
    const creditable = inv.amount_paid - inv.post_payment_credit_notes_amount;
    if (total > creditable) {
      throw invalidRequest(`The credit note total (${total}) is more than is left to credit on this invoice (${creditable}).`, {
        code: 'credit_note_amount_too_large',
        param: 'amount',
      });
    }
    // Nothing said: the whole amount goes to the customer's credit balance.
    if (input.credit_amount === undefined && input.refund_amount === undefined && input.out_of_band_amount === undefined) credit = total;
    if ([credit, refund, outOfBand].some((n) => n < 0) || credit + refund + outOfBand !== total) {
      throw invalidRequest(
        `The sum of credit_amount, refund_amount and out_of_band_amount (${credit + refund + outOfBand}) must equal the credit note total (${total}).`,
        { param: 'credit_amount' },
      );
    }
  }
  const customer = engine.customerIdOf(inv);
  const at = engine.now(customer);
  const count = notesOfInvoice(emu, inv.id).length + 1;
  const id = newId('cn');
  const note = {
    id,
    object: 'credit_note',
    amount: total,
    amount_shipping: 0,
    created: at,
    currency: inv.currency,
    customer,
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: discountTotals.reduce((a, d) => a + d.amount, 0),
    discount_amounts: discountTotals,
    effective_at: input.effective_at ?? at,
    invoice: inv.id,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/credit_notes/${id}/lines` },
    livemode: false,
    memo: input.memo ?? null,
    metadata: applyMetadata({}, input.metadata),
    number: `${inv.number ?? inv.id}-CN-${String(count).padStart(2, '0')}`,
    out_of_band_amount: pre ? null : outOfBand,
    pdf: hostedUrl(`/_emulator/credit_notes/${id}/pdf`),
    post_payment_amount: pre ? 0 : total,
    pre_payment_amount: pre ? total : 0,
    pretax_credit_amounts: [],
    reason: input.reason ?? null,
    refunds: [],
    shipping_cost: null,
    status: 'issued',
    subtotal: totals.subtotal,
    subtotal_excluding_tax: totals.subtotal_excluding_tax,
    total,
    total_excluding_tax: totals.total_excluding_tax,
    total_taxes: totalTaxes,
    type: pre ? 'pre_payment' : 'post_payment',
    voided_at: null,
  } satisfies Full<Stripe.CreditNote>;
  if (refund > 0 && !chargeOf(engine, inv)) {
    throw invalidRequest('This invoice was not paid through Stripe, so there is no card payment to refund: use out_of_band_amount.', {
      param: 'refund_amount',
    });
  }
  return { note, invoice: inv, credit, refund, outOfBand };
}

function chargeOf(engine: BillingEngine, inv: Stripe.Invoice): string | null {
  if ((inv.amount_paid_off_stripe ?? 0) >= inv.amount_paid) return null;
  return engine.invoiceState(inv.id).payment_intent;
}

/** `POST /v1/credit_notes`. */
export function issueCreditNote(emu: Emulator, engine: BillingEngine, input: CreditNoteInput): Stripe.CreditNote {
  const { note, invoice: inv, credit, refund } = planCreditNote(emu, engine, input);
  let issued = note;
  if (refund > 0) {
    // Refund first: it validates what is left to refund on the charge before anything is written.
    const pi = chargeOf(engine, inv) as string;
    const reason = note.reason === 'duplicate' ? 'duplicate' : note.reason === 'fraudulent' ? 'fraudulent' : 'requested_by_customer';
    const r = createRefund(emu, { payment_intent: pi, amount: refund, reason, metadata: { credit_note: note.id } });
    issued = { ...issued, refunds: [{ amount_refunded: refund, payment_record_refund: null, refund: r.id, type: 'refund' }] };
  }
  emu.store.insert(creditNotesCollection, issued);
  const customer = engine.customerIdOf(inv);
  if (credit > 0) adjustCustomerBalance(emu, customer, -credit);
  if (note.type === 'pre_payment') {
    const next: Stripe.Invoice = {
      ...inv,
      amount_due: inv.amount_due - note.total,
      amount_remaining: inv.amount_remaining - note.total,
      pre_payment_credit_notes_amount: inv.pre_payment_credit_notes_amount + note.total,
    };
    engine.saveInvoice(next);
    emu.events.emit('credit_note.created', issued);
    if (next.amount_remaining === 0) engine.invoiceOps().markPaid(inv.id, engine.now(customer), null);
    else engine.invoiceOps().emit('invoice.updated', next, inv);
  } else {
    const next: Stripe.Invoice = { ...inv, post_payment_credit_notes_amount: inv.post_payment_credit_notes_amount + note.total };
    engine.saveInvoice(next);
    emu.events.emit('credit_note.created', issued);
    engine.invoiceOps().emit('invoice.updated', next, inv);
  }
  return issued;
}

export function retrieveCreditNote(emu: Emulator, id: string): Stripe.CreditNote {
  const note = emu.store.get(creditNotesCollection, id);
  if (!note) throw resourceMissing('credit_note', id, 'id');
  return note;
}

/** `POST /v1/credit_notes/:id/void`: undoes the note's effect on the invoice and the customer balance. */
export function voidCreditNote(emu: Emulator, engine: BillingEngine, id: string): Stripe.CreditNote {
  const note = retrieveCreditNote(emu, id);
  if (note.status === 'void') throw invalidRequest('This credit note is already void.', { code: 'credit_note_invalid_state' });
  if (note.refunds.length > 0) {
    throw invalidRequest('A credit note with a refund cannot be voided: the money has already gone back to the customer.', {
      code: 'credit_note_invalid_state',
    });
  }
  const invoiceId = typeof note.invoice === 'string' ? note.invoice : note.invoice.id;
  const inv = engine.invoice(invoiceId);
  if (note.type === 'pre_payment' && inv.status !== 'open') {
    throw invalidRequest(`This credit note lowered an invoice that is now ${inv.status}; it cannot be voided.`, {
      code: 'credit_note_invalid_state',
    });
  }
  const customer = engine.customerIdOf(inv);
  const voided: Stripe.CreditNote = { ...note, status: 'void', voided_at: engine.now(customer) };
  emu.store.insert(creditNotesCollection, voided);
  const next: Stripe.Invoice =
    note.type === 'pre_payment'
      ? {
          ...inv,
          amount_due: inv.amount_due + note.total,
          amount_remaining: inv.amount_remaining + note.total,
          pre_payment_credit_notes_amount: inv.pre_payment_credit_notes_amount - note.total,
        }
      : { ...inv, post_payment_credit_notes_amount: inv.post_payment_credit_notes_amount - note.total };
  engine.saveInvoice(next);
  const credited = note.type === 'post_payment' ? note.total - (note.out_of_band_amount ?? 0) : 0;
  if (credited > 0) adjustCustomerBalance(emu, customer, credited);
  emu.events.emit('credit_note.voided', voided);
  engine.invoiceOps().emit('invoice.updated', next, inv);
  return voided;
}
