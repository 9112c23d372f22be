// Invites a person by email: records the invitation (renewing one that exists) and emails the sign-in link.
import 'server-only';
import { isMemberByEmail, upsertInvitation, type MemberRole, type PendingInvitation } from '@/db/queries/members';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { sendMail } from '@/lib/mail/send-mail';
import { buildInvitationEmail } from './invitation-email';

export async function inviteMember(params: {
  organizationId: string;
  organizationName: string;
  email: string;
  role: MemberRole;
  inviter: { id: string; email: string };
  locale: Locale;
  alreadyMemberMessage: string;
}): Promise<PendingInvitation> {
  if (await isMemberByEmail({ organizationId: params.organizationId, email: params.email })) {
    throw new AppError('conflict', `${params.email} is already a member of ${params.organizationId}`, { userMessage: params.alreadyMemberMessage });
  }
  const invitation = await upsertInvitation({
    organizationId: params.organizationId,
    email: params.email,
    role: params.role,
    invitedByUserId: params.inviter.id,
  });
  const url = new URL('/sign-in', env.APP_URL);
  url.searchParams.set('callbackUrl', `/orgs/${params.organizationId}`);
  const mail = buildInvitationEmail({
    organizationName: params.organizationName,
    inviterEmail: params.inviter.email,
    role: params.role,
    url: url.toString(),
    locale: params.locale,
  });
  await sendMail({ to: params.email, subject: mail.subject, text: mail.text });
  return invitation;
}
