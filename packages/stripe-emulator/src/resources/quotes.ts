// Quotes: /v1/quotes create, retrieve, update, list, finalize, accept, cancel, line_items,
// computed_upfront_line_items, and the PDF at /v1/quotes/:id/pdf (the SDK sends `quotes.pdf()` to
// files.stripe.com, or to the host the client is configured with: the emulator). Logic in billing/quotes/.
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { paginate } from '../http/list.js';
import { listParams, p, type ObjectOf } from '../http/params.js';
import { invalidRequest } from '../http/errors.js';
import {
  quoteLineDetailsCollection,
  quoteLineItemsCollection,
  quoteSpecsCollection,
  quotesCollection,
} from '../billing/quotes/quote-store.js';
import {
  JOB_QUOTE_EXPIRE,
  cancelQuote,
  createQuote,
  expireQuote,
  finalizeQuote,
  quoteSpec,
  retrieveQuote,
  updateQuote,
  type QuoteInput,
} from '../billing/quotes/lifecycle.js';
import { acceptQuote } from '../billing/quotes/accept.js';
import { quoteDocument } from '../billing/quotes/quote-document.js';
import { renderQuotePdf } from '../pdf/quote-pdf.js';

const discountParams = p.emptyable(p.array(p.object({ coupon: p.string(), promotion_code: p.string(), discount: p.string() })));

const lineItemParams = p.array(
  p.object({
    id: p.string(),
    price: p.string(),
    price_data: p.object({
      currency: p.required(p.string()),
      product: p.required(p.string()),
      recurring: p.object({
        interval: p.required(p.enumOf(['day', 'week', 'month', 'year'] as const)),
        interval_count: p.integer({ min: 1 }),
      }),
      tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified'] as const),
      unit_amount: p.integer({ min: 0 }),
      unit_amount_decimal: p.decimal(),
    }),
    quantity: p.integer({ min: 1 }),
    tax_rates: p.emptyable(p.array(p.string())),
    discounts: p.unsupported(),
  }),
);

const editableShape = {
  customer: p.string(),
  line_items: lineItemParams,
  discounts: discountParams,
  expires_at: p.timestamp(),
  header: p.emptyable(p.string({ maxLength: 50 })),
  footer: p.emptyable(p.string({ maxLength: 500 })),
  description: p.emptyable(p.string({ maxLength: 500 })),
  collection_method: p.enumOf(['charge_automatically', 'send_invoice'] as const),
  invoice_settings: p.object({
    days_until_due: p.integer({ min: 0, max: 730 }),
    custom_fields: p.unsupported(),
    description: p.unsupported(),
    footer: p.unsupported(),
    issuer: p.unsupported(),
  }),
  subscription_data: p.object({
    description: p.emptyable(p.string({ maxLength: 500 })),
    effective_date: p.emptyable(p.string()),
    metadata: p.metadata(),
    trial_period_days: p.emptyable(p.integer({ min: 1, max: 730 })),
    billing_mode: p.unsupported(),
  }),
  default_tax_rates: p.emptyable(p.array(p.string())),
  metadata: p.metadata(),
  automatic_tax: p.unsupported(),
  application_fee_amount: p.unsupported(),
  application_fee_percent: p.unsupported(),
  customer_account: p.unsupported(),
  on_behalf_of: p.unsupported(),
  transfer_data: p.unsupported(),
} as const;

type SubscriptionDataParams = ObjectOf<typeof editableShape>['subscription_data'];

/** `subscription_data[effective_date]` is a timestamp or `current_period_end` (form values are strings). */
function subscriptionData(sd: SubscriptionDataParams): QuoteInput['subscription_data'] {
  if (!sd) return undefined;
  const { effective_date, ...rest } = sd;
  if (effective_date === undefined) return rest;
  if (effective_date === null || effective_date === 'current_period_end') return { ...rest, effective_date };
  if (!/^\d+$/.test(effective_date)) {
    throw invalidRequest(`Invalid subscription_data[effective_date]: ${effective_date}`, { param: 'subscription_data[effective_date]' });
  }
  return { ...rest, effective_date: Number(effective_date) };
}

