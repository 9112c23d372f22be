import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapInvoice } from './map-invoice';

function line(overrides: Partial<Stripe.InvoiceLineItem>): Stripe.InvoiceLineItem {
  return {
    id: 'il_1',
    object: 'line_item',
    amount: 6000,
    currency: 'jpy',
    description: '5 × Team (at ¥1,200 / month)',
    quantity: 5,
    period: { start: 1_700_000_000, end: 1_702_592_000 },
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: null, subscription: 'sub_1', subscription_item: 'si_1' },
    },
    pricing: { type: 'price_details', price_details: { price: 'price_team', product: 'prod_team' }, unit_amount_decimal: '1200' },
    ...overrides,
  } as Stripe.InvoiceLineItem;
}

function invoice(overrides: Partial<Stripe.Invoice>, lines: Stripe.InvoiceLineItem[] = [line({})]): Stripe.Invoice {
  return {
    id: 'in_1',
    object: 'invoice',
    customer: 'cus_1',
    number: 'ABC-0001',
    status: 'paid',
    collection_method: 'charge_automatically',
    billing_reason: 'subscription_cycle',
    currency: 'jpy',
    subtotal: 6000,
    total: 6000,
    amount_due: 6000,
    amount_paid: 6000,
    amount_remaining: 0,
    auto_advance: false,
    period_start: 1_697_000_000,
    period_end: 1_700_000_000,
    due_date: null,
    created: 1_700_000_000,
    status_transitions: { finalized_at: 1_700_003_600, paid_at: 1_700_003_700, marked_uncollectible_at: null, voided_at: null },
    hosted_invoice_url: 'http://stripe.test/i/in_1',
    invoice_pdf: 'http://stripe.test/i/in_1/pdf',
    metadata: null,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: null, subscription: 'sub_1' },
    },
    lines: { object: 'list', has_more: false, url: '/v1/invoices/in_1/lines', data: lines },
    ...overrides,
  } as Stripe.Invoice;
}

describe('mapInvoice', () => {
  it('finds the subscription under parent.subscription_details (this API version has no invoice.subscription)', () => {
    expect(mapInvoice(invoice({}), null).invoice.subscriptionId).toBe('sub_1');
    expect(mapInvoice(invoice({ parent: null }), null).invoice.subscriptionId).toBeNull();
  });

  it('keeps JPY amounts as whole yen and the paid and finalized times', () => {
    const { invoice: row } = mapInvoice(invoice({}), 'org_1');
    expect(row).toMatchObject({ total: 6000, amountPaid: 6000, amountRemaining: 0, currency: 'jpy', status: 'paid', organizationId: 'org_1' });
    expect(row.paidAt).toEqual(new Date(1_700_003_700_000));
    expect(row.finalizedAt).toEqual(new Date(1_700_003_600_000));
    expect(row.metadata).toEqual({});
  });

  it('maps lines in Stripe order with their price and proration flag', () => {
    const proration = line({
      id: 'il_2',
      amount: -3000,
      parent: {
        type: 'invoice_item_details',
        subscription_item_details: null,
        invoice_item_details: { invoice_item: 'ii_1', proration: true, proration_details: null, subscription: 'sub_1' },
      },
    });
    const { lines } = mapInvoice(invoice({}, [line({}), proration]), null);
    expect(lines.map((l) => [l.id, l.position, l.amount, l.priceId, l.proration])).toEqual([
      ['il_1', 0, 6000, 'price_team', false],
      ['il_2', 1, -3000, 'price_team', true],
    ]);
    expect(lines[0]!.periodEnd).toEqual(new Date(1_702_592_000_000));
  });

  it('uses the full line list it is given rather than the first embedded page', () => {
    const inv = invoice({});
    inv.lines.has_more = true;
    const all = [line({}), line({ id: 'il_11' })];
    const mapped = mapInvoice(inv, null, all);
    expect(mapped.lines).toHaveLength(2);
    expect((mapped.invoice.data as Stripe.Invoice).lines.has_more).toBe(false);
  });

  it('refuses an invoice without a customer or a status', () => {
    expect(() => mapInvoice(invoice({ customer: null }), null)).toThrow(/no customer/);
    expect(() => mapInvoice(invoice({ status: null }), null)).toThrow(/no status/);
  });
});
