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

export function groupCatalog(prices: CatalogPrice[], interval: PlanInterval): PlanPickerGroups {
  const recurringPlans = prices.filter((p) => p.kind === 'plan' && p.type === 'recurring');
  return {
    // Cheapest first: the free tier, then upwards.
    plans: recurringPlans.filter((p) => p.isFree || p.interval === interval).sort((a, b) => (a.unitAmount ?? Infinity) - (b.unitAmount ?? Infinity)),
    addons: prices.filter((p) => p.kind === 'addon' && (p.interval === interval || !prices.some((q) => q.productId === p.productId && q.interval === interval))),
    usage: prices.filter((p) => p.kind === 'usage' || p.metered),
    oneOff: prices.filter((p) => p.type === 'one_time'),
    hasAnnual: recurringPlans.some((p) => p.interval === 'year'),
  };
}

/** The first invoice before discounts for `quantity` of a licensed price; 0 for metered (billed in arrears). */
export function firstInvoiceAmount(price: Pick<CatalogPrice, 'unitAmount' | 'metered'>, quantity: number): number {
  if (price.metered || price.unitAmount === null) return 0;
  return price.unitAmount * quantity;
}
