// Reads a charge (its refunded amount, its invoice's payment) after a refund event.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveCharge(chargeId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Charge> {
  return stripe.charges.retrieve(chargeId);
}
