// Invoice items: /v1/invoiceitems create, retrieve, update, delete, list. A pending item (no invoice) waits for
// the customer's next invoice; an item created on a draft invoice becomes one of its lines at once.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { invoiceItemsCollection } from '../billing/collections.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { presentInvoiceForEvent } from '../billing/invoice-ops.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/errors.js';

const periodParams = p.object({ start: p.required(p.timestamp()), end: p.required(p.timestamp()) });

const writable = {
  amount: p.integer(),
  description: p.string({ maxLength: 5000 }),
  discountable: p.boolean(),
  metadata: p.metadata(),
  period: periodParams,
  pricing: p.object({ price: p.string() }),
  quantity: p.integer({ min: 0 }),
  unit_amount_decimal: p.decimal(),
  discounts: p.unsupported(),
  price_data: p.unsupported(),
  tax_behavior: p.unsupported(),
  tax_code: p.unsupported(),
  tax_rates: p.emptyable(p.array(p.string())),
  quantity_decimal: p.unsupported(),
} as const;

export function registerInvoiceItems(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  const item = (id: string): Stripe.InvoiceItem => {
    const found = store.get(invoiceItemsCollection, id);
    if (!found) throw resourceMissing('invoiceitem', id, 'id');
    return found;
  };

  const previousPrice = (ii: Stripe.InvoiceItem): Stripe.Price | null => {
    const ref = ii.pricing?.price_details?.price;
    if (!ref) return null;
    return typeof ref === 'string' ? engine.ports.catalog.price(ref, 'price') : ref;
  };

  /** Rebuilds the draft invoice's lines after one of its items was added, changed or removed. */
  const syncDraft = (invoiceId: string, change: { upsert?: Stripe.InvoiceItem; remove?: string }): void => {
    const inv = engine.invoice(invoiceId);
    const lines = inv.lines.data.filter((l) => {
      const ref = l.parent?.invoice_item_details?.invoice_item ?? l.parent?.subscription_item_details?.invoice_item ?? null;
      return ref !== change.remove && ref !== change.upsert?.id;
    });
    if (change.upsert) {
      const existing = inv.lines.data.findIndex(
        (l) => (l.parent?.invoice_item_details?.invoice_item ?? l.parent?.subscription_item_details?.invoice_item) === change.upsert?.id,
      );
      const line = engine.subscriptionOps().lineForInvoiceItem(inv.id, change.upsert);
      if (existing >= 0) lines.splice(Math.min(existing, lines.length), 0, line);
      else lines.push(line);
    }
    const next = engine.saveInvoice(engine.recompute({ ...inv, lines: { ...inv.lines, data: lines } }, engine.now(engine.customerIdOf(inv))));
    // The draft's lines and totals changed: tell webhook listeners (a draft-review screen re-reads it).
    const before = presentInvoiceForEvent(inv);
    const after = presentInvoiceForEvent(next);
    emu.events.emit('invoice.updated', after, { previousAttributes: diffAttributes(before, after) });
  };

  const requireDraft = (invoiceId: string, customerId: string): Stripe.Invoice => {
    const inv = engine.invoice(invoiceId, 'invoice');
    if (engine.customerIdOf(inv) !== customerId) {
      throw invalidRequest('The invoice belongs to another customer.', { param: 'invoice' });
    }
    if (inv.status !== 'draft') {
      throw invalidRequest(`You can only add invoice items to draft invoices; this invoice is ${inv.status}.`, {
        code: 'invoice_not_editable',
        param: 'invoice',
      });
    }
    return inv;
  };

  router.api(
    'POST',
    '/v1/invoiceitems',
    { ...writable, customer: p.required(p.string()), currency: p.string(), invoice: p.string(), subscription: p.string(), customer_account: p.unsupported() },
    ({ params }) => {
      const customer = engine.ports.customers.customer(params.customer, 'customer');
      const at = engine.now(customer.id);
      const priceId = params.pricing?.price;
      const price = priceId ? engine.ports.catalog.price(priceId, 'pricing[price]') : null;
      if (price && params.amount !== undefined) {
        throw invalidRequest('You may only specify one of these parameters: amount, pricing[price].', { param: 'amount' });
      }
      if (!price && params.amount === undefined && params.unit_amount_decimal === undefined) throw parameterMissing('amount');
      const currency = (params.currency ?? (price ? (customer.currency ?? price.currency) : customer.currency) ?? '').toLowerCase();
      if (!currency) throw parameterMissing('currency');
      if (customer.currency && customer.currency !== currency) {
        throw invalidRequest(
          `You cannot combine currencies on a single customer. This customer has had a subscription or payment in ${customer.currency}, but you are trying to pay in ${currency}.`,
          { param: 'currency' },
        );
      }
      const quantity = params.quantity ?? 1;
      let unit: number;
      let decimal: string | null = params.unit_amount_decimal ?? null;
      if (price) {
        const u = engine.unitAmount(price, currency, 'pricing[price]');
        unit = u.amount;
        decimal = u.decimal;
      } else if (params.amount !== undefined) {
        unit = quantity > 0 ? params.amount / quantity : params.amount;
      } else {
        unit = Number(decimal);
      }
      const amount = params.amount ?? Math.round(unit * quantity);
      if (params.invoice) requireDraft(params.invoice, customer.id);
      let subscriptionId: string | null = null;
      if (params.subscription) {
        const sub = engine.subscription(params.subscription, 'subscription');
        if (engine.customerIdOf(sub) !== customer.id) throw invalidRequest('The subscription belongs to another customer.', { param: 'subscription' });
        subscriptionId = sub.id;
      }
      if (params.period && params.period.end < params.period.start) {
        throw invalidRequest('period[end] must be on or after period[start].', { param: 'period[end]' });
      }
      const taxRates = engine.ports.catalog.taxRates(params.tax_rates, 'tax_rates');
      if (!customer.currency) engine.ports.customers.updateCustomer(customer.id, { currency });
      const ii = engine.subscriptionOps().newInvoiceItem({
        customer: customer.id,
        currency,
        amount,
        description: params.description ?? (price ? engine.productName(price) : 'Invoice item'),
        period: params.period ?? { start: at, end: at },
        price,
        quantity,
        proration: false,
        subscription: subscriptionId,
        subscriptionItem: null,
        date: at,
        testClock: engine.testClockOf(customer.id),
        invoice: params.invoice ?? null,
        discountable: params.discountable ?? true,
        metadata: applyMetadata({}, params.metadata),
        unitAmountDecimal: decimal ?? String(Number.isInteger(unit) ? unit : unit.toFixed(12).replace(/0+$/, '')),
        taxRates,
      });
      engine.subscriptionOps().createInvoiceItem(ii);
      if (params.invoice) syncDraft(params.invoice, { upsert: ii });
      return ii;
    },
  );

  router.api('GET', '/v1/invoiceitems/:id', {}, ({ path }) => item(path.id));

  router.api('POST', '/v1/invoiceitems/:id', { ...writable, invoicing_rules: p.unsupported() }, ({ params, path }) => {
    const before = item(path.id);
    const invoiceId = typeof before.invoice === 'string' ? before.invoice : (before.invoice?.id ?? null);
    if (invoiceId) requireDraft(invoiceId, engine.customerIdOf(before));
    const priceId = params.pricing?.price;
    const price = priceId ? engine.ports.catalog.price(priceId, 'pricing[price]') : null;
    const quantity = params.quantity ?? before.quantity;
    let amount = before.amount;
    let unitDecimal = before.pricing?.unit_amount_decimal == null ? null : String(before.pricing.unit_amount_decimal);
    if (price) {
      const u = engine.unitAmount(price, before.currency, 'pricing[price]');
      amount = u.amount * quantity;
      unitDecimal = u.decimal ?? String(u.amount);
    } else if (params.amount !== undefined) {
      amount = params.amount;
      unitDecimal = String(quantity > 0 ? params.amount / quantity : params.amount);
    } else if (params.quantity !== undefined && unitDecimal !== null) {
      amount = Math.round(Number(unitDecimal) * quantity);
    }
    const rebuilt = engine.subscriptionOps().newInvoiceItem({
      customer: engine.customerIdOf(before),
      currency: before.currency,
      amount,
      description: params.description ?? before.description ?? '',
      period: params.period ?? before.period,
      price: price ?? previousPrice(before),
      quantity,
      proration: before.proration,
      subscription: before.parent?.subscription_details?.subscription ?? null,
      subscriptionItem: before.parent?.subscription_details?.subscription_item ?? null,
      date: before.date,
      testClock: typeof before.test_clock === 'string' ? before.test_clock : (before.test_clock?.id ?? null),
      invoice: invoiceId,
      discountable: params.discountable ?? before.discountable,
      metadata: applyMetadata(before.metadata ?? {}, params.metadata),
      unitAmountDecimal: unitDecimal,
      taxRates: params.tax_rates === undefined ? before.tax_rates : engine.ports.catalog.taxRates(params.tax_rates, 'tax_rates'),
    });
    const after: Stripe.InvoiceItem = { ...rebuilt, id: before.id };
    store.insert(invoiceItemsCollection, after);
    if (invoiceId) syncDraft(invoiceId, { upsert: after });
    // Stripe has no invoiceitem.updated event in this API version.
    return after;
  });

  router.api('DELETE', '/v1/invoiceitems/:id', {}, ({ path }) => {
    const ii = item(path.id);
    const invoiceId = typeof ii.invoice === 'string' ? ii.invoice : (ii.invoice?.id ?? null);
    if (invoiceId) requireDraft(invoiceId, engine.customerIdOf(ii));
    store.delete(invoiceItemsCollection, ii.id);
    if (invoiceId) syncDraft(invoiceId, { remove: ii.id });
    emu.events.emit('invoiceitem.deleted', ii);
    const deleted: Stripe.DeletedInvoiceItem = { id: ii.id, object: 'invoiceitem', deleted: true };
    return deleted;
  });

  router.api(
    'GET',
    '/v1/invoiceitems',
    { ...listParams, customer: p.string(), invoice: p.string(), pending: p.boolean(), created: p.range(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(invoiceItemsCollection, (ii) => {
          if (params.customer && engine.customerIdOf(ii) !== params.customer) return false;
          const inv = typeof ii.invoice === 'string' ? ii.invoice : (ii.invoice?.id ?? null);
          if (params.invoice && inv !== params.invoice) return false;
          if (params.pending !== undefined && (inv === null) !== params.pending) return false;
          return matchesRange(ii.date, params.created);
        }),
        params,
        urlPath,
      ),
  );
}
