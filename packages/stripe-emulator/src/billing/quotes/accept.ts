// Accepting an open quote (Stripe: "creates an invoice, subscription or subscription schedule"):
// - a recurring line → a subscription, created by the subscription engine exactly as POST /v1/subscriptions
//   would (recurring lines as items, one-time lines as add_invoice_items on its first invoice, the quote's
//   discounts, tax rates, trial, collection method and days until due, subscription_data's description and
//   metadata). charge_automatically charges the customer's default payment method when there is one
//   (allow_incomplete); without one the subscription is `incomplete` and its first invoice waits to be paid
//   through its PaymentIntent (default_incomplete), as the portal's own subscriptions do. send_invoice: the
//   subscription is active and its first invoice open with its due date;
// - a future subscription_data.effective_date → a subscription schedule that starts the subscription then
//   (./schedules.ts);
// - one-time lines only → an invoice (billing_reason `quote_accept`, parent `quote_details`) created as a
//   **draft** with auto_advance, as Stripe does: it finalizes on its own after the engine's finalize delay
//   (about an hour), or at once through POST /v1/invoices/:id/finalize.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { newId } from '../../core/ids.js';
import { StripeError, invalidRequest } from '../../http/errors.js';
import type { BillingEngine } from '../engine.js';
import { invoiceStateCollection } from '../collections.js';
import { newDraftInvoice } from '../invoice-builder.js';
import { rateIdsOf } from '../tax.js';
import type { CreateSubscriptionInput, DiscountParam } from '../inputs.js';
import { customerIdOfQuote, quoteNow } from './build.js';
import { expireQuote, quoteSpec, retrieveQuote } from './lifecycle.js';
import { quotesCollection, type QuoteSpec, type StoredQuote } from './quote-store.js';

function refuse(quote: StoredQuote): StripeError {
  if (quote.status === 'accepted') return invalidRequest('This quote has already been accepted.', { code: 'quote_status_invalid' });
  if (quote.status === 'draft') {
    return invalidRequest('This quote is a draft: finalize it before it can be accepted.', { code: 'quote_status_invalid' });
  }
  return invalidRequest('This quote has been canceled and can no longer be accepted.', { code: 'quote_status_invalid' });
}

export function acceptQuote(emu: Emulator, engine: BillingEngine, id: string): StoredQuote {
  const quote = retrieveQuote(emu, id, 'id');
  if (quote.status !== 'open') throw refuse(quote);
  const at = quoteNow(emu, quote);
  if (at >= quote.expires_at) {
    // The expiry job has not run yet (wall-clock timer): expire now and keep that, as Stripe would have already.
    expireQuote(emu, id);
    throw new StripeError(400, 'invalid_request_error', 'This quote has expired and can no longer be accepted.', {
      code: 'quote_status_invalid',
      keepChanges: true,
    });
  }
  const customerId = customerIdOfQuote(quote);
  if (!customerId) throw invalidRequest('A quote must have a customer before it can be accepted.', { param: 'customer' });
  const spec = quoteSpec(emu, id);
  const prices = spec.lines.map((l, i) => engine.ports.catalog.price(l.price, `line_items[${i}][price]`));
  const hasRecurring = prices.some((p) => p.type === 'recurring');
  const effective = quote.subscription_data.effective_date;
  let patch: Partial<StoredQuote>;
  if (hasRecurring && effective !== null && effective > at) {
    throw invalidRequest('The emulator does not create subscription schedules yet: accept a quote whose subscription_data[effective_date] is in the future once it is supported.', {
      param: 'subscription_data[effective_date]',
    });
  } else if (hasRecurring) {
    patch = { subscription: engine.subscriptionOps().create(subscriptionInput(engine, quote, spec, customerId, prices)).id };
  } else {
    patch = { invoice: createQuoteInvoice(emu, engine, quote, spec, customerId, at).id };
  }
  emu.scheduler.cancel(`${id}:expire`);
  const accepted = emu.store.insert(quotesCollection, {
    ...quote,
    ...patch,
    status: 'accepted',
    status_transitions: { ...quote.status_transitions, accepted_at: at },
  });
  emu.events.emit('quote.accepted', accepted);
  return accepted;
}

function discountParams(spec: QuoteSpec): DiscountParam[] {
  return spec.discounts.map((d) => ({ ...d }));
}

