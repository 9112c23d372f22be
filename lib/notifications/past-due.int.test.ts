// An invoice is past due once its due date is over where the customer is, not at Stripe's due instant (the time
// of day the invoice was finalized): the whole due date is the customer's to pay on.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { notifications, organizations } from '@/db/schema';
import type { MirroredInvoice } from '@/db/queries/notifications';
import type { NotificationAudience } from '@/db/queries/outbox';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { notifyInvoicePastDue } from './invoice-moments';

describe('past-due moment', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('waits until the due date has ended in the organization’s time zone', async () => {
    const [org] = await testDb().insert(organizations).values({ name: 'Tokyo KK', billingEmail: 'keiri@example.co.jp', timeZone: 'Asia/Tokyo' }).returning();
    const audience: NotificationAudience = {
      organizationId: org!.id,
      organizationName: org!.name,
      customerId: 'cus_tokyo',
      email: 'keiri@example.co.jp',
      preferredLocale: 'ja',
      testClockId: null,
      timeZone: 'Asia/Tokyo',
    };
    // Due 2027-01-15 at 15:00 in Tokyo (06:00 UTC), the time of day it was finalized.
    const invoice = {
      id: 'in_due',
      customerId: 'cus_tokyo',
      organizationId: org!.id,
      number: 'ABC-0001',
      status: 'open',
      collectionMethod: 'send_invoice',
      amountDue: 11_000,
      amountRemaining: 11_000,
      currency: 'jpy',
      dueDate: new Date('2027-01-15T06:00:00Z'),
    } as MirroredInvoice;

    // Past Stripe's due instant, still the 15th in Tokyo (23:59): nothing yet.
    await notifyInvoicePastDue(invoice, audience, new Date('2027-01-15T14:59:59Z'));
    expect(await testDb().select().from(notifications)).toHaveLength(0);
    // Midnight in Tokyo: the 15th is over.
    await notifyInvoicePastDue(invoice, audience, new Date('2027-01-15T15:00:00Z'));
    const rows = await testDb().select().from(notifications);
    expect(rows.map((r) => [r.kind, r.recipient, r.locale])).toEqual([['invoice_past_due', 'keiri@example.co.jp', 'ja']]);
  });
});
