// The memo written on an invoice (Stripe's `description`; operators write it in draft review), as the customer's
// invoice page states it: the same words as Seikyu's PDF (備考) and Stripe's. Nothing when there is none.
import { getTranslations } from '@/lib/i18n/server';
import { invoiceMemo } from '@/lib/billing/invoices/invoice-details';

export async function InvoiceMemo({ invoice }: { invoice: { data: unknown } }) {
  const memo = invoiceMemo(invoice);
  if (!memo) return null;
  const t = await getTranslations('invoices');
  return (
    <section className="card mb-6" aria-labelledby="memo-title" data-testid="invoice-memo">
      <h2 id="memo-title" className="card-title">
        {t('memoTitle')}
      </h2>
      <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{memo}</p>
    </section>
  );
}
