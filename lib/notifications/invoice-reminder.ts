// An operator reminds a customer of an open invoice past due (the receivables report): an `invoice_reminder` email
// in the outbox with the amount still owed, the due date, and the bank details (a bank-transfer invoice) or the
// way to pay again by card (a card invoice whose charge failed). An invoice not yet due is refused, whatever the
// page offered (reminder-due.ts), at the customer's own now (a Stripe test clock's time for a customer on one). One
// per invoice per (UTC) day, so a double click sends one; audited when queued.
import { getInvoiceForNotification, getNotificationAudience } from '@/db/queries/outbox';
import { getCustomerTestClockTime } from '@/db/queries/test-clocks';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { bankTransferInstructions } from '@/lib/billing/invoices/invoice-details';
import { AppError } from '@/lib/errors';
import { customerRecipient, enqueueNotification, type EnqueueOutcome } from './enqueue';
import { portalLinks } from './links';
import { attemptCountOf, reminderNotDue } from './reminder-due';
import { getBrandingSettings } from './settings';

export async function remindCustomerOfInvoice(params: { invoiceId: string; actor: AuditActor; now?: Date }): Promise<EnqueueOutcome> {
  const invoice = await getInvoiceForNotification({ invoiceId: params.invoiceId });
  if (!invoice) throw new AppError('not_found', `invoice ${params.invoiceId} not in the mirror`);
  if (invoice.status !== 'open' || invoice.amountRemaining <= 0) throw new AppError('conflict', `invoice ${invoice.id} is ${invoice.status}, nothing to remind`);
  const audience = await getNotificationAudience({ customerId: invoice.customerId });
  const to = audience ? customerRecipient(audience) : null;
  if (!audience || !to) throw new AppError('conflict', `invoice ${invoice.id}: the customer has no billing email`);
  // The customer's now: a customer on a Stripe test clock lives at its time, as their own past-due email does.
  const now = params.now ?? (await getCustomerTestClockTime({ customerId: invoice.customerId })) ?? new Date();
  const notDue = reminderNotDue({ ...invoice, attemptCount: attemptCountOf(invoice.data) }, audience.timeZone, now);
  if (notDue) {
    throw new AppError('conflict', `invoice ${invoice.id} is not past due (${notDue}): nothing to remind yet`, {
      reason: notDue,
      userMessageKey: { key: `backoffice.receivables.${notDue === 'not_yet_due' ? 'notYetDue' : 'notYetCharged'}`, values: { number: invoice.number ?? invoice.id } },
    });
  }
  const day = now.toISOString().slice(0, 10);
  const outcome = await enqueueNotification({
    kind: 'invoice_reminder',
    ...to,
    dedupeKey: `invoice_reminder:${invoice.id}:${day}`,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      amount: invoice.amountRemaining,
      currency: invoice.currency,
      dueDate: invoice.dueDate?.toISOString() ?? null,
      // A card invoice is paid again from the portal: no bank account to send money to.
      bankDetails: invoice.collectionMethod === 'send_invoice' ? (bankTransferInstructions(invoice) ?? (await getBrandingSettings()).bankDetails) : '',
      invoiceUrl: portalLinks.invoice(audience.organizationId, invoice.id),
      collectionMethod: invoice.collectionMethod,
    },
  });
  if (outcome === 'disabled') throw new AppError('conflict', 'invoice reminders are turned off in the notification settings');
  if (outcome === 'queued') {
    await recordAudit({
      organizationId: audience.organizationId,
      actor: params.actor,
      action: 'invoice.reminder_sent',
      target: { type: 'invoice', id: invoice.id },
      data: { number: invoice.number, amount: invoice.amountRemaining, currency: invoice.currency, recipient: audience.email },
    });
  }
  return outcome;
}
