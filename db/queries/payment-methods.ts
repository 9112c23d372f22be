// Cards as a customer sees them, from the Stripe mirror, scoped by organization in every WHERE clause.
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { organizations, stripeCustomers, stripePaymentMethods } from '@/db/schema';
import { findSubscriptionForOrganization } from './subscriptions';

export type PaymentMethodRecord = typeof stripePaymentMethods.$inferSelect;

export type OrganizationCard = {
  id: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
};

/** The organization's Stripe customer id and its default card, from the mirror. */
export async function getBillingCustomer(
  params: { organizationId: string },
  tx: Tx = db,
): Promise<{ customerId: string; defaultPaymentMethodId: string | null } | null> {
  const [row] = await selectBillingCustomer(params, tx);
  return row ?? null;
}

// Read by the card and payment actions and the quote page: built once (db/prepared-query.ts).
const selectBillingCustomer = preparedQuery('billing_customer', (tx) =>
  tx
    .select({ customerId: stripeCustomers.id, defaultPaymentMethodId: stripeCustomers.defaultPaymentMethodId })
    .from(organizations)
    .innerJoin(stripeCustomers, eq(stripeCustomers.id, organizations.stripeCustomerId))
    .where(and(eq(organizations.id, sql.placeholder('organizationId')), eq(stripeCustomers.deleted, false)))
    .limit(1),
);

// Read on the invoice, card and operators' pages: built once (db/prepared-query.ts).
const selectOrganizationCards = preparedQuery('organization_cards', (tx) =>
  tx
    .select({
      id: stripePaymentMethods.id,
      brand: stripePaymentMethods.cardBrand,
      last4: stripePaymentMethods.cardLast4,
      expMonth: stripePaymentMethods.cardExpMonth,
      expYear: stripePaymentMethods.cardExpYear,
      isDefault: sql<boolean>`coalesce(${stripePaymentMethods.id} = ${stripeCustomers.defaultPaymentMethodId}, false)`,
    })
    .from(organizations)
    .innerJoin(stripeCustomers, eq(stripeCustomers.id, organizations.stripeCustomerId))
    .innerJoin(stripePaymentMethods, eq(stripePaymentMethods.customerId, stripeCustomers.id))
    .where(and(eq(organizations.id, sql.placeholder('organizationId')), eq(stripeCustomers.deleted, false), eq(stripePaymentMethods.type, 'card')))
    .orderBy(asc(stripePaymentMethods.stripeCreated), asc(stripePaymentMethods.id)),
);

/**
 * The organization's cards, oldest first, each marked when it is the customer's default: one statement from the
 * organization through its (not deleted) customer to its cards.
 */
export async function listOrganizationCards(params: { organizationId: string }, tx: Tx = db): Promise<OrganizationCard[]> {
  return selectOrganizationCards({ organizationId: params.organizationId }, tx);
}

/** The card if it belongs to the organization's customer, else null (another organization's id included). */
export async function getOrganizationCard(
  params: { organizationId: string; paymentMethodId: string },
  tx: Tx = db,
): Promise<OrganizationCard | null> {
  const cards = await listOrganizationCards({ organizationId: params.organizationId }, tx);
  return cards.find((card) => card.id === params.paymentMethodId) ?? null;
}

/**
 * The card a subscription of the organization charges next: its own default, else the customer's default (as
 * Stripe chooses). Null for another organization's subscription, or when neither names one of the organization's
 * cards.
 */
export async function getCardThatPays(
  params: { organizationId: string; subscriptionId: string },
  tx: Tx = db,
): Promise<OrganizationCard | null> {
  const subscription = await findSubscriptionForOrganization(params, tx);
  if (!subscription?.payingCardId) return null;
  return getOrganizationCard({ organizationId: params.organizationId, paymentMethodId: subscription.payingCardId }, tx);
}
