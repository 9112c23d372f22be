// Invoices: /v1/invoices create (draft), retrieve, update, delete (draft), list, lines, finalize, pay, send,
// void, mark_uncollectible, create_preview. The hosted page, PDF and receipt are in invoice-documents.ts.
// Over ~400 lines on purpose: it is only params and thin handlers for the twelve invoice endpoints, whose shapes
// (create, update, create_preview) are long lists of Stripe params; the logic they call lives in billing/.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { invoiceItemsCollection, invoicesCollection, invoiceStateCollection } from '../billing/collections.js';
import { newDraftInvoice, recomputeInvoice } from '../billing/invoice-builder.js';
import { lineTaxRateIds, pendingTaxes, rateIdsOf } from '../billing/tax.js';
import { presentInvoiceForEvent } from '../billing/invoice-ops.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { newId } from '../core/ids.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/errors.js';
import { discountParams, subscriptionItemsParams } from './subscriptions.js';
import type { UpdateSubscriptionInput } from '../billing/inputs.js';

const STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
const COLLECTION = ['charge_automatically', 'send_invoice'] as const;
const customFieldParams = p.emptyable(
  p.array(p.object({ name: p.required(p.string({ maxLength: 40 })), value: p.required(p.string({ maxLength: 140 })) }), { maxLength: 4 }),
);

const createShape = {
  customer: p.required(p.string()),
  auto_advance: p.boolean(),
  collection_method: p.enumOf(COLLECTION),
  currency: p.string(),
  custom_fields: customFieldParams,
  days_until_due: p.integer({ min: 0, max: 730 }),
  due_date: p.timestamp(),
  default_payment_method: p.string(),
  description: p.string({ maxLength: 1500 }),
  discounts: p.emptyable(discountParams),
  footer: p.string({ maxLength: 5000 }),
  metadata: p.metadata(),
  pending_invoice_items_behavior: p.enumOf(['exclude', 'include'] as const),
  subscription: p.string(),
  automatic_tax: p.object({ enabled: p.required(p.boolean()) }),
  account_tax_ids: p.unsupported(),
  application_fee_amount: p.unsupported(),
  default_tax_rates: p.emptyable(p.array(p.string())),
  from_invoice: p.unsupported(),
  issuer: p.unsupported(),
  on_behalf_of: p.unsupported(),
  payment_settings: p.unsupported(),
  rendering: p.unsupported(),
  shipping_cost: p.unsupported(),
  shipping_details: p.unsupported(),
  statement_descriptor: p.unsupported(),
  transfer_data: p.unsupported(),
  automatically_finalizes_at: p.unsupported(),
  customer_account: p.unsupported(),
  default_source: p.unsupported(),
  effective_at: p.unsupported(),
  number: p.unsupported(),
} as const;

const updateShape = {
  auto_advance: p.boolean(),
  collection_method: p.enumOf(COLLECTION),
  custom_fields: customFieldParams,
  days_until_due: p.integer({ min: 0, max: 730 }),
  due_date: p.timestamp(),
  default_payment_method: p.emptyable(p.string()),
  description: p.emptyable(p.string({ maxLength: 1500 })),
  discounts: p.emptyable(discountParams),
  footer: p.emptyable(p.string({ maxLength: 5000 })),
  metadata: p.metadata(),
  automatic_tax: p.object({ enabled: p.required(p.boolean()) }),
  account_tax_ids: p.unsupported(),
  default_tax_rates: p.emptyable(p.array(p.string())),
  rendering: p.unsupported(),
  statement_descriptor: p.unsupported(),
  application_fee_amount: p.unsupported(),
  automatically_finalizes_at: p.unsupported(),
  default_source: p.unsupported(),
  effective_at: p.unsupported(),
  issuer: p.unsupported(),
  number: p.unsupported(),
  on_behalf_of: p.unsupported(),
  payment_settings: p.unsupported(),
  shipping_cost: p.unsupported(),
  shipping_details: p.unsupported(),
  transfer_data: p.unsupported(),
} as const;

