'use server';
// Builds a draft quote (admins: admin:quotes:manage) from catalogue price ids and quantities; Stripe computes the
// preview the operator checks before finalizing.
import { revalidatePath } from 'next/cache';
import { buildQuote } from '@/lib/quotes/operator-quotes';
import { buildQuoteSchema } from '@/lib/quotes/quote-schemas';
import { operatorActionClient } from '../safe-action';

export const buildQuoteAction = operatorActionClient
  .metadata({ actionName: 'buildQuote', operatorPermission: 'admin:quotes:manage' })
  .inputSchema(buildQuoteSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await buildQuote({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath('/admin/quotes');
    return result;
  });
