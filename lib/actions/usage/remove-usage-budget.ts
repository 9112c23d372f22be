'use server';
// A customer (owner or billing) removes one meter's budget: no more alerts for it. Audited in lib/usage/budgets.ts.
import { revalidatePath } from 'next/cache';
import { removeUsageBudgetSchema } from '@/lib/usage/budget-schemas';
import { removeUsageBudget } from '@/lib/usage/budgets';
import { orgActionClient } from '../safe-action';

export const removeUsageBudgetAction = orgActionClient
  .metadata({ actionName: 'removeUsageBudget', permission: 'billing:manage' })
  .inputSchema(removeUsageBudgetSchema)
  .action(async ({ ctx, parsedInput }) => {
    const removed = await removeUsageBudget({ organizationId: ctx.organization.id, meter: parsedInput.meter, actor: { type: 'user', id: ctx.user.id } });
    revalidatePath(`/orgs/${ctx.organization.id}/usage`);
    return { removed };
  });
