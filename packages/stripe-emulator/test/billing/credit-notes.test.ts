// Scenarios: credit notes on open invoices (lower the amount due) and paid ones (customer balance, refund to the
// card, refunded outside Stripe), by line and by amount; preview, void, lists and the PDF; refunds of card
// payments; refusals (over-credit, bad split, refund of an off-Stripe payment) change nothing; tax from the
// credited invoice line's tax rates (inclusive JPY, exclusive USD), and none on a credit by amount alone; tax
// rates on custom lines; the discount share of a discounted invoice line, across partial credits and a void.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { extractPdfText } from '../../src/pdf/pdf-text.js';
import { createPlan, customerWithCard, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function subscribe(
  card: string | null,
  quantity = 3,
  opts: { currency?: string; amount?: number; taxRate?: string; coupon?: string } = {},
): Promise<{ invoice: Stripe.Invoice; customer: string }> {
  const { stripe } = emu;
  const price = await createPlan(stripe, { amount: opts.amount ?? 4_000, currency: opts.currency ?? 'jpy', name: 'Seat' });
  const { customer } = await customerWithCard(stripe, card);
  const sub = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: price.id, quantity, ...(opts.taxRate ? { tax_rates: [opts.taxRate] } : {}) }],
    ...(card ? {} : { collection_method: 'send_invoice' as const, days_until_due: 30 }),
    ...(opts.coupon ? { discounts: [{ coupon: opts.coupon }] } : {}),
    expand: ['latest_invoice'],
  });
  const invoice = sub.latest_invoice;
  if (!invoice || typeof invoice === 'string') throw new Error('expected invoice');
  return { invoice, customer: customer.id };
}

describe('[admin] credit notes', () => {
  it('on an open invoice: previews, then credits one seat by line and lowers the amount due; void restores it', async () => {
    const { stripe } = emu;
    const { invoice } = await subscribe(null);
    const line = invoice.lines.data[0]!;
    const preview = await stripe.creditNotes.preview({
      invoice: invoice.id,
      lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 }],
      reason: 'order_change',
    });
    expect(preview.total).toBe(4_000);
    expect(preview.type).toBe('pre_payment');
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);

    const note = await stripe.creditNotes.create({
      invoice: invoice.id,
      lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 }],
      reason: 'order_change',
      memo: 'One seat removed',
    });
    expect(note.number).toBe(`${invoice.number}-CN-01`);
    expect(note.status).toBe('issued');
    expect(note.pre_payment_amount).toBe(4_000);
    const lowered = await stripe.invoices.retrieve(invoice.id);
    expect(lowered.amount_remaining).toBe(8_000);
    expect(lowered.pre_payment_credit_notes_amount).toBe(4_000);
    const lines = await stripe.creditNotes.listLineItems(note.id);
    expect(lines.data.map((l) => [l.invoice_line_item, l.quantity, l.amount])).toEqual([[line.id, 1, 4_000]]);

    const voided = await stripe.creditNotes.voidCreditNote(note.id);
    expect(voided.status).toBe('void');
    expect((await stripe.invoices.retrieve(invoice.id)).amount_remaining).toBe(12_000);
    expect(await eventTypesFor(stripe, note.id, 'credit_note.')).toEqual(['credit_note.created', 'credit_note.voided']);
    expect((await stripeError(stripe.creditNotes.voidCreditNote(note.id))).statusCode).toBe(400);
  });

  it('on a paid card invoice: credits the balance by amount, refunds the card, and refuses over-credit', async () => {
    const { stripe } = emu;
    const { invoice, customer } = await subscribe('pm_card_visa');
    expect(invoice.status).toBe('paid');

    const credit = await stripe.creditNotes.create({ invoice: invoice.id, amount: 2_000, credit_amount: 2_000, reason: 'product_unsatisfactory' });
    expect(credit.type).toBe('post_payment');
    expect((await stripe.customers.retrieve(customer) as Stripe.Customer).balance).toBe(-2_000);

    const refund = await stripe.creditNotes.create({ invoice: invoice.id, amount: 3_000, refund_amount: 3_000, reason: 'duplicate' });
    expect(refund.refunds).toHaveLength(1);
    const refundId = refund.refunds[0]!.refund as string;
    const r = await stripe.refunds.retrieve(refundId);
    expect([r.amount, r.status, r.reason]).toEqual([3_000, 'succeeded', 'duplicate']);
    const charge = await stripe.charges.retrieve(r.charge as string);
    expect(charge.amount_refunded).toBe(3_000);
    expect(charge.refunded).toBe(false);
    expect((await stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(5_000);

    const over = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, amount: 7_001 }));
    expect(over.message).toContain('more than is left to credit');
    const badSplit = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, amount: 1_000, credit_amount: 500 }));
    expect(badSplit.message).toContain('must equal');
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(2);
    expect((await stripeError(stripe.creditNotes.voidCreditNote(refund.id))).message).toContain('refund');

    const pdf = await fetch(credit.pdf);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = extractPdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Credit note');
    expect(text).toContain(credit.number);
  });

  it('on an invoice paid outside Stripe: out_of_band_amount is accepted, refund_amount is refused', async () => {
    const { stripe } = emu;
    const { invoice } = await subscribe(null, 1);
    await stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
    const refused = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, amount: 1_000, refund_amount: 1_000 }));
    expect(refused.param).toBe('refund_amount');
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 1_000, out_of_band_amount: 1_000 });
    expect(note.out_of_band_amount).toBe(1_000);
    const open = await subscribe(null, 1);
    const tooMuch = await stripeError(stripe.creditNotes.create({ invoice: open.invoice.id, amount: 4_001 }));
    expect(tooMuch.code).toBe('credit_note_amount_too_large');
  });
});

