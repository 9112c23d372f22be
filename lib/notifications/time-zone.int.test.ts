// An email about an organization dates things in the organization's time zone, whatever the reader's language;
// an email without an organization keeps the reader's language's zone. 16:00 UTC on Dec 6 is Dec 7 in Tokyo.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { devMailbox, notifications, organizations } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { deliverUnattemptedNotifications } from './deliver';
import { enqueueNotification } from './enqueue';
import { SAMPLE_PAYLOADS } from './samples';

const payload = { ...SAMPLE_PAYLOADS.invoice_finalized, dueDate: '2026-12-06T16:00:00.000Z' };

describe("notification dates in the organization's time zone", () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('uses the organization zone for its emails, the language zone for the rest', async () => {
    const [tokyo] = await testDb().insert(organizations).values({ name: 'Tokyo KK', timeZone: 'Asia/Tokyo' }).returning();
    const [london] = await testDb().insert(organizations).values({ name: 'London Ltd', timeZone: 'UTC' }).returning();
    const send = (organizationId: string | null, recipient: string, locale: 'en' | 'ja') =>
      enqueueNotification({ kind: 'invoice_finalized', organizationId, recipient, locale, payload, dedupeKey: `finalized:${recipient}` });
    expect(await send(tokyo!.id, 'tokyo-en@example.com', 'en')).toBe('queued');
    expect(await send(tokyo!.id, 'tokyo-ja@example.com', 'ja')).toBe('queued');
    expect(await send(london!.id, 'london-ja@example.com', 'ja')).toBe('queued');
    expect(await send(null, 'nobody-en@example.com', 'en')).toBe('queued');

    // The subject is written when the row is queued; the body when it is sent: both follow the same zone.
    const subjects = Object.fromEntries((await testDb().select().from(notifications)).map((row) => [row.recipient, row.subject]));
    expect(subjects['tokyo-en@example.com']).toBe('Invoice ABC-0003: ¥16,500 due Dec 7, 2026');
    expect(subjects['tokyo-ja@example.com']).toContain('2026/12/07');
    expect(subjects['london-ja@example.com']).toContain('2026/12/06');
    expect(subjects['nobody-en@example.com']).toBe('Invoice ABC-0003: ¥16,500 due Dec 6, 2026');

    await deliverUnattemptedNotifications();
    const mail = Object.fromEntries((await testDb().select().from(devMailbox)).map((m) => [m.to, m]));
    expect(mail['tokyo-en@example.com']!.text).toContain('Dec 7, 2026');
    expect(mail['tokyo-en@example.com']!.text).not.toContain('Dec 6, 2026');
    expect(mail['london-ja@example.com']!.text).toContain('2026/12/06');
    expect(mail['nobody-en@example.com']!.text).toContain('Dec 6, 2026');
  });
});
