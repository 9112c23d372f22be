'use server';
// A reviewer's edit to a held draft: a one-off line added or removed, a coupon, the memo (admin:review:manage).
import { revalidatePath } from 'next/cache';
import { editHeldDraft } from '@/lib/billing/draft-review/edit-draft';
import { editDraftSchema } from '@/lib/billing/operator-invoices/schemas';
import { operatorActionClient } from '../safe-action';

export const editDraftAction = operatorActionClient
  .metadata({ actionName: 'editDraft', operatorPermission: 'admin:review:manage' })
  .inputSchema(editDraftSchema)
  .action(async ({ ctx, parsedInput }) => {
    await editHeldDraft({ invoiceId: parsedInput.invoiceId, edit: parsedInput.edit, operator: { userId: ctx.user.id, role: ctx.operatorRole } });
    revalidatePath(`/admin/invoices/review/${parsedInput.invoiceId}`);
    revalidatePath('/admin/invoices/review');
    return { ok: true };
  });
