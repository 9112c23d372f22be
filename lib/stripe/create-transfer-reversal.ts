// Takes part of a transfer back from the connected account (after a refund or a credit note on its sale). The
// key names the reversed total it brings the transfer to, so the same refund reverses once however often it is seen.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createTransferReversal(
  params: { transferId: string; amount: number; metadata: Record<string, string>; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.TransferReversal> {
  return stripe.transfers.createReversal(params.transferId, { amount: params.amount, metadata: params.metadata }, { idempotencyKey: params.idempotencyKey });
}
