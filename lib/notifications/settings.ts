// Operator settings for notifications (which moments are on, day counts, operator recipients) and the
// branding the emails carry. Stored in app_settings, parsed with zod on read so a missing or older value
// falls back to the defaults field by field.
import { z } from 'zod';
import { getAppSetting, saveAppSetting } from '@/db/queries/app-settings';
import type { Tx } from '@/db';
import { NOTIFICATION_KINDS, type NotificationKind } from './kinds';

const emailList = z
  .array(z.string().trim().toLowerCase().email())
  .max(20)
  .default([]);

export const notificationSettingsSchema = z.object({
  enabled: z
    .partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean())
    .default({})
    .transform((v) => Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, v[k] ?? true])) as Record<NotificationKind, boolean>),
  trialEndingDays: z.coerce.number().int().min(1).max(60).default(7),
  renewalDays: z.coerce.number().int().min(1).max(60).default(7),
  operatorRecipients: emailList,
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

export const brandingSettingsSchema = z.object({
  companyName: z.string().trim().min(1).max(100).default('Seikyu'),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#3f48c0'),
  /** Shown in bank-transfer invoice emails: bank, branch, account type and number, holder. */
  bankDetails: z.string().trim().max(1000).default(''),
});
export type BrandingSettings = z.output<typeof brandingSettingsSchema>;

export async function getNotificationSettings(tx?: Tx): Promise<NotificationSettings> {
  const parsed = notificationSettingsSchema.safeParse((await getAppSetting({ key: 'notifications' }, tx)) ?? {});
  return parsed.success ? parsed.data : notificationSettingsSchema.parse({});
}

export async function getBrandingSettings(tx?: Tx): Promise<BrandingSettings> {
  const parsed = brandingSettingsSchema.safeParse((await getAppSetting({ key: 'branding' }, tx)) ?? {});
  return parsed.success ? parsed.data : brandingSettingsSchema.parse({});
}

export async function saveNotificationSettings(settings: NotificationSettings, tx?: Tx): Promise<void> {
  await saveAppSetting({ key: 'notifications', value: settings }, tx);
}

export async function saveBrandingSettings(settings: BrandingSettings, tx?: Tx): Promise<void> {
  await saveAppSetting({ key: 'branding', value: settings }, tx);
}
