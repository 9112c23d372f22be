'use server';
// Invites a person to the organization with a role (owners only). Accepted when that address signs in.
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { recordAudit } from '@/lib/audit/record-audit';
import { inviteMember } from '@/lib/billing/members/invite-member';
import { inviteMemberSchema } from '@/lib/billing/members/member-schemas';
import { isLocale } from '@/lib/i18n/config';
import { orgActionClient } from '../safe-action';

export const inviteMemberAction = orgActionClient
  .metadata({ actionName: 'inviteMember', permission: 'members:manage' })
  .inputSchema(inviteMemberSchema)
  .action(async ({ ctx, parsedInput }) => {
    const [locale, t] = await Promise.all([getLocale(), getTranslations('members')]);
    const invitation = await inviteMember({
      organizationId: ctx.organization.id,
      organizationName: ctx.organization.name,
      email: parsedInput.email,
      role: parsedInput.role,
      inviter: { id: ctx.user.id, email: ctx.user.email },
      locale: isLocale(locale) ? locale : 'en',
      alreadyMemberMessage: t('alreadyMember'),
    });
    await recordAudit({
      organizationId: ctx.organization.id,
      actor: { type: 'user', id: ctx.user.id },
      action: 'member.invited',
      target: { type: 'invitation', id: invitation.id },
      data: { email: invitation.email, role: invitation.role },
    });
    revalidatePath(`/orgs/${ctx.organization.id}/members`);
    return { invited: invitation.email };
  });
