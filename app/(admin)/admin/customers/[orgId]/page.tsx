// GET /admin/customers/[orgId] — one customer: organization, Stripe customer, members, subscriptions,
// invoices and its activity, all from the mirror and the audit log.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { getCustomerDetail } from '@/db/queries/admin';
import { listAuditEntries } from '@/db/queries/audit';
import { requireOperator } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('detailTitle') };
}

export default async function AdminCustomerPage({ params }: { params: Promise<{ orgId: string }> }) {
  await requireOperator();
  const { orgId } = await params;
  const [detail, audit, t, tRole, tOverview, locale, timeZone] = await Promise.all([
    getCustomerDetail({ organizationId: orgId }),
    listAuditEntries({ organizationId: orgId, limit: 20 }),
    getTranslations('admin'),
    getTranslations('role'),
    getTranslations('overview'),
    getLocale(),
    getTimeZone(),
  ]);
  if (!detail) notFound();
  const { organization, customer, members, subscriptions, invoices } = detail;
  const date = (d: Date) => formatDate(d, locale, timeZone);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/customers">← {t('backToCustomers')}</Link>
      </p>
      <div className="mb-6">
        <h1>{organization.name}</h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">ID</dt>
          <dd className="font-mono text-xs leading-6">{organization.id}</dd>
          <dt className="font-medium text-slate-700">{t('stripeCustomer')}</dt>
          <dd className="font-mono text-xs leading-6">{customer ? customer.id : organization.stripeCustomerId ?? t('notLinked')}</dd>
          <dt className="font-medium text-slate-700">{t('colEmail')}</dt>
          <dd>{organization.billingEmail ?? customer?.email ?? '—'}</dd>
          <dt className="font-medium text-slate-700">{t('colCurrency')}</dt>
          <dd className="uppercase">{organization.currency ?? '—'}</dd>
          <dt className="font-medium text-slate-700">{t('colCreated')}</dt>
          <dd>{date(organization.createdAt)}</dd>
        </dl>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="subs-title">
          <h2 id="subs-title" className="card-title">
            {t('subscriptions')}
          </h2>
          {subscriptions.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t('noSubscriptions')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100">
              {subscriptions.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-mono text-xs">{s.id}</span>
                  <span className="flex items-center gap-2 text-sm text-slate-600">
                    {s.currentPeriodEnd ? `${t('periodEnd')}: ${date(s.currentPeriodEnd)}` : null}
                    <SubscriptionStatusBadge status={s.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title" className="card-title">
            {t('members')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>{m.email}</span>
                <span className="badge-gray">{tRole(m.role)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card mt-6" aria-labelledby="inv-title">
        <h2 id="inv-title" className="card-title">
          {t('invoices')}
        </h2>
        {invoices.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t('noInvoices')} />
          </div>
        ) : (
          <InvoiceTable
            className="mt-3"
            invoices={invoices}
            labels={{ region: t('invoices'), number: tOverview('invoiceNumber'), date: tOverview('invoiceDate'), amount: tOverview('invoiceAmount'), status: tOverview('invoiceStatus') }}
            locale={locale}
            timeZone={timeZone}
          />
        )}
      </section>

      <section className="card mt-6" aria-labelledby="audit-title">
        <h2 id="audit-title" className="card-title">
          {t('auditLog')}
        </h2>
        {audit.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t('noAudit')}</p>
        ) : (
          <ol className="mt-3 divide-y divide-slate-100 text-sm">
            {audit.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <code className="font-mono text-xs">{entry.action}</code>
                  <span className="ml-2 text-slate-500">
                    {entry.actorType}
                    {entry.actorId ? `:${entry.actorId.slice(0, 8)}` : ''}
                  </span>
                </span>
                <time dateTime={entry.createdAt.toISOString()} className="text-slate-600">
                  {formatDateTime(entry.createdAt, locale, timeZone)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
