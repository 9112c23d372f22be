'use server';
// Called once Stripe.js confirmed the first payment of an accepted quote: verifies with Stripe and says where to go.
import { revalidatePath } from 'next/cache';
import { finishQuoteAcceptance } from '@/lib/quotes/accept-quote';
import { quoteIdSchema } from '@/lib/quotes/quote-schemas';
import { authActionClient } from '../safe-action';

export const finishQuoteAcceptanceAction = authActionClient
  .metadata({ actionName: 'finishQuoteAcceptance' })
  .inputSchema(quoteIdSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await finishQuoteAcceptance({ quoteId: parsedInput.quoteId, viewer: { id: ctx.user.id, email: ctx.user.email } });
    revalidatePath(result.next, 'layout');
    return result;
  });
