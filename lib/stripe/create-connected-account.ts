// A payee's connected account, as Stripe recommends for new platforms: Accounts v2 with the **recipient**
// configuration (`stripe_balance.stripe_transfers`), so the platform can send it `/v1/transfers` and it is never
// the merchant of record (docs/connect.md). Express dashboard; the application collects fees and carries losses;
// Stripe collects the requirements through its hosted onboarding. The caller's key comes from the payee's email:
// adding them twice finds one account. The answer includes what the status mapping reads.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';
import { RECIPIENT_ACCOUNT_INCLUDE } from './retrieve-recipient-account';

export async function createConnectedAccount(
  params: { email: string; name: string; country: string; payeeId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.V2.Core.Account> {
  return stripe.v2.core.accounts.create(
    {
      contact_email: params.email,
      display_name: params.name,
      dashboard: 'express',
      identity: { country: params.country },
      configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { requested: true } } } } },
      defaults: { responsibilities: { fees_collector: 'application', losses_collector: 'application' } },
      include: [...RECIPIENT_ACCOUNT_INCLUDE],
      metadata: { seikyu_payee_id: params.payeeId },
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
