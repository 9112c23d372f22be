import { describe, expect, it } from 'vitest';
import { attemptCountOf, reminderNotDue } from './reminder-due';

// Due 7 December 2026 at 10:00 in Tokyo (Stripe's due instant: the time of day the invoice was finalized).
const dueDate = new Date('2026-12-07T01:00:00Z');
const bank = { status: 'open', collectionMethod: 'send_invoice' as const, dueDate, attemptCount: 0 };

describe('reminderNotDue', () => {
  it('refuses a bank-transfer invoice until its due day is over where the organization is', () => {
    expect(reminderNotDue(bank, 'Asia/Tokyo', new Date('2026-11-30T00:00:00Z'))).toBe('not_yet_due');
    // 23:59 on the due day in Tokyo: the customer may still pay today.
    expect(reminderNotDue(bank, 'Asia/Tokyo', new Date('2026-12-07T14:59:00Z'))).toBe('not_yet_due');
    // 00:00 on the 8th in Tokyo.
    expect(reminderNotDue(bank, 'Asia/Tokyo', new Date('2026-12-07T15:00:00Z'))).toBeNull();
    // In Los Angeles the due instant falls on the 6th, which is over at 08:00 UTC on the 7th, while Tokyo's 7th is not.
    expect(reminderNotDue(bank, 'America/Los_Angeles', new Date('2026-12-07T08:00:00Z'))).toBeNull();
    expect(reminderNotDue(bank, 'Asia/Tokyo', new Date('2026-12-07T08:00:00Z'))).toBe('not_yet_due');
  });

  it('lets a card invoice be reminded once a charge has failed, not before its first charge', () => {
    const card = { status: 'open', collectionMethod: 'charge_automatically' as const, dueDate: null, attemptCount: 0 };
    expect(reminderNotDue(card, 'Asia/Tokyo', new Date())).toBe('not_yet_charged');
    expect(reminderNotDue({ ...card, attemptCount: 1 }, 'Asia/Tokyo', new Date())).toBeNull();
  });

  it('reads the attempts from the mirrored invoice', () => {
    expect(attemptCountOf({ attempt_count: 2 })).toBe(2);
    expect(attemptCountOf(null)).toBe(0);
  });
});
