'use server';
// Records a payment received outside Stripe on an open invoice (admin operators), then shows the result.
import { revalidatePath } from 'next/cache';
import { recordOffStripePayment } from '@/lib/back-office/record-payment';
import { recordPaymentSchema } from '@/lib/back-office/record-payment-schema';
import { operatorActionClient } from '../safe-action';

export const recordPaymentAction = operatorActionClient
  .metadata({ actionName: 'recordPayment', operatorPermission: 'admin:payments:record' })
  .inputSchema(recordPaymentSchema)
  .action(async ({ ctx, parsedInput }) => {
    const result = await recordOffStripePayment({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath(`/admin/invoices/${result.invoiceId}`);
    return result;
  });
