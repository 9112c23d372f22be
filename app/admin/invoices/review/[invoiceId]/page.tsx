// GET /admin/invoices/review/[invoiceId] — reviewing one held draft: its lines and each discount applied (the coupon,
// what it takes off, its amount here) next to the customer's previous invoice, and (admin:review:manage) the controls
// to add or remove a one-off line, add a coupon to those applied or remove one, edit the memo the customer reads on
// the invoice, then approve or keep holding. Support sees the comparison read-only.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { RemoveDraftDiscountButton, RemoveDraftItemButton, ReviewDraftForm } from '@/components/admin/review-draft-form';
import { PageHeader } from '@/components/ui/page-header';
import { getInvoiceForOperator, getPreviousInvoiceForOperator, type InvoiceLineWithCatalog } from '@/db/queries/invoices';
import { requireOperator } from '@/lib/auth/session';
import { appliedDiscounts, type AppliedDiscount } from '@/lib/billing/invoices/applied-discounts';
import { invoiceItemOf } from '@/lib/billing/draft-review/edit-draft';
import { discountOffText } from '@/lib/billing/subscriptions/discount-text';
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
  const [previous, t, tStatus, tDiscounts, locale] = await Promise.all([
    getPreviousInvoiceForOperator({ customerId: invoice.customerId, before: invoice.stripeCreated, excludeId: invoice.id }),
    getTranslations('adminInvoices'),
    getTranslations('invoiceStatus'),
    getTranslations('discounts'),
    getLocale(),
  ]);
  const canEdit = invoice.status === 'draft' && operatorCan(role, 'admin:review:manage') && operatorCan(role, 'admin:invoices:manage');
  const money = (amount: number, currency = invoice.currency) => formatMoney(amount, currency, locale);
  const memo = (invoice.data as { description?: string | null } | null)?.description ?? '';
  const discounts = appliedDiscounts(invoice);
  /** What a coupon takes off, in its own terms ("10% off", "¥500 off"), as checkout and the subscription page say it. */
  const terms = (discount: AppliedDiscount) =>
    discountOffText(
      { percentOff: discount.percentOff, amountOff: discount.amountOff?.amount ?? null, currency: discount.amountOff?.currency ?? invoice.currency },
      locale,
      tDiscounts,
    );

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
          {discounts.length > 0 ? (
            <>
              <h3 className="mt-4 text-sm font-medium text-slate-700">{t('discountsTitle')}</h3>
              <ul className="mt-1 divide-y divide-slate-100 text-sm" data-testid="review-draft-discounts">
                {discounts.map((discount) => (
                  <li key={discount.id} className="flex items-start justify-between gap-4 py-1.5" data-testid="review-draft-discount">
                    <span>
                      <span className="font-medium">{discount.name}</span>
                      {terms(discount) ? <span className="text-slate-600"> · {terms(discount)}</span> : null}
                      {discount.fromSubscription ? <span className="block text-xs text-slate-600">{t('discountFromSubscription')}</span> : null}
                      {canEdit ? (
                        <span className="ml-2 inline-block">
                          <RemoveDraftDiscountButton
                            invoiceId={invoice.id}
                            discountId={discount.id}
                            label={t('removeItem')}
                            accessibleLabel={t('removeDiscount', { coupon: discount.name })}
                          />
                        </span>
                      ) : null}
                    </span>
                    <span className="tabular-nums">−{money(discount.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
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
              labels={{
                addItem: t('addItem'),
                itemDescription: t('itemDescription'),
                itemAmount: t('itemAmount', { currency: invoice.currency.toUpperCase() }),
                coupon: t('coupon'),
                couponHelp: t('couponHelp'),
                applyCoupon: t('applyCoupon'),
                memo: t('memo'),
                memoHelp: t('memoHelp'),
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