/** The text of the PDF the emulator draws for a credit note (its `pdf` URL). */
async function pdfTextOf(note: Stripe.CreditNote): Promise<string> {
  return extractPdfText(Buffer.from(await (await fetch(note.pdf)).arrayBuffer()));
}

/** A note's amounts, named as Stripe names them. */
function totalsOf(note: Stripe.CreditNote) {
  const { amount, subtotal, subtotal_excluding_tax, total, total_excluding_tax, pre_payment_amount } = note;
  return { amount, subtotal, subtotal_excluding_tax, total, total_excluding_tax, pre_payment_amount };
}

function taxesOf(taxes: Array<Stripe.CreditNoteLineItem.Tax | Stripe.CreditNote.TotalTax | Stripe.InvoiceLineItem.Tax> | null) {
  return (taxes ?? []).map((t) => ({ amount: t.amount, behavior: t.tax_behavior, rate: t.tax_rate_details?.tax_rate, taxable: t.taxable_amount }));
}

describe('[admin] credit notes with tax', () => {
  it('inclusive 10 % on JPY: one seat credited by line carries the ¥364 the invoice charges for it; ¥4,000 comes off', async () => {
    const { stripe } = emu;
    const jct = await stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: true, country: 'JP' });
    const { invoice } = await subscribe(null, 3, { taxRate: jct.id });
    const line = invoice.lines.data[0]!;
    expect([invoice.total, invoice.amount_remaining]).toEqual([12_000, 12_000]);
    // What an invoice charges for one seat of ¥4,000 with 10 % inclusive: net ¥3,636, tax ¥364.
    const oneSeat = (await subscribe(null, 1, { taxRate: jct.id })).invoice.lines.data[0]!;
    const seatTax = [{ amount: 364, behavior: 'inclusive', rate: jct.id, taxable: 3_636 }];
    expect(taxesOf(oneSeat.taxes)).toEqual(seatTax);

    const params = { invoice: invoice.id, lines: [{ type: 'invoice_line_item' as const, invoice_line_item: line.id, quantity: 1 }] };
    const preview = await stripe.creditNotes.preview(params);
    expect([preview.total, preview.subtotal_excluding_tax]).toEqual([4_000, 3_636]);
    expect(taxesOf(preview.total_taxes)).toEqual(seatTax);
    const previewLines = await stripe.creditNotes.listPreviewLineItems(params);
    expect(taxesOf(previewLines.data[0]!.taxes)).toEqual(seatTax);

    const note = await stripe.creditNotes.create(params);
    const noteLine = note.lines.data[0]!;
    expect(noteLine.amount).toBe(4_000);
    expect(noteLine.tax_rates.map((r) => [r.object, r.id, r.percentage, r.inclusive])).toEqual([['tax_rate', jct.id, 10, true]]);
    expect(taxesOf(noteLine.taxes)).toEqual(taxesOf(oneSeat.taxes));
    expect(noteLine.taxes?.[0]?.type).toBe('tax_rate_details');
    expect(taxesOf(note.total_taxes)).toEqual(seatTax);
    expect(totalsOf(note)).toEqual({ amount: 4_000, subtotal: 4_000, subtotal_excluding_tax: 3_636, total: 4_000, total_excluding_tax: 3_636, pre_payment_amount: 4_000 });
    const lowered = await stripe.invoices.retrieve(invoice.id);
    expect([lowered.amount_remaining, lowered.pre_payment_credit_notes_amount]).toEqual([8_000, 4_000]);
    expect(taxesOf((await stripe.creditNotes.listLineItems(note.id)).data[0]!.taxes)).toEqual(seatTax);

    const text = await pdfTextOf(note);
    for (const shown of ['Total excluding tax', 'Tax (10% inclusive)', '¥364']) expect(text).toContain(shown);
  });

  it('exclusive 10 % on USD: a $40.00 line credits $44.00; on a paid invoice the split must add up to it', async () => {
    const { stripe } = emu;
    const salesTax = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 10, inclusive: false, country: 'US' });
    const { invoice, customer } = await subscribe('pm_card_visa', 1, { currency: 'usd', amount: 4_000, taxRate: salesTax.id });
    expect([invoice.status, invoice.total, invoice.amount_paid]).toEqual(['paid', 4_400, 4_400]);
    const line = invoice.lines.data[0]!;
    const lines = [{ type: 'invoice_line_item' as const, invoice_line_item: line.id }];

    // The pre-tax amount alone is refused (Stripe's 400) and nothing changes.
    const short = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, credit_amount: 4_000 }));
    expect(short.statusCode).toBe(400);
    expect(short.message).toContain('must equal the credit note total (4400)');
    const wrongAmount = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 4_000, credit_amount: 4_000 }));
    expect(wrongAmount.param).toBe('amount');
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
    expect(((await stripe.customers.retrieve(customer)) as Stripe.Customer).balance).toBe(0);
    expect((await stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(0);

    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 4_400, credit_amount: 4_400 });
    expect(taxesOf(note.lines.data[0]!.taxes)).toEqual([{ amount: 400, behavior: 'exclusive', rate: salesTax.id, taxable: 4_000 }]);
    expect(taxesOf(note.total_taxes)).toEqual([{ amount: 400, behavior: 'exclusive', rate: salesTax.id, taxable: 4_000 }]);
    expect([note.amount, note.subtotal, note.subtotal_excluding_tax, note.total, note.total_excluding_tax]).toEqual([4_400, 4_000, 4_000, 4_400, 4_000]);
    expect([note.type, note.post_payment_amount, note.pre_payment_amount]).toEqual(['post_payment', 4_400, 0]);
    expect(((await stripe.customers.retrieve(customer)) as Stripe.Customer).balance).toBe(-4_400);
    expect((await stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(4_400);
    const more = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, amount: 1 }));
    expect(more.message).toContain('more than is left to credit');
  });

  it('a credit by amount alone carries no tax, even on a taxed invoice', async () => {
    const { stripe } = emu;
    const salesTax = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 10, inclusive: false, country: 'US' });
    const { invoice } = await subscribe(null, 1, { currency: 'usd', amount: 4_000, taxRate: salesTax.id });
    expect(invoice.amount_remaining).toBe(4_400);
    const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 1_000 });
    expect([note.lines.data[0]!.type, note.lines.data[0]!.tax_rates, note.lines.data[0]!.taxes]).toEqual(['custom_line_item', [], []]);
    expect([note.total_taxes, note.subtotal, note.subtotal_excluding_tax, note.total, note.total_excluding_tax]).toEqual([[], 1_000, 1_000, 1_000, 1_000]);
    expect((await stripe.invoices.retrieve(invoice.id)).amount_remaining).toBe(3_400);
    // What is left is the invoice's total with tax (4,400) less the note: one cent more is refused.
    expect((await stripeError(stripe.creditNotes.create({ invoice: invoice.id, amount: 3_401 }))).code).toBe('credit_note_amount_too_large');
  });
});

