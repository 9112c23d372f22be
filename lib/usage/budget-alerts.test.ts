import { describe, expect, it } from 'vitest';
import { budgetAlertKey, crossedThresholds } from './budget-alerts';
import { saveUsageBudgetSchema } from './budget-schemas';

describe('budget thresholds', () => {
  it('are crossed at exactly their share of the budget, lowest first', () => {
    expect(crossedThresholds(799.99, 1000, [100, 80])).toEqual([]);
    expect(crossedThresholds(800, 1000, [100, 80])).toEqual([80]);
    expect(crossedThresholds(1000, 1000, [100, 80])).toEqual([80, 100]);
    expect(crossedThresholds(2500, 1000, [80, 100, 200])).toEqual([80, 100, 200]);
  });

  it('never alert on a budget of zero', () => {
    expect(crossedThresholds(5, 0, [80])).toEqual([]);
  });

  it('are keyed per organization, meter, threshold and period: the next period alerts again', () => {
    const base = { organizationId: 'org_1', meter: 'device_hours', threshold: 80 };
    const december = budgetAlertKey({ ...base, periodStart: new Date('2026-12-01T00:00:00Z') });
    expect(december).toBe('usage_budget:org_1:device_hours:80:2026-12-01T00:00:00.000Z');
    expect(budgetAlertKey({ ...base, periodStart: new Date('2027-01-01T00:00:00Z') })).not.toBe(december);
    expect(budgetAlertKey({ ...base, threshold: 100, periodStart: new Date('2026-12-01T00:00:00Z') })).not.toBe(december);
  });
});

describe('the budget form', () => {
  it('reads thresholds as whole percentages separated by commas, once each, in order', () => {
    const parsed = saveUsageBudgetSchema.parse({ organizationId: 'o', meter: 'device_hours', budget: '1000', thresholds: '100, 80、80' });
    expect(parsed).toMatchObject({ budget: 1000, thresholds: [80, 100] });
  });

  it('refuses a budget that is not positive and thresholds that are not whole percentages', () => {
    expect(saveUsageBudgetSchema.safeParse({ organizationId: 'o', meter: 'm', budget: '0', thresholds: '80' }).success).toBe(false);
    expect(saveUsageBudgetSchema.safeParse({ organizationId: 'o', meter: 'm', budget: '10', thresholds: '80.5' }).success).toBe(false);
    expect(saveUsageBudgetSchema.safeParse({ organizationId: 'o', meter: 'm', budget: '10', thresholds: '' }).success).toBe(false);
    expect(saveUsageBudgetSchema.safeParse({ organizationId: 'o', meter: 'm', budget: '10', thresholds: '10,20,30,40,50,60' }).success).toBe(false);
  });
});
