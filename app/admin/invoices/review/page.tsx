// GET /admin/invoices/review — the draft-review queue: drafts held for review (auto_advance off), oldest first,
// with their age and amount. Every operator sees it; approving needs admin:review:manage (on the review page).
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listHeldDraftsForOperator } from '@/db/queries/invoices';
import { requireOperator } from '@/lib/auth/session';
import { draftAgeDays } from '@/lib/billing/draft-review/draft-age';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('adminInvoices', 'reviewTitle');

export default async function ReviewQueuePage() {
  await requireOperator();
  const [drafts, t, locale, timeZone] = await Promise.all([listHeldDraftsForOperator(), getTranslations('adminInvoices'), getLocale(), getTimeZone()]);
  return (
    <>
      <PageHeader
        title={t('reviewTitle')}
        description={t('reviewLead')}
        actions={
          <Link href="/admin/settings/review" className="btn-secondary">
            {t('reviewSettings')}
          </Link>
        }
      />
      <section className="card">
        {drafts.length === 0 ? (
          <EmptyState title={t('reviewEmpty')} />
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reviewTitle')}>
            <table className="table" data-testid="review-queue">
              <thead>
                <tr>
                  <th scope="col">{t('colCustomer')}</th>
                  <th scope="col" className="num">
                    {t('colTotal')}
                  </th>
                  <th scope="col">{t('colCreated')}</th>
                  <th scope="col" className="num">
                    {t('colAge')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('review')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {drafts.map((draft) => (
                  <tr key={draft.id} data-invoice-id={draft.id}>
                    <td className="whitespace-normal">{draft.organizationName ?? draft.customerId}</td>
                    <td className="num">{formatMoney(draft.total, draft.currency, locale)}</td>
                    <td>{formatDate(draft.stripeCreated, locale, timeZone)}</td>
                    <td className="num">{t('ageDays', { days: draftAgeDays(draft.stripeCreated) })}</td>
                    <td>
                      <Link href={`/admin/invoices/review/${draft.id}`} className="btn-secondary">
                        {t('review')}
                      </Link>
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