/** What POST /v1/subscriptions would be sent for this quote. */
export function subscriptionInput(
  engine: BillingEngine,
  quote: StoredQuote,
  spec: QuoteSpec,
  customerId: string,
  prices: Stripe.Price[],
): CreateSubscriptionInput {
  const customer = engine.ports.customers.customer(customerId, 'customer');
  const pm = customer.invoice_settings?.default_payment_method;
  const collection = quote.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically';
  return {
    customer: customerId,
    currency: quote.currency ?? undefined,
    items: spec.lines.flatMap((l, i) =>
      prices[i].type === 'recurring' ? [{ price: l.price, quantity: l.quantity, tax_rates: l.tax_rates ?? undefined }] : [],
    ),
    add_invoice_items: spec.lines.flatMap((l, i) =>
      prices[i].type === 'recurring' ? [] : [{ price: l.price, quantity: l.quantity, tax_rates: l.tax_rates }],
    ),
    collection_method: collection,
    days_until_due: collection === 'send_invoice' ? (quote.invoice_settings.days_until_due ?? 0) : undefined,
    payment_behavior: collection === 'charge_automatically' && !pm ? 'default_incomplete' : 'allow_incomplete',
    description: quote.subscription_data.description ?? undefined,
    metadata: quote.subscription_data.metadata ?? undefined,
    trial_period_days: quote.subscription_data.trial_period_days ?? undefined,
    discounts: discountParams(spec),
    default_tax_rates: quote.default_tax_rates && quote.default_tax_rates.length > 0 ? rateIdsOf(quote.default_tax_rates) : undefined,
  };
}

/** The one-off invoice of a quote without recurring lines: a draft with the quote's lines, discounts and rates. */
function createQuoteInvoice(
  emu: Emulator,
  engine: BillingEngine,
  quote: StoredQuote,
  spec: QuoteSpec,
  customerId: string,
  at: number,
): Stripe.Invoice {
  const customer = engine.ports.customers.customer(customerId, 'customer');
  const currency = quote.currency ?? customer.currency ?? 'usd';
  if (customer.currency && customer.currency !== currency) {
    throw invalidRequest(
      `You cannot combine currencies on a single customer. This customer has an active subscription, subscription schedule, discount, quote, or invoice item with currency ${customer.currency}.`,
      { param: 'currency' },
    );
  }
  const subs = engine.subscriptionOps();
  const invoiceId = newId('in');
  const resolved = engine.resolveDiscountParams(discountParams(spec), currency, customerId, 'discounts');
  const defaultTaxRates = engine.ports.catalog.taxRates(rateIdsOf(quote.default_tax_rates), 'default_tax_rates') ?? [];
  const collection = quote.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically';
  const testClock = engine.testClockOf(customerId);
  const items = spec.lines.map((l, i) => {
    const price = engine.ports.catalog.price(l.price, `line_items[${i}][price]`);
    const unit = engine.unitAmount(price, currency, `line_items[${i}][price]`);
    return subs.newInvoiceItem({
      customer: customerId,
      currency,
      amount: unit.amount * engine.billedQuantity(price, l.quantity),
      description: engine.productName(price),
      period: { start: at, end: at },
      price,
      quantity: l.quantity,
      proration: false,
      subscription: null,
      subscriptionItem: null,
      date: at,
      testClock,
      invoice: invoiceId,
      unitAmountDecimal: unit.decimal ?? String(unit.amount),
      taxRates: engine.ports.catalog.taxRates(l.tax_rates, `line_items[${i}][tax_rates]`),
    });
  });
  // Written from here on.
  if (!customer.currency) engine.ports.customers.updateCustomer(customerId, { currency });
  const discountIds = engine.createDiscounts(resolved, { customer: customerId, subscription: null, invoice: invoiceId, start: at });
  const draft = newDraftInvoice({
    id: invoiceId,
    created: at,
    customer,
    currency,
    collectionMethod: collection,
    billingReason: 'quote_accept',
    subscription: null,
    autoAdvance: true,
    daysUntilDue: quote.invoice_settings.days_until_due,
    dueDate: null,
    description: quote.description,
    footer: customer.invoice_settings?.footer ?? null,
    customFields: customer.invoice_settings?.custom_fields ?? null,
    metadata: {},
    periodStart: at,
    periodEnd: at,
    defaultPaymentMethod: null,
    testClock,
    discounts: discountIds,
    accountName: engine.options.accountName,
    defaultTaxRates,
  });
  for (const ii of items) subs.createInvoiceItem(ii);
  const lines = items.map((ii) => subs.lineForInvoiceItem(invoiceId, ii, rateIdsOf(defaultTaxRates)));
  const withLines = engine.recompute(
    {
      ...draft,
      parent: { type: 'quote_details', quote_details: { quote: quote.id }, subscription_details: null },
      lines: { ...draft.lines, data: lines },
    },
    at,
  );
  emu.store.insert(invoiceStateCollection, { ...engine.invoiceState(invoiceId), days_until_due: quote.invoice_settings.days_until_due });
  return engine.invoiceOps().created(withLines);
}
