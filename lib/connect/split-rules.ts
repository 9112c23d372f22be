// Operators set how a product's or a price's sales are split: fixed amounts (in the price's currency) or
// percentages per payee role; the platform keeps the rest. A rule that could pay out more than a sale it applies
// to is refused before anything is saved (a product rule is checked against the product's cheapest price).
import 'server-only';
import { db } from '@/db';
import { getMirroredPrice, listProductPrices } from '@/db/queries/catalog';
import { getSplitRule, upsertSplitRule, type SplitRule } from '@/db/queries/payees';
import type { SplitShare } from '@/db/schema/connect';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseMajorAmount } from '@/lib/back-office/amounts';
import { connectInputError } from './connect-error';
import type { SaveSplitRuleInput } from './schemas';
import { FULL_BASIS_POINTS, splitSale } from './split';

/** "33.33" → 3333 basis points; null when not a percentage with at most two decimals. */
export function parsePercent(text: string): number | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text.trim())) return null;
  return Math.round(Number(text.trim()) * 100);
}

export function parseShares(input: SaveSplitRuleInput['shares'], currency: string): SplitShare[] {
  return input.map((share) => {
    const value = share.kind === 'fixed' ? parseMajorAmount(share.value, currency) : parsePercent(share.value);
    if (value === null || value < 0 || (share.kind === 'percent' && value > FULL_BASIS_POINTS)) {
      throw connectInputError('bad_share', `share ${share.role} ${share.kind} ${share.value} is not a valid amount`, { value: share.value });
    }
    return { role: share.role, kind: share.kind, value };
  });
}

export async function saveSplitRule(params: SaveSplitRuleInput & { operatorUserId: string }): Promise<SplitRule> {
  const prices =
    params.scope === 'price'
      ? [await getMirroredPrice({ priceId: params.targetId })].filter((p) => p !== null)
      : await listProductPrices({ productId: params.targetId });
  const priced = prices.filter((p) => p.active && p.unitAmount !== null);
  if (priced.length === 0) throw connectInputError('unknown_target', `no active priced ${params.scope} ${params.targetId}`);
  const currency = priced[0]!.currency;
  const shares = parseShares(params.shares, currency);
  // Every sale the rule can apply to must fit: the cheapest price in the rule's currency is the tightest.
  const cheapest = Math.min(...priced.filter((p) => p.currency === currency).map((p) => p.unitAmount!));
  splitSale(shares, cheapest, { of: 'price', currency });
  return db.transaction(async (tx) => {
    const before = await getSplitRule({ scope: params.scope, targetId: params.targetId }, tx);
    const rule = await upsertSplitRule({ scope: params.scope, targetId: params.targetId, currency, shares, updatedByUserId: params.operatorUserId }, tx);
    await recordAudit(
      {
        organizationId: null,
        actor: { type: 'operator', id: params.operatorUserId },
        action: 'split_rule.saved',
        target: { type: params.scope, id: params.targetId },
        data: { before: before ? { currency: before.currency, shares: before.shares } : null, after: { currency, shares } },
      },
      tx,
    );
    return rule;
  });
}

/** The rule a sale of this price follows: the price's own, else its product's. */
export async function findSplitRuleForPrice(price: { id: string; productId: string }): Promise<SplitRule | null> {
  return (await getSplitRule({ scope: 'price', targetId: price.id })) ?? (await getSplitRule({ scope: 'product', targetId: price.productId }));
}
