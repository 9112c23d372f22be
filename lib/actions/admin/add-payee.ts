'use server';
// Adds a payee (admin operators): creates their connected account; the page then offers the onboarding link.
import { revalidatePath } from 'next/cache';
import { addPayee } from '@/lib/connect/add-payee';
import { addPayeeSchema } from '@/lib/connect/schemas';
import { operatorActionClient } from '../safe-action';

export const addPayeeAction = operatorActionClient
  .metadata({ actionName: 'addPayee', operatorPermission: 'admin:connect:manage' })
  .inputSchema(addPayeeSchema)
  .action(async ({ ctx, parsedInput }) => {
    const payee = await addPayee({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath('/admin/payees');
    return { payeeId: payee.id, name: payee.name };
  });
