// Builds and recomputes Stripe.Invoice objects. Lines are stored on the invoice; every change to a draft's lines
// or discounts goes through `recomputeInvoice`, so totals, per-line discount amounts and `amount_*` always agree.
import Stripe from 'stripe';
import type { Full } from '../core/types.js';
import { newId } from '../core/ids.js';
import { applyDiscounts, type DiscountInput } from './discounts.js';
import { computeInvoiceTotals } from './totals.js';
import { computeLineTaxes, inclusiveTaxIn, lineTaxRateIds, pendingTaxes, sumTaxesByRate, type TaxRateLookup } from './tax.js';

export type LineParent =
  | {
      type: 'subscription_item_details';
      subscription: string;
      subscriptionItem: string;
      invoiceItem: string | null;
    }
  | { type: 'invoice_item_details'; invoiceItem: string; subscription: string | null };

export interface LineInput {
  amount: number;
  currency: string;
  description: string;
  discountable: boolean;
  period: { start: number; end: number };
  /** Price id and its product id, when the line is priced from the catalogue. */
  price: { id: string; product: string } | null;
  unitAmountDecimal: string | null;
  quantity: number;
  proration: boolean;
  parent: LineParent;
  metadata: Stripe.Metadata;
  /** The line's own tax rate ids (its subscription item's or invoice item's); empty: the invoice's defaults apply. */
  taxRates: string[];
}

/**
 * `defaultTaxRates` are the invoice's `default_tax_rates` ids, used when the line has no rates of its own. The
 * line's `taxes` name the rates that apply; their amounts are filled in by `recomputeInvoice`.
 */
export function buildLine(invoiceId: string | null, input: LineInput, defaultTaxRates: string[] = []): Stripe.InvoiceLineItem {
  const parent: Stripe.InvoiceLineItem.Parent =
    input.parent.type === 'subscription_item_details'
      ? {
          type: 'subscription_item_details',
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: input.parent.invoiceItem,
            proration: input.proration,
            proration_details: { credited_items: null },
            subscription: input.parent.subscription,
            subscription_item: input.parent.subscriptionItem,
          },
        }
      : {
          type: 'invoice_item_details',
          subscription_item_details: null,
          invoice_item_details: {
            invoice_item: input.parent.invoiceItem,
            proration: input.proration,
            proration_details: { credited_items: null },
            subscription: input.parent.subscription,
          },
        };
  const subscription = input.parent.subscription;
  const line = {
    id: newId('il'),
    object: 'line_item',
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    discount_amounts: [],
    discountable: input.discountable,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: input.metadata,
    parent,
    period: { start: input.period.start, end: input.period.end },
    pretax_credit_amounts: [],
    pricing: input.price
      ? {
          type: 'price_details',
          price_details: { price: input.price.id, product: input.price.product },
          unit_amount_decimal: input.unitAmountDecimal === null ? null : Stripe.Decimal.from(input.unitAmountDecimal),
        }
      : null,
    quantity: input.quantity,
    quantity_decimal: Stripe.Decimal.from(input.quantity),
    subscription,
    subtotal: input.amount,
    taxes: pendingTaxes(input.taxRates.length > 0 ? input.taxRates : defaultTaxRates),
  } satisfies Full<Stripe.InvoiceLineItem>;
  return line;
}

export interface NewInvoiceInput {
  id?: string;
  created: number;
  customer: Stripe.Customer;
  currency: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  billingReason: Stripe.Invoice.BillingReason;
  subscription: { id: string; metadata: Stripe.Metadata; prorationDate?: number } | null;
  autoAdvance: boolean;
  daysUntilDue: number | null;
  dueDate: number | null;
  description: string | null;
  footer: string | null;
  customFields: Stripe.Invoice.CustomField[] | null;
  metadata: Stripe.Metadata;
  periodStart: number;
  periodEnd: number;
  defaultPaymentMethod: string | null;
  testClock: string | null;
  /** The invoice's own discounts (ids of Discount objects); subscription discounts are listed by the caller. */
  discounts: string[];
  accountName: string;
  /** `default_tax_rates`: the invoice's own, or for a subscription's invoice the subscription's. */
  defaultTaxRates?: Stripe.TaxRate[];
}

