// Invoice lines and invoice items of subscriptions: item, usage and invoice-item lines, pending invoice items, building and storing a subscription invoice.
import Stripe from 'stripe';
import { newId } from '../../core/ids.js';
import type { Full } from '../../core/types.js';
import { invoiceItemsCollection, invoiceStateCollection, invoicesCollection } from '../collections.js';
import { rateIdsOf } from '../tax.js';
import { buildLine, newDraftInvoice, recomputeInvoice, type LineInput } from '../invoice-builder.js';
import type { DiscountInput } from '../discounts.js';
import { type Period, type Recurrence } from '../periods.js';
import { formatMoney } from '../currency.js';
import { usageForPeriod } from '../meter-usage.js';
import { planFromPrice } from './helpers.js';
import type { SubscriptionContext } from './context.js';

export function intervalLabel(ctx: SubscriptionContext, r: Recurrence): string {
  return r.interval_count === 1 ? r.interval : `${r.interval_count} ${r.interval}s`;
}

/** "1 × Team (at $30.00 / month)", as Stripe describes a subscription line. */
export function describeItem(ctx: SubscriptionContext, price: Stripe.Price, quantity: number, currency: string): string {
  const unit = ctx.engine.unitAmount(price, currency, 'price');
  const r = ctx.engine.recurrenceOf(price);
  return `${quantity} × ${ctx.engine.productName(price)} (at ${formatMoney(unit.amount, currency)} / ${intervalLabel(ctx, r)})`;
}

/** A subscription item, or a planned one, as far as its lines need it. */
export interface ItemRef {
  id: string;
  tax_rates?: Stripe.TaxRate[] | null;
}

export function itemLine(
  ctx: SubscriptionContext,
  sub: Stripe.Subscription,
  item: ItemRef,
  price: Stripe.Price,
  quantity: number,
  period: Period,
  overrides: Partial<Pick<LineInput, 'amount' | 'description' | 'proration'>> = {},
): LineInput {
  const unit = ctx.engine.unitAmount(price, sub.currency, 'price');
  const billed = ctx.engine.billedQuantity(price, quantity);
  return {
    amount: overrides.amount ?? unit.amount * billed,
    currency: sub.currency,
    description: overrides.description ?? describeItem(ctx, price, billed, sub.currency),
    discountable: true,
    period,
    price: { id: price.id, product: ctx.engine.productId(price) },
    unitAmountDecimal: unit.decimal ?? String(unit.amount),
    quantity: billed,
    proration: overrides.proration ?? false,
    parent: { type: 'subscription_item_details', subscription: sub.id, subscriptionItem: item.id, invoiceItem: null },
    metadata: {},
    taxRates: rateIdsOf(item.tax_rates),
  };
}

/** Metered usage of an item over a period, billed in arrears. */
export function usageLine(ctx: SubscriptionContext, sub: Stripe.Subscription, item: Stripe.SubscriptionItem, period: Period): LineInput {
  const price = item.price;
  const meterId = price.recurring?.meter;
  const customerId = ctx.engine.customerIdOf(sub);
  const usage = meterId ? usageForPeriod(ctx.engine, meterId, customerId, period) : 0;
  const quantity = ctx.engine.billedQuantity(price, usage);
  const unit = ctx.engine.unitAmount(price, sub.currency, 'price');
  const amount = unit.decimal !== null ? Math.round(Number(unit.decimal) * quantity) : unit.amount * quantity;
  return {
    ...itemLine(ctx, sub, item, price, 1, period),
    amount,
    quantity,
    description: describeItem(ctx, price, quantity, sub.currency),
  };
}

