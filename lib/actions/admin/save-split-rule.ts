'use server';
// Saves the split rule of a product or price (admin operators); refused when it pays out more than the sale.
import { revalidatePath } from 'next/cache';
import { saveSplitRuleSchema } from '@/lib/connect/schemas';
import { saveSplitRule } from '@/lib/connect/split-rules';
import { operatorActionClient } from '../safe-action';

export const saveSplitRuleAction = operatorActionClient
  .metadata({ actionName: 'saveSplitRule', operatorPermission: 'admin:connect:manage' })
  .inputSchema(saveSplitRuleSchema)
  .action(async ({ ctx, parsedInput }) => {
    const rule = await saveSplitRule({ ...parsedInput, operatorUserId: ctx.user.id });
    revalidatePath('/admin/payees');
    return { ruleId: rule.id };
  });
