import { describe, expect, it } from 'vitest';
import type { PlanItem, SubscriptionView } from '@/db/queries/subscriptions';
import { nextInvoiceOf } from './next-invoice';

const periodEnd = new Date('2027-01-06T00:00:00Z');
const item = (overrides: Partial<PlanItem>): PlanItem => ({
  id: 'si_1',
  priceId: 'price_team',
  productName: 'Team',
  priceNickname: null,
  priceLookupKey: null,
  unitAmount: 1200,
  interval: 'month',
  intervalCount: 1,
  usageType: 'licensed',
  quantity: 1,
  productKind: 'plan',
  unitLabel: null,
  ...overrides,
});
const subscription = (items: PlanItem[], overrides: Partial<SubscriptionView> = {}): SubscriptionView => ({
  id: 'sub_1',
  customerId: 'cus_1',
  status: 'active',
  currency: 'jpy',
  collectionMethod: 'charge_automatically',
  cancelAtPeriodEnd: false,
  cancelAt: null,
  currentPeriodStart: null,
  currentPeriodEnd: periodEnd,
  trialEnd: null,
  latestInvoiceId: null,
  metadata: {},
  defaultPaymentMethodId: null,
  payingCardId: null,
  created: new Date('2026-12-06T00:00:00Z'),
  items,
  ...overrides,
});

describe('nextInvoiceOf', () => {
  it('adds up the licensed items at their quantities, due at the end of the period', () => {
    expect(nextInvoiceOf(subscription([item({ quantity: 3 }), item({ id: 'si_2', unitAmount: 500, quantity: 2 })]))).toEqual({
      date: periodEnd,
      amount: 4600,
      currency: 'jpy',
      plusUsage: false,
    });
  });

  it('says usage comes on top for metered items', () => {
    expect(nextInvoiceOf(subscription([item({}), item({ id: 'si_2', usageType: 'metered', unitAmount: 20, quantity: null })]))).toMatchObject({
      amount: 1200,
      plusUsage: true,
    });
  });

  it('has no next invoice for a plan that is never charged, ends, or is paused', () => {
    expect(nextInvoiceOf(subscription([item({ unitAmount: 0 })]))).toBeNull();
    expect(nextInvoiceOf(subscription([item({})], { cancelAtPeriodEnd: true }))).toBeNull();
    expect(nextInvoiceOf(subscription([item({})], { status: 'paused' }))).toBeNull();
    expect(nextInvoiceOf(null)).toBeNull();
  });
});