const previewShape = {
  customer: p.string(),
  subscription: p.string(),
  currency: p.string(),
  discounts: p.emptyable(discountParams),
  subscription_details: p.object({
    items: subscriptionItemsParams,
    proration_behavior: p.enumOf(['create_prorations', 'always_invoice', 'none'] as const),
    proration_date: p.timestamp(),
    cancel_at_period_end: p.boolean(),
    cancel_at: p.emptyable(p.timestamp()),
    trial_end: p.timestampOrNow(),
    billing_cycle_anchor: p.object({ type: p.required(p.enumOf(['now', 'timestamp', 'unchanged'] as const)), timestamp: p.timestamp() }),
    cancel_now: p.boolean(),
    default_tax_rates: p.emptyable(p.array(p.string())),
    resume_at: p.unsupported(),
    start_date: p.unsupported(),
  }),
  automatic_tax: p.object({ enabled: p.required(p.boolean()) }),
  customer_details: p.unsupported(),
  invoice_items: p.unsupported(),
  issuer: p.unsupported(),
  on_behalf_of: p.unsupported(),
  preview_mode: p.enumOf(['next', 'recurring'] as const),
  schedule: p.unsupported(),
  schedule_details: p.unsupported(),
} as const;

/**
 * New `default_tax_rates` on a draft: lines that had the old defaults (no rates of their own) take the new ones;
 * lines with their own rates keep them. Amounts are filled in by the recompute that follows.
 */
function withDefaultTaxRates(invoice: Stripe.Invoice, rates: Stripe.TaxRate[]): Stripe.Invoice {
  const oldIds = rateIdsOf(invoice.default_tax_rates).join(',');
  const newIds = rateIdsOf(rates);
  const data = invoice.lines.data.map((l) => (lineTaxRateIds(l).join(',') === oldIds ? { ...l, taxes: pendingTaxes(newIds) } : l));
  return { ...invoice, default_tax_rates: rates, lines: { ...invoice.lines, data } };
}

function refuseAutomaticTax(flag: { enabled: boolean } | undefined): void {
  if (flag?.enabled) {
    throw invalidRequest('The Stripe emulator does not calculate tax: automatic_tax[enabled] must be false.', {
      param: 'automatic_tax[enabled]',
    });
  }
}

