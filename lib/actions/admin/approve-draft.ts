'use server';
// Approves a held draft: finalize, and for a card customer charge it now (admin:review:manage).
import { revalidatePath } from 'next/cache';
import { approveHeldDraft } from '@/lib/billing/draft-review/approve-draft';
import { approveDraftSchema } from '@/lib/billing/operator-invoices/schemas';
import { operatorActionClient } from '../safe-action';

export const approveDraftAction = operatorActionClient
  .metadata({ actionName: 'approveDraft', operatorPermission: 'admin:review:manage' })
  .inputSchema(approveDraftSchema)
  .action(async ({ ctx, parsedInput }) => {
    try {
      const after = await approveHeldDraft({ invoiceId: parsedInput.invoiceId, operator: { userId: ctx.user.id, role: ctx.operatorRole } });
      return { status: after.status };
    } finally {
      // A decline still finalized the invoice: the pages show it either way.
      revalidatePath('/admin/invoices', 'layout');
    }
  });
