// GET /admin/invoices/review/[invoiceId] — reviewing one held draft: its lines next to the customer's previous
// invoice, and (admin:review:manage) the controls to add or remove a one-off line, apply or remove a coupon, edit
// the memo, then approve or keep holding. Support sees the comparison read-only.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { RemoveDraftItemButton, ReviewDraftForm } from '@/components/admin/review-draft-form';
import { PageHeader } from '@/components/ui/page-header';
import { getInvoiceForOperator, getPreviousInvoiceForOperator, type InvoiceLineWithCatalog } from '@/db/queries/invoices';
import { requireOperator } from '@/lib/auth/session';
import { invoiceDiscounts } from '@/lib/billing/invoices/invoice-details';
import { invoiceItemOf } from '@/lib/billing/draft-review/edit-draft';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { displayTimeZone } from '@/lib/i18n/time-zones';
import { describeMirroredLine } from '@/lib/billing/invoices/line-description';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('adminInvoices', 'reviewTitle');

export default async function ReviewDraftPage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const { role } = await requireOperator();
  const { invoiceId } = await params;
  const found = await getInvoiceForOperator({ invoiceId });
  if (!found) notFound();
  const { invoice, lines, organization } = found;
  const [previous, t, tStatus, locale] = await Promise.all([
    getPreviousInvoiceForOperator({ customerId: invoice.customerId, before: invoice.stripeCreated, excludeId: invoice.id }),
    getTranslations('adminInvoices'),
    getTranslations('invoiceStatus'),
    getLocale(),
  ]);
  const canEdit = invoice.status === 'draft' && operatorCan(role, 'admin:review:manage') && operatorCan(role, 'admin:invoices:manage');
  const money = (amount: number, currency = invoice.currency) => formatMoney(amount, currency, locale);
  const memo = (invoice.data as { description?: string | null } | null)?.description ?? '';

  // Stripe's generated lines in the operator's language (from the catalogue); written ones as written.
  const timeZone = displayTimeZone(locale, organization);
  const describe = (line: InvoiceLineWithCatalog) => describeMirroredLine(line, locale, (value) => formatDate(value, locale, timeZone), { withQuantity: true });

  const lineList = (items: readonly InvoiceLineWithCatalog[], currency: string, editable: boolean, testId: string) => (
    <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid={testId}>
      {items.map((line) => {
        const itemId = invoiceItemOf(line.data);
        return (
          <li key={line.id} className="flex items-center justify-between gap-4 py-1.5">
            <span>
              {describe(line) ?? '—'}
              {editable && itemId && !line.priceId ? (
                <span className="ml-2 inline-block">
                  <RemoveDraftItemButton invoiceId={invoice.id} invoiceItemId={itemId} label={t('removeItem')} />
                </span>
              ) : null}
            </span>
            <span className="tabular-nums">{money(line.amount, currency)}</span>
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/invoices/review">← {t('reviewTitle')}</Link>
      </p>
      <PageHeader title={t('reviewOne', { customer: organization?.name ?? invoice.customerId })} description={t('reviewOneLead')} />
      {invoice.status !== 'draft' ? (
        <p className="alert-info mb-6" role="status">
          {t('notHeldAnymore', { status: tStatus(invoice.status) })} <Link href={`/admin/invoices/${invoice.id}`}>{t('openInvoice')}</Link>
        </p>
      ) : null}
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="draft-title">
          <h2 id="draft-title" className="card-title">
            {t('thisDraft')}
          </h2>
          {lineList(lines, invoice.currency, canEdit, 'review-draft-lines')}
          <p className="mt-3 flex justify-between text-sm font-semibold">
            <span>{t('colTotal')}</span>
            <span className="tabular-nums" data-testid="review-draft-total">
              {money(invoice.total)}
            </span>
          </p>
        </section>
        <section className="card" aria-labelledby="previous-title">
          <h2 id="previous-title" className="card-title">
            {t('previousInvoice')}
          </h2>
          {previous ? (
            <>
              {lineList(previous.lines, previous.invoice.currency, false, 'review-previous-lines')}
              <p className="mt-3 flex justify-between text-sm font-semibold">
                <span>{t('colTotal')}</span>
                <span className="tabular-nums">{money(previous.invoice.total, previous.invoice.currency)}</span>
              </p>
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t('noPreviousInvoice')}</p>
          )}
        </section>
      </div>
      {canEdit ? (
        <section className="card" aria-labelledby="review-title">
          <h2 id="review-title" className="card-title">
            {t('reviewControls')}
          </h2>
          <div className="mt-3">
            <ReviewDraftForm
              invoiceId={invoice.id}
              attempt={crypto.randomUUID()}
              memo={memo}
              hasDiscount={invoiceDiscounts(invoice).length > 0}
              labels={{
                addItem: t('addItem'),
                itemDescription: t('itemDescription'),
                itemAmount: t('itemAmount', { currency: invoice.currency.toUpperCase() }),
                coupon: t('coupon'),
                applyCoupon: t('applyCoupon'),
                removeCoupon: t('removeCoupon'),
                memo: t('memo'),
                saveMemo: t('saveMemo'),
                approve: t('approve'),
                confirmApprove: t('confirmApprove'),
                cancel: t('cancel'),
                keepHolding: t('keepHolding'),
              }}
            />
          </div>
        </section>
      ) : invoice.status === 'draft' ? (
        <p className="text-sm text-slate-600" data-testid="review-read-only">
          {t('reviewReadOnly')}
        </p>
      ) : null}
    </>
  );
}
