// When an operator may remind a customer of an open invoice: once it is past due, as the customer's own "past due"
// email counts it. A bank-transfer invoice from the day after its due date in the organization's time zone (the
// whole due day is the customer's to pay on, though Stripe's due instant falls at the time of day it was
// finalized); a card invoice, due at once, after a charge has failed. Before that a reminder would tell the
// customer a payment is missing that is not yet due. Pure: the receivables page offers the button by it and
// remindCustomerOfInvoice refuses by it.
import { startOfNextDayIn } from '@/lib/usage/period';

export type ReminderInvoice = {
  status: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  dueDate: Date | null;
  /** Stripe's `attempt_count`: charges tried on a card invoice. */
  attemptCount: number;
};

/** Why a reminder cannot be sent yet (null: it can), for an open invoice with money left to pay. */
export type ReminderNotDue = 'not_yet_due' | 'not_yet_charged';

export function reminderNotDue(invoice: ReminderInvoice, timeZone: string, now: Date): ReminderNotDue | null {
  if (invoice.collectionMethod === 'charge_automatically' && !invoice.dueDate) return invoice.attemptCount > 0 ? null : 'not_yet_charged';
  if (!invoice.dueDate) return 'not_yet_due';
  return isPastDueDay(invoice.dueDate, timeZone, now) ? null : 'not_yet_due';
}

/**
 * Whether `dueDate`'s day is over in `timeZone` at `now`: the rule of the customer's past-due email and of the
 * operators' reminder alike.
 */
export function isPastDueDay(dueDate: Date, timeZone: string, now: Date): boolean {
  return now.getTime() >= startOfNextDayIn(dueDate, timeZone).getTime();
}

/** The attempts Stripe made on a mirrored invoice, from its stored JSON. */
export function attemptCountOf(data: unknown): number {
  const count = (data as { attempt_count?: unknown } | null)?.attempt_count;
  return typeof count === 'number' ? count : 0;
}
