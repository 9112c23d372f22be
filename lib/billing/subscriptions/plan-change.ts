// Change plan with a preview first. previewPlanChange asks Stripe what the change would charge or credit now
// (line by line) and what the next invoice will be, with a proration date fixed here, and signs all of it into
// a short-lived token. applyPlanChange applies exactly the token's items at the token's proration date, so the
// amount charged equals the preview. The subscription is looked up in the mirror scoped to the organization.
// A metered plan changes between its capacity tiers the same way: a usage price has nothing to prorate (it is
// billed in arrears), so nothing is charged now and the preview says so (`nothingToProrate`).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { findCatalogPrice, getPriceCatalogTexts } from '@/db/queries/catalog';
import type { PriceCatalogTexts } from '@/db/catalog-text';
import { findSubscriptionForOrganization } from '@/db/queries/subscriptions';
import { describeLine, lineOriginOf } from '@/lib/billing/invoices/line-description';
import { formatDate } from '@/lib/i18n/format';
import type { OrganizationForMember } from '@/db/queries/organizations';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { previewSubscriptionUpdate } from '@/lib/stripe/preview-subscription-update';
import { updateSubscriptionItems } from '@/lib/stripe/update-subscription-items';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { idOf } from '@/lib/stripe-sync/map-shared';
import { billingInputError } from './billing-input-error';
import { createPlanChangeToken, PLAN_CHANGE_TOKEN_TTL_SECONDS, readPlanChangeToken, type PlanChangeItem } from './plan-change-token';
import { quantityFor, resolvePurchasablePrice } from '@/lib/billing/plans/purchasable-price';
import { taxLinesOf, type TaxLine } from '@/lib/billing/tax/tax-lines';
import { intervalKeptBy, planItemOf } from './plan-item';
import { isPlanChangeTarget } from './plan-change-choice';

type Organization = Pick<OrganizationForMember, 'id' | 'currency' | 'stripeCustomerId' | 'timeZone'>;

export type PreviewLine = { description: string; amount: number; proration: boolean };
export type PlanChangePreview = {
  token: string;
  currency: string;
  /** From a usage price to another (capacity tiers): billed in arrears on both sides, nothing to prorate now. */
  nothingToProrate: boolean;
  /** Charged now (negative: credited to the balance and used on later invoices). */
  now: { lines: PreviewLine[]; taxes: TaxLine[]; total: number; amountDue: number };
  next: { lines: PreviewLine[]; taxes: TaxLine[]; total: number; date: number | null };
};

const processSecret = randomBytes(32).toString('hex');
/** AUTH_SECRET when set (always in production); otherwise a per-process secret (previews die on restart). */
function tokenSecret(): string {
  return env.AUTH_SECRET ?? processSecret;
}

const priceIdOf = (line: Stripe.InvoiceLineItem) => idOf(line.pricing?.price_details?.price);

/** The preview's lines with an amount, each described in the reader's language (the list has no quantity column). */
function linesOf(invoice: Stripe.Invoice, catalog: ReadonlyMap<string, PriceCatalogTexts>, locale: string, timeZone: string): PreviewLine[] {
  return invoice.lines.data
    .filter((line) => line.amount !== 0)
    .map((line) => {
      const origin = lineOriginOf(line);
      const priceId = priceIdOf(line);
      const description = describeLine(
        {
          description: line.description,
          amount: line.amount,
          quantity: line.quantity,
          periodStart: line.period ? new Date(line.period.start * 1000) : null,
          origin,
          catalog: (priceId ? catalog.get(priceId) : undefined) ?? null,
        },
        locale,
        (value) => formatDate(value, locale, timeZone),
        { withQuantity: true },
      );
      return { description: description ?? '', amount: line.amount, proration: origin === 'proration' };
    });
}

async function changeableSubscription(organization: Organization, subscriptionId: string) {
  const subscription = await findSubscriptionForOrganization({ organizationId: organization.id, subscriptionId });
  if (!subscription) throw billingInputError('subscription_not_found', `${subscriptionId} is not ${organization.id}'s`);
  if (!['active', 'trialing'].includes(subscription.status) || subscription.metadata.seikyu_intent === 'free_tier') {
    throw billingInputError('subscription_not_cancelable', `${subscription.id} (${subscription.status}) cannot change plan`);
  }
  // The plan item, not an add-on beside it (lib/billing/subscriptions/plan-item.ts).
  const item = planItemOf(subscription.items);
  if (!item) throw billingInputError('subscription_not_found', `${subscription.id} has no plan item`);
  return { subscription, item, keptInterval: intervalKeptBy(subscription.items, item) };
}

