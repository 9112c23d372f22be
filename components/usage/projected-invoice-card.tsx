// The projected invoice for this period, from the mirror (invoice_projections): kept fresh by a job from Stripe's
// invoice preview when usage is reported or the subscription changes; never fetched here.
import { getTranslations } from '@/lib/i18n/server';
import type { InvoiceProjection } from '@/db/queries/usage-dashboard';
import type { ProjectedInvoiceLine } from '@/db/schema';
import { describeLine } from '@/lib/billing/invoices/line-description';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';

export async function ProjectedInvoiceCard(props: { projection: InvoiceProjection | null; locale: string; timeZone: string }) {
  const t = await getTranslations('usage');
  const p = props.projection;
  const money = (amount: number) => formatMoney(amount, p?.currency ?? 'jpy', props.locale);
  // Stripe's lines in the reader's language; the table has no quantity column, so a quantity other than one is named.
  const describeProjectedLine = (line: ProjectedInvoiceLine) =>
    describeLine(
      {
        description: line.description,
        amount: line.amount,
        quantity: line.quantity,
        periodStart: line.periodStart ? new Date(line.periodStart) : null,
        origin: line.origin ?? 'written',
        catalog: line.catalog ?? null,
      },
      props.locale,
      (value) => formatDate(value, props.locale, props.timeZone),
      { withQuantity: true },
    );
  return (
    <section className="card" aria-labelledby="projection-title" data-testid="projected-invoice">
      <h2 id="projection-title" className="card-title">
        {t('projectionTitle')}
      </h2>
      {p && p.total !== null && p.currency ? (
        <>
          <p className="mt-3 text-2xl font-semibold tabular-nums text-slate-900" data-testid="projected-invoice-total">
            {money(p.total)}
          </p>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">{t('projectionLines')}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  {t('projectionItem')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('projectionAmount')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {p.lines.map((line, index) => (
                <tr key={index}>
                  <td className="py-1.5 pr-3 text-slate-800">{describeProjectedLine(line) ?? '—'}</td>
                  <td className="py-1.5 text-right tabular-nums">{money(line.amount)}</td>
                </tr>
              ))}
              {p.tax ? (
                <tr>
                  <td className="py-1.5 pr-3 text-slate-600">{t(p.total === p.subtotal ? 'projectionTaxIncluded' : 'projectionTax')}</td>
                  <td className="py-1.5 text-right tabular-nums text-slate-600">{money(p.tax)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="mt-3 text-xs text-slate-600">
            {p.refreshedAt ? t('projectionAsOf', { time: formatDateTime(p.refreshedAt, props.locale, props.timeZone) }) : null} {t('projectionNote')}
          </p>
        </>
      ) : p && !p.refreshedAt ? (
        <p className="mt-3 text-sm text-slate-700">{t('projectionPending')}</p>
      ) : (
        <p className="mt-3 text-sm text-slate-700">{t('projectionNone')}</p>
      )}
    </section>
  );
}
