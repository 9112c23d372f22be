import { describe, expect, it } from 'vitest';
import { handlerFor, routeFor, type Route } from './dispatch';
import { handleCustomerEvent } from './handlers/customer';
import { handleInvoiceEvent } from './handlers/invoice';
import { handleInvoiceAdjustmentEvent } from './handlers/invoice-adjustment';
import { handleQuoteEvent } from './handlers/quote';
import { handlePaymentMethodEvent } from './handlers/payment-method';
import { handleSubscriptionEvent } from './handlers/subscription';
import { handleCatalogEvent } from './handlers/catalog';
import { handleTestClockEvent } from './handlers/test-clock';

describe('handlerFor', () => {
  it('sends subscription events to the subscription handler, not the customer one', () => {
    expect(handlerFor('customer.subscription.deleted')).toBe(handleSubscriptionEvent);
    expect(handlerFor('customer.updated')).toBe(handleCustomerEvent);
    expect(handlerFor('customer.tax_id.created')).toBe(handleCustomerEvent);
  });

  it('routes each mirrored family to its handler', () => {
    expect(handlerFor('invoice.payment_failed')).toBe(handleInvoiceEvent);
    expect(handlerFor('payment_method.detached')).toBe(handlePaymentMethodEvent);
    expect(handlerFor('price.updated')).toBe(handleCatalogEvent);
    expect(handlerFor('product.deleted')).toBe(handleCatalogEvent);
    // A test clock's time drives the time-based notifications of its customers.
    expect(handlerFor('test_helpers.test_clock.ready')).toBe(handleTestClockEvent);
    expect(handlerFor('invoice_payment.paid')).toBe(handleInvoiceAdjustmentEvent);
    expect(handlerFor('credit_note.voided')).toBe(handleInvoiceAdjustmentEvent);
    expect(handlerFor('quote.accepted')).toBe(handleQuoteEvent);
    expect(handlerFor('quote.finalized')).toBe(handleQuoteEvent);
  });

  it('has no handler for events the mirror does not use', () => {
    expect(handlerFor('invoiceitem.created')).toBeNull();
    expect(handlerFor('charge.succeeded')).toBeNull();
  });

  it('ignores invoice.upcoming: its `upcoming_in_…` object cannot be retrieved, so re-reading would fail forever', async () => {
    const handler = handlerFor('invoice.upcoming');
    expect(handler).not.toBe(handleInvoiceEvent);
    const event = { type: 'invoice.upcoming', data: { object: { id: 'upcoming_in_123', object: 'invoice', customer: 'cus_1' } } };
    const unusedStripe = new Proxy({}, { get: () => { throw new Error('Stripe must not be called'); } });
    await expect(handler!(event as never, { stripe: unusedStripe as never })).resolves.toEqual({ outcome: 'ignored' });
  });
});

describe('routeFor', () => {
  it('takes the longest matching prefix, not the first one listed', () => {
    const table: Route[] = [
      ['customer.', handleCustomerEvent],
      ['customer.subscription.', handleSubscriptionEvent],
      ['invoice.', handleInvoiceEvent],
    ];
    expect(routeFor(table, 'customer.subscription.updated')).toBe(handleSubscriptionEvent);
    expect(routeFor(table, 'customer.updated')).toBe(handleCustomerEvent);
    expect(routeFor([...table].reverse(), 'customer.subscription.updated')).toBe(handleSubscriptionEvent);
    expect(routeFor(table, 'charge.succeeded')).toBeNull();
  });
});
