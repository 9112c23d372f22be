'use server';
// Saves the notification settings (moments on, day counts, operator recipients, sender branding). Admins only.
import { revalidatePath } from 'next/cache';
import { updateNotificationSettings } from '@/lib/notifications/operator-actions';
import { saveNotificationSettingsSchema } from '@/lib/notifications/settings-form-schema';
import { operatorActionClient } from '../safe-action';

export const saveNotificationSettingsAction = operatorActionClient
  .metadata({ actionName: 'saveNotificationSettings', operatorPermission: 'admin:notifications:manage' })
  .inputSchema(saveNotificationSettingsSchema)
  .action(async ({ ctx, parsedInput }) => {
    const { companyName, brandColor, bankDetails, ...notifications } = parsedInput;
    await updateNotificationSettings({ notifications, branding: { companyName, brandColor, bankDetails }, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath('/admin/settings/notifications');
    return { saved: true };
  });
