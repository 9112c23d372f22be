'use server';
// Resends one email from the outbox (sent or failed): back to pending, delivered by the job runner. Audited.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { resendNotification } from '@/lib/notifications/operator-actions';
import { operatorActionClient } from '../safe-action';

export const resendNotificationAction = operatorActionClient
  .metadata({ actionName: 'resendNotification', operatorPermission: 'admin:notifications:manage' })
  .inputSchema(z.object({ notificationId: z.string().min(1).max(100) }))
  .action(async ({ ctx, parsedInput }) => {
    const done = await resendNotification({ notificationId: parsedInput.notificationId, actor: { type: 'operator', id: ctx.user.id } });
    if (!done) throw new AppError('not_found', `notification ${parsedInput.notificationId} is not sent or failed`);
    revalidatePath('/admin/notifications');
    return { resent: true };
  });
