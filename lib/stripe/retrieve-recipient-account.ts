// Reads a payee's Accounts v2 account with the parts the status mapping needs (Stripe returns the recipient
// configuration and the requirements only when asked).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export const RECIPIENT_ACCOUNT_INCLUDE = ['configuration.recipient', 'requirements'] as const;

export async function retrieveRecipientAccount(accountId: string, stripe: Stripe = defaultStripe): Promise<Stripe.V2.Core.Account> {
  return stripe.v2.core.accounts.retrieve(accountId, { include: [...RECIPIENT_ACCOUNT_INCLUDE] });
}
