// What operators and customers change about notifications, each change audited: the settings page, a resend
// from the outbox, and a customer's reminders preference.
import { getNotificationForOperator, requeueNotificationForOperator, setRemindersEnabled } from '@/db/queries/notifications';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { requestDelivery } from './enqueue';
import { mergeBrandingSettings, saveNotificationSettings, type BrandingSettings, type NotificationSettings } from './settings';

export async function updateNotificationSettings(params: { notifications: NotificationSettings; branding: Pick<BrandingSettings, 'companyName' | 'brandColor' | 'bankDetails'>; actor: AuditActor }): Promise<void> {
  await saveNotificationSettings(params.notifications);
  // Only the fields this page shows: the document settings (address, footers, registration number) stay.
  await mergeBrandingSettings(params.branding);
  await recordAudit({
    organizationId: null,
    actor: params.actor,
    action: 'settings.notifications_updated',
    data: { notifications: params.notifications, branding: params.branding },
  });
}

/** Puts a sent or failed email back in the queue. Returns false when the row is unknown or still pending. */
export async function resendNotification(params: { notificationId: string; actor: AuditActor }): Promise<boolean> {
  const row = await requeueNotificationForOperator({ id: params.notificationId });
  if (!row) return false;
  await recordAudit({
    organizationId: row.organizationId,
    actor: params.actor,
    action: 'notification.resent',
    target: { type: 'notification', id: row.id },
    data: { kind: row.kind, recipient: row.recipient },
  });
  await requestDelivery(row);
  return true;
}

export { getNotificationForOperator };

export async function setEmailReminders(params: { organizationId: string; enabled: boolean; actor: AuditActor }): Promise<void> {
  await setRemindersEnabled({ organizationId: params.organizationId, enabled: params.enabled });
  await recordAudit({
    organizationId: params.organizationId,
    actor: params.actor,
    action: params.enabled ? 'notifications.reminders_enabled' : 'notifications.reminders_disabled',
  });
}
