// GET /admin/invoices/[invoiceId] — one invoice for operators, from the mirror: customer, status, collection
// method, dates, amounts, the actions its status allows (for this operator's role), every line (zero-amount lines
// collapsed, not hidden), discounts and tax, payments and attempts, the event timeline and the PDF. Crosses
// organizations on purpose: requireOperator here (the layout is not the security boundary) and in the PDF route.
// Sections are separate blocks in a fixed order so others (record a payment, credit notes) slot in between.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { InvoiceActionsForm } from '@/components/admin/invoice-actions-form';
import { InvoicePaymentsSection } from '@/components/admin/invoice-payments-section';
import { InvoiceTimelineSection } from '@/components/admin/invoice-timeline-section';
import { getCreditNoteLabels, getRecordPaymentLabels } from '@/components/admin/back-office-form-labels';
import { CreditNoteForm } from '@/components/admin/credit-note-form';
import { CreditNotesTable } from '@/components/billing/invoices/credit-notes-table';
import { InvoiceSettlementTotals } from '@/components/billing/invoices/invoice-settlement-totals';
import { RecordPaymentForm } from '@/components/admin/record-payment-form';
import { RecordedPaymentsTable } from '@/components/admin/recorded-payments-table';
import { InvoiceStatusBadge } from '@/components/status-badge';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditEntriesForTargetForOperator } from '@/db/queries/audit';
import { listStripeEvents } from '@/db/queries/events';
import { getInvoiceForOperator } from '@/db/queries/invoices';
import { requireOperator } from '@/lib/auth/session';
import { invoiceDiscounts, invoiceEmailRecipient, invoiceTax } from '@/lib/billing/invoices/invoice-details';
import { InvoiceTaxTerms } from '@/components/billing/tax/invoice-tax-terms';
import { describeMirroredLine } from '@/lib/billing/invoices/line-description';
import { allowedInvoiceActions, operatorInvoiceActions } from '@/lib/billing/operator-invoices/invoice-action-rules';
import { formatDate, formatMoney, parenthetical, spanned } from '@/lib/i18n/format';
import { displayTimeZone, timeZoneLabelWithId } from '@/lib/i18n/time-zones';
import { loadInvoiceAdjustmentsForOperator } from '@/lib/back-office/invoice-adjustments-view';
import { unlistedPayments } from '@/lib/back-office/unlisted-payments';

// One read of the invoice per request, shared by the tab's title and the page.
const loadInvoice = cache((invoiceId: string) => getInvoiceForOperator({ invoiceId }));

/** The tab names the invoice ("Invoice SEIKYU-0042"); a customer, or an unknown id, gets the 404's title. */
export async function generateMetadata({ params }: { params: Promise<{ invoiceId: string }> }): Promise<Metadata> {
  await requireOperator();
  const [found, t] = await Promise.all([loadInvoice((await params).invoiceId), getTranslations('invoices')]);
  if (!found) notFound();
  return { title: t('detailTitle', { number: found.invoice.number ?? found.invoice.id }) };
}

