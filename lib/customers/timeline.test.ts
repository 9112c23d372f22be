import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@/db/queries/activity';
import { mergeTimeline, type LedgerEventLike } from './timeline';

const audit = (id: number, at: string): ActivityEntry => ({
  id,
  action: 'note.created',
  actorType: 'operator',
  actorId: null,
  actorEmail: 'ops@example.com',
  targetType: null,
  targetId: null,
  data: {},
  createdAt: new Date(at),
});
const event = (id: string, at: string): LedgerEventLike => ({ id, type: 'invoice.paid', status: 'processed', stripeCreated: new Date(at), lastError: null });

describe('mergeTimeline', () => {
  it('interleaves audit entries and Stripe events newest first', () => {
    const merged = mergeTimeline([audit(1, '2027-01-01T00:00:00Z'), audit(2, '2027-01-03T00:00:00Z')], [event('evt_a', '2027-01-02T00:00:00Z'), event('evt_b', '2027-01-04T00:00:00Z')]);
    expect(merged.map((e) => e.key)).toEqual(['event:evt_b', 'audit:2', 'event:evt_a', 'audit:1']);
  });

  it('puts the audit entry above the event of the same instant, and keeps only the newest `limit`', () => {
    const merged = mergeTimeline([audit(7, '2027-01-01T00:00:00Z')], [event('evt_same', '2027-01-01T00:00:00Z'), event('evt_old', '2026-12-01T00:00:00Z')], 2);
    expect(merged.map((e) => e.key)).toEqual(['audit:7', 'event:evt_same']);
  });

  it('is empty when nothing happened', () => {
    expect(mergeTimeline([], [])).toEqual([]);
  });
});
