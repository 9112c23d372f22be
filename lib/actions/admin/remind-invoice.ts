'use server';
// "Remind the customer" from the receivables report (support may): one reminder email per invoice per day.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { remindCustomerOfInvoice } from '@/lib/notifications/invoice-reminder';
import { operatorActionClient } from '../safe-action';

export const remindInvoiceAction = operatorActionClient
  .metadata({ actionName: 'remindInvoice', operatorPermission: 'admin:invoices:resend' })
  .inputSchema(z.object({ invoiceId: z.string().min(1).max(100) }))
  .action(async ({ ctx, parsedInput }) => {
    const outcome = await remindCustomerOfInvoice({ invoiceId: parsedInput.invoiceId, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath('/admin/notifications');
    return { outcome };
  });
