// A single-use onboarding link (Stripe-hosted) for an Accounts v2 recipient: `v2.core.accountLinks` with the
// `account_onboarding` use case for the recipient configuration. Links expire within minutes, so callers make
// one when the payee is about to open it; the key carries the minute it was asked for (see the v1 twin,
// create-account-onboarding-link.ts, still used for payees whose account is v1).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createRecipientOnboardingLink(
  params: { accountId: string; refreshUrl: string; returnUrl: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.V2.Core.AccountLink> {
  return stripe.v2.core.accountLinks.create(
    {
      account: params.accountId,
      use_case: {
        type: 'account_onboarding',
        account_onboarding: { refresh_url: params.refreshUrl, return_url: params.returnUrl },
      },
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
