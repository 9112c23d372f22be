'use server';
// The customer accepts a quote sent to them. Access and the accepting role are checked in lib/quotes (the
// quote's recipient, or an owner/billing manager of its organization); the amounts are Stripe's.
import { acceptCustomerQuote } from '@/lib/quotes/accept-quote';
import { quoteIdSchema } from '@/lib/quotes/quote-schemas';
import { authActionClient } from '../safe-action';

export const acceptQuoteAction = authActionClient
  .metadata({ actionName: 'acceptQuote' })
  .inputSchema(quoteIdSchema)
  .action(async ({ ctx, parsedInput }) => {
    // No revalidation here: a revalidation in an action re-renders the page it was called from, and on this page
    // the card is confirmed with Stripe.js after the action returns. The quote page re-rendered as accepted took
    // the card form away in the middle of the payment, and the customer stayed on it. The client loads the
    // destination fully once it is done (components/quotes/quote-accept-form.tsx).
    return acceptCustomerQuote({ quoteId: parsedInput.quoteId, viewer: { id: ctx.user.id, email: ctx.user.email } });
  });