async function balanceOf(customer: string): Promise<number> {
  return ((await emu.stripe.customers.retrieve(customer)) as Stripe.Customer).balance;
}

function discountsOf(amounts: Array<Stripe.CreditNoteLineItem.DiscountAmount | Stripe.CreditNote.DiscountAmount | Stripe.InvoiceLineItem.DiscountAmount> | null) {
  return (amounts ?? []).map((d) => ({ amount: d.amount, discount: typeof d.discount === 'string' ? d.discount : d.discount.id }));
}

describe('[admin] credit notes with custom lines taxed by rate', () => {
  it('inclusive 10 % on JPY: a ¥1,100 custom line holds ¥100 of tax and credits ¥1,100; tax_rates [] means none', async () => {
    const { stripe } = emu;
    const jct = await stripe.taxRates.create({ display_name: 'JCT', percentage: 10, inclusive: true, country: 'JP' });
    const { invoice } = await subscribe(null, 1);
    expect(invoice.amount_remaining).toBe(4_000);
    const custom = { type: 'custom_line_item' as const, unit_amount: 1_100, description: 'Goodwill credit' };

    const untaxed = await stripe.creditNotes.preview({ invoice: invoice.id, lines: [{ ...custom, tax_rates: [] }] });
    expect([untaxed.total, untaxed.total_taxes, untaxed.lines.data[0]!.tax_rates, untaxed.lines.data[0]!.taxes]).toEqual([1_100, [], [], []]);

    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines: [{ ...custom, tax_rates: [jct.id] }] });
    const line = note.lines.data[0]!;
    expect([line.type, line.amount, line.quantity, line.unit_amount, line.invoice_line_item]).toEqual(['custom_line_item', 1_100, 1, 1_100, undefined]);
    expect(line.tax_rates.map((r) => [r.object, r.id, r.percentage, r.inclusive])).toEqual([['tax_rate', jct.id, 10, true]]);
    const tax = [{ amount: 100, behavior: 'inclusive', rate: jct.id, taxable: 1_000 }];
    expect(taxesOf(line.taxes)).toEqual(tax);
    expect(taxesOf(note.total_taxes)).toEqual(tax);
    expect([note.amount, note.subtotal, note.subtotal_excluding_tax, note.total, note.total_excluding_tax, note.pre_payment_amount]).toEqual([
      1_100, 1_100, 1_000, 1_100, 1_000, 1_100,
    ]);
    const lowered = await stripe.invoices.retrieve(invoice.id);
    expect([lowered.amount_remaining, lowered.pre_payment_credit_notes_amount]).toEqual([2_900, 1_100]);

    const text = await pdfTextOf(note);
    for (const shown of ['Goodwill credit', 'JCT (10% inclusive)', '¥100', '¥1,100']) expect(text).toContain(shown);
  });

  it('exclusive 10 % on USD: a $20.00 custom line credits $22.00 on a paid invoice; a split without the tax changes nothing', async () => {
    const { stripe } = emu;
    const salesTax = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 10, inclusive: false, country: 'US' });
    const { invoice, customer } = await subscribe('pm_card_visa', 1, { currency: 'usd', amount: 4_000 });
    expect([invoice.status, invoice.amount_paid]).toEqual(['paid', 4_000]);
    const lines = [{ type: 'custom_line_item' as const, unit_amount: 2_000, description: 'Setup fee refund', tax_rates: [salesTax.id] }];

    const short = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, credit_amount: 2_000 }));
    expect([short.statusCode, short.type]).toEqual([400, 'StripeInvalidRequestError']);
    expect(short.message).toContain('must equal the credit note total (2200)');
    const split = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, credit_amount: 1_000, out_of_band_amount: 1_000 }));
    expect(split.message).toContain('must equal the credit note total (2200)');
    expect((await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 2_000 }))).param).toBe('amount');
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
    expect(await balanceOf(customer)).toBe(0);
    const untouched = await stripe.invoices.retrieve(invoice.id);
    expect([untouched.status, untouched.amount_paid, untouched.post_payment_credit_notes_amount]).toEqual(['paid', 4_000, 0]);

    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 2_200, credit_amount: 1_200, out_of_band_amount: 1_000 });
    const tax = [{ amount: 200, behavior: 'exclusive', rate: salesTax.id, taxable: 2_000 }];
    expect(taxesOf(note.lines.data[0]!.taxes)).toEqual(tax);
    expect(taxesOf(note.total_taxes)).toEqual(tax);
    expect([note.amount, note.subtotal, note.subtotal_excluding_tax, note.total, note.total_excluding_tax]).toEqual([2_200, 2_000, 2_000, 2_200, 2_000]);
    expect([note.type, note.post_payment_amount, note.out_of_band_amount]).toEqual(['post_payment', 2_200, 1_000]);
    expect(await balanceOf(customer)).toBe(-1_200);
    expect((await stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(2_200);
    // $18.00 is left to credit: $17.00 with its tax ($18.70) is more than that, though $17.00 alone is not.
    const over = await stripeError(
      stripe.creditNotes.create({ invoice: invoice.id, lines: [{ ...lines[0]!, unit_amount: 1_700 }], credit_amount: 1_870 }),
    );
    expect(over.message).toContain('The credit note total (1870) is more than is left to credit on this invoice (1800)');
  });

  it('tax_rates on an invoice_line_item line, or an unknown rate, is refused and nothing is written', async () => {
    const { stripe } = emu;
    const jct = await stripe.taxRates.create({ display_name: 'JCT', percentage: 10, inclusive: true, country: 'JP' });
    const { invoice } = await subscribe(null, 1);
    const line = invoice.lines.data[0]!;

    const onInvoiceLine = await stripeError(
      stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, tax_rates: [jct.id] }] }),
    );
    expect([onInvoiceLine.statusCode, onInvoiceLine.type, onInvoiceLine.param]).toEqual([400, 'StripeInvalidRequestError', 'lines[0][tax_rates]']);
    expect(onInvoiceLine.message).toContain('only valid for a line of type custom_line_item');

    const unknown = await stripeError(
      stripe.creditNotes.create({
        invoice: invoice.id,
        lines: [
          { type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 },
          { type: 'custom_line_item', unit_amount: 100, description: 'Fee', tax_rates: [jct.id, 'txr_missing'] },
        ],
      }),
    );
    expect([unknown.statusCode, unknown.type, unknown.code, unknown.param]).toEqual([400, 'StripeInvalidRequestError', 'resource_missing', 'lines[1][tax_rates]']);
    expect(unknown.message).toContain("No such tax rate: 'txr_missing'");

    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(0);
    const after = await stripe.invoices.retrieve(invoice.id);
    expect([after.status, after.amount_remaining, after.pre_payment_credit_notes_amount]).toEqual(['open', 4_000, 0]);
  });
});

