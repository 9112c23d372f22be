// Which plan the change-plan form starts on. Pure.

export type PlanChoice = { priceId: string; interval: string | null };

/**
 * The plan the customer asked for on the plan picker (`requested`, when it is one of the options and not the
 * current plan); else the first other plan billed on the current plan's interval, so a monthly customer is not
 * offered an annual price first; else the first other plan.
 */
export function initialPlanChoice(options: readonly PlanChoice[], currentPriceId: string | null, requested?: string | null): string {
  const others = options.filter((option) => option.priceId !== currentPriceId);
  if (requested && others.some((option) => option.priceId === requested)) return requested;
  const currentInterval = options.find((option) => option.priceId === currentPriceId)?.interval ?? null;
  const sameInterval = others.find((option) => option.interval === currentInterval);
  return (sameInterval ?? others[0] ?? options[0])?.priceId ?? '';
}
