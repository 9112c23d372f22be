import { describe, expect, it } from 'vitest';
import type { ClaimedStripeEvent } from '@/db/queries/events';
import { groupByCustomer } from './drain';

function claim(id: string, created: number, object: Record<string, unknown>): ClaimedStripeEvent {
  return { id, type: 'x', payload: { id, created, data: { object } }, attempts: 1, receivedAt: new Date(0), leaseToken: 'lease' };
}

describe('groupByCustomer', () => {
  it("puts each customer's events in one group, in Stripe's order, and an event without a customer alone", () => {
    const claims = [
      claim('evt_3', 30, { id: 'in_1', object: 'invoice', customer: 'cus_A' }),
      claim('evt_1', 10, { id: 'cus_A', object: 'customer' }),
      claim('evt_5', 20, { id: 'sub_1', object: 'subscription', customer: { id: 'cus_B', object: 'customer' } }),
      claim('evt_2', 20, { id: 'pm_1', object: 'payment_method', customer: 'cus_A' }),
      claim('evt_4', 15, { id: 'prod_1', object: 'product' }),
      claim('evt_6', 15, { id: 'price_1', object: 'price' }),
    ];
    expect(groupByCustomer(claims).map((group) => group.map((c) => c.id))).toEqual([['evt_1', 'evt_2', 'evt_3'], ['evt_4'], ['evt_6'], ['evt_5']]);
  });
});
