// How much of each transfer comes back when a sale is refunded or credited. Pure.
// Proportional: a transfer of T on a sale of S reduced by R ends up reversed by floor(T × R / S) — rounding down,
// so the payees never give back more than their share; the target only grows, so each refund or credit note
// reverses the difference and a replay of the same one reverses nothing.
export type ReversibleTransfer = { id: string; amount: number; reversedAmount: number };

export function reversalTarget(transferAmount: number, saleAmount: number, reducedAmount: number): number {
  if (saleAmount <= 0) return 0;
  const reduced = Math.min(Math.max(reducedAmount, 0), saleAmount);
  return Math.floor((transferAmount * reduced) / saleAmount);
}

/** The reversals still to make: one per transfer whose target is above what is already reversed. */
export function reversalsDue(transfers: readonly ReversibleTransfer[], saleAmount: number, reducedAmount: number): { id: string; amount: number; target: number }[] {
  return transfers
    .map((t) => {
      const target = reversalTarget(t.amount, saleAmount, reducedAmount);
      return { id: t.id, amount: target - t.reversedAmount, target };
    })
    .filter((r) => r.amount > 0);
}