export function registerInvoices(emu: Emulator): void {
  const engine = billingOf(emu);
  const ops = () => engine.invoiceOps();
  const { router, store } = emu;
  const present = (inv: Stripe.Invoice): Stripe.Invoice => presentInvoiceForEvent(inv);

  router.api('POST', '/v1/invoices', createShape, ({ params }) => {
    refuseAutomaticTax(params.automatic_tax);
    const customer = engine.ports.customers.customer(params.customer, 'customer');
    const collection = params.collection_method ?? 'charge_automatically';
    if (collection === 'send_invoice' && params.days_until_due === undefined && params.due_date === undefined) {
      throw invalidRequest('Invoices with collection_method=send_invoice need days_until_due or due_date.', { param: 'days_until_due' });
    }
    if (collection === 'charge_automatically' && (params.days_until_due !== undefined || params.due_date !== undefined)) {
      throw invalidRequest('days_until_due and due_date can only be set when collection_method=send_invoice.', { param: 'days_until_due' });
    }
    if (params.default_payment_method && !engine.ports.payments.retrievePaymentMethod(params.default_payment_method)) {
      throw resourceMissing('PaymentMethod', params.default_payment_method, 'default_payment_method');
    }
    let subscription: Stripe.Subscription | null = null;
    if (params.subscription) {
      subscription = engine.subscription(params.subscription, 'subscription');
      if (engine.customerIdOf(subscription) !== customer.id) {
        throw invalidRequest('The subscription belongs to another customer.', { param: 'subscription' });
      }
    }
    const at = engine.now(customer.id);
    const currency = (params.currency ?? subscription?.currency ?? customer.currency ?? 'usd').toLowerCase();
    if (params.due_date !== undefined && params.due_date <= at) {
      throw invalidRequest('due_date must be in the future.', { param: 'due_date' });
    }
    const resolved = engine.resolveDiscountParams(params.discounts ?? [], currency, customer.id, 'discounts');
    const include = (params.pending_invoice_items_behavior ?? 'exclude') === 'include';
    const pending = include
      ? engine.pendingInvoiceItems(customer.id, subscription?.id ?? 'any').filter((ii) => ii.currency === currency)
      : [];
    const defaultTaxRates = engine.ports.catalog.taxRates(params.default_tax_rates, 'default_tax_rates') ?? [];
    const id = newId('in');
    const discountIds = engine.createDiscounts(resolved, { customer: customer.id, subscription: null, invoice: id, start: at });
    let draft = newDraftInvoice({
      id,
      created: at,
      customer,
      currency,
      collectionMethod: collection,
      billingReason: 'manual',
      subscription: subscription ? { id: subscription.id, metadata: subscription.metadata } : null,
      autoAdvance: params.auto_advance ?? false,
      daysUntilDue: params.days_until_due ?? null,
      dueDate: params.due_date ?? null,
      description: params.description ?? null,
      footer: params.footer ?? customer.invoice_settings?.footer ?? null,
      customFields: params.custom_fields ?? customer.invoice_settings?.custom_fields ?? null,
      metadata: applyMetadata({}, params.metadata),
      periodStart: at,
      periodEnd: at,
      defaultPaymentMethod: params.default_payment_method ?? null,
      testClock: engine.testClockOf(customer.id),
      discounts: discountIds,
      accountName: engine.options.accountName,
      defaultTaxRates,
    });
    const lines = pending.map((ii) => engine.subscriptionOps().lineForInvoiceItem(id, ii, rateIdsOf(defaultTaxRates)));
    draft = engine.recompute({ ...draft, lines: { ...draft.lines, data: lines } }, at);
    for (const ii of pending) store.insert(invoiceItemsCollection, { ...ii, invoice: id });
    store.insert(invoiceStateCollection, { ...engine.invoiceState(id), days_until_due: params.days_until_due ?? null });
    return present(ops().created(draft));
  });

  router.api('GET', '/v1/invoices/:id', {}, ({ path }) => present(engine.invoice(path.id, 'id')));

  router.api('POST', '/v1/invoices/:id', updateShape, ({ params, path }) => {
    refuseAutomaticTax(params.automatic_tax);
    const before = engine.invoice(path.id, 'id');
    const draftOnly = ['collection_method', 'days_until_due', 'due_date', 'discounts', 'default_tax_rates'] as const;
    if (before.status !== 'draft') {
      const bad = draftOnly.find((k) => params[k] !== undefined);
      if (bad) {
        throw invalidRequest(`You can only update ${bad} on a draft invoice; this invoice is ${before.status}.`, {
          code: 'invoice_not_editable',
          param: bad,
        });
      }
      if (before.status === 'void' || before.status === 'paid') {
        const other = Object.keys(params).find((k) => k !== 'metadata' && k !== 'description' && k !== 'footer');
        if (other) {
          throw invalidRequest(`This invoice is ${before.status}; only metadata, description and footer can change.`, {
            code: 'invoice_not_editable',
            param: other,
          });
        }
      }
    }
    const customerId = engine.customerIdOf(before);
    const at = engine.now(customerId);
    const collection = params.collection_method ?? (before.collection_method === 'send_invoice' ? 'send_invoice' : 'charge_automatically');
    if (collection === 'charge_automatically' && (params.days_until_due !== undefined || params.due_date !== undefined)) {
      throw invalidRequest('days_until_due and due_date can only be set when collection_method=send_invoice.', { param: 'days_until_due' });
    }
    if (params.default_payment_method && !engine.ports.payments.retrievePaymentMethod(params.default_payment_method)) {
      throw resourceMissing('PaymentMethod', params.default_payment_method, 'default_payment_method');
    }
    const resolved = params.discounts
      ? engine.resolveDiscountParams(params.discounts, before.currency, customerId, 'discounts', undefined, {
          invoice: before.id,
          subscription: engine.subscriptionOfInvoice(before),
        })
      : null;
    const newDefaultRates =
      params.default_tax_rates === undefined ? undefined : (engine.ports.catalog.taxRates(params.default_tax_rates, 'default_tax_rates') ?? []);
    let next: Stripe.Invoice = {
      ...before,
      auto_advance: params.auto_advance ?? before.auto_advance,
      collection_method: collection,
      custom_fields: params.custom_fields === undefined ? before.custom_fields : params.custom_fields,
      default_payment_method: params.default_payment_method === undefined ? before.default_payment_method : params.default_payment_method,
      description: params.description === undefined ? before.description : params.description,
      due_date: params.due_date ?? (collection === 'charge_automatically' ? null : before.due_date),
      footer: params.footer === undefined ? before.footer : params.footer,
      metadata: applyMetadata(before.metadata ?? {}, params.metadata),
    };
    if (params.days_until_due !== undefined) {
      store.insert(invoiceStateCollection, { ...engine.invoiceState(before.id), days_until_due: params.days_until_due });
    }
    if (resolved) {
      next = { ...next, discounts: engine.createDiscounts(resolved, { customer: customerId, subscription: null, invoice: before.id, start: at }) };
    } else if (params.discounts === null) {
      next = { ...next, discounts: [] };
    }
    if (newDefaultRates !== undefined) next = withDefaultTaxRates(next, newDefaultRates);
    if (next.status === 'draft') {
      next = engine.recompute(next, at);
      if (params.auto_advance !== undefined) {
        next = {
          ...next,
          automatically_finalizes_at: next.auto_advance ? (before.automatically_finalizes_at ?? at + engine.options.finalizeDelaySeconds) : null,
        };
      }
    }
    engine.saveInvoice(next);
    if (params.auto_advance !== undefined) ops().scheduleFinalize(next);
    emu.events.emit('invoice.updated', present(next), { previousAttributes: diffAttributes(present(before), present(next)) });
    return present(next);
  });

  router.api('DELETE', '/v1/invoices/:id', {}, ({ path }) => {
    const inv = engine.invoice(path.id, 'id');
    if (inv.status !== 'draft') {
      throw invalidRequest(`You can only delete draft invoices. This invoice is ${inv.status}; void it instead.`, {
        code: 'invoice_not_editable',
      });
    }
    for (const ii of store.all(invoiceItemsCollection)) {
      if (ii.invoice === inv.id) store.insert(invoiceItemsCollection, { ...ii, invoice: null });
    }
    emu.scheduler.cancel(`${inv.id}:finalize`);
    store.delete(invoicesCollection, inv.id);
    emu.events.emit('invoice.deleted', present(inv));
    const deleted: Stripe.DeletedInvoice = { id: inv.id, object: 'invoice', deleted: true };
    return deleted;
  });

  router.api(
    'GET',
    '/v1/invoices',
    {
      ...listParams,
      customer: p.string(),
      status: p.enumOf(STATUSES),
      subscription: p.string(),
      collection_method: p.enumOf(COLLECTION),
      created: p.range(),
      due_date: p.range(),
      customer_account: p.unsupported(),
    },
    ({ params, urlPath }) => {
      const items = store.newestFirst(invoicesCollection, (inv) => {
        if (params.customer && engine.customerIdOf(inv) !== params.customer) return false;
        if (params.status && inv.status !== params.status) return false;
        if (params.subscription && engine.subscriptionOfInvoice(inv) !== params.subscription) return false;
        if (params.collection_method && inv.collection_method !== params.collection_method) return false;
        if (!matchesRange(inv.created, params.created)) return false;
        if (params.due_date !== undefined && (inv.due_date === null || !matchesRange(inv.due_date, params.due_date))) return false;
        return true;
      });
      const page = paginate(items, params, urlPath);
      return { ...page, data: page.data.map(present) };
    },
  );

  router.api('GET', '/v1/invoices/:id/lines', { ...listParams }, ({ params, path, urlPath }) => {
    const inv = engine.invoice(path.id, 'id');
    // Lines are listed in invoice order (Stripe does not reverse them).
    const lines = inv.lines.data;
    const limit = params.limit ?? 10;
    let start = 0;
    if (params.starting_after) {
      const i = lines.findIndex((l) => l.id === params.starting_after);
      if (i === -1) throw resourceMissing('line item', params.starting_after, 'starting_after');
      start = i + 1;
    }
    let end = lines.length;
    if (params.ending_before) {
      const i = lines.findIndex((l) => l.id === params.ending_before);
      if (i === -1) throw resourceMissing('line item', params.ending_before, 'ending_before');
      end = i;
      start = Math.max(0, end - limit);
    }
    const data = lines.slice(start, Math.min(end, start + limit));
    const list: Stripe.ApiList<Stripe.InvoiceLineItem> = {
      object: 'list',
      data,
      has_more: params.ending_before ? start > 0 : start + limit < end,
      url: urlPath,
    };
    return list;
  });

  router.api('POST', '/v1/invoices/:id/finalize', { auto_advance: p.boolean() }, ({ params, path }) =>
    present(ops().finalize(engine.invoice(path.id, 'id').id, { autoAdvance: params.auto_advance, scheduleAttempt: params.auto_advance ?? engine.invoice(path.id).auto_advance })),
  );

  router.api(
    'POST',
    '/v1/invoices/:id/pay',
    {
      payment_method: p.string(),
      paid_out_of_band: p.boolean(),
      off_session: p.boolean(),
      forgive: p.boolean(),
      source: p.unsupported(),
      mandate: p.unsupported(),
    },
    ({ params, path }) => present(ops().pay(engine.invoice(path.id, 'id').id, params)),
  );

  router.api('POST', '/v1/invoices/:id/send', {}, ({ path }) => present(ops().send(engine.invoice(path.id, 'id').id)));
  router.api('POST', '/v1/invoices/:id/void', {}, ({ path }) => present(ops().void(engine.invoice(path.id, 'id').id)));
  router.api('POST', '/v1/invoices/:id/mark_uncollectible', {}, ({ path }) =>
    present(ops().markUncollectible(engine.invoice(path.id, 'id').id)),
  );

  router.api('POST', '/v1/invoices/create_preview', previewShape, ({ params }) => {
    refuseAutomaticTax(params.automatic_tax);
    const subOps = engine.subscriptionOps();
    const details = params.subscription_details ?? {};
    let preview: Stripe.Invoice;
    // subscription_details[default_tax_rates]: preview the subscription as if its default rates were these.
    const previewTaxRates =
      details.default_tax_rates === undefined
        ? undefined
        : engine.ports.catalog.taxRates(details.default_tax_rates, 'subscription_details[default_tax_rates]');
    if (params.subscription) {
      const stored = engine.subscription(params.subscription, 'subscription');
      const sub = previewTaxRates === undefined ? stored : { ...stored, default_tax_rates: previewTaxRates };
      if (params.customer && params.customer !== engine.customerIdOf(sub)) {
        throw invalidRequest('The subscription belongs to another customer.', { param: 'customer' });
      }
      const at = engine.now(engine.customerIdOf(sub));
      const anchorType = details.billing_cycle_anchor?.type;
      if (anchorType === 'timestamp') {
        throw invalidRequest('For an existing subscription, subscription_details[billing_cycle_anchor][type] can only be now or unchanged.', {
          param: 'subscription_details[billing_cycle_anchor][type]',
        });
      }
      const anchor = anchorType;
      const input: UpdateSubscriptionInput = {
        items: details.items,
        proration_behavior: details.proration_behavior,
        proration_date: details.proration_date,
        billing_cycle_anchor: anchor,
      };
      const changes = (details.items?.length ?? 0) > 0 || anchor === 'now';
      const plan = changes ? subOps.plan(sub, input, at) : null;
      if (plan && (plan.resetAnchor || details.proration_behavior === 'always_invoice')) {
        preview = subOps.previewImmediate(sub, plan, at);
      } else {
        preview = subOps.previewRenewal(sub, plan);
      }
    } else if (details.items && details.items.length > 0) {
      if (!params.customer) throw parameterMissing('customer');
      const trialEnd = details.trial_end;
      const plan = subOps.planCreate({
        customer: params.customer,
        items: details.items,
        currency: params.currency,
        trial_end: trialEnd,
        billing_cycle_anchor: details.billing_cycle_anchor?.type === 'timestamp' ? details.billing_cycle_anchor.timestamp : undefined,
        discounts: params.discounts ?? undefined,
        default_tax_rates: details.default_tax_rates,
      });
      preview = { ...plan.invoice, id: `upcoming_${plan.invoice.id}` };
    } else {
      if (!params.customer) throw parameterMissing('customer');
      const customer = engine.ports.customers.customer(params.customer, 'customer');
      const at = engine.now(customer.id);
      const currency = (params.currency ?? customer.currency ?? 'usd').toLowerCase();
      const pending = engine.pendingInvoiceItems(customer.id, null).filter((ii) => ii.currency === currency);
      if (pending.length === 0) {
        throw invalidRequest('No upcoming invoices for customer: ' + customer.id, { code: 'invoice_upcoming_none' });
      }
      const id = `upcoming_${newId('in')}`;
      const draft = newDraftInvoice({
        id,
        created: at,
        customer,
        currency,
        collectionMethod: 'charge_automatically',
        billingReason: 'upcoming',
        subscription: null,
        autoAdvance: false,
        daysUntilDue: null,
        dueDate: null,
        description: null,
        footer: null,
        customFields: null,
        metadata: {},
        periodStart: at,
        periodEnd: at,
        defaultPaymentMethod: null,
        testClock: engine.testClockOf(customer.id),
        discounts: [],
        accountName: engine.options.accountName,
      });
      preview = recomputeInvoice(
        { ...draft, lines: { ...draft.lines, data: pending.map((ii) => subOps.lineForInvoiceItem(id, ii, [])) } },
        [],
        0,
        engine.taxRateOf,
      );
    }
    if (params.discounts && params.subscription) {
      const customerId = engine.customerIdOf(preview);
      const resolved = engine.resolveDiscountParams(params.discounts, preview.currency, customerId, 'discounts');
      const ids = resolved.map((r, i) => r.existing ?? `di_preview_${i}`);
      preview = { ...recomputeInvoice(preview, engine.discountInputsFor(resolved, ids), 0, engine.taxRateOf), discounts: ids };
    }
    return present(preview);
  });
}