export async function previewPlanChange(params: {
  organization: Organization;
  subscriptionId: string;
  priceId: string;
  quantity: number;
  /** The reader's language, for the lines Stripe describes in English. */
  locale: string;
  now?: Date;
}): Promise<PlanChangePreview> {
  const { organization } = params;
  if (!organization.stripeCustomerId || !organization.currency) throw billingInputError('setup_incomplete', 'no customer');
  const { subscription, item, keptInterval } = await changeableSubscription(organization, params.subscriptionId);
  const price = await resolvePurchasablePrice({ priceId: params.priceId, currency: subscription.currency });
  // Stripe bills a subscription on one interval: beside monthly add-ons the plan stays monthly.
  if (keptInterval && price.interval !== keptInterval) {
    throw billingInputError('interval_mismatch', `${price.id} bills per ${price.interval}, ${subscription.id}'s other items per ${keptInterval}`);
  }
  // What the form offers, and nothing else: a plan, or another capacity tier of the metered plan the customer is on.
  const current = await findCatalogPrice({ priceId: item.priceId, currency: subscription.currency });
  if (!isPlanChangeTarget(price, current, null)) {
    throw billingInputError('price_not_subscribable', `${price.id} (${price.kind}) is no plan ${subscription.id} may change to from ${item.priceId}`);
  }
  const quantity = quantityFor(price, params.quantity);
  if (price.id === item.priceId && quantity === item.quantity) {
    throw billingInputError('quantity_not_allowed', 'the change changes nothing');
  }
  const items: PlanChangeItem[] = [{ id: item.id, price: price.id, quantity }];
  const prorationDate = Math.floor((params.now ?? new Date()).getTime() / 1000);
  const common = { customerId: organization.stripeCustomerId, subscriptionId: subscription.id, items, prorationDate };
  const [nowInvoice, nextInvoice] = await Promise.all([
    previewSubscriptionUpdate({ ...common, prorationBehavior: 'always_invoice' }),
    previewSubscriptionUpdate({ ...common, prorationBehavior: 'none' }),
  ]);
  const priceIds = [...nowInvoice.lines.data, ...nextInvoice.lines.data].map(priceIdOf).filter((id): id is string => id !== null);
  const catalog = await getPriceCatalogTexts({ priceIds });
  const describe = (invoice: Stripe.Invoice) => linesOf(invoice, catalog, params.locale, organization.timeZone);
  const token = createPlanChangeToken(
    {
      organizationId: organization.id,
      subscriptionId: subscription.id,
      items,
      prorationDate,
      amountDue: nowInvoice.amount_due,
      currency: subscription.currency,
      expiresAt: prorationDate + PLAN_CHANGE_TOKEN_TTL_SECONDS,
    },
    tokenSecret(),
  );
  return {
    token,
    currency: subscription.currency,
    nothingToProrate: item.usageType === 'metered' && price.metered,
    now: { lines: describe(nowInvoice), taxes: taxLinesOf(nowInvoice), total: nowInvoice.total, amountDue: nowInvoice.amount_due },
    next: { lines: describe(nextInvoice), taxes: taxLinesOf(nextInvoice), total: nextInvoice.total, date: nextInvoice.period_end ?? null },
  };
}

export async function applyPlanChange(params: {
  organization: Organization;
  token: string;
  actorUserId: string;
}): Promise<{ invoiceId: string | null; amountPaid: number | null }> {
  const claims = readPlanChangeToken(params.token, tokenSecret());
  if (!claims || claims.organizationId !== params.organization.id) {
    throw new AppError('conflict', 'plan change preview missing, expired or for another organization');
  }
  const { subscription, item } = await changeableSubscription(params.organization, claims.subscriptionId);
  // The subscription must still be what was previewed (same item), else the preview no longer holds.
  if (!claims.items.every((i) => i.id === item.id)) throw new AppError('conflict', `items of ${subscription.id} changed since the preview`);
  const tokenHash = createHash('sha256').update(params.token).digest('hex').slice(0, 32);
  const updated = await updateSubscriptionItems({
    subscriptionId: subscription.id,
    items: claims.items,
    prorationDate: claims.prorationDate,
    idempotencyKey: `org:${params.organization.id}:change-plan:${subscription.id}:${tokenHash}`,
  });
  await syncStripeCustomer(subscription.customerId);
  // The invoice this change made, if it made one: a change with nothing to prorate (between usage prices) makes
  // none, and `latest_invoice` is then an older invoice that is no part of it. A replayed request (same key) gives
  // the same invoice back.
  const latest = typeof updated.latest_invoice === 'object' ? updated.latest_invoice : null;
  const invoice = latest && latest.billing_reason === 'subscription_update' && latest.created >= claims.prorationDate ? latest : null;
  await recordAudit({
    organizationId: params.organization.id,
    actor: { type: 'user', id: params.actorUserId },
    action: 'subscription.plan_changed',
    target: { type: 'subscription', id: subscription.id },
    data: { from: { price: item.priceId, quantity: item.quantity }, to: claims.items, prorationDate: claims.prorationDate, previewedAmountDue: claims.amountDue },
  });
  return { invoiceId: invoice?.id ?? null, amountPaid: invoice?.amount_paid ?? null };
}
