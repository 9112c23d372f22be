// Layout for /orgs/[orgId]/* — members of the organization only; anyone else gets 404.
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { PaymentFailedBanner } from '@/components/billing/payment-failed-banner';
import { portalSections } from '@/components/portal/portal-nav';
import { getOperatorRoleFor, requireMembership } from '@/lib/auth/session';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, organization, paymentProblem } = await requireMembership(orgId);
  const [t, operatorRole] = await Promise.all([getTranslations('nav'), getOperatorRoleFor(user.id)]);
  const base = `/orgs/${organization.id}`;
  const nav = portalSections
    .filter((section) => section.path !== null)
    .map((section) => ({ href: `${base}${section.path}`, label: t(section.key), exact: section.path === '' }));
  return (
    <AppShell
      homeHref={base}
      context={<span data-testid="org-name">{organization.name}</span>}
      navLabel={t('portalSection')}
      nav={nav}
      secondaryNav={operatorRole ? [{ href: '/admin/customers', label: t('admin') }] : []}
      userEmail={user.email}
    >
      <PaymentFailedBanner organizationId={organization.id} problem={paymentProblem} />
      {children}
    </AppShell>
  );
}