export default async function AdminInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const operator = await requireOperator();
  const { role } = operator;
  const { invoiceId } = await params;
  const found = await loadInvoice(invoiceId);
  if (!found) notFound();
  const { invoice, organization } = found;
  const [t, tInvoices, tActions, tTax, locale, auditEntries, events] = await Promise.all([
    getTranslations('admin'),
    getTranslations('invoices'),
    getTranslations('adminInvoices'),
    getTranslations('tax'),
    getLocale(),
    listAuditEntriesForTargetForOperator({ targetType: 'invoice', targetId: invoiceId }),
    listStripeEvents({ objectId: invoiceId, limit: 50 }),
  ]);
  const actions = allowedInvoiceActions(invoice, role);
  const recipient = invoiceEmailRecipient(invoice);
  // An organization's invoice: its dates in that organization's time zone; a customer we cannot place, the reader's.
  const timeZone = displayTimeZone(locale, organization);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  // Each line in the operator's language: Stripe's generated lines from the catalogue, written ones as written.
  const lines = found.lines.map((line) => ({ ...line, description: describeMirroredLine(line, locale, date) }));
  const shownLines = lines.filter((line) => line.amount !== 0);
  const zeroLines = lines.filter((line) => line.amount === 0);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const number = invoice.number ?? invoice.id;
  const discounts = invoiceDiscounts(invoice);
  const tax = invoiceTax(invoice);
  const [adjustments, recordPayment, creditNote] = await Promise.all([
    loadInvoiceAdjustmentsForOperator(invoice, lines, operator.role, timeZone),
    getRecordPaymentLabels(invoice.currency),
    getCreditNoteLabels(),
  ]);
  const formLabels = { recordPayment, creditNote };

  return (
    <>
      <p className="mb-2 text-sm">
        {organization ? (
          <Link href={`/admin/customers/${organization.id}`}>← {organization.name}</Link>
        ) : (
          <Link href="/admin/customers">← {t('backToCustomers')}</Link>
        )}
      </p>
      <PageHeader
        title={t('invoiceTitle', { number })}
        description={t('invoiceLead')}
        actions={
          <>
            <a className="btn-secondary" href={`/admin/invoices/${invoice.id}/pdf`} download>
              {t('downloadPdf')}
            </a>
            {invoice.invoicePdf ? (
              <a className="btn-secondary" href={`/admin/invoices/${invoice.id}/stripe-pdf`} download>
                {t('downloadStripePdf')}
              </a>
            ) : null}
          </>
        }
      />

      <section className="card mb-6" aria-labelledby="summary-title">
        <h2 id="summary-title" className="sr-only">
          {t('invoiceTitle', { number })}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="admin-invoice-summary">
          <dt className="font-medium text-slate-700">{t('customerLabel')}</dt>
          <dd>{organization ? <Link href={`/admin/customers/${organization.id}`}>{organization.name}</Link> : <span className="font-mono text-xs">{invoice.customerId}</span>}</dd>
          {organization ? (
            <>
              <dt className="font-medium text-slate-700">{t('timeZone')}</dt>
              <dd data-testid="admin-invoice-time-zone">
                {timeZoneLabelWithId(timeZone, locale)}
                <span className="text-xs">{parenthetical(t('datesInTimeZone'), locale)}</span>
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{tInvoices('status')}</dt>
          <dd>
            <InvoiceStatusBadge status={invoice.status} />
          </dd>
          <dt className="font-medium text-slate-700">{t('collectionLabel')}</dt>
          <dd>{invoice.collectionMethod === 'send_invoice' ? t('bankTransferCustomer') : t('chargedAutomatically')}</dd>
          <dt className="font-medium text-slate-700">{tInvoices('date')}</dt>
          <dd>{date(invoice.finalizedAt ?? invoice.stripeCreated)}</dd>
          <dt className="font-medium text-slate-700">{t('dueDate')}</dt>
          <dd data-testid="admin-invoice-due">{invoice.dueDate ? date(invoice.dueDate) : '—'}</dd>
          {invoice.paidAt ? (
            <>
              <dt className="font-medium text-slate-700">{t('paidAt')}</dt>
              <dd>{date(invoice.paidAt)}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{tInvoices('total')}</dt>
          <dd className="tabular-nums">{money(invoice.total)}</dd>
          <dt className="font-medium text-slate-700">{t('amountRemaining')}</dt>
          <dd className="tabular-nums font-semibold" data-testid="admin-invoice-remaining">
            {money(invoice.amountRemaining)}
          </dd>
          {!invoice.invoicePdf ? (
            <>
              <dt className="font-medium text-slate-700">PDF</dt>
              <dd className="text-slate-600">{t('noPdf')}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">ID</dt>
          <dd className="break-all font-mono text-xs leading-6">{invoice.id}</dd>
        </dl>
      </section>

      {actions.length > 0 ? (
        <section className="card mb-6" aria-labelledby="actions-title">
          <h2 id="actions-title" className="card-title">
            {tActions('actionsTitle')}
          </h2>
          <div className="mt-3">
            <InvoiceActionsForm
              invoiceId={invoice.id}
              attempt={crypto.randomUUID()}
              actions={actions}
              labels={{
                ...Object.fromEntries(operatorInvoiceActions.map((a) => [a, tActions(`action.${a}`)])),
                confirm: Object.fromEntries(operatorInvoiceActions.map((a) => [a, a === 'resend' && recipient ? tActions('confirm.resendTo', { email: recipient }) : tActions(`confirm.${a}`)])),
                reasonLabel: tActions('reasonLabel'),
                cancel: tActions('cancel'),
                done: tActions('done'),
                resent: tActions.raw('resent') as string,
              } as Parameters<typeof InvoiceActionsForm>[0]['labels']}
            />
          </div>
        </section>
      ) : null}

      <section className="card mb-6" aria-labelledby="lines-title">
        <h2 id="lines-title" className="card-title">
          {tInvoices('lines')}
        </h2>
        {lines.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{tInvoices('noLines')}</p>
        ) : (
          <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={tInvoices('lines')}>
            <table className="table" data-testid="admin-invoice-lines">
              <thead>
                <tr>
                  <th scope="col">{tInvoices('description_')}</th>
                  <th scope="col" className="num">
                    {tInvoices('quantity')}
                  </th>
                  <th scope="col" className="num">
                    {tInvoices('lineAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shownLines.map((line) => (
                  <tr key={line.id}>
                    <td className="whitespace-normal">
                      <span>{line.description ?? '—'}</span>
                      {line.proration ? <span className="badge-gray ml-2">{tInvoices('proration')}</span> : null}
                      {line.periodStart && line.periodEnd && line.periodEnd > line.periodStart ? (
                        <span className="block text-xs text-slate-500">
                          {spanned(date(line.periodStart), date(line.periodEnd), locale)}
                        </span>
                      ) : null}
                    </td>
                    <td className="num">{line.quantity ?? ''}</td>
                    <td className="num">{money(line.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {zeroLines.length > 0 ? (
          // Zero-amount lines (free tiers, 100% discounts) are collapsed, never hidden: operators can open them.
          <details className="mt-2 text-sm" data-testid="admin-invoice-zero-lines">
            <summary className="cursor-pointer text-slate-600">{tActions('zeroLines', { count: zeroLines.length })}</summary>
            <ul className="mt-1 space-y-0.5 pl-4">
              {zeroLines.map((line) => (
                <li key={line.id} className="flex justify-between gap-4">
                  <span>{line.description ?? '—'}</span>
                  <span className="tabular-nums">{money(0)}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <dl className="ml-auto mt-4 grid max-w-sm grid-cols-2 gap-x-6 gap-y-1 text-sm" data-testid="admin-invoice-totals">
          <dt className="text-slate-600">{tInvoices('subtotal')}</dt>
          <dd className="num">{money(invoice.subtotal)}</dd>
          {discounts.map((discount, index) => (
            <div key={discount.id ?? index} className="contents">
              <dt className="text-slate-600">{discount.name ? tInvoices('discountNamed', { name: discount.name }) : tInvoices('discount')}</dt>
              <dd className="num">−{money(discount.amount)}</dd>
            </div>
          ))}
          {invoice.taxes.length > 0 ? (
            <InvoiceTaxTerms taxes={invoice.taxes} money={money} labels={{ added: tTax.raw('added') as string, included: tTax.raw('included') as string, taxableAmount: tTax('taxableAmount') }} />
          ) : tax !== 0 ? (
            <>
              <dt className="text-slate-600">{tInvoices('tax')}</dt>
              <dd className="num">{money(tax)}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-900">{invoice.taxes.length > 0 ? tTax('totalIncluding') : tInvoices('total')}</dt>
          <dd className="num font-semibold text-slate-900">{money(invoice.total)}</dd>
          <InvoiceSettlementTotals invoice={invoice} money={money} remainingLabel={t('amountRemaining')} />
        </dl>
      </section>

      <InvoicePaymentsSection invoice={invoice} entries={auditEntries} timeZone={timeZone} />

      {/* What paid the invoice (card through Stripe, payments recorded outside it) and credit notes (back office). */}
      <section className="card mt-6" aria-labelledby="recorded-payments-title">
        <h2 id="recorded-payments-title" className="card-title">
          {adjustments.t('payments.title')}
        </h2>
        <RecordedPaymentsTable payments={adjustments.payments} unlisted={unlistedPayments(invoice, adjustments.payments)} money={money} date={date} />
        {adjustments.canRecordPayment ? (
          <>
            <h3 className="mt-6 font-medium">{adjustments.t('payments.recordTitle')}</h3>
            <p className="text-sm text-slate-600">{adjustments.t('payments.recordLead')}</p>
            <RecordPaymentForm
              invoiceId={invoice.id}
              currency={invoice.currency}
              attempt={crypto.randomUUID()}
              today={adjustments.today}
              fullAmountOnly={adjustments.fullAmountOnly}
              remaining={adjustments.remainingInput}
              remainingAmount={invoice.amountRemaining}
              locale={locale}
              labels={formLabels.recordPayment}
            />
          </>
        ) : null}
      </section>

      <section className="card mt-6" aria-labelledby="credit-notes-title">
        <h2 id="credit-notes-title" className="card-title">
          {adjustments.t('creditNotes.title')}
        </h2>
        <CreditNotesTable
          audience="operator"
          notes={adjustments.creditNotes}
          money={money}
          date={date}
          hrefOf={(note) => `/admin/invoices/${invoice.id}/credit-notes/${note.id}`}
          downloadLabel={adjustments.t('customer.download')}
        />
        {adjustments.canIssueCreditNote ? (
          <>
            <h3 className="mt-6 font-medium">{adjustments.t('creditNotes.issueTitle')}</h3>
            <CreditNoteForm
              invoiceId={invoice.id}
              currency={invoice.currency}
              attempt={crypto.randomUUID()}
              paid={invoice.status === 'paid'}
              paidByCard={adjustments.paidByCard}
              lines={adjustments.creditableLines}
              taxRates={adjustments.creditTaxRates}
              locale={locale}
              labels={formLabels.creditNote}
            />
          </>
        ) : null}
      </section>

      <InvoiceTimelineSection entries={auditEntries} events={events} timeZone={timeZone} />
    </>
  );
}
