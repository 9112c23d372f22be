// The `connect.release-pending` job: transfers of paid sales that waited for their payee's onboarding go out once
// the payee is enabled. Enqueued when account.updated enables a payee, and swept every few minutes in case that
// enqueue was lost. Idempotent (settle-sale.ts).
import 'server-only';
import type Stripe from 'stripe';
import { getSaleForOperator, listPendingTransfersForOperator } from '@/db/queries/connect-sales';
import { sendTransfer } from './settle-sale';

export async function releasePendingTransfers(params: { payeeId?: string } = {}, stripe?: Stripe): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (const transfer of await listPendingTransfersForOperator(params)) {
    const sale = await getSaleForOperator({ saleId: transfer.saleId });
    if (!sale || sale.status !== 'paid') continue;
    const outcome = await sendTransfer(sale, transfer, { stripe });
    if (outcome === 'sent') result.sent += 1;
    if (outcome === 'failed') result.failed += 1;
  }
  return result;
}
