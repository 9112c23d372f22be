// An operator sends an open quote: a `quote_sent` email in the outbox to the address the quote is for, with the
// quote PDF attached (deliver.ts) and the link that opens it in the portal. One email per quote per UTC day, so
// a double click sends one; audited when queued; the quote records who sent it when.
import 'server-only';
import { getQuoteForOperator, markQuoteSentForOperator } from '@/db/queries/quotes';
import { recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { enqueueNotification, type EnqueueOutcome } from '@/lib/notifications/enqueue';
import { getBrandingSettings } from '@/lib/notifications/settings';
import { quoteRefusal } from './quote-errors';
import { displayStatusOf } from './quote-state';

export const quoteLink = (quoteId: string) => `${env.APP_URL.replace(/\/$/, '')}/quotes/${quoteId}`;

export async function sendOperatorQuote(params: { quoteId: string; operatorUserId: string; now?: Date }): Promise<EnqueueOutcome> {
  const now = params.now ?? new Date();
  const found = await getQuoteForOperator({ quoteId: params.quoteId });
  if (!found?.request) throw new AppError('not_found', `quote ${params.quoteId} is not one Seikyu built`);
  const { quote, request } = found;
  if (displayStatusOf(quote, now) !== 'open') throw quoteRefusal('notOpen', `quote ${quote.id} is ${quote.status}`, 'conflict');
  const organizationId = quote.organizationId ?? request.organizationId;
  const outcome = await enqueueNotification({
    kind: 'quote_sent',
    organizationId,
    recipient: request.recipientEmail,
    locale: isLocale(request.locale) ? request.locale : 'en',
    dedupeKey: `quote_sent:${quote.id}:${now.toISOString().slice(0, 10)}`,
    payload: {
      quoteId: quote.id,
      number: quote.number,
      amount: quote.amountTotal,
      currency: quote.currency ?? 'jpy',
      expiresAt: quote.expiresAt.toISOString(),
      companyName: (await getBrandingSettings()).companyName,
      quoteUrl: quoteLink(quote.id),
    },
  });
  if (outcome === 'disabled') throw new AppError('conflict', 'quote emails are turned off in the notification settings');
  if (outcome === 'queued') {
    await markQuoteSentForOperator({ quoteId: quote.id, userId: params.operatorUserId, at: now });
    await recordAudit({
      organizationId,
      actor: { type: 'operator', id: params.operatorUserId },
      action: 'quote.sent',
      target: { type: 'quote', id: quote.id },
      data: { number: quote.number, recipient: request.recipientEmail, amount: quote.amountTotal, currency: quote.currency, before: { sentAt: request.sentAt }, after: { sentAt: now } },
    });
  }
  return outcome;
}
