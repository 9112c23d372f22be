// Operators build, finalize, cancel and duplicate quotes (admin:quotes:manage). Lines come from the catalogue
// mirror in the customer's currency and are checked before Stripe is asked; each line carries the catalogue's tax
// rate; the draft Stripe computes is the preview (total, tax per rate, the first invoice) shown before finalizing.
// Every Stripe call is keyed by the operator's intent (the form's attempt, or the quote for one-time transitions),
// the mirror is synced right after, and each action is audited with before and after.
//
// A prospect (no organization yet) is a `quote_requests` row with their name and email plus a Stripe customer
// created with the draft (Stripe cannot finalize or accept a quote without a customer), marked
// `seikyu_prospect` and linked to no organization; the organization is created when they accept. A prospect is
// quoted in the catalogue's own currency (JPY): Stripe takes a quote's currency from its customer, and a new
// customer has none until its first subscription or invoice.
import 'server-only';
import type Stripe from 'stripe';
import { listCatalogPrices } from '@/db/queries/catalog';
import { getOrganizationById } from '@/db/queries/organizations';
import { getNotificationAudience } from '@/db/queries/outbox';
import { getQuoteForOperator, insertQuoteRequestForOperator, type ListedQuote } from '@/db/queries/quotes';
import { recordAudit } from '@/lib/audit/record-audit';
import { taxRateIdsFor } from '@/lib/billing/tax/catalog-tax-rates';
import { AppError, toAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { emailLocaleFor } from '@/lib/notifications/locale';
import { cancelQuote } from '@/lib/stripe/cancel-quote';
import { createProspectCustomer } from '@/lib/stripe/create-prospect-customer';
import { createQuote } from '@/lib/stripe/create-quote';
import { finalizeQuote } from '@/lib/stripe/finalize-quote';
import { findPromotionCode } from '@/lib/stripe/find-promotion-code';
import { syncStripeQuote } from '@/lib/stripe-sync';
import { quoteRefusal } from './quote-errors';
import { checkQuoteLines, expiryOf } from './quote-lines';
import type { BuildQuoteInput } from './quote-schemas';

/** Metadata keys on the Stripe quote: what a duplicate needs that Stripe keeps only as discount objects. */
export const QUOTE_COUPON_METADATA = 'seikyu_coupon';
export const QUOTE_TRIAL_METADATA = 'seikyu_with_trial';

type Recipient = { organizationId: string | null; customerId: string; currency: string; locale: Locale; email: string; prospectName: string | null };

export const PROSPECT_CURRENCY = 'jpy';

async function recipientFor(input: BuildQuoteInput, stripe?: Stripe): Promise<Recipient> {
  if (input.target === 'organization') {
    const organization = await getOrganizationById({ organizationId: input.organizationId ?? '' });
    if (!organization) throw new AppError('not_found', `organization ${input.organizationId} not found`);
    if (!organization.stripeCustomerId) throw quoteRefusal('noCustomer', `organization ${organization.id} has no Stripe customer`);
    const audience = await getNotificationAudience({ customerId: organization.stripeCustomerId });
    const email = audience?.email ?? organization.billingEmail;
    if (!email) throw quoteRefusal('noCustomer', `organization ${organization.id} has no billing email`);
    return {
      organizationId: organization.id,
      customerId: organization.stripeCustomerId,
      currency: organization.currency ?? 'jpy',
      locale: audience?.preferredLocale ? emailLocaleFor(audience.preferredLocale) : organization.currency === 'usd' ? 'en' : 'ja',
      email,
      prospectName: null,
    };
  }
  const locale = input.locale ?? 'ja';
  const customer = await createProspectCustomer(
    { name: input.prospectName ?? '', email: input.prospectEmail ?? '', locale, idempotencyKey: `operator:quote:${input.attempt}:prospect-customer` },
    stripe,
  );
  return { organizationId: null, customerId: customer.id, currency: PROSPECT_CURRENCY, locale, email: input.prospectEmail ?? '', prospectName: input.prospectName ?? null };
}

/** The Stripe params of a draft from checked lines; shared by build and duplicate so both price the same way. */
async function draftParams(params: {
  customerId: string;
  currency: string;
  lines: { priceId: string; quantity: number }[];
  couponId: string | null;
  withTrial: boolean;
  expiresAt: number;
  header: string | null;
  footer: string | null;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
  organizationId: string | null;
}): Promise<Stripe.QuoteCreateParams> {
  const catalog = await listCatalogPrices({ currency: params.currency });
  const check = checkQuoteLines(params.lines, catalog);
  if (!check.ok) throw quoteRefusal(check.refusal, `lines ${JSON.stringify(params.lines)} in ${params.currency}`);
  if (params.expiresAt <= Math.floor(Date.now() / 1000)) throw quoteRefusal('expiryPast', `expires_at ${params.expiresAt}`);
  const lineItems: Stripe.QuoteCreateParams.LineItem[] = [];
  for (const line of check.lines) {
    lineItems.push({ price: line.price.id, quantity: line.quantity, tax_rates: await taxRateIdsFor({ lookupKey: line.price.lookupKey, currency: params.currency }) });
  }
  const trial = params.withTrial && check.trialPeriodDays ? check.trialPeriodDays : null;
  return {
    customer: params.customerId,
    line_items: lineItems,
    collection_method: params.collectionMethod,
    ...(params.collectionMethod === 'send_invoice' ? { invoice_settings: { days_until_due: params.daysUntilDue ?? 14 } } : {}),
    expires_at: params.expiresAt,
    ...(params.header ? { header: params.header } : {}),
    ...(params.footer ? { footer: params.footer } : {}),
    ...(params.couponId ? { discounts: [{ coupon: params.couponId }] } : {}),
    ...(trial ? { subscription_data: { trial_period_days: trial } } : {}),
    metadata: {
      ...(params.organizationId ? { organization_id: params.organizationId } : {}),
      ...(params.couponId ? { [QUOTE_COUPON_METADATA]: params.couponId } : {}),
      ...(params.withTrial ? { [QUOTE_TRIAL_METADATA]: 'true' } : {}),
    },
  };
}

async function couponFor(code: string | undefined, stripe?: Stripe): Promise<string | null> {
  if (!code) return null;
  const found = await findPromotionCode(code, stripe);
  if (!found) throw quoteRefusal('unknownPromotionCode', `promotion code ${code}`);
  return found.coupon.id;
}

export type QuoteResult = { quoteId: string };

export async function buildQuote(input: BuildQuoteInput & { operatorUserId: string }, stripe?: Stripe): Promise<QuoteResult> {
  // Everything the browser sent is checked before anything is created in Stripe (a prospect's customer included).
  if (expiryOf(input.expiresOn) <= Math.floor(Date.now() / 1000)) throw quoteRefusal('expiryPast', `expires on ${input.expiresOn}`);
  if (input.target === 'prospect') {
    const check = checkQuoteLines(input.lines, await listCatalogPrices({ currency: PROSPECT_CURRENCY }));
    if (!check.ok) throw quoteRefusal(check.refusal, `lines in ${PROSPECT_CURRENCY}`);
  }
  const couponId = await couponFor(input.promotionCode, stripe);
  const recipient = await recipientFor(input, stripe);
  const params = await draftParams({
    customerId: recipient.customerId,
    currency: recipient.currency,
    lines: input.lines,
    couponId,
    withTrial: input.withTrial,
    expiresAt: expiryOf(input.expiresOn),
    header: input.header ?? null,
    footer: input.footer ?? null,
    collectionMethod: input.collectionMethod,
    daysUntilDue: input.daysUntilDue ?? null,
    organizationId: recipient.organizationId,
  });
  const quote = await createQuote(params, `operator:quote:${input.attempt}:create`, stripe).catch((error: unknown) => {
    throw toAppError(error);
  });
  await insertQuoteRequestForOperator({
    quoteId: quote.id,
    organizationId: recipient.organizationId,
    prospectName: recipient.prospectName,
    prospectEmail: recipient.organizationId ? null : recipient.email,
    recipientEmail: recipient.email,
    locale: recipient.locale,
    customerId: recipient.customerId,
    createdByUserId: input.operatorUserId,
  });
  await syncStripeQuote(quote.id, undefined, { stripe, customerId: recipient.customerId });
  await recordAudit({
    organizationId: recipient.organizationId,
    actor: { type: 'operator', id: input.operatorUserId },
    action: 'quote.created',
    target: { type: 'quote', id: quote.id },
    data: {
      after: { status: quote.status, amountTotal: quote.amount_total, currency: quote.currency, lines: input.lines, collectionMethod: input.collectionMethod },
      prospect: recipient.organizationId ? null : { name: recipient.prospectName, email: recipient.email },
      attempt: input.attempt,
    },
  });
  return { quoteId: quote.id };
}

async function loadQuote(quoteId: string): Promise<ListedQuote> {
  const found = await getQuoteForOperator({ quoteId });
  if (!found) throw new AppError('not_found', `quote ${quoteId} is not in the mirror`);
  return found;
}

function organizationOf(found: ListedQuote): string | null {
  return found.quote.organizationId ?? found.request?.organizationId ?? null;
}

async function transition(
  params: { quoteId: string; operatorUserId: string; action: 'quote.finalized' | 'quote.canceled'; allowed: string[]; refusal: 'notDraft' | 'notCancelable' },
  call: (quoteId: string) => Promise<Stripe.Quote>,
  stripe?: Stripe,
): Promise<QuoteResult> {
  const before = await loadQuote(params.quoteId);
  if (!params.allowed.includes(before.quote.status)) throw quoteRefusal(params.refusal, `quote ${params.quoteId} is ${before.quote.status}`, 'conflict');
  const quote = await call(params.quoteId).catch((error: unknown) => {
    throw toAppError(error);
  });
  await syncStripeQuote(quote.id, undefined, { stripe, customerId: before.quote.customerId });
  await recordAudit({
    organizationId: organizationOf(before),
    actor: { type: 'operator', id: params.operatorUserId },
    action: params.action,
    target: { type: 'quote', id: quote.id },
    data: { before: { status: before.quote.status, number: before.quote.number }, after: { status: quote.status, number: quote.number } },
  });
  return { quoteId: quote.id };
}

export async function finalizeOperatorQuote(params: { quoteId: string; operatorUserId: string }, stripe?: Stripe): Promise<QuoteResult> {
  return transition({ ...params, action: 'quote.finalized', allowed: ['draft'], refusal: 'notDraft' }, (id) => finalizeQuote(id, stripe), stripe);
}

export async function cancelOperatorQuote(params: { quoteId: string; operatorUserId: string }, stripe?: Stripe): Promise<QuoteResult> {
  return transition({ ...params, action: 'quote.canceled', allowed: ['draft', 'open'], refusal: 'notCancelable' }, (id) => cancelQuote(id, stripe), stripe);
}

/** Days a duplicate stays valid when the original's validity has passed. */
const DUPLICATE_VALIDITY_DAYS = 30;

/**
 * A new draft with the original's lines, coupon, trial, texts and collection, priced again from today's
 * catalogue (a price retired since is refused, not silently dropped), for the same organization or prospect.
 */
export async function duplicateOperatorQuote(params: { quoteId: string; attempt: string; operatorUserId: string }, stripe?: Stripe): Promise<QuoteResult> {
  const { quote, request } = await loadQuote(params.quoteId);
  if (!request || !quote.customerId || !quote.currency) throw new AppError('conflict', `quote ${quote.id} was not built in Seikyu`);
  const now = Math.floor(Date.now() / 1000);
  const original = Math.floor(quote.expiresAt.getTime() / 1000);
  const organizationId = quote.organizationId ?? request.organizationId;
  const created = await createQuote(
    await draftParams({
      customerId: quote.customerId,
      currency: quote.currency,
      lines: quote.lines.filter((l) => l.priceId).map((l) => ({ priceId: l.priceId ?? '', quantity: l.quantity })),
      couponId: quote.metadata[QUOTE_COUPON_METADATA] ?? null,
      withTrial: quote.metadata[QUOTE_TRIAL_METADATA] === 'true',
      expiresAt: original > now ? original : now + DUPLICATE_VALIDITY_DAYS * 86_400,
      header: quote.header,
      footer: quote.footer,
      collectionMethod: quote.collectionMethod === 'send_invoice' ? 'send_invoice' : 'charge_automatically',
      daysUntilDue: quote.daysUntilDue,
      organizationId,
    }),
    `operator:quote:${quote.id}:duplicate:${params.attempt}`,
    stripe,
  ).catch((error: unknown) => {
    throw toAppError(error);
  });
  await insertQuoteRequestForOperator({
    quoteId: created.id,
    organizationId,
    prospectName: request.prospectName,
    prospectEmail: request.prospectEmail,
    recipientEmail: request.recipientEmail,
    locale: request.locale,
    customerId: quote.customerId,
    duplicatedFrom: quote.id,
    createdByUserId: params.operatorUserId,
  });
  await syncStripeQuote(created.id, undefined, { stripe, customerId: quote.customerId });
  await recordAudit({
    organizationId,
    actor: { type: 'operator', id: params.operatorUserId },
    action: 'quote.duplicated',
    target: { type: 'quote', id: created.id },
    data: { from: quote.id, after: { status: created.status, amountTotal: created.amount_total }, attempt: params.attempt },
  });
  return { quoteId: created.id };
}
