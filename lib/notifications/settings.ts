// Operator settings for notifications (which moments are on, day counts, operator recipients); the branding
// the emails carry comes from lib/branding. Stored in app_settings, parsed with zod on read so a missing or older value
// falls back to the defaults field by field.
import { z } from 'zod';
import { getAppSetting, saveAppSetting } from '@/db/queries/app-settings';
import type { Tx } from '@/db';
import { NOTIFICATION_KINDS, type NotificationKind } from './kinds';

// The codes are the settings form's: it shows each refusal's sentence beside the field (naming a bad address).
const emailList = z
  .array(z.string().trim().toLowerCase().email({ message: 'recipient' }))
  .max(20, { message: 'recipients_too_many' })
  .default([]);
const days = z.coerce.number({ message: 'days' }).int({ message: 'days' }).min(1, { message: 'days' }).max(60, { message: 'days' });

export const notificationSettingsSchema = z.object({
  enabled: z
    .partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean())
    .default({})
    .transform((v) => Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, v[k] ?? true])) as Record<NotificationKind, boolean>),
  trialEndingDays: days.default(7),
  renewalDays: days.default(7),
  operatorRecipients: emailList,
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

// Branding lives in lib/branding (one source for emails and documents); re-exported for the email code.
export { brandingSettingsSchema, getBrandingSettings, mergeBrandingSettings, type BrandingSettings } from '@/lib/branding/settings';

export async function getNotificationSettings(tx?: Tx): Promise<NotificationSettings> {
  const parsed = notificationSettingsSchema.safeParse((await getAppSetting({ key: 'notifications' }, tx)) ?? {});
  return parsed.success ? parsed.data : notificationSettingsSchema.parse({});
}

export async function saveNotificationSettings(settings: NotificationSettings, tx?: Tx): Promise<void> {
  await saveAppSetting({ key: 'notifications', value: settings }, tx);
}
