// Layout for /admin/* — operators only; a signed-in customer gets 404, a visitor the sign-in page. Every admin
// page shows the failing-webhooks banner while events are failing.
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { FailedEventsBanner } from '@/components/admin/events/failed-events-banner';
import { AppShell } from '@/components/app-shell';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { requireOperator } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requireOperator();
  const [t, tNotifications, tBackoffice, tBranding, tConnect, organizations] = await Promise.all([
    getTranslations('nav'),
    getTranslations('notifications'),
    getTranslations('backoffice.nav'),
    getTranslations('branding'),
    getTranslations('connect.nav'),
    listOrganizationsForUser({ userId: user.id }),
  ]);
  return (
    <AppShell
      homeHref="/admin/customers"
      context={<span className="badge-blue">{t('adminSection')}</span>}
      navLabel={t('adminSection')}
      nav={[
        { href: '/admin/customers', label: t('customers') },
        { href: '/admin/invoices', label: t('adminInvoices') },
        { href: '/admin/invoices/review', label: t('adminReview') },
        { href: '/admin/quotes', label: tBackoffice('quotes') },
        { href: '/admin/reports/receivables', label: tBackoffice('receivables') },
        { href: '/admin/payees', label: tConnect('payees') },
        { href: '/admin/transfers', label: tConnect('transfers') },
        { href: '/admin/audit', label: tBackoffice('audit') },
        { href: '/admin/events', label: tBackoffice('events') },
        { href: '/admin/notifications', label: tNotifications('outbox.title') },
        { href: '/admin/settings/notifications', label: tNotifications('settings.title') },
        { href: '/admin/settings/branding', label: tBranding('title') },
      ]}
      secondaryNav={organizations[0] ? [{ href: `/orgs/${organizations[0].id}`, label: t('portalSection') }] : []}
      userEmail={user.email}
    >
      <FailedEventsBanner />
      {children}
    </AppShell>
  );
}
