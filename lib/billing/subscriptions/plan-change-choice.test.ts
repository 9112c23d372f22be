import { describe, expect, it } from 'vitest';
import type { CatalogPrice } from '@/db/queries/catalog';
import { initialPlanChoice, planChangeOptions } from './plan-change-choice';

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

describe('planChangeOptions', () => {
  type Offered = Pick<CatalogPrice, 'id' | 'kind' | 'type' | 'isFree' | 'metered' | 'interval' | 'meterEventName'>;
  const price = (id: string, fields: Partial<Offered> = {}): Offered => ({
    id,
    kind: 'plan',
    type: 'recurring',
    isFree: false,
    metered: false,
    interval: 'month',
    meterEventName: null,
    ...fields,
  });
  const catalog = [
    price('free', { isFree: true }),
    price('starter_m'),
    price('starter_y', { interval: 'year' }),
    price('team_m'),
    price('backup_m', { kind: 'addon' }),
    price('on_demand_10', { kind: 'usage', metered: true, meterEventName: 'device_hours' }),
    price('on_demand_20', { kind: 'usage', metered: true, meterEventName: 'device_hours' }),
    price('diagnosis', { kind: 'usage', metered: true, meterEventName: 'diagnosis_requests' }),
    price('pass', { type: 'one_time', kind: 'pass', interval: null }),
  ];
  const ids = (currentPriceId: string | null, keptInterval: string | null = null) => planChangeOptions(catalog, currentPriceId, keptInterval).map((p) => p.id);

  it('offers the other capacity tier of a metered plan beside the plans, not another meter', () => {
    expect(ids('on_demand_10')).toEqual(['starter_m', 'starter_y', 'team_m', 'on_demand_10', 'on_demand_20']);
  });

  it('offers a licensed plan the plans only (a metered tier starts through checkout)', () => {
    expect(ids('starter_m')).toEqual(['starter_m', 'starter_y', 'team_m']);
    expect(ids('team_m', 'month')).toEqual(['starter_m', 'team_m']);
    expect(ids(null)).toEqual(['starter_m', 'starter_y', 'team_m']);
  });
});

describe('initialPlanChoice for a metered plan', () => {
  it('opens on the other capacity tier, not on a licensed plan listed first', () => {
    const tiers = [
      { priceId: 'starter_m', interval: 'month', metered: false },
      { priceId: 'on_demand_10', interval: 'month', metered: true },
      { priceId: 'on_demand_20', interval: 'month', metered: true },
    ];
    expect(initialPlanChoice(tiers, 'on_demand_10')).toBe('on_demand_20');
    expect(initialPlanChoice(tiers, 'on_demand_10', 'starter_m')).toBe('starter_m');
  });
});
