'use server';
// Records a sale split between payees (admin operators): the invoice that bills it, charged to the saved card
// when asked; the transfers follow its payment.
import { revalidatePath } from 'next/cache';
import { recordSale } from '@/lib/connect/record-sale';
import { recordSaleSchema } from '@/lib/connect/schemas';
import { operatorActionClient } from '../safe-action';

export const recordSaleAction = operatorActionClient
  .metadata({ actionName: 'recordSale', operatorPermission: 'admin:connect:manage' })
  .inputSchema(recordSaleSchema)
  .action(async ({ ctx, parsedInput }) => {
    const sale = await recordSale({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath('/admin/transfers');
    return { saleId: sale.id, invoiceId: sale.invoiceId, status: sale.status };
  });
