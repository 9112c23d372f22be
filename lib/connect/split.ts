// A split rule turns a sale's amount into one share per payee role; the platform keeps the rest. Pure.
// Invariant: the shares of any sale the rule applies to never add up to more than the sale (refused here, both
// when the rule is saved against its price's amount and again when a sale is recorded).
import type { SplitShare } from '@/db/schema/connect';
import { AppError } from '@/lib/errors';

export type ShareAmount = { role: string; amount: number };

/** Basis points: 100 % = 10,000. Percentages are stored this way so 33.33 % stays an integer. */
export const FULL_BASIS_POINTS = 10_000;

export function shareAmounts(shares: readonly SplitShare[], saleAmount: number): ShareAmount[] {
  // Percent shares round down: a fraction of a yen always stays with the platform, never overpays.
  return shares.map((s) => ({ role: s.role, amount: s.kind === 'fixed' ? s.value : Math.floor((saleAmount * s.value) / FULL_BASIS_POINTS) }));
}

/**
 * What the amount split is, as a refusal names it: the price a rule is saved against (a product rule: its cheapest
 * price), or a recorded sale; and its currency, so the refusal writes money as the reader's language does (￥3,000).
 */
export type SplitBasis = { of: 'price' | 'sale'; currency: string };

/** Throws `invalid_input` (reason `split_exceeds_sale`) when the shares pay out more than `saleAmount`. */
export function splitSale(shares: readonly SplitShare[], saleAmount: number, basis: SplitBasis): { shares: ShareAmount[]; platformAmount: number } {
  const roles = new Set(shares.map((s) => s.role));
  if (roles.size !== shares.length) {
    throw new AppError('invalid_input', 'a role appears twice in the split rule', { reason: 'split_duplicate_role', userMessageKey: { key: 'connect.errors.split_duplicate_role' } });
  }
  const percent = shares.filter((s) => s.kind === 'percent').reduce((sum, s) => sum + s.value, 0);
  const amounts = shareAmounts(shares, saleAmount);
  const paidOut = amounts.reduce((sum, s) => sum + s.amount, 0);
  if (percent > FULL_BASIS_POINTS || paidOut > saleAmount) {
    throw new AppError('invalid_input', `split pays out ${paidOut} of ${saleAmount} (${percent / 100} % in percentages)`, {
      reason: 'split_exceeds_sale',
      userMessageKey: {
        key: basis.of === 'price' ? 'connect.errors.split_exceeds_price' : 'connect.errors.split_exceeds_sale',
        amounts: {
          paidOut: { amount: paidOut, currency: basis.currency },
          [basis.of === 'price' ? 'price' : 'saleAmount']: { amount: saleAmount, currency: basis.currency },
        },
      },
    });
  }
  return { shares: amounts, platformAmount: saleAmount - paidOut };
}
