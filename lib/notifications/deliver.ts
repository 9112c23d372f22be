// Delivers one outbox row: claims it (so a duplicate job or a second runner cannot send it too), renders its
// email in the recipient's language with the current branding, attaches the receipt PDF for a payment (the
// quote PDF for a sent quote), sends
// through SMTP or the dev mailbox and records the outcome. A failure is recorded and rethrown so the runner
// retries with backoff; after the last attempt the row is `failed` and waits for an operator's resend.
import { claimNotificationForDelivery, markNotificationAttemptFailed, markNotificationSent } from '@/db/queries/outbox';
import { listUnattemptedNotificationsForOperator } from '@/db/queries/notifications';
import { getQuoteForOperator } from '@/db/queries/quotes';
import { quoteFilename, renderQuoteDocument } from '@/lib/quotes/quote-document-data';
import type { NotificationRow } from '@/db/queries/notifications';
import { loadCreditNoteDocument, loadInvoiceDocument } from '@/lib/documents/document-data';
import { renderCreditNotePdf, renderReceiptPdf } from '@/lib/documents/document-pdf';
import { creditNoteFilename } from '@/lib/billing/invoices/invoice-details';
import { documentFilename } from '@/lib/billing/invoices/invoice-details';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/config';
import { sendMail, type MailAttachment } from '@/lib/mail';
import { isNotificationKind } from './kinds';
import type { NotificationPayloads } from './payloads';
import { renderNotificationEmail } from './render';
import { getBrandingSettings } from './settings';
import { notificationTimeZone } from './time-zone';
import { brandingLogoUrl } from './links';
import { getBrandingLogo, logoVersion } from '@/lib/branding/logo';

/** Attempts per row before it is marked failed: the first plus the runner's 8 retries. */
export const MAX_DELIVERY_ATTEMPTS = 9;

export type DeliveryOutcome = 'sent' | 'skipped';

export async function deliverNotification(params: { notificationId: string }): Promise<DeliveryOutcome> {
  const row = await claimNotificationForDelivery({ id: params.notificationId });
  if (!row) return 'skipped';
  try {
    await sendMail(await composeNotificationEmail(row));
    await markNotificationSent({ id: row.id });
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markNotificationAttemptFailed({ id: row.id, error: message, final: row.attempts >= MAX_DELIVERY_ATTEMPTS });
    console.error(`[notifications] ${row.kind} to ${row.recipient} (attempt ${row.attempts}) failed: ${message}`);
    throw error;
  }
}

/**
 * One Message-ID per outbox row: if a crash after the send makes the sweep send the row again, the second copy
 * carries the same id, which relays and mail clients use to recognise a duplicate.
 */
export function notificationMessageId(notificationId: string): string {
  return `<notification-${notificationId}@${new URL(env.APP_URL).hostname}>`;
}

/** The message for a row, as it would be sent now (also the admin preview of a row). */
export async function composeNotificationEmail(row: NotificationRow, options: { attachments?: boolean } = {}) {
  if (!isNotificationKind(row.kind)) throw new Error(`unknown notification kind ${row.kind}`);
  const locale = isLocale(row.locale) ? row.locale : 'en';
  const [settings, logo, timeZone] = await Promise.all([getBrandingSettings(), getBrandingLogo(), notificationTimeZone({ organizationId: row.organizationId, locale })]);
  const branding = { ...settings, logoUrl: logo ? brandingLogoUrl(logoVersion(logo)) : null };
  const rendered = await renderNotificationEmail({ kind: row.kind, payload: row.payload as never, locale, timeZone, branding });
  return {
    to: row.recipient,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments: options.attachments === false ? [] : await attachmentsFor(row),
    messageId: notificationMessageId(row.id),
  };
}

async function attachmentsFor(row: NotificationRow): Promise<MailAttachment[]> {
  if (row.kind === 'quote_sent') return quoteAttachment(row.payload as unknown as NotificationPayloads['quote_sent']);
  if (row.kind === 'credit_note_issued' && row.organizationId) {
    return creditNoteAttachment(row.organizationId, row.payload as unknown as NotificationPayloads['credit_note_issued']);
  }
  if (row.kind !== 'payment_succeeded' || !row.organizationId) return [];
  const payload = row.payload as unknown as NotificationPayloads['payment_succeeded'];
  const receipt = await loadInvoiceDocument({ organizationId: row.organizationId, invoiceId: payload.invoiceId, kind: 'receipt' });
  // The mirror has not seen the payment yet: fail this attempt so the retry finds it.
  if (!receipt) throw new Error(`receipt for invoice ${payload.invoiceId} is not available yet`);
  const pdf = await renderReceiptPdf(receipt);
  return [{ filename: documentFilename('receipt', { id: payload.invoiceId, number: payload.number }), content: pdf, contentType: 'application/pdf' }];
}

/** The credit note as Seikyu draws it (返品・値引明細書 / 適格返還請求書), from the mirror. */
async function creditNoteAttachment(organizationId: string, payload: NotificationPayloads['credit_note_issued']): Promise<MailAttachment[]> {
  const model = await loadCreditNoteDocument({ organizationId, invoiceId: payload.invoiceId, creditNoteId: payload.creditNoteId });
  if (!model) throw new Error(`credit note ${payload.creditNoteId} is not in the mirror`);
  return [{ filename: creditNoteFilename(payload.number), content: await renderCreditNotePdf(model), contentType: 'application/pdf' }];
}

/** The quote's PDF as Seikyu draws it (御見積書 / Quotation), from the mirror. */
async function quoteAttachment(payload: NotificationPayloads['quote_sent']): Promise<MailAttachment[]> {
  const found = await getQuoteForOperator({ quoteId: payload.quoteId });
  if (!found) throw new Error(`quote ${payload.quoteId} is not in the mirror`);
  return [{ filename: quoteFilename(found.quote), content: await renderQuoteDocument(found), contentType: 'application/pdf' }];
}

/**
 * Delivers rows whose delivery was never attempted and created before `createdBefore` (default: now), oldest
 * first. The sweep job calls it for rows whose job was lost; tests call it to deliver without a runner.
 */
export async function deliverUnattemptedNotifications(params: { createdBefore?: Date; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const rows = await listUnattemptedNotificationsForOperator({ createdBefore: params.createdBefore ?? new Date(Date.now() + 1000), limit: params.limit });
  const result = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      if ((await deliverNotification({ notificationId: row.id })) === 'sent') result.sent += 1;
    } catch {
      result.failed += 1;
    }
  }
  return result;
}
