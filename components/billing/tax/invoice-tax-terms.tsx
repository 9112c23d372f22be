// An invoice's consumption tax per rate inside its totals (a two-column <dl> grid), as a Japanese invoice states it:
// 消費税（10%） added, or 内消費税（10%） already in the price, each with the amount it was computed on. The
// customer's and the operators' invoice pages show the same rows.
import type { TaxLine } from '@/lib/billing/tax/tax-lines';
import { taxRowLabel, type TaxRowLabels } from './tax-rows';

export function InvoiceTaxTerms(props: { taxes: TaxLine[]; money: (amount: number) => string; labels: TaxRowLabels & { taxableAmount: string } }) {
  return props.taxes.map((line, index) => (
    <div key={line.rateId ?? index} className="contents" data-testid="invoice-tax-line">
      <dt className="text-slate-600">
        {taxRowLabel(line, props.labels)}
        <span className="block text-xs">
          {props.labels.taxableAmount} {props.money(line.taxableAmount)}
        </span>
      </dt>
      <dd className="num">{props.money(line.amount)}</dd>
    </div>
  ));
}
