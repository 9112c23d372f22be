// Which item of a subscription is its plan: the one a plan change replaces and a promotion code is checked
// against. A subscription from a quote can carry add-ons beside its plan (Team and device backup), in any order;
// replacing the first item would drop the add-on and leave the old plan billed beside the new one. Pure.

type Item = { productKind: string | null; interval: string | null };

/** The plan item: the first that is not an add-on (a plan, or a product with no catalogue kind); null if none. */
export function planItemOf<T extends Item>(items: readonly T[]): T | null {
  return items.find((item) => item.productKind !== 'addon') ?? null;
}

/**
 * The billing interval a new plan must keep: the other items' (Stripe bills one subscription on one interval),
 * null when the plan is the only item and may move to any interval.
 */
export function intervalKeptBy<T extends Item>(items: readonly T[], plan: T | null): string | null {
  return items.find((item) => item !== plan && item.interval !== null)?.interval ?? null;
}
