'use server';
// Previews a credit note for the operator to confirm (nothing is written).
import { previewOperatorCreditNote } from '@/lib/back-office/credit-notes';
import { creditNoteSchema } from '@/lib/back-office/credit-note-schema';
import { operatorActionClient } from '../safe-action';

export const previewCreditNoteAction = operatorActionClient
  .metadata({ actionName: 'previewCreditNote', operatorPermission: 'admin:credit_notes:manage' })
  .inputSchema(creditNoteSchema)
  .action(async ({ parsedInput }) => previewOperatorCreditNote(parsedInput));
