// One payee's share of a sale: a transfer tied to the sale's charge (`source_transaction`, so it draws on that
// charge's funds even before they are available) and to the sale's `transfer_group`. The key comes from the sale
// and the payee, so a replayed webhook or a crash between this call and the row update finds the same transfer.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createTransfer(
  params: {
    amount: number;
    currency: string;
    destination: string;
    sourceTransaction: string | null;
    transferGroup: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Transfer> {
  return stripe.transfers.create(
    {
      amount: params.amount,
      currency: params.currency,
      destination: params.destination,
      ...(params.sourceTransaction ? { source_transaction: params.sourceTransaction } : {}),
      transfer_group: params.transferGroup,
      metadata: params.metadata,
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
