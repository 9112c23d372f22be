// A single-use onboarding link (Stripe-hosted) for a connected account. Links expire within minutes, so callers
// make one when the payee is about to open it (the refresh URL makes a new one). The key carries the minute it
// was asked for: a double click gets the same link, a later visit a fresh one.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createAccountOnboardingLink(
  params: { accountId: string; refreshUrl: string; returnUrl: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.AccountLink> {
  return stripe.accountLinks.create(
    { account: params.accountId, type: 'account_onboarding', refresh_url: params.refreshUrl, return_url: params.returnUrl },
    { idempotencyKey: params.idempotencyKey },
  );
}
