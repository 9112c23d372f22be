// The customer's credit notes on the operator's customer page, newest first, each with its PDF (the operator's
// credit-note route under its invoice). Rows come from the mirror; the table is the one the invoice pages use.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { CreditNotesTable } from '@/components/billing/invoices/credit-notes-table';
import type { CreditNoteRecord } from '@/db/queries/invoice-adjustments';
import { formatDate, formatMoney } from '@/lib/i18n/format';

export async function CustomerCreditNotesSection({ notes, currency, timeZone }: { notes: CreditNoteRecord[]; currency: string | null; timeZone: string }) {
  const [t, tCustomer, locale] = await Promise.all([
    getTranslations('backoffice.creditNotes'),
    getTranslations('backOffice.customer'),
    getLocale(),
  ]);
  const noteCurrency = notes[0]?.currency ?? currency ?? 'jpy';
  return (
    <section className="card mt-6" aria-labelledby="cn-title" data-testid="customer-credit-notes">
      <h2 id="cn-title" className="card-title">
        {t('title')}
      </h2>
      <CreditNotesTable
        audience="operator"
        notes={notes}
        money={(amount) => formatMoney(amount, noteCurrency, locale)}
        date={(value) => formatDate(value, locale, timeZone)}
        hrefOf={(note) => `/admin/invoices/${note.invoiceId}/credit-notes/${note.id}`}
        downloadLabel={tCustomer('download')}
        emptyText={t('none')}
      />
    </section>
  );
}
