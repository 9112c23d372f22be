import { describe, expect, it } from 'vitest';
import { cardExpiresAt, expiresWithinMonth, isExpired, planNeedsCard } from './card-rules';

describe('card expiry', () => {
  it('runs through the last moment of the expiry month', () => {
    expect(cardExpiresAt(2, 2027).toISOString()).toBe('2027-02-28T23:59:59.999Z');
    expect(cardExpiresAt(12, 2026).toISOString()).toBe('2026-12-31T23:59:59.999Z');
  });
  it('warns within 30 days of expiry and after it', () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(expiresWithinMonth({ expMonth: 11, expYear: 2026 }, now)).toBe(true);
    expect(expiresWithinMonth({ expMonth: 12, expYear: 2026 }, now)).toBe(false); // 40 days left
    expect(expiresWithinMonth({ expMonth: 12, expYear: 2026 }, new Date('2026-12-05T00:00:00Z'))).toBe(true);
    expect(expiresWithinMonth({ expMonth: 10, expYear: 2026 }, now)).toBe(true);
    expect(expiresWithinMonth({ expMonth: 12, expYear: 2034 }, now)).toBe(false);
    expect(expiresWithinMonth({ expMonth: null, expYear: null }, now)).toBe(false);
  });
  it('knows an expired card', () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect(isExpired({ expMonth: 10, expYear: 2026 }, now)).toBe(true);
    expect(isExpired({ expMonth: 11, expYear: 2026 }, now)).toBe(false);
  });
});

describe('planNeedsCard', () => {
  const paid = { status: 'active', collectionMethod: 'charge_automatically' as const, cancelAtPeriodEnd: false, items: [{ unitAmount: 1500, usageType: 'licensed' }] };
  it('is true for a live paid plan charged automatically, including metered usage', () => {
    expect(planNeedsCard(paid)).toBe(true);
    expect(planNeedsCard({ ...paid, status: 'trialing' })).toBe(true);
    expect(planNeedsCard({ ...paid, items: [{ unitAmount: 0, usageType: 'licensed' }, { unitAmount: null, usageType: 'metered' }] })).toBe(true);
  });
  it('is false for no plan, the free tier, bank transfer, an ending or ended plan, a checkout that never succeeded', () => {
    expect(planNeedsCard(null)).toBe(false);
    expect(planNeedsCard({ ...paid, items: [{ unitAmount: 0, usageType: 'licensed' }] })).toBe(false);
    expect(planNeedsCard({ ...paid, collectionMethod: 'send_invoice' })).toBe(false);
    expect(planNeedsCard({ ...paid, cancelAtPeriodEnd: true })).toBe(false);
    expect(planNeedsCard({ ...paid, status: 'canceled' })).toBe(false);
    expect(planNeedsCard({ ...paid, status: 'incomplete' })).toBe(false);
  });
});

describe('cardLabel', () => {
  it('names the brand and shows the last four digits', async () => {
    const { cardLabel } = await import('./card-brand');
    expect(cardLabel({ brand: 'visa', last4: '4242' }, 'Card')).toBe('Visa •••• 4242');
    expect(cardLabel({ brand: 'jcb', last4: '0000' }, 'Card')).toBe('JCB •••• 0000');
    expect(cardLabel({ brand: 'newbrand', last4: '1111' }, 'Card')).toBe('newbrand •••• 1111');
    expect(cardLabel({ brand: null, last4: null }, 'Card')).toBe('Card •••• ????');
  });
});
