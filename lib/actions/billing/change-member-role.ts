'use server';
// Changes a member's role (owners only). The last owner cannot be demoted.
import { revalidatePath } from 'next/cache';
import { getTranslations } from '@/lib/i18n/server';
import { changeMemberRole } from '@/db/queries/members';
import { recordAudit } from '@/lib/audit/record-audit';
import { changeMemberRoleSchema } from '@/lib/billing/members/member-schemas';
import { AppError } from '@/lib/errors';
import { orgActionClient } from '../safe-action';

export const changeMemberRoleAction = orgActionClient
  .metadata({ actionName: 'changeMemberRole', permission: 'members:manage' })
  .inputSchema(changeMemberRoleSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const result = await changeMemberRole({ organizationId, userId: parsedInput.userId, role: parsedInput.role });
    if (result.outcome === 'not_found') throw new AppError('not_found', `user ${parsedInput.userId} is not a member of ${organizationId}`);
    if (result.outcome === 'last_owner') {
      throw new AppError('conflict', `cannot demote the last owner of ${organizationId}`, { userMessage: (await getTranslations('members'))('lastOwner') });
    }
    if (result.previousRole !== parsedInput.role) {
      await recordAudit({
        organizationId,
        actor: { type: 'user', id: ctx.user.id },
        action: 'member.role_changed',
        target: { type: 'user', id: parsedInput.userId },
        data: { from: result.previousRole, to: parsedInput.role },
      });
    }
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { role: parsedInput.role };
  });
