import { roundMinor } from './currency.js';
import type { Period } from './periods.js';

/**
 * Stripe's time-based proration, to the second: an item that changes at `prorationDate` inside `period` gets
 *   credit = −round(oldAmount × (end − prorationDate) / (end − start))   "Unused time on … after …"
 *   debit  = +round(newAmount × (end − prorationDate) / (end − start))   "Remaining time on … after …"
 * where oldAmount/newAmount are the full-period amounts (unit amount × quantity). Each line is rounded on its own
 * to the currency's minor unit, halves away from zero (see currency.ts), so a credit mirrors the debit it undoes.
 */
export function prorationFraction(period: Period, prorationDate: number): number {
  const length = period.end - period.start;
  if (length <= 0) throw new RangeError('period must have a positive length');
  if (prorationDate < period.start || prorationDate > period.end) {
    throw new RangeError('proration_date must fall inside the current period');
  }
  return (period.end - prorationDate) / length;
}

export function proratedAmount(fullPeriodAmount: number, period: Period, prorationDate: number): number {
  if (!Number.isInteger(fullPeriodAmount)) throw new RangeError('amount must be an integer in the minor unit');
  // Multiply before dividing so exact fractions (half a period of 1000) stay exact.
  return roundMinor((fullPeriodAmount * (period.end - prorationDate)) / (period.end - period.start));
}

export interface ItemSnapshot {
  /** Unit amount in the minor unit for the invoice currency. */
  unitAmount: number;
  quantity: number;
  /** What the line is about, e.g. the product name ("Starter"). */
  label: string;
}

export interface ProrationLine {
  kind: 'unused_time' | 'remaining_time';
  amount: number;
  quantity: number;
  unitAmount: number;
  description: string;
  period: Period;
}

function describe(kind: ProrationLine['kind'], item: ItemSnapshot, prorationDate: number): string {
  const what = item.quantity === 1 ? item.label : `${item.quantity} × ${item.label}`;
  const when = new Date(prorationDate * 1000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${kind === 'unused_time' ? 'Unused time' : 'Remaining time'} on ${what} after ${when}`;
}

/**
 * The proration lines for one subscription item changing from `before` to `after` at `prorationDate`.
 * `before` null means the item is new; `after` null means it was removed. No lines when nothing billable changed.
 * Both lines cover [prorationDate, period.end), as Stripe's proration line items do.
 */
export function prorationLines(
  before: ItemSnapshot | null,
  after: ItemSnapshot | null,
  period: Period,
  prorationDate: number,
): ProrationLine[] {
  prorationFraction(period, prorationDate);
  if (
    before &&
    after &&
    before.unitAmount === after.unitAmount &&
    before.quantity === after.quantity &&
    before.label === after.label
  ) {
    return [];
  }
  const linePeriod = { start: prorationDate, end: period.end };
  const lines: ProrationLine[] = [];
  if (before && before.quantity > 0) {
    lines.push({
      kind: 'unused_time',
      amount: -proratedAmount(before.unitAmount * before.quantity, period, prorationDate),
      quantity: before.quantity,
      unitAmount: before.unitAmount,
      description: describe('unused_time', before, prorationDate),
      period: linePeriod,
    });
  }
  if (after && after.quantity > 0) {
    lines.push({
      kind: 'remaining_time',
      amount: proratedAmount(after.unitAmount * after.quantity, period, prorationDate),
      quantity: after.quantity,
      unitAmount: after.unitAmount,
      description: describe('remaining_time', after, prorationDate),
      period: linePeriod,
    });
  }
  return lines;
}
