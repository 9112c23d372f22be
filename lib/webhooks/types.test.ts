import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { eventObject } from './types';

const event = (object: Record<string, unknown>) => ({ id: 'evt_1', type: 'x', data: { object } }) as unknown as Stripe.Event;

describe('eventObject', () => {
  it('reads the object id, its type and the owning customer id', () => {
    expect(eventObject(event({ id: 'in_1', object: 'invoice', customer: 'cus_1' }))).toEqual({ id: 'in_1', type: 'invoice', customerId: 'cus_1' });
  });

  it('reduces an expanded customer to its id', () => {
    expect(eventObject(event({ id: 'sub_1', object: 'subscription', customer: { id: 'cus_2', object: 'customer' } })).customerId).toBe('cus_2');
  });

  it('answers nulls for an object without an id (invoice.upcoming) or without a customer', () => {
    expect(eventObject(event({ object: 'invoice', customer: 'cus_1' })).id).toBeNull();
    expect(eventObject(event({ id: 'prod_1', object: 'product' })).customerId).toBeNull();
    expect(eventObject(event({ id: 'pm_1', object: 'payment_method', customer: null })).customerId).toBeNull();
  });
});
