import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportIdentifier, reportTimestamp, windowOffsetSeconds, windowStartOf } from './report-windows';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('report windows', () => {
  it('aligns hour windows to the billing anchor so a period boundary is always a window boundary', () => {
    const anchor = new Date('2026-11-06T10:23:45Z');
    const offset = windowOffsetSeconds(anchor);
    expect(offset).toBe(23 * 60 + 45);
    // The next period starts 2026-12-06T10:23:45Z: events just before and at it fall in different windows.
    expect(windowStartOf(new Date('2026-12-06T10:23:44Z'), offset)).toEqual(new Date('2026-12-06T09:23:45Z'));
    expect(windowStartOf(new Date('2026-12-06T10:23:45Z'), offset)).toEqual(new Date('2026-12-06T10:23:45Z'));
  });

  it('derives the same identifier for the same report and another for the next correction or organization', () => {
    const parts = { organizationId: 'org-1', meter: 'device_hours', windowStart: new Date('2026-12-06T10:00:00Z'), sequence: 1 };
    const id = reportIdentifier(parts, sha);
    expect(id).toBe(reportIdentifier({ ...parts }, sha));
    expect(id).not.toBe(reportIdentifier({ ...parts, sequence: 2 }, sha));
    expect(id).not.toBe(reportIdentifier({ ...parts, organizationId: 'org-2' }, sha));
    expect(id.length).toBeLessThanOrEqual(100);
  });

  it('keeps a report timestamp inside what Stripe accepts', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    expect(reportTimestamp(new Date('2026-12-05T00:00:00Z'), now)).toBe(Date.parse('2026-12-05T00:00:00Z') / 1000);
    expect(reportTimestamp(new Date('2026-10-01T00:00:00Z'), now)).toBe(Date.parse('2026-12-06T00:00:00Z') / 1000 - 35 * 86_400 + 600);
  });
});