export function invoiceItemLine(ctx: SubscriptionContext, ii: Stripe.InvoiceItem): LineInput {
  const subItem = ii.parent?.subscription_details?.subscription_item;
  const subId = ii.parent?.subscription_details?.subscription ?? null;
  const price = ii.pricing?.price_details;
  return {
    amount: ii.amount,
    currency: ii.currency,
    description: ii.description ?? '',
    discountable: ii.discountable,
    period: ii.period,
    price: price ? { id: typeof price.price === 'string' ? price.price : price.price.id, product: price.product } : null,
    unitAmountDecimal: ii.pricing?.unit_amount_decimal === null || ii.pricing === null ? null : String(ii.pricing.unit_amount_decimal),
    quantity: ii.quantity,
    proration: ii.proration,
    parent:
      subItem && subId
        ? { type: 'subscription_item_details', subscription: subId, subscriptionItem: subItem, invoiceItem: ii.id }
        : { type: 'invoice_item_details', invoiceItem: ii.id, subscription: subId },
    metadata: ii.metadata ?? {},
    taxRates: rateIdsOf(ii.tax_rates),
  };
}

/**
 * The invoice line an invoice item becomes on `invoiceId`. `defaultTaxRates` are the invoice's
 * `default_tax_rates` (ids); by default those of the stored invoice.
 */
export function lineForInvoiceItem(
  ctx: SubscriptionContext,
  invoiceId: string,
  ii: Stripe.InvoiceItem,
  defaultTaxRates: string[] = rateIdsOf(ctx.store.get(invoicesCollection, invoiceId)?.default_tax_rates),
): Stripe.InvoiceLineItem {
  return buildLine(invoiceId, invoiceItemLine(ctx, ii), defaultTaxRates);
}

/** Creates an invoice item (pending, or on `invoice`) and emits invoiceitem.created. */
export function createInvoiceItem(ctx: SubscriptionContext, ii: Stripe.InvoiceItem): Stripe.InvoiceItem {
  ctx.store.insert(invoiceItemsCollection, ii);
  ctx.engine.ports.events.emit('invoiceitem.created', ii);
  return ii;
}

export function newInvoiceItem(ctx: SubscriptionContext, args: {
  customer: string;
  currency: string;
  amount: number;
  description: string;
  period: Period;
  price: Stripe.Price | null;
  quantity: number;
  proration: boolean;
  subscription: string | null;
  subscriptionItem: string | null;
  date: number;
  testClock: string | null;
  invoice?: string | null;
  discountable?: boolean;
  metadata?: Stripe.Metadata;
  unitAmountDecimal?: string | null;
  /** The invoice item's own rates (prorations copy their subscription item's). */
  taxRates?: Stripe.TaxRate[] | null;
}): Stripe.InvoiceItem {
  const item = {
    id: newId('ii'),
    object: 'invoiceitem',
    amount: args.amount,
    currency: args.currency,
    customer: args.customer,
    customer_account: null,
    date: args.date,
    description: args.description,
    discountable: args.discountable ?? true,
    discounts: [],
    invoice: args.invoice ?? null,
    livemode: false,
    metadata: args.metadata ?? {},
    net_amount: args.amount,
    parent: args.subscription
      ? {
          type: 'subscription_details',
          subscription_details: {
            subscription: args.subscription,
            ...(args.subscriptionItem ? { subscription_item: args.subscriptionItem } : {}),
          },
        }
      : null,
    period: { start: args.period.start, end: args.period.end },
    pricing: args.price
      ? {
          type: 'price_details',
          price_details: { price: args.price.id, product: ctx.engine.productId(args.price) },
          unit_amount_decimal: Stripe.Decimal.from(args.unitAmountDecimal ?? String(Math.round(args.amount / Math.max(args.quantity, 1)))),
        }
      : {
          type: 'price_details',
          unit_amount_decimal: Stripe.Decimal.from(args.unitAmountDecimal ?? String(Math.round(args.amount / Math.max(args.quantity, 1)))),
        },
    proration: args.proration,
    proration_details: { credited_items: null, discount_amounts: [] },
    quantity: args.quantity,
    quantity_decimal: Stripe.Decimal.from(args.quantity),
    tax_rates: args.taxRates ?? [],
    test_clock: args.testClock,
  } satisfies Full<Stripe.InvoiceItem, 'deleted' | 'frozen_fields' | 'invoicing_rules'>;
  return item;
}

