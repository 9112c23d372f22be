// Stripe customer → stripe_customers row. Pure.
import type Stripe from 'stripe';
import type { stripeCustomers } from '@/db/schema';
import { fromUnix, idOf, metadataOf, snapshot } from './map-shared';

export type CustomerRow = typeof stripeCustomers.$inferInsert;

export function mapCustomer(customer: Stripe.Customer, organizationId: string | null): CustomerRow {
  return {
    id: customer.id,
    organizationId,
    email: customer.email ?? null,
    name: customer.name ?? null,
    currency: customer.currency ?? null,
    balance: customer.balance,
    defaultPaymentMethodId: idOf(customer.invoice_settings?.default_payment_method),
    preferredLocales: [...(customer.preferred_locales ?? [])],
    deleted: false,
    metadata: metadataOf(customer.metadata),
    stripeCreated: fromUnix(customer.created),
    data: snapshot(customer),
  };
}
