'use server';
// A customer (owner or billing) sets one meter's budget and its alert thresholds. Audited in lib/usage/budgets.ts.
import { revalidatePath } from 'next/cache';
import { saveUsageBudgetSchema } from '@/lib/usage/budget-schemas';
import { setUsageBudget } from '@/lib/usage/budgets';
import { orgActionClient } from '../safe-action';

export const saveUsageBudgetAction = orgActionClient
  .metadata({ actionName: 'saveUsageBudget', permission: 'billing:manage' })
  .inputSchema(saveUsageBudgetSchema)
  .action(async ({ ctx, parsedInput }) => {
    await setUsageBudget({ ...parsedInput, organizationId: ctx.organization.id, actor: { type: 'user', id: ctx.user.id } });
    revalidatePath(`/orgs/${ctx.organization.id}/usage`);
    return { saved: true };
  });
