'use server';
// Finalize, void or mark uncollectible one invoice (admins: admin:invoices:manage), then show the result.
import { revalidatePath } from 'next/cache';
import { manageInvoiceSchema } from '@/lib/billing/operator-invoices/schemas';
import { runInvoiceAction } from '@/lib/billing/operator-invoices/run-invoice-action';
import { operatorActionClient } from '../safe-action';

export const manageInvoiceAction = operatorActionClient
  .metadata({ actionName: 'manageInvoice', operatorPermission: 'admin:invoices:manage' })
  .inputSchema(manageInvoiceSchema)
  .action(async ({ ctx, parsedInput }) => {
    const after = await runInvoiceAction({ ...parsedInput, operator: { userId: ctx.user.id, role: ctx.operatorRole } });
    revalidatePath(`/admin/invoices/${after.id}`);
    revalidatePath('/admin/invoices');
    return { status: after.status };
  });
