'use server';
// Withdraws a pending invitation (owners only).
import { revalidatePath } from 'next/cache';
import { deleteInvitation } from '@/db/queries/members';
import { recordAudit } from '@/lib/audit/record-audit';
import { revokeInvitationSchema } from '@/lib/billing/members/member-schemas';
import { AppError } from '@/lib/errors';
import { orgActionClient } from '../safe-action';

export const revokeInvitationAction = orgActionClient
  .metadata({ actionName: 'revokeInvitation', permission: 'members:manage' })
  .inputSchema(revokeInvitationSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const revoked = await deleteInvitation({ organizationId, invitationId: parsedInput.invitationId });
    if (!revoked) throw new AppError('not_found', `invitation ${parsedInput.invitationId} is not pending in ${organizationId}`);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'member.invitation_revoked',
      target: { type: 'invitation', id: revoked.id },
      data: { email: revoked.email },
    });
    revalidatePath(`/orgs/${organizationId}/members`);
    return { revoked: revoked.id };
  });
