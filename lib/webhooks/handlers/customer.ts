// customer.*, customer.discount.*, customer.tax_id.* — re-read the whole customer: profile, subscriptions,
// invoices, cards. An event about the customer object itself skips that when the customer row was read after the
// event was recorded (a burst of customer events then costs one full read, not one each); discounts and tax ids
// always re-read.
import { syncStripeCustomer, syncStripeCustomerUnlessFresh } from '@/lib/stripe-sync';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleCustomerEvent: EventHandler = async (event, { stripe, recordedAt }) => {
  const { id, type, customerId } = eventObject(event);
  const target = type === 'customer' ? id : customerId;
  if (!target) return ignored;
  if (type === 'customer') await syncStripeCustomerUnlessFresh(target, { stripe, unlessSyncedAfter: recordedAt });
  else await syncStripeCustomer(target, undefined, { stripe });
  return { outcome: 'processed' };
};
