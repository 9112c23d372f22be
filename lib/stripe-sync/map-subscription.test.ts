import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapSubscription } from './map-subscription';

// Only the fields the mapper reads; the rest of a Stripe.Subscription is irrelevant here.
function subscription(overrides: Partial<Stripe.Subscription>, items: Partial<Stripe.SubscriptionItem>[]): Stripe.Subscription {
  return {
    id: 'sub_1',
    object: 'subscription',
    customer: 'cus_1',
    status: 'active',
    collection_method: 'charge_automatically',
    currency: 'jpy',
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    trial_start: null,
    trial_end: null,
    days_until_due: null,
    default_payment_method: 'pm_1',
    latest_invoice: { id: 'in_9' } as Stripe.Invoice,
    metadata: { plan: 'team' },
    created: 1_700_000_000,
    items: {
      object: 'list',
      has_more: false,
      url: '/v1/subscription_items',
      data: items.map((item, i) => ({
        id: `si_${i}`,
        object: 'subscription_item',
        created: 1_700_000_000,
        metadata: {},
        price: { id: `price_${i}` } as Stripe.Price,
        quantity: 3,
        subscription: 'sub_1',
        current_period_start: 1_700_000_000,
        current_period_end: 1_702_592_000,
        ...item,
      })) as Stripe.SubscriptionItem[],
    },
    ...overrides,
  } as Stripe.Subscription;
}

describe('mapSubscription', () => {
  it('takes the period from the items, the earliest start and the latest end', () => {
    const { subscription: row, items } = mapSubscription(
      subscription({}, [
        { current_period_start: 1_700_000_000, current_period_end: 1_702_592_000 },
        { current_period_start: 1_699_000_000, current_period_end: 1_731_536_000 },
      ]),
      'org_1',
    );
    expect(row.currentPeriodStart).toEqual(new Date(1_699_000_000 * 1000));
    expect(row.currentPeriodEnd).toEqual(new Date(1_731_536_000 * 1000));
    expect(items.map((i) => [i.id, i.priceId, i.quantity, i.subscriptionId])).toEqual([
      ['si_0', 'price_0', 3, 'sub_1'],
      ['si_1', 'price_1', 3, 'sub_1'],
    ]);
  });

  it('reduces expanded references to ids and keeps the organization it was given', () => {
    const { subscription: row } = mapSubscription(subscription({ customer: { id: 'cus_x' } as Stripe.Customer }, [{}]), 'org_7');
    expect(row).toMatchObject({ customerId: 'cus_x', organizationId: 'org_7', latestInvoiceId: 'in_9', defaultPaymentMethodId: 'pm_1' });
  });

  it('maps cancellation and trial timestamps from seconds', () => {
    const { subscription: row } = mapSubscription(
      subscription({ status: 'canceled', canceled_at: 1_700_000_100, ended_at: 1_700_000_200, trial_end: 1_700_000_050, cancel_at_period_end: true }, [{}]),
      null,
    );
    expect(row.status).toBe('canceled');
    expect(row.canceledAt).toEqual(new Date(1_700_000_100_000));
    expect(row.endedAt).toEqual(new Date(1_700_000_200_000));
    expect(row.trialEnd).toEqual(new Date(1_700_000_050_000));
    expect(row.cancelAtPeriodEnd).toBe(true);
  });

  it('stores the complete item list in data even when Stripe embedded only the first page', () => {
    const sub = subscription({}, [{}]);
    sub.items.has_more = true;
    const extra = { ...sub.items.data[0]!, id: 'si_extra' };
    const { subscription: row, items } = mapSubscription(sub, null, [...sub.items.data, extra]);
    expect(items.map((i) => i.id)).toEqual(['si_0', 'si_extra']);
    expect((row.data as Stripe.Subscription).items).toMatchObject({ has_more: false, data: [{ id: 'si_0' }, { id: 'si_extra' }] });
  });

  it('refuses a status the mirror does not know instead of storing a guess', () => {
    expect(() => mapSubscription(subscription({ status: 'hibernating' as Stripe.Subscription.Status }, [{}]), null)).toThrow(/subscription status "hibernating"/);
  });
});
