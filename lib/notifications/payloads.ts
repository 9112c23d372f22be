// What each outbox row carries: the facts its email shows, fixed when the moment happened (dates as ISO
// strings, money in minor units). Rendering needs nothing else, so a resend shows what was true then.
import type { CreditNoteSettlement } from '@/lib/back-office/credit-note-settlement';
import type { NotificationKind } from './kinds';

type Money = { amount: number; currency: string };

export type NotificationPayloads = {
  trial_ending: { subscriptionId: string; planName: string | null; trialEnd: string; manageUrl: string };
  renewal_upcoming: { subscriptionId: string; planName: string | null; renewsAt: string; interval: string | null; manageUrl: string } & Partial<Money>;
  card_expiring: { paymentMethodId: string; brand: string | null; last4: string | null; expMonth: number; expYear: number; manageUrl: string };
  /** `byCard` false: paid some other way (outside Stripe, or a sent invoice); rows queued before it existed were cards. */
  payment_succeeded: { invoiceId: string; number: string | null; paidAt: string; invoiceUrl: string; byCard?: boolean } & Money;
  payment_failed: {
    invoiceId: string;
    number: string | null;
    declineCode: string | null;
    fixUrl: string;
  } & Money;
  invoice_finalized: { invoiceId: string; number: string | null; dueDate: string | null; bankDetails: string; invoiceUrl: string } & Money;
  /**
   * An operator's reminder from the receivables report: what is still owed and where to pay it. A card invoice
   * (`charge_automatically`: its charge failed) is paid from the portal, a bank-transfer one to `bankDetails`;
   * rows from before the method was kept are bank-transfer reminders.
   */
  invoice_reminder: {
    invoiceId: string;
    number: string | null;
    dueDate: string | null;
    bankDetails: string;
    invoiceUrl: string;
    collectionMethod?: 'charge_automatically' | 'send_invoice';
  } & Money;
  /**
   * An operator issued a credit note on one of the customer's invoices: Seikyu's document (返品・値引明細書 /
   * 適格返還請求書) is attached (deliver.ts); `settlement` says where the money went.
   */
  credit_note_issued: {
    creditNoteId: string;
    invoiceId: string;
    number: string;
    invoiceNumber: string | null;
    issuedAt: string;
    settlement: CreditNoteSettlement;
    invoiceUrl: string;
  } & Money;
  /** An operator sent a quote: its PDF is attached (deliver.ts) and the link opens it in the portal to accept. */
  quote_sent: { quoteId: string; number: string | null; expiresAt: string; companyName: string | null; quoteUrl: string } & Money;
  invoice_past_due: { invoiceId: string; number: string | null; dueDate: string; invoiceUrl: string } & Money;
  /**
   * The free tier's year ends: the notice `daysBefore` (30 or 7) names which one this is, `daysLeft` the whole days
   * left when it was written (rows from before it was kept say `daysBefore`). Choose a plan.
   */
  free_year_ending: { endsAt: string; daysBefore: number; daysLeft?: number; plansUrl: string };
  /**
   * Usage of a meter this period crossed `thresholdPercent` % of the customer's budget. `meterName` is in the
   * recipient's language, fixed when the threshold was crossed; usage and budget in the meter's unit.
   */
  usage_budget_crossed: {
    meter: string;
    meterName: string;
    thresholdPercent: number;
    budget: number;
    usage: number;
    periodStart: string;
    periodEnd: string;
    usageUrl: string;
  };
  operator_payment_failed: {
    invoiceId: string;
    number: string | null;
    organizationName: string | null;
    customerId: string;
    customerEmail: string | null;
    declineCode: string | null;
    failureMessage: string | null;
    attemptCount: number | null;
    adminUrl: string;
  } & Money;
};

export type PayloadOf<K extends NotificationKind> = NotificationPayloads[K];
