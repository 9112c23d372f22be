// Every active tax rate of the account (the catalogue has four; a page of 100 is plenty, more is a mistake).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function listActiveTaxRates(stripe: Stripe = defaultStripe): Promise<Stripe.TaxRate[]> {
  const page = await stripe.taxRates.list({ active: true, limit: 100 });
  return page.data;
}
