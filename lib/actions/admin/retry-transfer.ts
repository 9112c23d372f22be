'use server';
// Retries a failed transfer (admin operators), with a new attempt's idempotency key.
import { revalidatePath } from 'next/cache';
import { retryTransfer } from '@/lib/connect/retry-transfer';
import { retryTransferSchema } from '@/lib/connect/schemas';
import { operatorActionClient } from '../safe-action';

export const retryTransferAction = operatorActionClient
  .metadata({ actionName: 'retryTransfer', operatorPermission: 'admin:connect:manage' })
  .inputSchema(retryTransferSchema)
  .action(async ({ ctx, parsedInput }) => {
    const outcome = await retryTransfer({ transferId: parsedInput.transferId, operatorUserId: ctx.user.id });
    revalidatePath('/admin/transfers');
    return { outcome };
  });
