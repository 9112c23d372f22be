// GET /admin/quotes/[quoteId] — one quote for operators, from the mirror: customer or prospect, recipient, status,
// validity, collection, lines, tax per rate, totals, the first invoice and the recurring amount (for a draft this is
// the preview before finalizing), texts, who built, sent, viewed and accepted it when, the PDFs (ours and Stripe's)
// and the actions its status allows for this operator's role. requireOperator here too (not only the layout).
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { randomUUID } from 'node:crypto';
import { ActivityList } from '@/components/admin/activity-list';
import { QuoteActionsForm, type QuoteAction } from '@/components/admin/quotes/quote-actions-form';
import { QuoteStatusBadge } from '@/components/admin/quotes/quote-status-badge';
import { QuoteSummary } from '@/components/quotes/quote-summary';
import { quoteLineCatalog } from '@/lib/quotes/quote-document-data';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditEntriesForTargetForOperator } from '@/db/queries/audit';
import { getQuoteForOperator } from '@/db/queries/quotes';
import { requireOperator } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { displayTimeZone } from '@/lib/i18n/time-zones';
import { operatorCan } from '@/lib/permissions';
import { displayStatusOf } from '@/lib/quotes/quote-state';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('quotes');

function actionsFor(status: string): QuoteAction[] {
  if (status === 'draft') return ['finalize', 'cancel', 'duplicate'];
  if (status === 'open') return ['send', 'cancel', 'duplicate'];
  return ['duplicate'];
}

export default async function AdminQuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const { role } = await requireOperator();
  const { quoteId } = await params;
  const found = await getQuoteForOperator({ quoteId });
  if (!found) notFound();
  const { quote, request, organizationName, organizationTimeZone } = found;
  const [t, locale, audit, catalog] = await Promise.all([
    getTranslations('quotes'),
    getLocale(),
    listAuditEntriesForTargetForOperator({ targetType: 'quote', targetId: quote.id }),
    quoteLineCatalog(quote),
  ]);
  // A page about one customer: its time zone (lib/i18n/time-zones.ts); a prospect's quote, the reader's.
  const timeZone = displayTimeZone(locale, organizationTimeZone ? { timeZone: organizationTimeZone } : null);
  const status = displayStatusOf(quote, new Date());
  const when = (value: Date) => formatDateTime(value, locale, timeZone);
  const organizationId = quote.organizationId ?? request?.organizationId ?? null;
  const canManage = operatorCan(role, 'admin:quotes:manage');
  const a = (key: string) => t(`actions.${key}`);

  return (
    <>
      <PageHeader
        title={quote.number ?? t('noNumber')}
        description={<QuoteStatusBadge status={status} label={t(`status.${status}`)} />}
        actions={
          <span className="flex flex-wrap gap-2">
            <a href={`/admin/quotes/${quote.id}/pdf`} className="btn-secondary" download data-testid="quote-pdf">
              {t('detail.pdf')}
            </a>
            {quote.status !== 'draft' ? (
              <a href={`/admin/quotes/${quote.id}/stripe-pdf`} className="btn-secondary" download>
                {t('detail.stripePdf')}
              </a>
            ) : null}
          </span>
        }
      />
      {canManage ? (
        <section className="card mb-6">
          <QuoteActionsForm
            quoteId={quote.id}
            attempt={randomUUID()}
            actions={actionsFor(status === 'expired' ? 'expired' : quote.status)}
            labels={{
              finalize: a('finalize'),
              send: a('send'),
              cancel: a('cancel'),
              duplicate: a('duplicate'),
              confirmFinalize: a('confirmFinalize'),
              confirmCancel: a('confirmCancel'),
              confirm: a('confirm'),
              back: a('back'),
              sent: a('sent'),
              duplicate_sent: a('duplicate_sent'),
              done: a('done'),
            }}
          />
        </section>
      ) : null}
      {quote.status === 'draft' ? (
        <p className="alert-info mb-6" role="note">
          {t('detail.previewNote')}
        </p>
      ) : null}
      <section className="card mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t('detail.customer')}</dt>
            <dd>
              {organizationId ? <Link href={`/admin/customers/${organizationId}`}>{organizationName ?? organizationId}</Link> : (request?.prospectName ?? '-')}
              {!organizationId ? <span className="ml-2 badge-gray">{t('prospect')}</span> : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('detail.recipient')}</dt>
            <dd data-testid="quote-recipient">{request?.recipientEmail ?? '-'}</dd>
          </div>
        </dl>
      </section>
      <QuoteSummary quote={quote} timeZone={timeZone} catalog={catalog} />
      <section className="card mb-6" aria-labelledby="quote-activity">
        <h2 id="quote-activity" className="card-title">
          {t('detail.activity')}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="quote-activity">
          <div>
            <dt className="text-slate-500">{t('detail.sent')}</dt>
            <dd>{request?.sentAt ? when(request.sentAt) : t('detail.notSent')}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('detail.viewed')}</dt>
            <dd>
              {request?.firstViewedAt && request.lastViewedAt
                ? t('detail.viewedBy', { first: when(request.firstViewedAt), last: when(request.lastViewedAt), email: request.lastViewedByEmail ?? '-' })
                : t('detail.notViewed')}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('detail.accepted')}</dt>
            <dd>{request?.acceptedAt ? t('detail.acceptedBy', { date: when(request.acceptedAt), email: request.acceptedByEmail ?? '-' }) : '-'}</dd>
          </div>
          {request?.duplicatedFrom ? (
            <div>
              <dt className="text-slate-500">{t('detail.createdBy')}</dt>
              <dd>
                <Link href={`/admin/quotes/${request.duplicatedFrom}`}>{t('detail.duplicatedFrom', { quote: request.duplicatedFrom })}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-4">
          <ActivityList entries={audit} timeZone={timeZone} />
        </div>
      </section>
    </>
  );
}
