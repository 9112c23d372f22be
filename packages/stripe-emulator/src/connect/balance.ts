// Balances, computed from what moved money (no balance transaction objects are kept):
// - the platform: succeeded, captured charges (captured − refunded, no Stripe fees in the emulator), less its
//   transfers net of reversals;
// - a connected account: the transfers it received, net of reversals.
// A charge's funds are `pending` for CHARGE_PENDING_SECONDS after it was created (on its customer's clock),
// then `available`. A transfer with `source_transaction` moves funds in the same state as its charge's; one
// without moves available funds. So a platform can always transfer from a charge (as Stripe allows with
// `source_transaction`), while a transfer without one needs available funds.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { chargesCollection } from '../resources/charges.js';
import { transfersCollection } from './collections.js';

/** Stripe's standard payout delay in Japan is 4 business days; the emulator keeps charges pending 2 days. */
export const CHARGE_PENDING_SECONDS = 2 * 24 * 60 * 60;

interface Totals {
  available: Map<string, number>;
  pending: Map<string, number>;
}

function add(map: Map<string, number>, currency: string, amount: number): void {
  map.set(currency, (map.get(currency) ?? 0) + amount);
}

/** `account` null is the platform. `now` is the wall time; charges on test clocks use their own clock. */
export function balanceOf(emu: Emulator, account: string | null, now: number): Stripe.Balance {
  const totals: Totals = { available: new Map(), pending: new Map() };
  const chargeAvailable = new Map<string, boolean>();
  for (const charge of emu.store.all(chargesCollection)) {
    if (charge.status !== 'succeeded' || !charge.captured) continue;
    const chargeNow = charge.customer ? emu.clock.now(typeof charge.customer === 'string' ? charge.customer : charge.customer.id) : now;
    const available = chargeNow >= charge.created + CHARGE_PENDING_SECONDS;
    chargeAvailable.set(charge.id, available);
    if (account === null) add(available ? totals.available : totals.pending, charge.currency, charge.amount_captured - charge.amount_refunded);
  }
  for (const transfer of emu.store.all(transfersCollection)) {
    const net = transfer.amount - transfer.amount_reversed;
    const source = typeof transfer.source_transaction === 'string' ? transfer.source_transaction : (transfer.source_transaction?.id ?? null);
    const available = source === null ? true : (chargeAvailable.get(source) ?? true);
    const bucket = available ? totals.available : totals.pending;
    if (account === null) add(bucket, transfer.currency, -net);
    else if (transfer.destination === account) add(bucket, transfer.currency, net);
  }
  const currencies = new Set([...totals.available.keys(), ...totals.pending.keys()]);
  if (currencies.size === 0) currencies.add('jpy');
  const sorted = [...currencies].sort();
  return {
    object: 'balance',
    available: sorted.map((currency) => ({ amount: totals.available.get(currency) ?? 0, currency, source_types: { card: totals.available.get(currency) ?? 0 } })),
    livemode: false,
    pending: sorted.map((currency) => ({ amount: totals.pending.get(currency) ?? 0, currency, source_types: { card: totals.pending.get(currency) ?? 0 } })),
  };
}
