// Puts a moment in the outbox: one row per dedupe key (computing the moment again is harmless), then asks the
// runner to deliver it. The row is the commitment; the job is only a nudge (the sweep delivers lost ones).
import type { Tx } from '@/db';
import { getRemindersEnabled, type NotificationRow } from '@/db/queries/notifications';
import { insertNotificationOnce, type NotificationAudience } from '@/db/queries/outbox';
import type { Locale } from '@/lib/i18n/config';
import { enqueueJob } from '@/lib/jobs';
import { REMINDER_KINDS, type NotificationKind } from './kinds';
import { emailLocaleFor } from './locale';
import type { NotificationPayloads } from './payloads';
import { renderNotificationSubject } from './render';
import { getNotificationSettings } from './settings';
import { notificationTimeZone } from './time-zone';

export type EnqueueNotification<K extends NotificationKind> = {
  kind: K;
  organizationId: string | null;
  recipient: string;
  locale: Locale;
  payload: NotificationPayloads[K];
  /** Names the moment: e.g. `trial_ending:<subscription>:<trial end>`; one row ever per key. */
  dedupeKey: string;
};

export type EnqueueOutcome = 'queued' | 'duplicate' | 'disabled' | 'opted_out';

/** Where a customer's moment goes: their organization, the billing email, in their language; null without an email. */
export function customerRecipient(audience: NotificationAudience): Pick<EnqueueNotification<NotificationKind>, 'organizationId' | 'recipient' | 'locale'> | null {
  return audience.email ? { organizationId: audience.organizationId, recipient: audience.email, locale: emailLocaleFor(audience.preferredLocale) } : null;
}

export async function enqueueNotification<K extends NotificationKind>(input: EnqueueNotification<K>, tx?: Tx): Promise<EnqueueOutcome> {
  const settings = await getNotificationSettings(tx);
  if (!settings.enabled[input.kind]) return 'disabled';
  if (input.organizationId && REMINDER_KINDS.includes(input.kind) && !(await getRemindersEnabled({ organizationId: input.organizationId }, tx))) {
    return 'opted_out';
  }
  const timeZone = await notificationTimeZone({ organizationId: input.organizationId, locale: input.locale }, tx);
  const row = await insertNotificationOnce(
    {
      organizationId: input.organizationId,
      kind: input.kind,
      recipient: input.recipient.trim().toLowerCase(),
      locale: input.locale,
      subject: renderNotificationSubject(input.kind, input.payload, input.locale, timeZone),
      payload: input.payload as unknown as Record<string, unknown>,
      dedupeKey: input.dedupeKey,
    },
    tx,
  );
  if (!row) return 'duplicate';
  await requestDelivery(row);
  return 'queued';
}

/** Best effort: without a runner in this process the sweep delivers the row within a minute or two. */
export async function requestDelivery(row: Pick<NotificationRow, 'id'>): Promise<void> {
  await enqueueJob('notifications.deliver', { notificationId: row.id });
}
