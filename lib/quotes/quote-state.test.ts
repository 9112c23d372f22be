import { describe, expect, it } from 'vitest';
import { displayStatusOf } from './quote-state';

const expiresAt = new Date('2026-12-31T14:59:59Z');

describe('displayStatusOf', () => {
  it('calls an open quote past its expiry expired, before it open', () => {
    expect(displayStatusOf({ status: 'open', expiresAt, canceledAt: null }, new Date('2027-01-01T00:00:00Z'))).toBe('expired');
    expect(displayStatusOf({ status: 'open', expiresAt, canceledAt: null }, new Date('2026-12-31T00:00:00Z'))).toBe('open');
  });

  it('tells a quote Stripe canceled at its expiry from one an operator canceled', () => {
    expect(displayStatusOf({ status: 'canceled', expiresAt, canceledAt: expiresAt })).toBe('expired');
    expect(displayStatusOf({ status: 'canceled', expiresAt, canceledAt: new Date('2026-12-01T00:00:00Z') })).toBe('canceled');
  });
});
