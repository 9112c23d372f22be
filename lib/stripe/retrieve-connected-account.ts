// Reads a connected account as the platform sees it (status, capabilities, requirements).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveConnectedAccount(accountId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Account> {
  return stripe.accounts.retrieve(accountId);
}
