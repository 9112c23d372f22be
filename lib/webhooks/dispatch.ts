// Which handler an event goes to. Thin on purpose: each family's handler re-reads its object from Stripe.
import type Stripe from 'stripe';
import { handleCatalogEvent } from './handlers/catalog';
import { handleAccountEvent, handleChargeRefundedEvent, handleV2AccountEvent } from './handlers/connect';
import { handleCustomerEvent } from './handlers/customer';
import { handleInvoiceEvent } from './handlers/invoice';
import { handleInvoiceAdjustmentEvent } from './handlers/invoice-adjustment';
import { handlePaymentMethodEvent } from './handlers/payment-method';
import { handleQuoteEvent } from './handlers/quote';
import { handleSubscriptionEvent } from './handlers/subscription';
import { handleTestClockEvent } from './handlers/test-clock';
import { ignored, type EventHandler, type HandlerContext, type HandlerResult } from './types';

export type Route = [prefix: string, handler: EventHandler];

/** Longest prefix wins, so `customer.subscription.` is not taken for `customer.` whatever the order below. */
const routes: Route[] = [
  ['customer.subscription.', handleSubscriptionEvent],
  ['customer.discount.', handleCustomerEvent],
  ['customer.tax_id.', handleCustomerEvent],
  ['customer.source.', ignoreEvent],
  ['customer.', handleCustomerEvent],
  // A preview of an invoice Stripe has not created yet: its id (`upcoming_in_…`) cannot be retrieved.
  ['invoice.upcoming', ignoreEvent],
  ['invoice.', handleInvoiceEvent],
  ['invoice_payment.', handleInvoiceAdjustmentEvent],
  ['credit_note.', handleInvoiceAdjustmentEvent],
  ['payment_method.', handlePaymentMethodEvent],
  ['quote.', handleQuoteEvent],
  ['product.', handleCatalogEvent],
  ['price.', handleCatalogEvent],
  ['test_helpers.test_clock.', handleTestClockEvent],
  ['account.', handleAccountEvent],
  // v2 thin events (recorded by receive-thin.ts): `v2.core.account.*` and `v2.core.account[...].*`.
  ['v2.core.account', handleV2AccountEvent],
  ['charge.refunded', handleChargeRefundedEvent],
];

async function ignoreEvent(): Promise<HandlerResult> {
  return ignored;
}

/** The handler of the longest prefix of `type` in `table`, or null when none matches. Pure. */
export function routeFor(table: readonly Route[], type: string): EventHandler | null {
  let best: Route | null = null;
  for (const route of table) {
    if (type.startsWith(route[0]) && (!best || route[0].length > best[0].length)) best = route;
  }
  return best?.[1] ?? null;
}

export function handlerFor(type: string): EventHandler | null {
  return routeFor(routes, type);
}

export async function dispatchStripeEvent(event: Stripe.Event, context: HandlerContext): Promise<HandlerResult> {
  const handler = handlerFor(event.type);
  return handler ? handler(event, context) : ignored;
}
