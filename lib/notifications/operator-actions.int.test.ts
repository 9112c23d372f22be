// Operator settings and customer preferences decide what is sent: a moment turned off writes nothing, a
// customer who opted out of reminders still gets payment emails, and an operator's resend (audited) sends
// the email again.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, devMailbox, notifications, organizations } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { deliverUnattemptedNotifications } from './deliver';
import { enqueueNotification } from './enqueue';
import { resendNotification, setEmailReminders, updateNotificationSettings } from './operator-actions';
import { SAMPLE_PAYLOADS } from './samples';
import { brandingSettingsSchema, notificationSettingsSchema } from './settings';

describe('notification settings, preferences and resend', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('respects moments turned off and a customer opting out of reminders only', async () => {
    const [org] = await testDb().insert(organizations).values({ name: 'Opt-out KK' }).returning();
    await updateNotificationSettings({
      notifications: notificationSettingsSchema.parse({ enabled: { renewal_upcoming: false } }),
      branding: brandingSettingsSchema.parse({ companyName: 'Example KK', brandColor: '#aa0000' }),
      actor: { type: 'operator', id: 'op-1' },
    });
    await setEmailReminders({ organizationId: org!.id, enabled: false, actor: { type: 'user', id: 'user-1' } });
    const base = { organizationId: org!.id, recipient: 'keiri@example.com', locale: 'en' as const };

    expect(await enqueueNotification({ ...base, kind: 'renewal_upcoming', payload: SAMPLE_PAYLOADS.renewal_upcoming, dedupeKey: 'r1' })).toBe('disabled');
    expect(await enqueueNotification({ ...base, kind: 'trial_ending', payload: SAMPLE_PAYLOADS.trial_ending, dedupeKey: 't1' })).toBe('opted_out');
    expect(await enqueueNotification({ ...base, kind: 'payment_failed', payload: SAMPLE_PAYLOADS.payment_failed, dedupeKey: 'p1' })).toBe('queued');
    expect(await enqueueNotification({ ...base, kind: 'payment_failed', payload: SAMPLE_PAYLOADS.payment_failed, dedupeKey: 'p1' })).toBe('duplicate');

    await deliverUnattemptedNotifications();
    const mail = await testDb().select().from(devMailbox);
    expect(mail.map((m) => m.subject)).toEqual(['Your payment of ¥16,500 did not go through']);
    // Branded with the saved settings.
    expect(mail[0]!.html).toContain('#aa0000');
    expect(mail[0]!.text).toContain('Example KK');
    const actions = (await testDb().select().from(auditLog)).map((a) => a.action).sort();
    expect(actions).toEqual(['notifications.reminders_disabled', 'settings.notifications_updated']);
  });

  it('resends a sent email once per resend, and records who did it', async () => {
    await enqueueNotification({
      kind: 'invoice_past_due',
      organizationId: null,
      recipient: 'late@example.com',
      locale: 'ja',
      payload: SAMPLE_PAYLOADS.invoice_past_due,
      dedupeKey: 'past-due-1',
    });
    await deliverUnattemptedNotifications();
    const [row] = await testDb().select().from(notifications);
    expect(row!.status).toBe('sent');
    // A pending row cannot be "resent" twice at once; a sent one can.
    expect(await resendNotification({ notificationId: row!.id, actor: { type: 'operator', id: 'op-2' } })).toBe(true);
    expect(await resendNotification({ notificationId: row!.id, actor: { type: 'operator', id: 'op-2' } })).toBe(false);
    await deliverUnattemptedNotifications();

    const mail = await testDb().select().from(devMailbox).where(eq(devMailbox.to, 'late@example.com'));
    expect(mail.map((m) => m.subject)).toEqual(['請求書ABC-0003の支払期限が過ぎています', '請求書ABC-0003の支払期限が過ぎています']);
    const [audit] = await testDb().select().from(auditLog).where(eq(auditLog.action, 'notification.resent'));
    expect(audit).toMatchObject({ actorType: 'operator', actorId: 'op-2', targetId: row!.id });
  });
});
