// What the change-plan form offers and which plan it starts on. Pure.
import type { CatalogPrice } from '@/db/queries/catalog';

export type PlanChoice = { priceId: string; interval: string | null; metered?: boolean };

type Offerable = Pick<CatalogPrice, 'id' | 'kind' | 'type' | 'isFree' | 'metered' | 'interval' | 'meterEventName'>;

/**
 * Whether a subscription whose plan is on `current` may change to `price`: a paid recurring plan billed on
 * `keptInterval` when the plan shares its subscription with add-ons; and, for a plan on a metered price, the other
 * capacity tiers of that plan (usage prices on the same meter: On-demand 10 devices to On-demand 20 devices). A
 * usage price on another meter (diagnosis requests) is no tier of it and joins through checkout, not here.
 */
export function isPlanChangeTarget(price: Offerable, current: Offerable | null, keptInterval: string | null): boolean {
  if (price.type !== 'recurring' || price.isFree) return false;
  if (keptInterval && price.interval !== keptInterval) return false;
  if (price.kind === 'plan') return !price.metered;
  return (
    price.kind === 'usage' &&
    price.metered &&
    current !== null &&
    current.metered &&
    current.meterEventName !== null &&
    price.meterEventName === current.meterEventName
  );
}

/** The catalogue prices the change-plan form lists for a plan on `currentPriceId` (found in `prices`), in catalogue order. */
export function planChangeOptions<T extends Offerable>(prices: readonly T[], currentPriceId: string | null, keptInterval: string | null): T[] {
  const current = prices.find((p) => p.id === currentPriceId) ?? null;
  return prices.filter((p) => isPlanChangeTarget(p, current, keptInterval));
}

/**
 * The plan the customer asked for on the plan picker (`requested`, when it is one of the options and not the
 * current plan); else the first other plan billed like the current one (another capacity tier of a metered plan)
 * on the current plan's interval, so a monthly customer is not offered an annual price first; else the first
 * other plan on the interval; else the first other plan.
 */
export function initialPlanChoice(options: readonly PlanChoice[], currentPriceId: string | null, requested?: string | null): string {
  const others = options.filter((option) => option.priceId !== currentPriceId);
  if (requested && others.some((option) => option.priceId === requested)) return requested;
  const current = options.find((option) => option.priceId === currentPriceId);
  const currentInterval = current?.interval ?? null;
  const sameInterval = others.filter((option) => option.interval === currentInterval);
  const sameBilling = sameInterval.find((option) => Boolean(option.metered) === Boolean(current?.metered));
  return (sameBilling ?? sameInterval[0] ?? others[0] ?? options[0])?.priceId ?? '';
}
