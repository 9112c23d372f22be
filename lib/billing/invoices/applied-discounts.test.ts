import { describe, expect, it } from 'vitest';
import { appliedDiscounts } from './applied-discounts';

const coupon = (id: string, extra: Record<string, unknown>) => ({ id, object: 'coupon', name: null, percent_off: null, amount_off: null, currency: null, ...extra });
const discount = (id: string, couponRef: unknown, owner: { invoice?: string; subscription?: string } = { invoice: 'in_1' }) => ({
  id,
  object: 'discount',
  invoice: owner.invoice ?? null,
  subscription: owner.subscription ?? null,
  source: { type: 'coupon', coupon: couponRef },
});

describe('appliedDiscounts', () => {
  it('names each discount with its coupon, what it takes off and its amount on this invoice, in Stripe’s order', () => {
    const data = {
      discounts: [
        discount('di_1', coupon('SEIKYU_THANKYOU500', { name: 'Thank you ¥500', amount_off: 500, currency: 'jpy' })),
        discount('di_2', coupon('SEIKYU_WELCOME10', { name: 'Welcome 10%', percent_off: 10 })),
      ],
      total_discount_amounts: [
        { discount: 'di_1', amount: 500 },
        { discount: 'di_2', amount: 500 },
      ],
    };
    expect(appliedDiscounts({ data })).toEqual([
      { id: 'di_1', couponId: 'SEIKYU_THANKYOU500', name: 'Thank you ¥500', couponName: 'Thank you ¥500', percentOff: null, amountOff: { amount: 500, currency: 'jpy' }, amount: 500, fromSubscription: false },
      { id: 'di_2', couponId: 'SEIKYU_WELCOME10', name: 'Welcome 10%', couponName: 'Welcome 10%', percentOff: 10, amountOff: null, amount: 500, fromSubscription: false },
    ]);
  });

  it('says which discount comes from the subscription, and names a coupon without a name by its id', () => {
    const data = { discounts: [discount('di_9', coupon('LAUNCH', { percent_off: 20 }), { subscription: 'sub_1' })], total_discount_amounts: [] };
    expect(appliedDiscounts({ data })).toMatchObject([{ id: 'di_9', name: 'LAUNCH', couponName: null, amount: 0, fromSubscription: true }]);
  });

  it('falls back to ids for an invoice mirrored with its discounts unexpanded, and to nothing without discounts', () => {
    expect(appliedDiscounts({ data: { discounts: ['di_1'], total_discount_amounts: [{ discount: 'di_1', amount: 300 }] } })).toEqual([
      { id: 'di_1', couponId: null, name: 'di_1', couponName: null, percentOff: null, amountOff: null, amount: 300, fromSubscription: false },
    ]);
    expect(appliedDiscounts({ data: { discounts: [discount('di_2', 'SEIKYU_WELCOME10')] } })).toMatchObject([{ name: 'SEIKYU_WELCOME10', couponId: 'SEIKYU_WELCOME10' }]);
    expect(appliedDiscounts({ data: {} })).toEqual([]);
    expect(appliedDiscounts({ data: null })).toEqual([]);
  });
});
