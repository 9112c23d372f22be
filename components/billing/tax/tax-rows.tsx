// Consumption tax per rate, one row each: "消費税（10%） ¥150" when added, "内消費税（10%） ¥136" when the price
// already holds it. No hooks: used by server pages (checkout, invoice) and the client plan-change preview alike.
import type { TaxLine } from '@/lib/billing/tax/tax-lines';
import { formatMoney } from '@/lib/i18n/format';

/** The `tax.added` / `tax.included` messages as raw templates (`t.raw`), `{percentage}` filled in here. */
export type TaxRowLabels = { added: string; included: string };

export function taxRowLabel(line: Pick<TaxLine, 'inclusive' | 'percentage'>, labels: TaxRowLabels): string {
  const template = line.inclusive ? labels.included : labels.added;
  // A rate the mirror could not read is named without its percentage rather than as 0 %.
  if (line.percentage === null) return template.replace(/\s*[（(]?\{percentage\}%[）)]?/, '');
  return template.replace('{percentage}', String(line.percentage));
}

export function TaxRows({
  taxes,
  currency,
  locale,
  labels,
  as = 'li',
}: {
  taxes: TaxLine[];
  currency: string;
  locale: string;
  labels: TaxRowLabels;
  /** `li` inside a list of lines, `div` inside a definition list (term + value). */
  as?: 'li' | 'div';
}) {
  return taxes.map((line, index) => {
    const label = taxRowLabel(line, labels);
    const amount = formatMoney(line.amount, currency, locale);
    return as === 'li' ? (
      <li key={index} className="flex justify-between gap-3 py-1.5 text-slate-700" data-testid="tax-line">
        <span>{label}</span>
        <span className="whitespace-nowrap tabular-nums">{amount}</span>
      </li>
    ) : (
      <div key={index} className="flex justify-between gap-3" data-testid="tax-line">
        <dt className="text-slate-600">{label}</dt>
        <dd className="tabular-nums">{amount}</dd>
      </div>
    );
  });
}
