import { describe, expect, it } from 'vitest';
import { intervalKeptBy, planItemOf } from './plan-item';

const backup = { id: 'backup', productKind: 'addon', interval: 'month' };
const team = { id: 'team', productKind: 'plan', interval: 'month' };

describe('planItemOf', () => {
  it('finds the plan beside an add-on listed first, as a subscription from a quote may have them', () => {
    expect(planItemOf([backup, team])).toBe(team);
    expect(planItemOf([team, backup])).toBe(team);
  });
  it('takes a product with no catalogue kind as the plan, and none when every item is an add-on', () => {
    const unknown = { id: 'x', productKind: null, interval: 'month' };
    expect(planItemOf([unknown])).toBe(unknown);
    expect(planItemOf([backup])).toBeNull();
  });
});

describe('intervalKeptBy', () => {
  it('keeps the add-ons’ interval; a plan alone may move to any interval', () => {
    expect(intervalKeptBy([backup, team], team)).toBe('month');
    expect(intervalKeptBy([team], team)).toBeNull();
  });
});
