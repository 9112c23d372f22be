// Arranges the catalogue for the plan picker: plans of one billing interval (the free tier always), add-ons,
// usage-based prices, and things bought once. Pure.
import type { CatalogPrice } from '@/db/queries/catalog';

export type PlanInterval = 'month' | 'year';

export type PlanPickerGroups = {
  plans: CatalogPrice[];
  addons: CatalogPrice[];
  usage: CatalogPrice[];
  oneOff: CatalogPrice[];
  /** Whether any plan is offered yearly (else the switch is not shown). */
  hasAnnual: boolean;
};

export function parsePlanInterval(value: string | string[] | undefined): PlanInterval {
  return value === 'year' ? 'year' : 'month';
}

/**
 * Cheapest first: the free tier, then by the amount of one unit for one interval, prices on request last; equal
 * amounts by name so the order never depends on the order the catalogue was created in.
 */
export function compareByPrice(a: CatalogPrice, b: CatalogPrice): number {
  if (a.isFree !== b.isFree) return a.isFree ? -1 : 1;
  const amountA = a.unitAmount ?? Number.POSITIVE_INFINITY;
  const amountB = b.unitAmount ?? Number.POSITIVE_INFINITY;
  if (amountA !== amountB) return amountA < amountB ? -1 : 1;
  return a.productName.localeCompare(b.productName);
}

export function groupCatalog(prices: CatalogPrice[], interval: PlanInterval): PlanPickerGroups {
  const recurringPlans = prices.filter((p) => p.kind === 'plan' && p.type === 'recurring');
  return {
    plans: recurringPlans.filter((p) => p.isFree || p.interval === interval).sort(compareByPrice),
    addons: prices
      .filter((p) => p.kind === 'addon' && (p.interval === interval || !prices.some((q) => q.productId === p.productId && q.interval === interval)))
      .sort(compareByPrice),
    usage: prices.filter((p) => p.kind === 'usage' || p.metered),
    // Services (a remote diagnosis) are billed by operators, never bought in the portal.
    oneOff: prices.filter((p) => p.type === 'one_time' && p.kind !== 'service'),
    hasAnnual: recurringPlans.some((p) => p.interval === 'year'),
  };
}

/** The first invoice before discounts for `quantity` of a licensed price; 0 for metered (billed in arrears). */
export function firstInvoiceAmount(price: Pick<CatalogPrice, 'unitAmount' | 'metered'>, quantity: number): number {
  if (price.metered || price.unitAmount === null) return 0;
  return price.unitAmount * quantity;
}
