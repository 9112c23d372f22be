// What the Stripe App shows beside a customer in the Dashboard: what only the portal knows, read from the mirror
// and the portal's own tables (never from Stripe on a request): the organization, its plan, status and period,
// its device capacity (the usage limits),
// the card that pays, usage this period per meter, open invoices, operator notes, and links to the admin pages.
import 'server-only';
import { findOrganizationByStripeCustomerForOperator } from '@/db/queries/customers';
import { listOpenInvoices } from '@/db/queries/invoices';
import { listCustomerNotes } from '@/db/queries/notes';
import { getCardThatPays, listOrganizationCards, type OrganizationCard } from '@/db/queries/payment-methods';
import { getCurrentSubscription, type SubscriptionView } from '@/db/queries/subscriptions';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { usageLimitsFor } from '@/lib/usage/limits';
import { usageThisPeriod } from './usage';

/** Unix seconds, as Stripe's own objects carry times. */
const seconds = (date: Date | null): number | null => (date ? Math.floor(date.getTime() / 1000) : null);

export type CustomerSummary = {
  object: 'seikyu.customer_summary';
  customer_id: string;
  organization: { id: string; name: string; billing_email: string | null; currency: string | null; created: number };
  subscription: {
    id: string;
    status: string;
    plan: string;
    items: { product_name: string; price_lookup_key: string | null; quantity: number | null; unit_amount: number | null; interval: string | null; usage_type: string | null }[];
    currency: string;
    collection_method: string;
    current_period_start: number | null;
    current_period_end: number | null;
    cancel_at_period_end: boolean;
  } | null;
  /** The plan as the portal enforces it (lib/usage/limits): tier, device capacity, devices running this hour. */
  limits: { tier: string | null; capacity: number | null; in_use: number; remaining: number | null; free_tier_ends_at: number | null; allowed: boolean };
  card: { id: string; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null } | null;
  usage: { meter: string; total: number; period_start: number | null; period_end: number | null }[];
  open_invoices: {
    id: string;
    number: string | null;
    currency: string;
    amount_due: number;
    amount_remaining: number;
    due_date: number | null;
    collection_method: string;
    admin_url: string;
  }[];
  notes: { id: string; body: string; author: string | null; created: number }[];
  links: { customer: string; invoices: string };
};

const adminUrl = (path: string) => new URL(path, env.APP_URL).toString();

/** The organization of a Stripe customer id, or a 404 (`not_found`) when no organization has it. */
export async function organizationForStripeCustomer(customerId: string) {
  const organization = await findOrganizationByStripeCustomerForOperator({ customerId });
  if (!organization) throw new AppError('not_found', `no organization for Stripe customer ${customerId}`);
  return organization;
}

async function payingCard(organizationId: string, subscription: SubscriptionView | null): Promise<OrganizationCard | null> {
  if (subscription) return getCardThatPays({ organizationId, subscriptionId: subscription.id });
  const cards = await listOrganizationCards({ organizationId });
  return cards.find((card) => card.isDefault) ?? null;
}

export async function buildCustomerSummary(params: { customerId: string }): Promise<CustomerSummary> {
  const organization = await organizationForStripeCustomer(params.customerId);
  const scope = { organizationId: organization.id };
  const subscription = await getCurrentSubscription(scope);
  const [card, limits, usage, invoices, notes] = await Promise.all([
    payingCard(organization.id, subscription),
    usageLimitsFor(organization.id),
    usageThisPeriod({ ...scope, subscription }),
    listOpenInvoices({ ...scope, limit: 20 }),
    listCustomerNotes(scope),
  ]);
  return {
    object: 'seikyu.customer_summary',
    customer_id: params.customerId,
    organization: {
      id: organization.id,
      name: organization.name,
      billing_email: organization.billingEmail,
      currency: organization.currency,
      created: seconds(organization.createdAt)!,
    },
    subscription: subscription
      ? {
          id: subscription.id,
          status: subscription.status,
          plan: subscription.items.map((item) => item.productName).join(', '),
          items: subscription.items.map((item) => ({
            product_name: item.productName,
            price_lookup_key: item.priceLookupKey,
            quantity: item.quantity,
            unit_amount: item.unitAmount,
            interval: item.interval,
            usage_type: item.usageType,
          })),
          currency: subscription.currency,
          collection_method: subscription.collectionMethod,
          current_period_start: seconds(subscription.currentPeriodStart),
          current_period_end: seconds(subscription.currentPeriodEnd),
          cancel_at_period_end: subscription.cancelAtPeriodEnd,
        }
      : null,
    limits: {
      tier: limits.plan?.tier ?? null,
      capacity: limits.capacity,
      in_use: limits.inUse,
      remaining: limits.remaining,
      free_tier_ends_at: seconds(limits.freeTierEndsAt),
      allowed: limits.allowed,
    },
    card: card ? { id: card.id, brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear } : null,
    usage: usage.map((u) => ({ meter: u.meter, total: u.total, period_start: seconds(u.periodStart), period_end: seconds(u.periodEnd) })),
    open_invoices: invoices.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      currency: invoice.currency,
      amount_due: invoice.amountDue,
      amount_remaining: invoice.amountRemaining,
      due_date: seconds(invoice.dueDate),
      collection_method: invoice.collectionMethod,
      admin_url: adminUrl(`/admin/invoices/${encodeURIComponent(invoice.id)}`),
    })),
    notes: notes.map((note) => ({ id: note.id, body: note.body, author: note.authorEmail ?? note.authorLabel, created: seconds(note.createdAt)! })),
    links: {
      customer: adminUrl(`/admin/customers/${encodeURIComponent(organization.id)}`),
      invoices: adminUrl(`/admin/invoices?q=${encodeURIComponent(params.customerId)}`),
    },
  };
}
