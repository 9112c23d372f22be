// Gives an organization its Stripe customer and, when the catalogue has one, the free tier without a card.
// Idempotent and resumable: every Stripe call carries a key derived from the organization and the intent,
// each step is skipped once its result is recorded, so a retry after a failure finishes the job without
// creating a second customer or subscription.
import 'server-only';
import type Stripe from 'stripe';
import { getOrganizationById, setOrganizationStripeCustomer } from '@/db/queries/organizations';
import { AppError, toAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { createCustomer } from '@/lib/stripe/create-customer';
import { createFreeTierSubscription } from '@/lib/stripe/create-free-tier-subscription';
import { findPriceByLookupKey } from '@/lib/stripe/find-price-by-lookup-key';
import { listCustomerSubscriptions } from '@/lib/stripe/list-customer-subscriptions';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { pushStripeInvoiceSettings } from '@/lib/branding/stripe-invoice-settings';

export const FREE_TIER_LOOKUP_KEY = 'seikyu_free_monthly';

export type ProvisionResult = { customerId: string; freeSubscriptionId: string | null };

/** The free tier's price, or null when this Stripe account's catalogue has none. */
export async function findFreeTierPrice(stripe: Stripe = defaultStripe): Promise<Stripe.Price | null> {
  return findPriceByLookupKey(FREE_TIER_LOOKUP_KEY, stripe);
}

/** The organization's first free-tier subscription: one per organization, whatever retries happen. */
export async function subscribeToFreeTier(
  params: { organizationId: string; customerId: string; priceId: string; currency: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return createFreeTierSubscription({ ...params, idempotencyKey: `org:${params.organizationId}:subscribe-free` }, stripe);
}

function priceSupports(price: Stripe.Price, currency: string): boolean {
  return price.currency === currency || Boolean(price.currency_options && currency in price.currency_options);
}

export async function provisionOrganizationBilling(
  params: { organizationId: string; email: string; locale: Locale },
  stripe: Stripe = defaultStripe,
): Promise<ProvisionResult> {
  const organization = await getOrganizationById({ organizationId: params.organizationId });
  if (!organization) throw new AppError('not_found', `organization ${params.organizationId} not found`);
  const currency = organization.currency ?? 'usd';

  try {
    let customerId = organization.stripeCustomerId;
    const isNewCustomer = !customerId;
    if (!customerId) {
      const customer = await createCustomer({ organizationId: organization.id, name: organization.name, email: params.email, locale: params.locale }, stripe);
      customerId = customer.id;
      const linked = await setOrganizationStripeCustomer({ organizationId: organization.id, stripeCustomerId: customerId });
      if (!linked) throw new AppError('conflict', `organization ${organization.id} is linked to another customer`);
    }

    let freeSubscriptionId: string | null = null;
    // Only a customer we just created (or one with no subscription at all) is put on the free tier.
    const existing = isNewCustomer ? [] : await listCustomerSubscriptions(customerId, stripe);
    if (existing.length === 0) {
      const price = await findFreeTierPrice(stripe);
      if (price && priceSupports(price, currency)) {
        const subscription = await subscribeToFreeTier({ organizationId: organization.id, customerId, priceId: price.id, currency }, stripe);
        freeSubscriptionId = subscription.id;
      } else if (price) {
        console.warn(`[provision] free tier price ${price.id} has no ${currency} amount; ${organization.id} starts without a plan`);
      }
    }

    await syncStripeCustomer(customerId);
    // The operator's invoice footer and registration number on this customer's invoices from the first one. Not
    // worth failing a sign-up over: the scheduled push (lib/jobs) brings the customer in line if this fails.
    await pushStripeInvoiceSettings({ customerId }, stripe).catch((error: unknown) => {
      console.warn(`[provision] invoice settings for ${customerId} not pushed yet: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { customerId, freeSubscriptionId };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Stripe unreachable: nothing was created there, and the user is told so (and to try again) as everywhere else.
    const unreachable = toAppError(error);
    if (unreachable.code === 'stripe_unavailable') throw unreachable;
    const requestId = (error as { requestId?: string }).requestId;
    throw new AppError('stripe_error', `provisioning billing for ${organization.id} failed${requestId ? ` (request ${requestId})` : ''}`, {
      cause: error,
    });
  }
}
