// Called on every sign-in: pending invitations addressed to the person's email become memberships, each
// recorded in the organization's activity. Idempotent (accepted invitations are not pending any more).
import 'server-only';
import { acceptInvitationsForUser } from '@/db/queries/members';
import { recordAudit } from '@/lib/audit/record-audit';

export async function acceptInvitationsOnSignIn(params: { userId: string; email: string }): Promise<void> {
  const joined = await acceptInvitationsForUser(params);
  for (const membership of joined) {
    await recordAudit({
      organizationId: membership.organizationId,
      actor: { type: 'user', id: params.userId },
      action: 'member.joined',
      target: { type: 'user', id: params.userId },
      data: { email: params.email.toLowerCase(), role: membership.role },
    });
  }
}
