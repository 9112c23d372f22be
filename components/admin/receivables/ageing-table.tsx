// A table of ageing totals: one row per group (collection method + currency, or customer + currency), one
// column per bucket. Amounts are only ever summed within a currency.
import type { ReactNode } from 'react';
import { AGEING_BUCKETS, type BucketTotals } from '@/lib/receivables/report';
import { formatMoney } from '@/lib/i18n/format';

export function AgeingTable(props: {
  label: string;
  testId: string;
  firstColumn: string;
  bucketLabels: Record<(typeof AGEING_BUCKETS)[number], string>;
  countLabel: string;
  totalLabel: string;
  locale: string;
  rows: { key: string; name: ReactNode; currency: string; count: number; totals: BucketTotals }[];
}) {
  const money = (amount: number, currency: string) => formatMoney(amount, currency, props.locale);
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={props.label}>
      <table className="table table-dense" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{props.firstColumn}</th>
            <th scope="col" className="num">
              {props.countLabel}
            </th>
            {AGEING_BUCKETS.map((bucket) => (
              <th key={bucket} scope="col" className="num">
                {props.bucketLabels[bucket]}
              </th>
            ))}
            <th scope="col" className="num">
              {props.totalLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <td>
                {row.name} <span className="text-xs uppercase text-slate-500">{row.currency}</span>
              </td>
              <td className="num">{row.count}</td>
              {AGEING_BUCKETS.map((bucket) => (
                <td key={bucket} className="num" data-bucket={bucket}>
                  {row.totals[bucket] ? money(row.totals[bucket], row.currency) : '—'}
                </td>
              ))}
              <td className="num font-medium">{money(row.totals.total, row.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
