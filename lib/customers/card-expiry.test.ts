import { describe, expect, it } from 'vitest';
import { expiryWarning } from './card-expiry';

describe('expiryWarning', () => {
  const today = { year: 2027, month: 12 };
  it('warns for expired cards and those expiring this or next month, across the year end', () => {
    expect(expiryWarning({ expMonth: 11, expYear: 2027 }, today)).toBe('expired');
    expect(expiryWarning({ expMonth: 12, expYear: 2027 }, today)).toBe('expires_this_month');
    expect(expiryWarning({ expMonth: 1, expYear: 2028 }, today)).toBe('expires_next_month');
    expect(expiryWarning({ expMonth: 2, expYear: 2028 }, today)).toBeNull();
    expect(expiryWarning({ expMonth: null, expYear: null }, today)).toBeNull();
  });
});