/**
 * Builds (and optionally stores) a subscription invoice from line inputs plus the customer's pending invoice
 * items. With `store: false` nothing is written: that is the preview path.
 */
export function buildInvoice(
  ctx: SubscriptionContext,
  sub: Stripe.Subscription,
  args: {
    lines: LineInput[];
    pendingItems: Stripe.InvoiceItem[];
    billingReason: Stripe.Invoice.BillingReason;
    created: number;
    period: Period;
    autoAdvance: boolean;
    id?: string;
    prorationDate?: number;
    /** Discounts not stored yet (subscription create and previews); default: the subscription's. */
    discounts?: DiscountInput[];
  },
): Stripe.Invoice {
  const customer = ctx.engine.ports.customers.customer(ctx.engine.customerIdOf(sub), 'customer');
  const discountIds = args.discounts ? args.discounts.map((d) => d.id) : sub.discounts.map((d) => (typeof d === 'string' ? d : d.id));
  const draft = newDraftInvoice({
    id: args.id,
    created: args.created,
    customer,
    currency: sub.currency,
    collectionMethod: sub.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically',
    billingReason: args.billingReason,
    subscription: { id: sub.id, metadata: sub.metadata, prorationDate: args.prorationDate },
    autoAdvance: args.autoAdvance,
    daysUntilDue: sub.days_until_due,
    dueDate: null,
    description: sub.description,
    // Stripe fills these from the subscription's invoice_settings, else the customer's.
    footer: sub.invoice_settings.footer ?? customer.invoice_settings?.footer ?? null,
    customFields: sub.invoice_settings.custom_fields ?? customer.invoice_settings?.custom_fields ?? null,
    metadata: {},
    periodStart: args.period.start,
    periodEnd: args.period.end,
    defaultPaymentMethod: null,
    testClock: ctx.clockOf(sub),
    discounts: discountIds,
    accountName: ctx.engine.options.accountName,
    // Stripe: a subscription's invoices take its default_tax_rates; lines with rates of their own keep those.
    defaultTaxRates: sub.default_tax_rates ?? [],
  });
  const defaults = rateIdsOf(sub.default_tax_rates);
  const lines = [...args.lines, ...args.pendingItems.map((ii) => invoiceItemLine(ctx, ii))].map((l) => buildLine(draft.id, l, defaults));
  const withLines = { ...draft, lines: { ...draft.lines, data: lines } };
  return args.discounts
    ? recomputeInvoice(withLines, args.discounts, 0, ctx.engine.taxRateOf)
    : ctx.engine.recompute(withLines, args.created);
}

/** Stores a built invoice, attaches its pending invoice items, emits invoice.created. */
export function storeInvoice(ctx: SubscriptionContext, sub: Stripe.Subscription, inv: Stripe.Invoice, pendingItems: Stripe.InvoiceItem[]): Stripe.Invoice {
  for (const ii of pendingItems) ctx.store.insert(invoiceItemsCollection, { ...ii, invoice: inv.id });
  ctx.store.insert(invoiceStateCollection, {
    ...ctx.engine.invoiceState(inv.id),
    days_until_due: sub.days_until_due,
  });
  return ctx.invoices.created(inv);
}

export function newItem(
  ctx: SubscriptionContext,
  subId: string,
  price: Stripe.Price,
  quantity: number | undefined,
  metadata: Stripe.Metadata,
  period: Period,
  created: number,
  taxRates: Stripe.TaxRate[] | null = null,
): Stripe.SubscriptionItem {
  return {
    id: newId('si'),
    object: 'subscription_item',
    billed_until: undefined,
    billing_thresholds: null,
    created,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata,
    plan: planFromPrice(price),
    price,
    ...(quantity === undefined ? {} : { quantity }),
    subscription: subId,
    tax_rates: taxRates,
  } satisfies Omit<Full<Stripe.SubscriptionItem, 'deleted'>, 'quantity'> & { quantity?: number };
}
