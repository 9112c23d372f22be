// product.* and price.* — re-read the product or price (with its currency options).
import { syncStripePrice, syncStripeProduct } from '@/lib/stripe-sync';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleCatalogEvent: EventHandler = async (event, { stripe }) => {
  const { id } = eventObject(event);
  if (!id) return ignored;
  if (event.type.startsWith('product.')) await syncStripeProduct(id, undefined, { stripe });
  else await syncStripePrice(id, undefined, { stripe });
  return { outcome: 'processed' };
};
