// Layout for /admin/* — operators only; a signed-in customer gets 404, a visitor the sign-in page.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { requireOperator } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requireOperator();
  const [t, tNotifications, tBranding, organizations] = await Promise.all([
    getTranslations('nav'),
    getTranslations('notifications'),
    getTranslations('branding'),
    listOrganizationsForUser({ userId: user.id }),
  ]);
  return (
    <AppShell
      homeHref="/admin/customers"
      context={<span className="badge-blue">{t('adminSection')}</span>}
      navLabel={t('adminSection')}
      nav={[
        { href: '/admin/customers', label: t('customers') },
        { href: '/admin/notifications', label: tNotifications('outbox.title') },
        { href: '/admin/settings/notifications', label: tNotifications('settings.title') },
        { href: '/admin/settings/branding', label: tBranding('title') },
      ]}
      secondaryNav={organizations[0] ? [{ href: `/orgs/${organizations[0].id}`, label: t('portalSection') }] : []}
      userEmail={user.email}
    >
      {children}
    </AppShell>
  );
}
