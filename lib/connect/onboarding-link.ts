// A fresh onboarding link for a payee, made when it is about to be opened (links are single-use and expire). The
// refresh URL is the same route, so an expired link leads to a new one, as Stripe recommends. A v2 payee gets a
// v2 account link (recipient onboarding), a payee whose account is v1 a v1 one.
import 'server-only';
import type Stripe from 'stripe';
import type { Payee } from '@/db/queries/payees';
import { env } from '@/lib/env';
import { createAccountOnboardingLink } from '@/lib/stripe/create-account-onboarding-link';
import { createRecipientOnboardingLink } from '@/lib/stripe/create-recipient-onboarding-link';

export async function createPayeeOnboardingLink(
  params: { payee: Pick<Payee, 'id' | 'stripeAccountId' | 'accountApi'>; refreshPath: string; returnPath: string; now?: Date },
  stripe?: Stripe,
): Promise<string> {
  const minute = Math.floor((params.now ?? new Date()).getTime() / 60_000);
  const request = {
    accountId: params.payee.stripeAccountId,
    refreshUrl: new URL(params.refreshPath, env.APP_URL).toString(),
    returnUrl: new URL(params.returnPath, env.APP_URL).toString(),
    idempotencyKey: `connect-payee:${params.payee.id}:onboarding-link:${params.refreshPath}:${minute}`,
  };
  const link = params.payee.accountApi === 'v2' ? await createRecipientOnboardingLink(request, stripe) : await createAccountOnboardingLink(request, stripe);
  return link.url;
}
