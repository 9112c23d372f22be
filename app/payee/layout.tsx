// Layout for /payee — a payee's own pages; signed-in payees only (others: 404, visitors: sign-in).
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { requirePayee } from '@/lib/connect/current-payee';

export default async function PayeeLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePayee();
  const t = await getTranslations('connect.nav');
  return (
    <AppShell
      homeHref="/payee"
      context={<span className="badge-blue">{t('payeeSection')}</span>}
      navLabel={t('payeeSection')}
      nav={[{ href: '/payee', label: t('payeePage'), exact: true }]}
      userEmail={user.email ?? ''}
    >
      {children}
    </AppShell>
  );
}
