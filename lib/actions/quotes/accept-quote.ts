'use server';
// The customer accepts a quote sent to them. Access and the accepting role are checked in lib/quotes (the
// quote's recipient, or an owner/billing manager of its organization); the amounts are Stripe's.
import { revalidatePath } from 'next/cache';
import { acceptCustomerQuote } from '@/lib/quotes/accept-quote';
import { quoteIdSchema } from '@/lib/quotes/quote-schemas';
import { authActionClient } from '../safe-action';

export const acceptQuoteAction = authActionClient
  .metadata({ actionName: 'acceptQuote' })
  .inputSchema(quoteIdSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await acceptCustomerQuote({ quoteId: parsedInput.quoteId, viewer: { id: ctx.user.id, email: ctx.user.email } });
    revalidatePath(`/quotes/${parsedInput.quoteId}`);
    revalidatePath(`/orgs/${result.organizationId}`, 'layout');
    return result;
  });
