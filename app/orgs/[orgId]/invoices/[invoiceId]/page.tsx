// GET /orgs/[orgId]/invoices/[invoiceId] — one invoice from the mirror: its memo, lines (zero amounts left out),
// totals (credit notes included, so they add up), discounts, due date, bank-transfer instructions, documents, and
// paying it when it is open.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { CreditNotesTable } from '@/components/billing/invoices/credit-notes-table';
import { RecordedPaymentsList } from '@/components/billing/invoices/recorded-payments-list';
import { InvoiceMemo } from '@/components/billing/invoices/invoice-memo';
import { InvoiceSettlementTotals } from '@/components/billing/invoices/invoice-settlement-totals';
import { PayInvoiceButton } from '@/components/billing/invoices/pay-invoice-button';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { InvoiceStatusBadge } from '@/components/status-badge';
import { PageHeader } from '@/components/ui/page-header';
import { listCreditNotesForInvoice, listRecordedPaymentsForInvoice } from '@/db/queries/invoice-adjustments';
import { getInvoiceWithLines } from '@/db/queries/invoices';
import { listOrganizationCards } from '@/db/queries/payment-methods';
import { requireMembership } from '@/lib/auth/session';
import { cardLabel } from '@/lib/billing/cards/card-brand';
import { payingCard } from '@/lib/documents/document-data';
import { describeMirroredLine } from '@/lib/billing/invoices/line-description';
import {
  bankTransferInstructions,
  canPayInvoiceOnline,
  hasReceipt,
  invoiceDiscounts,
  invoiceTax,
  visibleInvoiceLines,
} from '@/lib/billing/invoices/invoice-details';
import { formatDate, formatMoney, spanned } from '@/lib/i18n/format';
import { can } from '@/lib/permissions';
import { InvoiceTaxTerms } from '@/components/billing/tax/invoice-tax-terms';

// One read of the invoice per request, shared by the tab's title and the page.
const loadInvoice = cache((organizationId: string, invoiceId: string) => getInvoiceWithLines({ organizationId, invoiceId }));

