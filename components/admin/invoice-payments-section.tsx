// Payments and attempts on one invoice for operators: what was paid and when, how many attempts Stripe made, and
// each failed attempt with the bank's decline reason, from the audit entries the invoice.payment_failed webhook wrote.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { ActivityEntry } from '@/db/queries/activity';
import type { InvoiceRecord } from '@/db/queries/invoices';
import { formatDateTime, formatMoney, labelled } from '@/lib/i18n/format';

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

export async function InvoicePaymentsSection({ invoice, entries, timeZone }: { invoice: InvoiceRecord; entries: readonly ActivityEntry[]; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations('adminInvoices'), getLocale()]);
  const attemptCount = (invoice.data as { attempt_count?: number } | null)?.attempt_count ?? 0;
  const failures = entries.filter((entry) => entry.action === 'invoice.payment_failed');
  return (
    <section className="card mb-6" aria-labelledby="payments-title" data-testid="admin-invoice-payments">
      <h2 id="payments-title" className="card-title">
        {t('paymentsTitle')}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t('amountPaid')}</dt>
        <dd className="tabular-nums">
          {formatMoney(invoice.amountPaid, invoice.currency, locale)}
          {invoice.paidAt ? ` · ${formatDateTime(invoice.paidAt, locale, timeZone)}` : ''}
        </dd>
        <dt className="font-medium text-slate-700">{t('attempts')}</dt>
        <dd>{attemptCount}</dd>
      </dl>
      {failures.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" data-testid="admin-invoice-declines">
          {failures.map((entry) => (
            <li key={entry.id} className="text-red-800">
              {formatDateTime(entry.createdAt, locale, timeZone)} — {labelled(t('declined'), text(entry.data.failureMessage) ?? '—', locale)}
              {text(entry.data.declineCode) ? ` (${text(entry.data.declineCode)})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
