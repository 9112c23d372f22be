// quote.* — re-read the quote with its lines into the mirror. Acceptance also creates a subscription or an
// invoice in Stripe; their own events mirror those.
import { syncStripeQuote } from '@/lib/stripe-sync';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleQuoteEvent: EventHandler = async (event, { stripe }) => {
  const { id, customerId } = eventObject(event);
  if (!id) return ignored;
  await syncStripeQuote(id, undefined, { stripe, customerId });
  return { outcome: 'processed' };
};
