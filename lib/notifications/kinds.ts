// The moments Seikyu emails about. Reminders are the non-essential ones a customer may turn off; the others
// concern money owed or paid and always go to the billing email.
export const CUSTOMER_KINDS = [
  'trial_ending',
  'renewal_upcoming',
  'card_expiring',
  'payment_succeeded',
  'payment_failed',
  'invoice_finalized',
  'invoice_past_due',
  'invoice_reminder',
  'credit_note_issued',
  'quote_sent',
  'free_year_ending',
  'usage_budget_crossed',
] as const;
export const OPERATOR_KINDS = ['operator_payment_failed'] as const;
export const NOTIFICATION_KINDS = [...CUSTOMER_KINDS, ...OPERATOR_KINDS] as const;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const REMINDER_KINDS: readonly NotificationKind[] = ['trial_ending', 'renewal_upcoming', 'card_expiring'];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
