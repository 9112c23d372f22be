import { describe, expect, it } from 'vitest';
import { createPlanChangeToken, readPlanChangeToken, type PlanChangeClaims } from './plan-change-token';

const claims: PlanChangeClaims = {
  organizationId: 'org_1',
  subscriptionId: 'sub_1',
  items: [{ id: 'si_1', price: 'price_team', quantity: 3 }],
  prorationDate: 1_800_000_000,
  amountDue: 2400,
  currency: 'jpy',
  expiresAt: 1_800_000_900,
};
const at = new Date(1_800_000_100 * 1000);

describe('plan change token', () => {
  it('gives back exactly what was previewed', () => {
    expect(readPlanChangeToken(createPlanChangeToken(claims, 'secret-secret-secret'), 'secret-secret-secret', at)).toEqual(claims);
  });

  it('refuses a token whose contents were changed, signed with another secret, or expired', () => {
    const token = createPlanChangeToken(claims, 'secret-secret-secret');
    const [, signature] = token.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, amountDue: 1 })).toString('base64url')}.${signature}`;
    expect(readPlanChangeToken(tampered, 'secret-secret-secret', at)).toBeNull();
    expect(readPlanChangeToken(token, 'another-secret-value', at)).toBeNull();
    expect(readPlanChangeToken(token, 'secret-secret-secret', new Date(1_800_000_901 * 1000))).toBeNull();
    expect(readPlanChangeToken('garbage', 'secret-secret-secret', at)).toBeNull();
  });
});
