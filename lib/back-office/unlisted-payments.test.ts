import { describe, expect, it } from 'vitest';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';
import { unlistedPayments } from './unlisted-payments';

const paidAt = new Date('2026-12-07T03:00:00Z');
const payment = (type: string, status: string, amountPaid: number | null) => ({ type, status, amountPaid }) as unknown as InvoicePaymentRecord;

describe('unlistedPayments', () => {
  it('names a card payment the mirror does not list, so a paid card invoice never reads "no payments"', () => {
    expect(unlistedPayments({ amountPaid: 6_300, paidAt, data: { amount_paid_off_stripe: 0 } }, [])).toEqual([{ method: 'card', amount: 6_300, paidAt }]);
  });
  it('names an invoice marked paid outside Stripe (no invoice payment exists for it)', () => {
    expect(unlistedPayments({ amountPaid: 12_000, paidAt, data: { amount_paid_off_stripe: 12_000 } }, [])).toEqual([{ method: 'outside_stripe', amount: 12_000, paidAt }]);
  });
  it('adds nothing when the listed payments account for every yen, and ignores open or canceled attempts', () => {
    const card = payment('payment_intent', 'paid', 6_300);
    expect(unlistedPayments({ amountPaid: 6_300, paidAt, data: {} }, [card, payment('payment_intent', 'canceled', null)])).toEqual([]);
    const transfer = payment('payment_record', 'paid', 2_000);
    expect(unlistedPayments({ amountPaid: 2_000, paidAt: null, data: { amount_paid_off_stripe: 2_000 } }, [transfer])).toEqual([]);
    expect(unlistedPayments({ amountPaid: 0, paidAt: null, data: {} }, [payment('payment_intent', 'open', null)])).toEqual([]);
  });
  it('keeps the listed part and names only the rest: a recorded transfer listed, the card part not yet', () => {
    const transfer = payment('payment_record', 'paid', 2_000);
    expect(unlistedPayments({ amountPaid: 5_000, paidAt, data: { amount_paid_off_stripe: 2_000 } }, [transfer])).toEqual([{ method: 'card', amount: 3_000, paidAt }]);
  });
});