/** A new draft invoice with no lines. */
export function newDraftInvoice(input: NewInvoiceInput): Stripe.Invoice {
  const id = input.id ?? newId('in');
  const c = input.customer;
  const invoice = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: input.accountName,
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_paid_off_stripe: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: input.autoAdvance,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: input.collectionMethod,
    confirmation_secret: null,
    created: input.created,
    currency: input.currency,
    custom_fields: input.customFields,
    customer: c.id,
    customer_account: null,
    customer_address: c.address ?? null,
    customer_email: c.email ?? null,
    customer_name: c.name ?? null,
    customer_phone: c.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: c.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: input.defaultTaxRates ?? [],
    description: input.description,
    discounts: input.discounts,
    due_date: input.dueDate,
    effective_at: null,
    ending_balance: null,
    footer: input.footer,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: input.metadata,
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: input.subscription
      ? {
          type: 'subscription_details',
          quote_details: null,
          subscription_details: {
            metadata: input.subscription.metadata,
            subscription: input.subscription.id,
            ...(input.subscription.prorationDate !== undefined
              ? { subscription_proration_date: input.subscription.prorationDate }
              : {}),
          },
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    payments: { object: 'list', data: [], has_more: false, url: '/v1/invoice_payments' },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: input.testClock,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Full<Stripe.Invoice, 'deleted' | 'status_details' | 'threshold_reason'>;
  return invoice;
}

/** The product id of a line's price, for coupons restricted to products. */
function lineProduct(line: Stripe.InvoiceLineItem): string | null {
  return line.pricing?.price_details?.product ?? null;
}

/**
 * Recomputes discounts, taxes and totals from the lines. `discounts` are the Discount objects in the order they
 * apply; `startingBalance` is the customer balance to apply (only at finalization; drafts show 0 as Stripe does);
 * `taxRateOf` looks up the rates the lines' `taxes` name.
 */
export function recomputeInvoice(
  invoice: Stripe.Invoice,
  discounts: DiscountInput[],
  startingBalance: number,
  taxRateOf: TaxRateLookup,
): Stripe.Invoice {
  const lines = invoice.lines.data;
  const result = applyDiscounts(
    lines.map((l) => ({ amount: l.amount, discountable: l.discountable, product: lineProduct(l) })),
    discounts,
    invoice.currency,
  );
  let subtotalInclusiveTax = 0;
  const newLines = lines.map((l, i) => {
    const rates = lineTaxRateIds(l).map(taxRateOf);
    const discounted = l.amount - result.lines[i].reduce((a, d) => a + d.amount, 0);
    subtotalInclusiveTax += inclusiveTaxIn(l.amount, rates);
    return {
      ...l,
      discount_amounts: result.lines[i],
      discounts: result.lines[i].filter((d) => d.amount !== 0).map((d) => d.discount),
      taxes: computeLineTaxes(discounted, rates),
    };
  });
  const totalTaxes = sumTaxesByRate(newLines);
  const taxOf = (behavior: 'inclusive' | 'exclusive') =>
    totalTaxes.filter((t) => t.tax_behavior === behavior).reduce((a, t) => a + t.amount, 0);
  const totals = computeInvoiceTotals({
    lineAmounts: newLines.map((l) => l.amount),
    discountTotals: result.totals,
    exclusiveTax: taxOf('exclusive'),
    inclusiveTax: taxOf('inclusive'),
    subtotalInclusiveTax,
    startingBalance,
    amountPaid: Math.min(invoice.amount_paid, Math.max(0, newLines.reduce((a, l) => a + l.amount, 0) + taxOf('exclusive'))),
  });
  return {
    ...invoice,
    lines: { ...invoice.lines, data: newLines },
    subtotal: totals.subtotal,
    subtotal_excluding_tax: totals.subtotal_excluding_tax,
    total: totals.total,
    total_excluding_tax: totals.total_excluding_tax,
    total_discount_amounts: totals.total_discount_amounts,
    total_taxes: totalTaxes,
    starting_balance: totals.starting_balance,
    ending_balance: invoice.status === 'draft' ? null : totals.ending_balance,
    amount_due: totals.amount_due,
    amount_paid: totals.amount_paid,
    amount_remaining: totals.amount_remaining,
  };
}
