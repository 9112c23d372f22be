// Bounds the customer may choose within. Shared by the zod schemas, the plan picker's inputs and the checks in
// lib/billing/subscriptions.
/** Seats or devices on one per-unit price. */
export const MAX_QUANTITY = 1_000;
/** Promotion codes on one checkout. */
export const MAX_PROMOTION_CODES = 3;
