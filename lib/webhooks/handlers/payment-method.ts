// payment_method.* — re-read the payment method; a detached one leaves the mirror.
import { syncStripePaymentMethod } from '@/lib/stripe-sync';
import { eventObject, ignored, type EventHandler } from '../types';

export const handlePaymentMethodEvent: EventHandler = async (event, { stripe, recordedAt }) => {
  const { id, customerId } = eventObject(event);
  if (!id) return ignored;
  // On `detached` the payload's customer is already null: the previous owner is in previous_attributes.
  const previous = (event.data.previous_attributes as { customer?: unknown } | undefined)?.customer;
  const hint = customerId ?? (typeof previous === 'string' ? previous : null);
  await syncStripePaymentMethod(id, undefined, { stripe, customerId: hint, unlessSyncedAfter: recordedAt });
  return { outcome: 'processed' };
};
