// customer.*, customer.discount.*, customer.tax_id.* — re-read the whole customer (these are rare): profile,
// subscriptions, invoices, cards.
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleCustomerEvent: EventHandler = async (event, { stripe }) => {
  const { id, type, customerId } = eventObject(event);
  const target = type === 'customer' ? id : customerId;
  if (!target) return ignored;
  await syncStripeCustomer(target, undefined, { stripe });
  return { outcome: 'processed' };
};
