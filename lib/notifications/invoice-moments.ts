// The moments an invoice event marks: a payment succeeded (the receipt: a card charge, or an invoice turned paid by
// payments recorded outside Stripe or paid by card from the portal) or failed (every attempt, and the operators at
// once), a bank-transfer invoice was issued or went past due. Called by the invoice webhook
// handler after the mirror is synced; reads the invoice from the mirror. Idempotent through dedupe keys: a
// redelivered or replayed event enqueues nothing new.
import type Stripe from 'stripe';
import { getInvoiceForNotification, getNotificationAudience, listUserLocalesByEmail, type NotificationAudience } from '@/db/queries/outbox';
import { type MirroredInvoice } from '@/db/queries/notifications';
import { bankTransferInstructions } from '@/lib/billing/invoices/invoice-details';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/config';
import { customerRecipient, enqueueNotification } from './enqueue';
import { portalLinks } from './links';
import { isPastDueDay } from './reminder-due';
import { getBrandingSettings, getNotificationSettings } from './settings';

export type PaymentFailureReason = { code: string | null; declineCode: string | null; message: string | null };

type Moment = (event: Stripe.Event, invoice: MirroredInvoice, audience: NotificationAudience, failure?: PaymentFailureReason) => Promise<void>;

/** The invoice events that are a moment to tell someone about; any other event reads nothing. */
const MOMENTS: Partial<Record<string, Moment>> = {
  'invoice.payment_succeeded': (_event, invoice, audience) => notifyPaymentSucceeded(invoice, audience),
  // Paid outside Stripe (Payment Records, paid_out_of_band) comes only as invoice.paid; a card payment brings both,
  // and the dedupe key sends its receipt once.
  'invoice.paid': (_event, invoice, audience) => notifyPaymentSucceeded(invoice, audience),
  'invoice.payment_failed': async (event, invoice, audience, failure) => {
    await notifyPaymentFailed(event, invoice, audience, failure);
    await notifyOperatorsPaymentFailed(event, invoice, audience, failure);
  },
  'invoice.finalized': (_event, invoice, audience) => notifyInvoiceFinalized(invoice, audience),
  'invoice.overdue': (event, invoice, audience) => notifyInvoicePastDue(invoice, audience, new Date(event.created * 1000)),
};

export async function notifyInvoiceEvent(event: Stripe.Event, failure?: PaymentFailureReason): Promise<void> {
  const invoiceId = (event.data.object as { id?: string }).id;
  const moment = MOMENTS[event.type];
  if (!invoiceId || !moment) return;
  const invoice = await getInvoiceForNotification({ invoiceId });
  if (!invoice) return;
  const audience = await getNotificationAudience({ customerId: invoice.customerId });
  if (!audience) return;
  await moment(event, invoice, audience, failure);
}

/** The receipt, once the invoice is paid (and something was: a ¥0 invoice has nothing to acknowledge). */
async function notifyPaymentSucceeded(invoice: MirroredInvoice, audience: NotificationAudience): Promise<void> {
  const to = customerRecipient(audience);
  if (invoice.status !== 'paid' || invoice.amountPaid <= 0 || !to) return;
  await enqueueNotification({
    kind: 'payment_succeeded',
    ...to,
    dedupeKey: `payment_succeeded:${invoice.id}`,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      amount: invoice.amountPaid,
      currency: invoice.currency,
      paidAt: (invoice.paidAt ?? new Date()).toISOString(),
      invoiceUrl: portalLinks.invoice(audience.organizationId, invoice.id),
      // The card Stripe charges by itself; an invoice sent for payment was paid however the customer chose.
      byCard: invoice.collectionMethod === 'charge_automatically',
    },
  });
}

