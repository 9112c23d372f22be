// Validating a quote's inputs and (re)computing a draft: lines (price or price_data, quantity, tax rates),
// quote-level discounts, currency, totals and the stored LineItems. Nothing here changes a quote's status.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { newId } from '../../core/ids.js';
import type { Full } from '../../core/types.js';
import { invalidRequest, parameterMissing } from '../../http/errors.js';
import { createPrice } from '../../resources/prices.js';
import type { BillingEngine } from '../engine.js';
import { discountsCollection } from '../collections.js';
import { computeSet, withFreshIds, type ComputedLine, type PricedLine, type QuoteDiscount } from './compute.js';
import {
  quoteLineDetailsCollection,
  quoteLineItemsCollection,
  quoteSpecsCollection,
  quotesCollection,
  type QuoteLineSpec,
  type QuoteSpec,
  type StoredQuote,
} from './quote-store.js';

export interface QuoteLineInput {
  id?: string;
  price?: string;
  price_data?: {
    currency: string;
    product: string;
    recurring?: { interval: 'day' | 'week' | 'month' | 'year'; interval_count?: number };
    tax_behavior?: 'exclusive' | 'inclusive' | 'unspecified';
    unit_amount?: number;
    unit_amount_decimal?: string;
  };
  quantity?: number;
  tax_rates?: string[] | null;
}

/** The time a quote lives in: its customer's test clock, else its own `test_clock`, else wall time. */
export function quoteNow(emu: Emulator, quote: Pick<StoredQuote, 'customer' | 'test_clock'>): number {
  const customer = typeof quote.customer === 'string' ? quote.customer : (quote.customer?.id ?? null);
  if (customer) return emu.clock.now(customer);
  const clock = typeof quote.test_clock === 'string' ? quote.test_clock : (quote.test_clock?.id ?? null);
  return emu.clock.testClockNow(clock);
}

export function customerIdOfQuote(quote: Pick<StoredQuote, 'customer'>): string | null {
  return typeof quote.customer === 'string' ? quote.customer : (quote.customer?.id ?? null);
}

/**
 * Turns `line_items` params into line specs. `price_data` creates an inline price (inactive, as Stripe's inline
 * prices are) on the given product; a line with an `id` keeps that existing line (its price unless a new one is given).
 */
export function resolveLineInputs(emu: Emulator, inputs: QuoteLineInput[], existing: QuoteLineSpec[]): QuoteLineSpec[] {
  return inputs.map((input, i) => {
    const param = `line_items[${i}]`;
    const kept = input.id ? existing.find((l) => l.id === input.id) : undefined;
    if (input.id && !kept) throw invalidRequest(`The quote has no line item ${input.id}.`, { param: `${param}[id]` });
    if (input.price && input.price_data) {
      throw invalidRequest('You may only specify one of these parameters: price, price_data.', { param });
    }
    let price = input.price ?? kept?.price;
    if (input.price_data) {
      const d = input.price_data;
      price = createPrice(
        emu,
        {
          currency: d.currency,
          product: d.product,
          recurring: d.recurring,
          tax_behavior: d.tax_behavior,
          unit_amount: d.unit_amount,
          unit_amount_decimal: d.unit_amount_decimal,
          active: false,
        },
        (f) => `${param}[price_data][${f}]`,
      ).id;
    }
    if (!price) throw parameterMissing(`${param}[price]`);
    return {
      id: kept?.id ?? newId('li'),
      price,
      quantity: input.quantity ?? kept?.quantity ?? 1,
      tax_rates: input.tax_rates !== undefined ? input.tax_rates : (kept?.tax_rates ?? null),
    };
  });
}

/** Everything about a draft that follows from its lines and discounts, checked (Stripe's errors) before writing. */
export interface DraftPlan {
  currency: string | null;
  lines: PricedLine[];
  upfront: PricedLine[];
  discounts: QuoteDiscount[];
  recurring: Stripe.Price.Recurring | null;
}

