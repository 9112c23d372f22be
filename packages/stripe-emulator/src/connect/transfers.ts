// Transfers from the platform to connected accounts, and their reversals (separate charges and transfers).
// A transfer with `source_transaction` draws on that charge: all the transfers of one charge, net of
// reversals, never exceed what the charge still holds (captured minus refunded). One without draws on the
// platform's available balance (connect/balance.ts). Routes live in resources/transfers.ts.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { formatAmount } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { chargesCollection } from '../resources/charges.js';
import { canReceiveTransfers } from './accounts.js';
import { v2AccountsCollection } from './v2-accounts.js';
import { accountsCollection, transferReversalsCollection, transfersCollection } from './collections.js';
import { balanceOf } from './balance.js';


/** How many reversals a transfer embeds in its `reversals` list (Stripe embeds the first page). */
const EMBEDDED_REVERSALS = 10;

export interface CreateTransferInput {
  amount: number;
  currency: string;
  destination: string;
  sourceTransaction: string | null;
  transferGroup: string | null;
  description: string | null;
  metadata: Stripe.Metadata;
}

/** What a charge can still fund: captured, minus refunded, minus what its transfers (net of reversals) took. */
export function chargeTransferable(emu: Emulator, charge: Stripe.Charge): number {
  const transferred = emu.store
    .all(transfersCollection)
    .filter((t) => t.source_transaction === charge.id)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
  return charge.amount_captured - charge.amount_refunded - transferred;
}

export function createTransfer(emu: Emulator, input: CreateTransferInput): Stripe.Transfer {
  const destination = emu.store.get(accountsCollection, input.destination);
  if (!destination) throw resourceMissing('destination', input.destination, 'destination');
  if (emu.store.get(v2AccountsCollection, destination.id)?.closed) {
    throw invalidRequest(`The destination account ${destination.id} is closed.`, { code: 'account_closed', param: 'destination' });
  }
  if (!canReceiveTransfers(destination)) {
    throw invalidRequest(
      `Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments. The account ${destination.id} has not completed onboarding.`,
      { code: 'insufficient_capabilities_for_transfer', param: 'destination' },
    );
  }
  if (input.amount < 1) throw invalidRequest('Invalid positive integer', { param: 'amount' });
  if (input.sourceTransaction) {
    const charge = emu.store.get(chargesCollection, input.sourceTransaction);
    if (!charge) throw resourceMissing('charge', input.sourceTransaction, 'source_transaction');
    if (charge.status !== 'succeeded' || !charge.captured) {
      throw invalidRequest(`The source_transaction ${charge.id} has not succeeded (or is not captured), so it cannot fund a transfer.`, { param: 'source_transaction' });
    }
    if (charge.currency !== input.currency) {
      throw invalidRequest(`The currency of source_transaction (${charge.currency}) must match the transfer's currency (${input.currency}).`, { param: 'currency' });
    }
    const left = chargeTransferable(emu, charge);
    if (input.amount > left) {
      throw invalidRequest(
        `Insufficient funds in the source transaction: the transfer of ${formatAmount(input.amount, input.currency)} exceeds the ${formatAmount(Math.max(0, left), input.currency)} ` +
          `that charge ${charge.id} can still fund (its amount, less refunds and earlier transfers).`,
        { code: 'balance_insufficient', param: 'amount' },
      );
    }
  } else {
    const available = balanceOf(emu, null, emu.clock.wallNow()).available.find((b) => b.currency === input.currency)?.amount ?? 0;
    if (input.amount > available) {
      throw invalidRequest(
        'You have insufficient available funds in your Stripe account. Transfer with `source_transaction` to draw on a charge whose funds are still pending, or wait until charges become available.',
        { code: 'balance_insufficient', param: 'amount' },
      );
    }
  }
  const id = newId('tr');
  const transfer = {
    id,
    object: 'transfer',
    amount: input.amount,
    amount_reversed: 0,
    balance_transaction: newId('txn'),
    created: emu.clock.wallNow(),
    currency: input.currency,
    description: input.description,
    destination: destination.id,
    // The payment the destination receives (a `py_` charge on the connected account; not retrievable here).
    destination_payment: newId('py'),
    livemode: false,
    metadata: input.metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: input.sourceTransaction,
    source_type: 'card',
    transfer_group: input.transferGroup,
  } satisfies Full<Stripe.Transfer>;
  emu.store.insert(transfersCollection, transfer);
  emu.events.emit('transfer.created', transfer);
  return transfer;
}

export function updateTransfer(emu: Emulator, id: string, update: { description?: string | null; metadata?: Record<string, string> | null }): Stripe.Transfer {
  const before = emu.store.require(transfersCollection, id, 'transfer');
  const after = emu.store.update(transfersCollection, id, (cur) => ({
    ...cur,
    description: update.description !== undefined ? update.description : cur.description,
    metadata: applyMetadata(cur.metadata, update.metadata),
  }));
  const previous = diffAttributes(before, after);
  if (Object.keys(previous).length > 0) emu.events.emit('transfer.updated', after, { previousAttributes: previous });
  return after;
}

export interface ReverseTransferInput {
  /** Defaults to what is left of the transfer. */
  amount?: number;
  description?: string;
  metadata: Stripe.Metadata;
}

/** Takes (part of) a transfer back from the destination to the platform; `transfer.reversed` even when partial. */
export function reverseTransfer(emu: Emulator, transferId: string, input: ReverseTransferInput): Stripe.TransferReversal {
  const before = emu.store.get(transfersCollection, transferId);
  if (!before) throw resourceMissing('transfer', transferId, 'id');
  const left = before.amount - before.amount_reversed;
  if (left === 0) throw invalidRequest(`Transfer ${before.id} has already been fully reversed.`, { code: 'transfer_already_reversed' });
  const amount = input.amount ?? left;
  if (amount < 1) throw invalidRequest('Invalid positive integer', { param: 'amount' });
  if (amount > left) {
    throw invalidRequest(
      `Transfer reversal amount (${formatAmount(amount, before.currency)}) is greater than the amount left on the transfer (${formatAmount(left, before.currency)}).`,
      { param: 'amount' },
    );
  }
  const reversal = {
    id: newId('trr'),
    object: 'transfer_reversal',
    amount,
    balance_transaction: newId('txn'),
    created: emu.clock.wallNow(),
    currency: before.currency,
    destination_payment_refund: newId('pyr'),
    metadata: input.metadata,
    source_refund: null,
    transfer: before.id,
  } satisfies Full<Stripe.TransferReversal>;
  emu.store.insert(transferReversalsCollection, reversal);
  const reversals = reversalsOf(emu, before.id);
  const after = emu.store.update(transfersCollection, before.id, (cur) => ({
    ...cur,
    amount_reversed: cur.amount_reversed + amount,
    reversed: cur.amount_reversed + amount === cur.amount,
    reversals: { ...cur.reversals, data: reversals.slice(0, EMBEDDED_REVERSALS), has_more: reversals.length > EMBEDDED_REVERSALS },
  }));
  emu.events.emit('transfer.reversed', after, { previousAttributes: diffAttributes(before, after) });
  return reversal;
}

/** A transfer's reversals, newest first. */
export function reversalsOf(emu: Emulator, transferId: string): Stripe.TransferReversal[] {
  return emu.store.newestFirst(transferReversalsCollection, (r) => r.transfer === transferId);
}
