'use server';
// Finalize, send, cancel or duplicate one quote (admins: admin:quotes:manage), then show the result.
import { revalidatePath } from 'next/cache';
import { cancelOperatorQuote, duplicateOperatorQuote, finalizeOperatorQuote } from '@/lib/quotes/operator-quotes';
import { manageQuoteSchema } from '@/lib/quotes/quote-schemas';
import { sendOperatorQuote } from '@/lib/quotes/send-quote';
import { operatorActionClient } from '../safe-action';

export const manageQuoteAction = operatorActionClient
  .metadata({ actionName: 'manageQuote', operatorPermission: 'admin:quotes:manage' })
  .inputSchema(manageQuoteSchema)
  .action(async ({ ctx, parsedInput }) => {
    const operatorUserId = ctx.user.id;
    const { quoteId } = parsedInput;
    let result: { quoteId: string; outcome?: string };
    if (parsedInput.action === 'finalize') result = await finalizeOperatorQuote({ quoteId, operatorUserId });
    else if (parsedInput.action === 'cancel') result = await cancelOperatorQuote({ quoteId, operatorUserId });
    else if (parsedInput.action === 'duplicate') result = await duplicateOperatorQuote({ quoteId, attempt: parsedInput.attempt, operatorUserId });
    else result = { quoteId, outcome: await sendOperatorQuote({ quoteId, operatorUserId }) };
    revalidatePath(`/admin/quotes/${quoteId}`);
    revalidatePath('/admin/quotes');
    return result;
  });
