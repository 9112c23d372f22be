'use server';
// Issues the credit note the operator previewed and confirmed.
import { revalidatePath } from 'next/cache';
import { issueOperatorCreditNote } from '@/lib/back-office/credit-notes';
import { issueCreditNoteSchema } from '@/lib/back-office/credit-note-schema';
import { operatorActionClient } from '../safe-action';

export const issueCreditNoteAction = operatorActionClient
  .metadata({ actionName: 'issueCreditNote', operatorPermission: 'admin:credit_notes:manage' })
  .inputSchema(issueCreditNoteSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await issueOperatorCreditNote({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath(`/admin/invoices/${parsedInput.invoiceId}`);
    return result;
  });
