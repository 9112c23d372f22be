'use server';
// Emails an open send_invoice invoice again (support and admins: admin:invoices:resend); answers to whom.
import { revalidatePath } from 'next/cache';
import { invoiceEmailRecipient } from '@/lib/billing/invoices/invoice-details';
import { resendInvoiceSchema } from '@/lib/billing/operator-invoices/schemas';
import { runInvoiceAction } from '@/lib/billing/operator-invoices/run-invoice-action';
import { operatorActionClient } from '../safe-action';

export const resendInvoiceAction = operatorActionClient
  .metadata({ actionName: 'resendInvoice', operatorPermission: 'admin:invoices:resend' })
  .inputSchema(resendInvoiceSchema)
  .action(async ({ ctx, parsedInput }) => {
    const after = await runInvoiceAction({ ...parsedInput, action: 'resend', operator: { userId: ctx.user.id, role: ctx.operatorRole } });
    revalidatePath(`/admin/invoices/${after.id}`);
    return { sent: true, recipient: invoiceEmailRecipient(after) };
  });