export function registerQuotes(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;

  const lineList = (ids: string[], url: string) => ({
    object: 'list' as const,
    data: ids.flatMap((id) => {
      const item = store.get(quoteLineItemsCollection, id);
      return item ? [item] : [];
    }),
    has_more: false,
    url,
  });

  emu.objects.register({
    object: 'quote',
    prefix: 'qt',
    collection: quotesCollection,
    includable: {
      line_items: (q) => lineList(quoteSpec(emu, q.id).lines.map((l) => l.id), `/v1/quotes/${q.id}/line_items`),
      'computed.upfront.line_items': (q) => lineList(quoteSpec(emu, q.id).upfront_line_items, `/v1/quotes/${q.id}/computed_upfront_line_items`),
    },
  });
  // Quote line items: `discounts` and `taxes` are includable, as Stripe sends them only when expanded.
  emu.objects.register({
    object: 'item',
    prefix: 'li',
    collection: quoteLineItemsCollection,
    includable: {
      discounts: (li) => store.get(quoteLineDetailsCollection, li.id)?.discounts ?? [],
      taxes: (li) => store.get(quoteLineDetailsCollection, li.id)?.taxes ?? [],
    },
  });
  emu.scheduler.handle(JOB_QUOTE_EXPIRE, (job) => {
    const payload = job.payload;
    const id = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload.quote : null;
    if (typeof id === 'string') expireQuote(emu, id);
  });

  router.api('POST', '/v1/quotes', { ...editableShape, test_clock: p.string(), from_quote: p.unsupported() }, ({ params }) =>
    createQuote(emu, engine, { ...params, subscription_data: subscriptionData(params.subscription_data) }),
  );
  router.api('GET', '/v1/quotes/:id', {}, ({ path }) => retrieveQuote(emu, path.id, 'id'));
  router.api('POST', '/v1/quotes/:id', editableShape, ({ params, path }) =>
    updateQuote(emu, engine, path.id, { ...params, subscription_data: subscriptionData(params.subscription_data) }),
  );
  router.api(
    'GET',
    '/v1/quotes',
    { ...listParams, customer: p.string(), status: p.enumOf(['accepted', 'canceled', 'draft', 'open'] as const), test_clock: p.string(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          quotesCollection,
          (q) =>
            (params.customer === undefined || q.customer === params.customer) &&
            (params.status === undefined || q.status === params.status) &&
            (params.test_clock === undefined || q.test_clock === params.test_clock),
        ),
        params,
        urlPath,
      ),
  );
  router.api('POST', '/v1/quotes/:id/finalize', { expires_at: p.timestamp() }, ({ params, path }) =>
    finalizeQuote(emu, engine, path.id, params.expires_at),
  );
  router.api('POST', '/v1/quotes/:id/accept', {}, ({ path }) => acceptQuote(emu, engine, path.id));
  router.api('POST', '/v1/quotes/:id/cancel', {}, ({ path }) => cancelQuote(emu, path.id));
  router.api('GET', '/v1/quotes/:id/line_items', { ...listParams }, ({ params, path, urlPath }) => {
    retrieveQuote(emu, path.id, 'id');
    return paginate(lineList(quoteSpec(emu, path.id).lines.map((l) => l.id), urlPath).data, params, urlPath);
  });
  router.api('GET', '/v1/quotes/:id/computed_upfront_line_items', { ...listParams }, ({ params, path, urlPath }) => {
    retrieveQuote(emu, path.id, 'id');
    const spec = store.get(quoteSpecsCollection, path.id);
    return paginate(lineList(spec?.upfront_line_items ?? [], urlPath).data, params, urlPath);
  });
  // `stripe.quotes.pdf(id)` streams this from files.stripe.com, or from the client's own `host` when one is set
  // (stripe-node sends every API base to an overridden host), so the app's emulator client reaches it unchanged.
  router.raw(
    'GET',
    '/v1/quotes/:id/pdf',
    async (req, res) => {
      const quote = retrieveQuote(emu, req.path.id, 'id');
      if (quote.status === 'draft') {
        throw invalidRequest('The PDF of a quote can be downloaded once it is finalized; this quote is a draft.', { code: 'quote_status_invalid' });
      }
      const pdf = await renderQuotePdf(quoteDocument(emu, engine, quote));
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `inline; filename="Quote-${quote.number ?? quote.id}.pdf"`);
      res.end(pdf);
    },
    { secretKey: true },
  );
}