describe('[admin] credit notes on discounted lines', () => {
  async function quarterOff(): Promise<Stripe.Coupon> {
    return emu.stripe.coupons.create({ percent_off: 25, duration: 'forever', name: 'Quarter off' });
  }

  /** A ¥4,000 seat, 10 % consumption tax inclusive, 25 % off: ¥1,000 off, ¥3,000 due, on an open invoice. */
  async function discountedSeat(): Promise<{ invoice: Stripe.Invoice; line: Stripe.InvoiceLineItem; discount: string; jct: Stripe.TaxRate }> {
    const jct = await emu.stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: true, country: 'JP' });
    const { invoice } = await subscribe(null, 1, { taxRate: jct.id, coupon: (await quarterOff()).id });
    const line = invoice.lines.data[0]!;
    const lineDiscounts = discountsOf(line.discount_amounts);
    expect(lineDiscounts.map((d) => d.amount)).toEqual([1_000]);
    expect([invoice.total, invoice.amount_remaining]).toEqual([3_000, 3_000]);
    return { invoice, line, discount: lineDiscounts[0]!.discount, jct };
  }

  it('inclusive 10 % on JPY with 25 % off: crediting the ¥4,000 line credits ¥1,000 of discount, ¥273 of tax, ¥3,000 in all', async () => {
    const { stripe } = emu;
    const { invoice, line, discount, jct } = await discountedSeat();
    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id }] });
    const noteLine = note.lines.data[0]!;
    expect([noteLine.amount, noteLine.discount_amount]).toEqual([4_000, 1_000]);
    expect(discountsOf(noteLine.discount_amounts)).toEqual([{ amount: 1_000, discount }]);
    const tax = [{ amount: 273, behavior: 'inclusive', rate: jct.id, taxable: 2_727 }];
    expect(taxesOf(noteLine.taxes)).toEqual(tax);
    expect(taxesOf(note.total_taxes)).toEqual(tax);
    expect(note.discount_amount).toBe(1_000);
    expect(discountsOf(note.discount_amounts)).toEqual([{ amount: 1_000, discount }]);
    expect(totalsOf(note)).toEqual({ amount: 3_000, subtotal: 4_000, subtotal_excluding_tax: 3_636, total: 3_000, total_excluding_tax: 2_727, pre_payment_amount: 3_000 });
    // The note takes the whole ¥3,000 due, which settles the invoice.
    const settled = await stripe.invoices.retrieve(invoice.id);
    expect([settled.status, settled.amount_remaining, settled.pre_payment_credit_notes_amount]).toEqual(['paid', 0, 3_000]);

    const text = await pdfTextOf(note);
    for (const shown of ['Quarter off (25% off)', '¥1,000', '¥273', '¥3,000']) expect(text).toContain(shown);
  });

  it('exclusive 10 % on USD with $10.00 off a $40.00 line: the credit is $33.00 and the split must add up to it', async () => {
    const { stripe } = emu;
    const salesTax = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 10, inclusive: false, country: 'US' });
    const tenOff = await stripe.coupons.create({ amount_off: 1_000, currency: 'usd', duration: 'once', name: 'Ten off' });
    const { invoice, customer } = await subscribe('pm_card_visa', 1, { currency: 'usd', amount: 4_000, taxRate: salesTax.id, coupon: tenOff.id });
    expect([invoice.status, invoice.total, invoice.amount_paid]).toEqual(['paid', 3_300, 3_300]);
    const lines = [{ type: 'invoice_line_item' as const, invoice_line_item: invoice.lines.data[0]!.id }];

    for (const credit of [4_400, 3_000]) {
      const refused = await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, credit_amount: credit }));
      expect(refused.message).toContain('must equal the credit note total (3300)');
    }
    expect((await stripeError(stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 4_400 }))).param).toBe('amount');
    expect(await balanceOf(customer)).toBe(0);

    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines, amount: 3_300, credit_amount: 3_300 });
    const noteLine = note.lines.data[0]!;
    expect([noteLine.amount, noteLine.discount_amount, note.discount_amount]).toEqual([4_000, 1_000, 1_000]);
    expect(taxesOf(noteLine.taxes)).toEqual([{ amount: 300, behavior: 'exclusive', rate: salesTax.id, taxable: 3_000 }]);
    expect([note.amount, note.subtotal, note.subtotal_excluding_tax, note.total, note.total_excluding_tax]).toEqual([3_300, 4_000, 4_000, 3_300, 3_000]);
    expect(await balanceOf(customer)).toBe(-3_300);
    expect((await stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(3_300);
  });

  it("two partial credits of a discounted line: their discounts add up to the line's ¥1,000 exactly", async () => {
    const { stripe } = emu;
    const { invoice, line, discount, jct } = await discountedSeat();
    const credit = (amount: number) => stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, amount }] });

    // ¥2,002 of ¥4,000 is ¥500.5 of the discount, rounded up to ¥501.
    const first = await credit(2_002);
    expect(discountsOf(first.lines.data[0]!.discount_amounts)).toEqual([{ amount: 501, discount }]);
    expect(taxesOf(first.total_taxes)).toEqual([{ amount: 136, behavior: 'inclusive', rate: jct.id, taxable: 1_365 }]);
    expect([first.discount_amount, first.total]).toEqual([501, 1_501]);
    expect((await stripe.invoices.retrieve(invoice.id)).amount_remaining).toBe(1_499);

    // The rest (¥1,998, ¥499.5 by proportion) takes exactly what is left of the discount: ¥499.
    const rest = await credit(1_998);
    expect(discountsOf(rest.lines.data[0]!.discount_amounts)).toEqual([{ amount: 499, discount }]);
    expect(taxesOf(rest.total_taxes)).toEqual([{ amount: 136, behavior: 'inclusive', rate: jct.id, taxable: 1_363 }]);
    expect([rest.discount_amount, rest.total]).toEqual([499, 1_499]);
    expect(first.discount_amount + rest.discount_amount).toBe(1_000);
    expect(first.total + rest.total).toBe(invoice.total);
    const settled = await stripe.invoices.retrieve(invoice.id);
    expect([settled.status, settled.amount_remaining, settled.pre_payment_credit_notes_amount]).toEqual(['paid', 0, 3_000]);
    expect((await stripeError(credit(1))).message).toContain('what is left to credit on it (0)');
  });

  it('one seat at a time under ¥1,000 off three seats: ¥333, ¥333, then exactly the ¥334 left of the discount', async () => {
    const { stripe } = emu;
    const yenOff = await stripe.coupons.create({ amount_off: 1_000, currency: 'jpy', duration: 'once', name: 'Welcome' });
    const { invoice } = await subscribe(null, 3, { coupon: yenOff.id });
    const line = invoice.lines.data[0]!;
    expect([line.amount, invoice.total]).toEqual([12_000, 11_000]);
    const seat = () => stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, quantity: 1 }] });
    const notes = [await seat(), await seat(), await seat()];
    expect(notes.map((n) => [n.lines.data[0]!.amount, n.discount_amount, n.total])).toEqual([
      [4_000, 333, 3_667],
      [4_000, 333, 3_667],
      [4_000, 334, 3_666],
    ]);
    const settled = await stripe.invoices.retrieve(invoice.id);
    expect([settled.status, settled.amount_remaining, settled.pre_payment_credit_notes_amount]).toEqual(['paid', 0, 11_000]);
  });

  it('voiding a discounted note restores the invoice, and the next credit gets the whole discount again', async () => {
    const { stripe } = emu;
    const { invoice, line, discount } = await discountedSeat();
    const note = await stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id, amount: 1_000 }] });
    expect([note.discount_amount, note.total]).toEqual([250, 750]);
    const lowered = await stripe.invoices.retrieve(invoice.id);
    expect([lowered.amount_due, lowered.amount_remaining, lowered.pre_payment_credit_notes_amount]).toEqual([2_250, 2_250, 750]);

    await stripe.creditNotes.voidCreditNote(note.id);
    const restored = await stripe.invoices.retrieve(invoice.id);
    const shape = (i: Stripe.Invoice) => [i.status, i.total, i.amount_due, i.amount_remaining, i.pre_payment_credit_notes_amount];
    expect(shape(restored)).toEqual(shape(invoice));

    const whole = await stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: 'invoice_line_item', invoice_line_item: line.id }] });
    expect(discountsOf(whole.discount_amounts)).toEqual([{ amount: 1_000, discount }]);
    expect(whole.total).toBe(3_000);
  });
});

describe('[admin] refunds of card payments', () => {
  it('refunds part then the rest of a PaymentIntent, lists them, and refuses more', async () => {
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const pi = await stripe.paymentIntents.create({ amount: 5_000, currency: 'jpy', customer: customer.id, payment_method: 'pm_card_visa', confirm: true });
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 2_000, reason: 'requested_by_customer' });
    expect(first.status).toBe('succeeded');
    const rest = await stripe.refunds.create({ charge: first.charge as string });
    expect(rest.amount).toBe(3_000);
    const charge = await stripe.charges.retrieve(first.charge as string);
    expect([charge.amount_refunded, charge.refunded]).toEqual([5_000, true]);
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.amount)).toEqual([3_000, 2_000]);
    expect((await stripeError(stripe.refunds.create({ payment_intent: pi.id, amount: 1 }))).code).toBe('charge_already_refunded');
    expect(await eventTypesFor(stripe, charge.id, 'charge.refunded')).toEqual(['charge.refunded', 'charge.refunded']);
  });
});