export function planDraft(
  emu: Emulator,
  engine: BillingEngine,
  quote: StoredQuote,
  spec: Pick<QuoteSpec, 'lines' | 'discounts'>,
  existingDiscountIds: string[],
): DraftPlan {
  const customerId = customerIdOfQuote(quote);
  const customer = customerId ? engine.ports.customers.customer(customerId, 'customer') : null;
  const prices = spec.lines.map((l, i) => engine.ports.catalog.price(l.price, `line_items[${i}][price]`));
  const currency = (customer?.currency ?? prices[0]?.currency ?? quote.currency ?? null)?.toLowerCase() ?? null;
  const defaults = engine.ports.catalog.taxRates(rateIds(quote.default_tax_rates), 'default_tax_rates') ?? [];
  const recurringPrices = prices.filter((p) => p.type === 'recurring');
  let recurring: Stripe.Price.Recurring | null = null;
  for (const [i, price] of prices.entries()) {
    if (price.recurring?.usage_type === 'metered') {
      throw invalidRequest(`The emulator does not quote metered prices (${price.id}).`, { param: `line_items[${i}][price]` });
    }
    if (!price.recurring) continue;
    if (recurring && (recurring.interval !== price.recurring.interval || recurring.interval_count !== price.recurring.interval_count)) {
      throw invalidRequest('All recurring line items on a quote must have the same billing interval.', { param: `line_items[${i}][price]` });
    }
    recurring ??= price.recurring;
  }
  const trial = (quote.subscription_data.trial_period_days ?? 0) > 0 && recurringPrices.length > 0;
  const lines: PricedLine[] = spec.lines.map((l, i) => {
    const price = prices[i];
    const param = `line_items[${i}][price]`;
    if (!currency) throw new Error('a quote with lines has a currency');
    const unit = engine.unitAmount(price, currency, param).amount;
    const own = engine.ports.catalog.taxRates(l.tax_rates, `line_items[${i}][tax_rates]`);
    return {
      id: l.id,
      price,
      quantity: l.quantity,
      amount: unit * engine.billedQuantity(price, l.quantity),
      description: engine.productName(price),
      product: engine.productId(price),
      rates: own ?? defaults,
    };
  });
  if (!currency && spec.discounts.length > 0) {
    throw invalidRequest('Add a line item before adding discounts to a quote.', { param: 'discounts' });
  }
  const resolved = currency ? engine.resolveDiscountParams(spec.discounts, currency, customerId ?? '', 'discounts') : [];
  const at = quoteNow(emu, quote);
  const discounts = resolved.map((r, i) => {
    const discount =
      (r.existing && emu.store.get(discountsCollection, r.existing)) ||
      ({
        id: existingDiscountIds[i] ?? newId('di'),
        object: 'discount',
        checkout_session: null,
        customer: customerId,
        customer_account: null,
        end: null,
        invoice: null,
        invoice_item: null,
        promotion_code: r.promotionCode,
        source: { coupon: r.coupon, type: 'coupon' },
        start: at,
        subscription: null,
        subscription_item: null,
      } satisfies Full<Stripe.Discount, 'deleted'>);
    return { discount, terms: engine.couponTerms(r.coupon) };
  });
  const upfront = withFreshIds(lines.map((l) => (trial && l.price.type === 'recurring' ? { ...l, amount: 0 } : l)));
  return { currency, lines, upfront, discounts, recurring };
}

function rateIds(rates: Array<string | Stripe.TaxRate> | undefined): string[] | null {
  if (!rates || rates.length === 0) return null;
  return rates.map((r) => (typeof r === 'string' ? r : r.id));
}

function storeLines(emu: Emulator, lines: ComputedLine[]): void {
  for (const { item, details } of lines) {
    emu.store.insert(quoteLineItemsCollection, item);
    emu.store.insert(quoteLineDetailsCollection, details);
  }
}

function dropLines(emu: Emulator, ids: string[]): void {
  for (const id of ids) {
    emu.store.delete(quoteLineItemsCollection, id);
    emu.store.delete(quoteLineDetailsCollection, id);
  }
}

/**
 * Writes a draft: its discounts (Discount objects, not redeemed: the subscription or invoice made on acceptance
 * redeems its own), its LineItems and its amounts. Returns the quote as stored.
 */
export function writeDraft(emu: Emulator, quote: StoredQuote, spec: Omit<QuoteSpec, 'upfront_line_items'>, plan: DraftPlan): StoredQuote {
  const previous = emu.store.get(quoteSpecsCollection, quote.id);
  if (previous) {
    dropLines(emu, [...previous.lines.map((l) => l.id), ...previous.upfront_line_items]);
  }
  const keptDiscounts = new Set(plan.discounts.map((d) => d.discount.id));
  for (const id of quote.discounts.map((d) => (typeof d === 'string' ? d : d.id))) {
    const d = emu.store.get(discountsCollection, id);
    if (d && !keptDiscounts.has(id) && d.subscription === null && d.invoice === null) emu.store.delete(discountsCollection, id);
  }
  for (const d of plan.discounts) emu.store.insert(discountsCollection, d.discount);
  const all = computeSet(plan.lines, plan.discounts, plan.currency ?? 'usd');
  const upfront = computeSet(plan.upfront, plan.discounts, plan.currency ?? 'usd');
  const recurringLines = plan.lines.filter((l) => l.price.type === 'recurring');
  const recurring = plan.recurring
    ? computeSet(
        withFreshIds(recurringLines),
        plan.discounts.filter((d) => d.terms.duration === 'forever'),
        plan.currency ?? 'usd',
      )
    : null;
  storeLines(emu, all.lines);
  storeLines(emu, upfront.lines);
  emu.store.insert(quoteSpecsCollection, { ...spec, upfront_line_items: upfront.lines.map((l) => l.item.id) });
  const stored: StoredQuote = {
    ...quote,
    currency: plan.currency,
    discounts: plan.discounts.map((d) => d.discount.id),
    amount_subtotal: all.amount_subtotal,
    amount_total: all.amount_total,
    total_details: all.total_details,
    computed: {
      recurring:
        recurring && plan.recurring
          ? {
              amount_subtotal: recurring.amount_subtotal,
              amount_total: recurring.amount_total,
              interval: plan.recurring.interval,
              interval_count: plan.recurring.interval_count,
              total_details: recurring.total_details,
            }
          : null,
      upfront: { amount_subtotal: upfront.amount_subtotal, amount_total: upfront.amount_total, total_details: upfront.total_details },
    },
  };
  return emu.store.insert(quotesCollection, stored);
}
