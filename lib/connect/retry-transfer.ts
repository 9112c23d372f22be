// An operator retries a failed transfer (after topping up the balance, or once the payee fixed their account).
// A new attempt number makes a new idempotency key: Stripe keeps the failed answer under the old one. Only a
// `failed` row can be retried, so a transfer that went out is never sent again. Audited.
import 'server-only';
import type Stripe from 'stripe';
import { getSaleForOperator, getTransferForOperator, updateTransferForOperator } from '@/db/queries/connect-sales';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { connectInputError } from './connect-error';
import { sendTransfer } from './settle-sale';

export async function retryTransfer(params: { transferId: string; operatorUserId: string }, stripe?: Stripe): Promise<'sent' | 'pending' | 'failed'> {
  const transfer = await getTransferForOperator({ transferId: params.transferId });
  if (!transfer) throw new AppError('not_found', `transfer ${params.transferId} not found`);
  if (transfer.status !== 'failed') throw connectInputError('not_failed', `transfer ${transfer.id} is ${transfer.status}`);
  const sale = await getSaleForOperator({ saleId: transfer.saleId });
  if (!sale) throw new AppError('not_found', `sale ${transfer.saleId} not found`);
  const retried = await updateTransferForOperator({ transferId: transfer.id, from: ['failed'], set: { status: 'pending', attempt: transfer.attempt + 1 } });
  if (!retried) throw connectInputError('not_failed', `transfer ${transfer.id} changed meanwhile`);
  await recordAudit({
    organizationId: sale.organizationId,
    actor: { type: 'operator', id: params.operatorUserId },
    action: 'connect_transfer.retried',
    target: { type: 'connect_transfer', id: transfer.id },
    data: { before: { status: 'failed', attempt: transfer.attempt, failureMessage: transfer.failureMessage }, after: { status: 'pending', attempt: retried.attempt } },
  });
  return sendTransfer(sale, retried, { stripe });
}
