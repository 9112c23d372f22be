'use server';
// Sets or clears "hold invoices for review" for an organization, a price or a product (admin:review:manage).
import { revalidatePath } from 'next/cache';
import { setReviewHold } from '@/lib/billing/draft-review/review-holds';
import { setReviewHoldSchema } from '@/lib/billing/operator-invoices/schemas';
import { operatorActionClient } from '../safe-action';

export const setReviewHoldAction = operatorActionClient
  .metadata({ actionName: 'setReviewHold', operatorPermission: 'admin:review:manage' })
  .inputSchema(setReviewHoldSchema)
  .action(async ({ ctx, parsedInput }) => {
    const { scope, targetId, enabled, firstInvoices } = parsedInput;
    await setReviewHold({ scope, targetId, hold: enabled ? { firstInvoices } : null, operator: { userId: ctx.user.id, role: ctx.operatorRole } });
    revalidatePath(scope === 'organization' ? `/admin/customers/${targetId}` : '/admin/settings/review');
    return { ok: true };
  });