/** The tab names the invoice ("Invoice SEIKYU-0042"); another organization's or a missing one gets the 404's title. */
export async function generateMetadata({ params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Metadata> {
  const { orgId, invoiceId } = await params;
  const { organization } = await requireMembership(orgId);
  const [found, t] = await Promise.all([loadInvoice(organization.id, invoiceId), getTranslations('invoices')]);
  if (!found) notFound();
  return { title: t('detailTitle', { number: found.invoice.number ?? found.invoice.id }) };
}

const knownReasons = ['subscription_create', 'subscription_cycle', 'subscription_update', 'manual'] as const;

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; invoiceId: string }>;
  searchParams: Promise<{ paid?: string | string[] }>;
}) {
  const [{ orgId, invoiceId }, query] = await Promise.all([params, searchParams]);
  const { organization } = await requireMembership(orgId);
  // Everything scoped by the organization at once; the paying card needs the invoice first.
  const [found, cards, creditNotes, t, tTax, locale, tBack] = await Promise.all([
    loadInvoice(organization.id, invoiceId),
    listOrganizationCards({ organizationId: organization.id }),
    listCreditNotesForInvoice({ organizationId: organization.id, invoiceId }),
    getTranslations('invoices'),
    getTranslations('tax'),
    getLocale(),
    getTranslations('backOffice.customer'),
  ]);
  if (!found) notFound();
  const { invoice, lines } = found;
  // The card that paid, from the mirror; only for an invoice a card actually paid. An invoice sent for payment lists
  // what was received outside Stripe instead (a transfer, cash), once anything was.
  const [paidWith, recordedPayments] = await Promise.all([
    invoice.status === 'paid' && invoice.amountPaid > 0 ? payingCard(invoice) : null,
    invoice.collectionMethod === 'send_invoice' && invoice.amountPaid > 0 ? listRecordedPaymentsForInvoice({ organizationId: organization.id, invoiceId: invoice.id }) : [],
  ]);
  const date = (value: Date) => formatDate(value, locale, organization.timeZone);
  const money = (amount: number) => formatMoney(amount, invoice.currency, locale);
  const number = invoice.number ?? invoice.id;
  const base = `/orgs/${organization.id}/invoices/${invoice.id}`;
  const discounts = invoiceDiscounts(invoice);
  const tax = invoiceTax(invoice);
  const bankDetails = bankTransferInstructions(invoice);
  const payable = canPayInvoiceOnline(invoice);
  const mayPay = can(organization.role, 'billing:manage');
  const defaultCard = cards.find((card) => card.isDefault) ?? null;
  const reason = knownReasons.find((r) => r === invoice.billingReason) ?? 'other';

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${organization.id}/invoices`}>← {t('backToList')}</Link>
      </p>
      <PageHeader
        title={t('detailTitle', { number })}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <InvoiceStatusBadge status={invoice.status} />
            <span>{t(`billingReason.${reason}`)}</span>
            <span>{t('issued', { date: date(invoice.finalizedAt ?? invoice.stripeCreated) })}</span>
            {invoice.dueDate && invoice.status === 'open' ? <span data-testid="invoice-due">{t('dueOn', { date: date(invoice.dueDate) })}</span> : null}
            {invoice.paidAt ? <span>{t('paidOn', { date: date(invoice.paidAt) })}</span> : null}
            {paidWith?.type === 'card' ? <span data-testid="invoice-paid-with">{t('paidWith', { card: cardLabel(paidWith, t('card')) })}</span> : null}
          </span>
        }
        actions={
          <>
            <a className="btn-secondary" href={`${base}/pdf`} download>
              {t('downloadPdf')}
            </a>
            {invoice.invoicePdf ? (
              <a className="btn-secondary" href={`${base}/stripe-pdf`} download data-testid="stripe-pdf">
                {t('downloadStripePdf')}
              </a>
            ) : null}
            {hasReceipt(invoice) ? (
              <a className="btn-secondary" href={`${base}/receipt`}>
                {t('downloadReceipt')}
              </a>
            ) : null}
          </>
        }
      />

      {query.paid === '1' && invoice.status === 'paid' ? (
        <p className="alert-info mb-6" role="status">
          {t('paid')}
        </p>
      ) : null}

      {bankDetails && invoice.status === 'open' ? (
        <section className="alert-info mb-6 space-y-2" aria-labelledby="bank-title" data-testid="bank-transfer">
          <h2 id="bank-title" className="text-base">
            {t('bankTransferTitle')}
          </h2>
          <p>
            {invoice.dueDate
              ? t('bankTransferBody', { amount: money(invoice.amountRemaining), date: date(invoice.dueDate), number })
              : t('bankTransferBodyNoDate', { amount: money(invoice.amountRemaining), number })}
          </p>
          <p className="whitespace-pre-line font-medium">{bankDetails}</p>
        </section>
      ) : null}

      <InvoiceMemo invoice={invoice} />

      <section className="card" aria-labelledby="lines-title">
        <h2 id="lines-title" className="card-title">
          {t('lines')}
        </h2>
        {visibleInvoiceLines(lines).length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t('noLines')}</p>
        ) : (
          <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('lines')}>
            <table className="table" data-testid="invoice-lines">
              <thead>
                <tr>
                  <th scope="col">{t('description_')}</th>
                  <th scope="col" className="num">
                    {t('quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('lineAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {visibleInvoiceLines(lines).map((line) => (
                  <tr key={line.id}>
                    <td className="whitespace-normal">
                      <span>{describeMirroredLine(line, locale, date) ?? '—'}</span>
                      {line.proration ? <span className="badge-gray ml-2">{t('proration')}</span> : null}
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
        <dl className="ml-auto mt-4 grid max-w-sm grid-cols-2 gap-x-6 gap-y-1 text-sm" data-testid="invoice-totals">
          <dt className="text-slate-600">{t('subtotal')}</dt>
          <dd className="num">{money(invoice.subtotal)}</dd>
          {discounts.map((discount, index) => (
            <div key={discount.id ?? index} className="contents">
              <dt className="text-slate-600">{discount.name ? t('discountNamed', { name: discount.name }) : t('discount')}</dt>
              <dd className="num">−{money(discount.amount)}</dd>
            </div>
          ))}
          {invoice.taxes.length > 0 ? (
            <InvoiceTaxTerms taxes={invoice.taxes} money={money} labels={{ added: tTax.raw('added'), included: tTax.raw('included'), taxableAmount: tTax('taxableAmount') }} />
          ) : tax !== 0 ? (
            <>
              <dt className="text-slate-600">{t('tax')}</dt>
              <dd className="num">{money(tax)}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-900">{invoice.taxes.length > 0 ? tTax('totalIncluding') : t('total')}</dt>
          <dd className="num font-semibold text-slate-900">{money(invoice.total)}</dd>
          <InvoiceSettlementTotals invoice={invoice} money={money} remainingLabel={t('amountRemaining')} />
        </dl>
      </section>

      {recordedPayments.length > 0 ? <RecordedPaymentsList payments={recordedPayments} money={money} date={date} /> : null}

      {payable ? (
        <section className="card mt-6 space-y-3" aria-labelledby="pay-title">
          <h2 id="pay-title" className="card-title">
            {t('payTitle')}
          </h2>
          {!mayPay ? (
            <p className="text-sm text-slate-600">{t('payNotAllowed')}</p>
          ) : defaultCard ? (
            <PayInvoiceButton
              organizationId={organization.id}
              invoiceId={invoice.id}
              attempt={crypto.randomUUID()}
              label={t('payWithCard', { amount: money(invoice.amountRemaining), card: cardLabel(defaultCard, t('card')) })}
              pendingLabel={t('paying')}
              authenticationFailedLabel={t('authenticationFailed')}
              setup={await getStripeBrowserSetup()}
            />
          ) : (
            <p className="text-sm text-slate-700">
              {t('noDefaultCard')} <Link href={`/orgs/${organization.id}/payment-methods`}>{t('addCard')}</Link>
            </p>
          )}
        </section>
      ) : null}
      {creditNotes.length > 0 ? (
        <section className="card mt-6" aria-labelledby="credit-notes-title">
          <h2 id="credit-notes-title" className="card-title">
            {tBack('creditNotesTitle')}
          </h2>
          <CreditNotesTable
            audience="customer"
            notes={creditNotes}
            money={money}
            date={date}
            hrefOf={(note) => `${base}/credit-notes/${note.id}`}
            downloadLabel={tBack('download')}
          />
        </section>
      ) : null}
    </>
  );
}
