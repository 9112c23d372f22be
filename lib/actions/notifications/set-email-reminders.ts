'use server';
// A customer turns the non-essential emails (reminders) on or off for their organization. Payment and invoice
// emails are not affected.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setEmailReminders } from '@/lib/notifications/operator-actions';
import { orgActionClient } from '../safe-action';

export const setEmailRemindersAction = orgActionClient
  .metadata({ actionName: 'setEmailReminders', permission: 'organization:update' })
  .inputSchema(z.object({ organizationId: z.string().min(1), enabled: z.boolean() }))
  .action(async ({ ctx, parsedInput }) => {
    await setEmailReminders({ organizationId: ctx.organization.id, enabled: parsedInput.enabled, actor: { type: 'user', id: ctx.user.id } });
    revalidatePath(`/orgs/${ctx.organization.id}/billing-details`);
    return { enabled: parsedInput.enabled };
  });
