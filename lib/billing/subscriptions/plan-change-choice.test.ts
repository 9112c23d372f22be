import { describe, expect, it } from 'vitest';
import { initialPlanChoice } from './plan-change-choice';

const options = [
  { priceId: 'starter_m', interval: 'month' },
  { priceId: 'starter_y', interval: 'year' },
  { priceId: 'team_m', interval: 'month' },
  { priceId: 'team_y', interval: 'year' },
];

describe('initialPlanChoice', () => {
  it('opens on another plan of the current interval', () => {
    expect(initialPlanChoice(options, 'starter_m')).toBe('team_m');
    expect(initialPlanChoice(options, 'team_y')).toBe('starter_y');
  });

  it('opens on the plan chosen on the plan picker, unless it is the current one or unknown', () => {
    expect(initialPlanChoice(options, 'starter_m', 'team_y')).toBe('team_y');
    expect(initialPlanChoice(options, 'starter_m', 'starter_m')).toBe('team_m');
    expect(initialPlanChoice(options, 'starter_m', 'price_forged')).toBe('team_m');
  });

  it('falls back to any other plan, then to the only one', () => {
    expect(initialPlanChoice([{ priceId: 'a', interval: 'month' }, { priceId: 'b', interval: 'year' }], 'a')).toBe('b');
    expect(initialPlanChoice([{ priceId: 'a', interval: 'month' }], 'a')).toBe('a');
    expect(initialPlanChoice([], null)).toBe('');
  });
});
