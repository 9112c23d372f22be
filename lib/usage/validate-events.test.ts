import { describe, expect, it } from 'vitest';
import { decimalString, validateUsageEvents } from './validate-events';

const now = 1_765_000_000;
const context = { knownMeters: new Set(['device_hours', 'diagnosis_requests']), nowSeconds: now };
const good = { meter: 'device_hours', value: 2, timestamp: now - 60, identifier: 'dev-42-a' };

describe('validateUsageEvents', () => {
  it('accepts valid events, defaulting the timestamp to now', () => {
    const result = validateUsageEvents({ events: [good, { meter: 'diagnosis_requests', value: 1, identifier: 'dx-1' }] }, context);
    expect(result).toEqual({
      ok: true,
      events: [
        { meter: 'device_hours', value: '2', occurredAt: new Date((now - 60) * 1000), identifier: 'dev-42-a' },
        { meter: 'diagnosis_requests', value: '1', occurredAt: new Date(now * 1000), identifier: 'dx-1' },
      ],
    });
  });

  it('refuses a body that is not an object with an events array, or an empty one', () => {
    for (const body of [null, [], 'x', {}, { events: 'no' }, { events: [] }]) {
      expect(validateUsageEvents(body, context)).toMatchObject({ ok: false, status: 400, code: 'invalid_request' });
    }
  });

  it('refuses more than 1,000 events with 413', () => {
    const events = Array.from({ length: 1001 }, (_, i) => ({ ...good, identifier: `e${i}` }));
    expect(validateUsageEvents({ events }, context)).toMatchObject({ ok: false, status: 413, code: 'too_many_events' });
  });

  it('names every invalid event by index and code, and keeps none of the batch', () => {
    const result = validateUsageEvents(
      {
        events: [
          good,
          { ...good, meter: 'unknown' },
          { ...good, value: -1 },
          { ...good, value: '3' },
          { ...good, identifier: '' },
          { ...good, identifier: undefined },
          { ...good, timestamp: now - 36 * 86_400 },
          { ...good, timestamp: now + 301 },
          { ...good, timestamp: 1.5 },
          'x',
        ],
      },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.code).toBe('invalid_events');
    expect(result.errors?.map((e) => [e.index, e.code])).toEqual([
      [1, 'unknown_meter'],
      [2, 'invalid_value'],
      [3, 'invalid_value'],
      [4, 'invalid_identifier'],
      [5, 'invalid_identifier'],
      [6, 'invalid_timestamp'],
      [7, 'invalid_timestamp'],
      [8, 'invalid_timestamp'],
      [9, 'invalid_event'],
    ]);
  });

  it('accepts the edges of the 35-day and 5-minute window', () => {
    const result = validateUsageEvents({ events: [{ ...good, timestamp: now - 35 * 86_400 }, { ...good, identifier: 'b', timestamp: now + 300 }] }, context);
    expect(result.ok).toBe(true);
  });
});

describe('decimalString', () => {
  it('writes numbers without exponents', () => {
    expect(decimalString(1e-7)).toBe('0.0000001');
    expect(decimalString(2.5)).toBe('2.5');
    expect(decimalString(0)).toBe('0');
  });
});
