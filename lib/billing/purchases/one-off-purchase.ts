// Buying something once: a one-off item (exam course) or the 30-day pass. The browser sends only the price id;
// the price is looked up in the mirrored catalogue in the organization's currency and must be a one-time price
// of a pass or one-off product. The charge is a one-off invoice (charged automatically, finalized at once) whose
// PaymentIntent the browser confirms with the same Payment Element flow as checkout (declines, 3-D Secure).
//
// Idempotent per attempt: `org:<org>:buy:<price>:<attempt>` with the token the server issued with the page, so a
// double click or a retry after a decline confirms the same invoice.
//
// The pass starts when it is paid: finishOneOffPurchase re-reads the invoice from Stripe and, once it is paid,
// records its validity with recordPassValidity (record-pass-validity.ts), the same code the invoice webhook runs.
import 'server-only';
import type Stripe from 'stripe';
import { findCatalogPrice, type CatalogPrice } from '@/db/queries/catalog';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { billingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { createOneOffInvoice } from '@/lib/stripe/create-one-off-invoice';
import { taxRateIdsFor } from '@/lib/billing/tax/catalog-tax-rates';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { PASS_DAYS, recordPassValidity } from './record-pass-validity';

export { PASS_DAYS } from './record-pass-validity';

type Organization = Pick<OrganizationForMember, 'id' | 'currency' | 'stripeCustomerId'>;

export type StartOneOffPurchaseResult = {
  invoiceId: string;
  /** `payment`: confirm the invoice's PaymentIntent in the browser; `none`: already paid (a retried request). */
  intent: { kind: 'payment'; clientSecret: string } | { kind: 'none' };
};

export type FinishOneOffPurchaseResult = {
  invoiceId: string;
  status: Stripe.Invoice.Status | null;
  passValidUntil: string | null;
};

function requireBilling(organization: Organization): { customerId: string; currency: string } {
  if (!organization.stripeCustomerId || !organization.currency) {
    throw billingInputError('setup_incomplete', `organization ${organization.id} has no Stripe customer or currency yet`);
  }
  return { customerId: organization.stripeCustomerId, currency: organization.currency };
}

/** The one-time catalogue price in the organization's currency, or an AppError naming the reason. */
export async function resolveOneOffPrice(params: { priceId: string; currency: string; locale?: string }): Promise<CatalogPrice> {
  const price = await findCatalogPrice(params);
  if (!price) throw billingInputError('unknown_price', `price ${params.priceId} is unknown, inactive or has no ${params.currency} amount`);
  if (price.type !== 'one_time' || (price.kind !== 'pass' && price.kind !== 'one_off') || price.unitAmount === null || price.unitAmount <= 0) {
    throw billingInputError('price_not_one_off', `price ${price.id} (${price.kind}, ${price.type}) is not sold once`);
  }
  return price;
}

export async function startOneOffPurchase(input: { organization: Organization; priceId: string; attempt: string }): Promise<StartOneOffPurchaseResult> {
  const { customerId, currency } = requireBilling(input.organization);
  const price = await resolveOneOffPrice({ priceId: input.priceId, currency });
  const invoice = await createOneOffInvoice({
    customerId,
    currency,
    priceId: price.id,
    taxRateIds: await taxRateIdsFor({ lookupKey: price.lookupKey, currency }),
    metadata: {
      organization_id: input.organization.id,
      seikyu_intent: price.kind === 'pass' ? 'pass' : 'one_off',
      price_id: price.id,
      ...(price.kind === 'pass' ? { pass_days: String(PASS_DAYS) } : {}),
    },
    idempotencyKey: `org:${input.organization.id}:buy:${price.id}:${input.attempt}`,
  });
  await syncStripeCustomer(customerId);
  if (invoice.status === 'paid') return { invoiceId: invoice.id, intent: { kind: 'none' } };
  const secret = invoice.confirmation_secret?.client_secret;
  if (!secret) throw new Error(`one-off invoice ${invoice.id} (${invoice.status}) has no confirmation secret`);
  return { invoiceId: invoice.id, intent: { kind: 'payment', clientSecret: secret } };
}

/** After Stripe.js confirmed: re-read the invoice from Stripe (never the browser's word), record the pass, sync. */
export async function finishOneOffPurchase(input: { organization: Organization; invoiceId: string }): Promise<FinishOneOffPurchaseResult> {
  const { customerId } = requireBilling(input.organization);
  let invoice = await retrieveInvoice(input.invoiceId).catch(() => null);
  const invoiceCustomer = typeof invoice?.customer === 'string' ? invoice.customer : (invoice?.customer?.id ?? null);
  const intent = invoice?.metadata?.seikyu_intent;
  if (
    !invoice ||
    invoiceCustomer !== customerId ||
    invoice.metadata?.organization_id !== input.organization.id ||
    (intent !== 'pass' && intent !== 'one_off')
  ) {
    throw billingInputError('purchase_not_found', `invoice ${input.invoiceId} is not a purchase of ${input.organization.id}`);
  }
  if (intent === 'pass') invoice = await recordPassValidity(invoice);
  await syncStripeCustomer(customerId);
  return { invoiceId: invoice.id, status: invoice.status, passValidUntil: invoice.metadata?.pass_valid_until ?? null };
}
