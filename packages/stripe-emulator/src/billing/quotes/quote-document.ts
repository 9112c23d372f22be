// The PDF view model of a quote: its stored LineItems and their discount/tax details, summed per discount and
// per rate, with the customer as billed.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import type { QuoteDocument } from '../../pdf/quote-pdf.js';
import type { BillingEngine } from '../engine.js';
import { formatMoney } from '../currency.js';
import { customerIdOfQuote } from './build.js';
import { quoteSpec } from './lifecycle.js';
import { quoteLineDetailsCollection, quoteLineItemsCollection, type StoredQuote } from './quote-store.js';

function every(r: { interval: string; interval_count: number }): string {
  return r.interval_count === 1 ? `per ${r.interval}` : `every ${r.interval_count} ${r.interval}s`;
}

export function quoteDocument(emu: Emulator, engine: BillingEngine, quote: StoredQuote): QuoteDocument {
  const currency = quote.currency ?? 'usd';
  const customerId = customerIdOfQuote(quote);
  const customer: Stripe.Customer | null = customerId ? engine.ports.customers.customer(customerId, 'customer') : null;
  const discounts = new Map<string, { label: string; amount: number }>();
  const taxes = new Map<string, { label: string; amount: number }>();
  const lines = quoteSpec(emu, quote.id).lines.flatMap((spec) => {
    const item = emu.store.get(quoteLineItemsCollection, spec.id);
    if (!item) return [];
    const details = emu.store.get(quoteLineDetailsCollection, spec.id);
    for (const d of details?.discounts ?? []) {
      const coupon = d.discount.source.coupon;
      const name = coupon && typeof coupon !== 'string' ? `${coupon.name ?? coupon.id}${coupon.percent_off !== null ? ` (${coupon.percent_off}% off)` : ''}` : 'Discount';
      const seen = discounts.get(d.discount.id);
      discounts.set(d.discount.id, { label: name, amount: (seen?.amount ?? 0) + d.amount });
    }
    for (const t of details?.taxes ?? []) {
      const label = `${t.rate.display_name} (${t.rate.percentage}%${t.rate.inclusive ? ' incl.' : ''})`;
      const seen = taxes.get(t.rate.id);
      taxes.set(t.rate.id, { label, amount: (seen?.amount ?? 0) + t.amount });
    }
    const recurring = item.price?.recurring ?? null;
    return [
      {
        description: item.description ?? '',
        quantity: item.quantity,
        unitAmount: item.price?.unit_amount ?? null,
        amount: item.amount_subtotal,
        recurring: recurring ? every(recurring) : null,
      },
    ];
  });
  const recurring = quote.computed.recurring;
  return {
    number: quote.number,
    status: quote.status,
    currency,
    createdAt: quote.status_transitions.finalized_at ?? quote.created,
    expiresAt: quote.expires_at,
    header: quote.header,
    description: quote.description,
    footer: quote.footer,
    seller: { name: engine.options.accountName, email: null, addressLines: [] },
    billTo: { name: customer?.name ?? null, email: customer?.email ?? null, addressLines: [] },
    lines,
    subtotal: quote.amount_subtotal,
    discounts: [...discounts.values()].filter((d) => d.amount !== 0),
    taxes: [...taxes.values()],
    total: quote.amount_total,
    upfrontTotal: quote.computed.upfront.amount_total !== quote.amount_total ? quote.computed.upfront.amount_total : null,
    recurringSummary: recurring ? `${formatMoney(recurring.amount_total, currency)} ${every(recurring)}` : null,
  };
}
