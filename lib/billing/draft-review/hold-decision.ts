// Whether a new draft is held for review. Pure: the webhook handler gathers the holds and the customer's
// earlier invoice count. A hold without a count holds every invoice; "first N" holds while fewer than N came before.
export type HoldRule = { scope: 'organization' | 'price' | 'product'; firstInvoices: number | null };

export function shouldHoldDraft(params: { holds: HoldRule[]; earlierInvoices: number }): boolean {
  return params.holds.some((hold) => hold.firstInvoices === null || params.earlierInvoices < hold.firstInvoices);
}
