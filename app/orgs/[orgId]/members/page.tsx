// GET /orgs/[orgId]/members — who belongs to the organization and with which role, and pending invitations.
// Owners invite, change roles and remove; everyone else only sees the list.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { InviteMemberForm } from '@/components/billing/members/invite-member-form';
import { MemberActionsForm, RevokeInvitationButton } from '@/components/billing/members/member-actions-form';
import { PageHeader } from '@/components/ui/page-header';
import { listMembers, listPendingInvitations } from '@/db/queries/members';
import { requireMembership } from '@/lib/auth/session';
import { formatDate } from '@/lib/i18n/format';
import { can } from '@/lib/permissions';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('members');

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, organization } = await requireMembership(orgId);
  const [members, invitations, t, tRole, locale] = await Promise.all([
    listMembers({ organizationId: organization.id }),
    listPendingInvitations({ organizationId: organization.id }),
    getTranslations('members'),
    getTranslations('role'),
    getLocale(),
  ]);
  const mayManage = can(organization.role, 'members:manage');
  const roles = { owner: tRole('owner'), billing: tRole('billing'), member: tRole('member') };
  const date = (value: Date) => formatDate(value, locale, organization.timeZone);

  return (
    <>
      <PageHeader title={t('title')} description={mayManage ? t('description') : t('readOnly')} />

      {mayManage ? (
        <section className="card mb-6" aria-labelledby="invite-title">
          <h2 id="invite-title" className="card-title mb-3">
            {t('inviteTitle')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t('rolesHelp')}</p>
          <InviteMemberForm
            organizationId={organization.id}
            labels={{
              email: t('emailLabel'),
              role: t('role'),
              submit: t('invite'),
              pending: t('inviting'),
              sent: t('invited', { email: '{email}' }),
              invalidEmail: t('invalidEmail'),
              roles,
            }}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title" className="card-title">
          {t('membersTitle')}
        </h2>
        <ul className="mt-3 divide-y divide-slate-100" data-testid="members-list">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium text-slate-900">
                  {member.email}
                  {member.userId === user.id ? <span className="ml-2 text-sm font-normal text-slate-500">{t('you')}</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  <span className="badge-gray">{roles[member.role]}</span> <span>{t('joined', { date: date(member.joinedAt) })}</span>
                </p>
              </div>
              {mayManage ? (
                <MemberActionsForm
                  organizationId={organization.id}
                  userId={member.userId}
                  email={member.email}
                  role={member.role}
                  labels={{ role: t('roleFor', { email: '{email}' }), change: t('changeRole'), remove: t('remove'), roles }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {invitations.length > 0 ? (
        <section className="card mt-6" aria-labelledby="invitations-title">
          <h2 id="invitations-title" className="card-title">
            {t('pendingTitle')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-100" data-testid="invitations-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium text-slate-900">{invitation.email}</p>
                  <p className="text-sm text-slate-600">
                    <span className="badge-blue">{roles[invitation.role]}</span> <span>{t('invitedOn', { date: date(invitation.invitedAt) })}</span>
                  </p>
                </div>
                {mayManage ? <RevokeInvitationButton organizationId={organization.id} invitationId={invitation.id} label={t('revoke')} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
