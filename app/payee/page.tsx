// GET /payee — a payee's own page: their Stripe account's status (with a fresh onboarding link while it is not
// enabled) and the transfers paid to them. Only their own rows: the query is scoped by the payee the sign-in
// email belongs to. At phone width the service, role and status move under the date, so a row says what the
// transfer was for without scrolling sideways.
import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { PayeeStatusBadge, TransferStatusBadge } from '@/components/admin/connect/connect-badges';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listTransfersForPayee } from '@/db/queries/connect-sales';
import { requirePayee } from '@/lib/connect/current-payee';
import { timeZoneOfPayee, type PayeeRole } from '@/lib/connect/payee-roles';
import { requirementGroupsDue } from '@/lib/connect/requirement-groups';
import { formatDate, formatMoney } from '@/lib/i18n/format';

// The gate (the layout's) runs for the title too: a refused visitor's 404 then carries the 404's title, not this
// page's (Next takes app/not-found.tsx's title only when the metadata itself hits notFound()).
export async function generateMetadata(): Promise<Metadata> {
  await requirePayee();
  const t = await getTranslations('connect.payee');
  return { title: t('title') };
}

export default async function PayeePage() {
  const { payee } = await requirePayee();
  const [t, locale] = await Promise.all([getTranslations('connect'), getLocale()]);
  // The payee's zone, not the reader's language's: a transfer has the same date in English and Japanese.
  const timeZone = timeZoneOfPayee(payee);
  const transfers = await listTransfersForPayee({ payeeId: payee.id, locale });
  // Stripe's field codes are for operators (/admin/payees); the payee reads what they mean.
  const requirements = requirementGroupsDue(payee.requirementsDue);
  return (
    <>
      <PageHeader title={t('payee.title')} description={t('payee.lead')} />
      <section className="card mb-6" aria-labelledby="payee-status-title" data-testid="payee-account">
        <h2 id="payee-status-title" className="mb-2 text-base font-semibold">
          {t('payee.status')}
        </h2>
        <p className="mb-2">
          <span className="mr-2 font-medium">{payee.name}</span>
          <PayeeStatusBadge status={payee.status} />
        </p>
        {payee.status === 'enabled' ? (
          <p className="text-sm">{t('payee.enabled')}</p>
        ) : (
          <>
            <p className="mb-2 text-sm">{t('payee.onboardingNeeded')}</p>
            {requirements.length > 0 ? (
              <div className="mb-3 text-sm" data-testid="payee-requirements">
                <p>{t('payee.requirementsLead')}</p>
                <ul className="mt-1 list-disc pl-5">
                  {requirements.map((group) => (
                    <li key={group}>{t(`payee.requirementGroups.${group}`)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <a className="btn-primary" href="/payee/onboarding">
              {t('payee.continueOnboarding')}
            </a>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="payee-transfers-title">
        <h2 id="payee-transfers-title" className="mb-3 text-base font-semibold">
          {t('payee.transfers')}
        </h2>
        {transfers.length === 0 ? (
          <EmptyState title={t('payee.empty')} />
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="payee-transfers-title">
            <table className="table" data-testid="payee-transfers">
              <thead>
                <tr>
                  <th scope="col">{t('payee.date')}</th>
                  <th scope="col" className="hidden sm:table-cell">
                    {t('payee.service')}
                  </th>
                  <th scope="col" className="hidden sm:table-cell">
                    {t('payee.role')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('payee.amount')}
                  </th>
                  <th scope="col" className="hidden sm:table-cell">
                    {t('payee.status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {transfers.map((transfer) => (
                  <tr key={transfer.id}>
                    <td className="whitespace-normal">
                      {formatDate(transfer.sentAt ?? transfer.saleCreatedAt, locale, timeZone)}
                      {/* Phone width: what the transfer was for and where it stands, under its date. */}
                      <span className="block text-xs text-slate-600 sm:hidden">
                        {transfer.productName} · {t(`roles.${transfer.role as PayeeRole}`)}
                      </span>
                      <span className="mt-1 block sm:hidden">
                        <TransferStatusBadge status={transfer.status} />
                      </span>
                    </td>
                    <td className="hidden sm:table-cell">{transfer.productName}</td>
                    <td className="hidden sm:table-cell">{t(`roles.${transfer.role as PayeeRole}`)}</td>
                    <td className="text-right align-top tabular-nums sm:align-middle">
                      {formatMoney(transfer.amount, transfer.currency, locale)}
                      {transfer.reversedAmount > 0 ? (
                        <span className="block text-xs text-slate-600">{t('payee.reversed', { amount: formatMoney(transfer.reversedAmount, transfer.currency, locale) })}</span>
                      ) : null}
                    </td>
                    <td className="hidden sm:table-cell">
                      <TransferStatusBadge status={transfer.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
