'use server';
// Removes a member (owners only). The last owner cannot be removed.
import { revalidatePath } from 'next/cache';
import { getTranslations } from '@/lib/i18n/server';
import { removeMember } from '@/db/queries/members';
import { recordAudit } from '@/lib/audit/record-audit';
import { removeMemberSchema } from '@/lib/billing/members/member-schemas';
import { AppError } from '@/lib/errors';
import { orgActionClient } from '../safe-action';

export const removeMemberAction = orgActionClient
  .metadata({ actionName: 'removeMember', permission: 'members:manage' })
  .inputSchema(removeMemberSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const result = await removeMember({ organizationId, userId: parsedInput.userId });
    if (result.outcome === 'not_found') throw new AppError('not_found', `user ${parsedInput.userId} is not a member of ${organizationId}`);
    if (result.outcome === 'last_owner') {
      throw new AppError('conflict', `cannot remove the last owner of ${organizationId}`, { userMessage: (await getTranslations('members'))('lastOwner') });
    }
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'member.removed',
      target: { type: 'user', id: parsedInput.userId },
      data: { role: result.previousRole },
    });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { removed: parsedInput.userId };
  });