/** Every failed attempt is its own moment (one event per attempt), so the key is the event. */
async function notifyPaymentFailed(event: Stripe.Event, invoice: MirroredInvoice, audience: NotificationAudience, failure?: PaymentFailureReason): Promise<void> {
  const to = customerRecipient(audience);
  if (!to) return;
  await enqueueNotification({
    kind: 'payment_failed',
    ...to,
    dedupeKey: `payment_failed:${event.id}`,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      amount: invoice.amountDue,
      currency: invoice.currency,
      declineCode: failure?.declineCode ?? failure?.code ?? null,
      fixUrl: portalLinks.invoice(audience.organizationId, invoice.id),
    },
  });
}

/** The operator recipients from the settings page; until set, the deployment's OPERATOR_EMAILS. */
export async function operatorRecipients(): Promise<string[]> {
  const configured = (await getNotificationSettings()).operatorRecipients;
  if (configured.length > 0) return configured;
  return env.OPERATOR_EMAILS.split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.includes('@'));
}

async function notifyOperatorsPaymentFailed(event: Stripe.Event, invoice: MirroredInvoice, audience: NotificationAudience, failure?: PaymentFailureReason) {
  const recipients = await operatorRecipients();
  const locales = await listUserLocalesByEmail({ emails: recipients });
  const attemptCount = (event.data.object as Partial<Stripe.Invoice>).attempt_count ?? null;
  for (const recipient of recipients) {
    const locale = locales.get(recipient);
    await enqueueNotification({
      kind: 'operator_payment_failed',
      organizationId: audience.organizationId,
      recipient,
      locale: isLocale(locale) ? locale : 'en',
      dedupeKey: `operator_payment_failed:${event.id}:${recipient}`,
      payload: {
        invoiceId: invoice.id,
        number: invoice.number,
        amount: invoice.amountDue,
        currency: invoice.currency,
        organizationName: audience.organizationName,
        customerId: audience.customerId,
        customerEmail: audience.email,
        declineCode: failure?.declineCode ?? failure?.code ?? null,
        failureMessage: failure?.message ?? null,
        attemptCount,
        adminUrl: portalLinks.adminCustomer(audience.organizationId),
      },
    });
  }
}

async function notifyInvoiceFinalized(invoice: MirroredInvoice, audience: NotificationAudience): Promise<void> {
  const to = customerRecipient(audience);
  if (invoice.collectionMethod !== 'send_invoice' || invoice.amountDue <= 0 || !to) return;
  const bankDetails = bankTransferInstructions(invoice) ?? (await getBrandingSettings()).bankDetails;
  await enqueueNotification({
    kind: 'invoice_finalized',
    ...to,
    dedupeKey: `invoice_finalized:${invoice.id}`,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      amount: invoice.amountDue,
      currency: invoice.currency,
      dueDate: invoice.dueDate?.toISOString() ?? null,
      bankDetails,
      invoiceUrl: portalLinks.invoice(audience.organizationId, invoice.id),
    },
  });
}

/**
 * Also reached from the time-based scan (due date passed at the customer's clock); one row per invoice. Past due
 * only once the due date is over in the organization's time zone: the whole day is the customer's to pay on,
 * though Stripe's due instant falls at the time of day the invoice was finalized. Before that nothing is sent;
 * the scan (every ten minutes) sends it after.
 */
export async function notifyInvoicePastDue(invoice: MirroredInvoice, audience: NotificationAudience, now: Date): Promise<void> {
  const to = customerRecipient(audience);
  if (invoice.collectionMethod !== 'send_invoice' || invoice.status !== 'open' || !invoice.dueDate || !to) return;
  if (!isPastDueDay(invoice.dueDate, audience.timeZone, now)) return;
  await enqueueNotification({
    kind: 'invoice_past_due',
    ...to,
    dedupeKey: `invoice_past_due:${invoice.id}`,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      amount: invoice.amountRemaining,
      currency: invoice.currency,
      dueDate: invoice.dueDate.toISOString(),
      invoiceUrl: portalLinks.invoice(audience.organizationId, invoice.id),
    },
  });
}
