// The two portal workflows the Stripe App can start, each the same domain function the operators' customer page
// uses, audited as the acting Stripe Dashboard user (`stripe-app:<user_id>`): Resync from Stripe (the convergent
// sync; it only reads Stripe, so there is no Stripe mutation and no idempotency key) and Add a note.
import 'server-only';
import { addCustomerNote } from '@/lib/customers/notes';
import { resyncCustomer } from '@/lib/customers/resync';
import { stripeAppActor } from './config';
import { organizationForStripeCustomer } from './customer-summary';

export async function resyncCustomerFromStripeApp(params: { customerId: string; userId: string }) {
  const organization = await organizationForStripeCustomer(params.customerId);
  const result = await resyncCustomer({ organizationId: organization.id, actor: stripeAppActor(params.userId) });
  return {
    object: 'seikyu.customer_resync' as const,
    customer_id: params.customerId,
    deleted: result.deleted,
    subscriptions: result.subscriptions,
    invoices: result.invoices,
    payment_methods: result.paymentMethods,
  };
}

export async function addCustomerNoteFromStripeApp(params: { customerId: string; userId: string; body: string }) {
  const organization = await organizationForStripeCustomer(params.customerId);
  const actor = stripeAppActor(params.userId);
  const note = await addCustomerNote({ organizationId: organization.id, body: params.body, actor });
  return { object: 'seikyu.customer_note' as const, id: note.id, body: note.body, author: actor.id, created: Math.floor(note.createdAt.getTime() / 1000) };
}
