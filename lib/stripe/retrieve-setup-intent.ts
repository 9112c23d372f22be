// Reads a SetupIntent back after the browser confirmed it (the browser's word is not trusted).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveSetupIntent(setupIntentId: string, stripe: Stripe = defaultStripe): Promise<Stripe.SetupIntent> {
  return stripe.setupIntents.retrieve(setupIntentId);
}
