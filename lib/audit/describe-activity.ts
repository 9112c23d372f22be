// One audit-log entry in words, for the portal's activity page and the operators' customer page alike: who
// (an email, "Stripe", "Seikyu"), what (a sentence per action code, en/ja in messages `activity.actions`), and
// the details the entry stored (the decline reason of a failed payment, the invoice number and amount, the
// role or collection method before and after…). Pure: the page passes its translator and locale.
import { formatDate, formatMoney, labelled, parenthetical } from '@/lib/i18n/format';

/** A next-intl translator for the root namespace (`getTranslations()` / `createTranslator({ messages })`). */
export type RootTranslate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export type ActivityLike = {
  action: string;
  actorType: 'user' | 'operator' | 'system' | 'stripe';
  /** Present where the caller has it: tells a Stripe App user (`stripe-app:usr_…`) from a Stripe event. */
  actorId?: string | null;
  actorEmail: string | null;
  data: Record<string, unknown>;
};

export type ActivityDescription = { who: string; what: string; details: string[] };

type Context = { t: RootTranslate; locale: string; timeZone: string };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const integer = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** A translated word for `prefix.value` when the messages have one, else the stored value itself. */
function word(t: RootTranslate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return t.has(key) ? t(key) : value;
}

/** The Stripe Dashboard user of a Stripe App actor id (`stripe-app:usr_…`, see lib/stripe-app), else null. */
function stripeAppUserOf(actorId: string | null | undefined): string | null {
  return actorId?.startsWith('stripe-app:') ? actorId.slice('stripe-app:'.length) : null;
}

function describeWho(entry: ActivityLike, t: RootTranslate): string {
  const stripeAppUser = stripeAppUserOf(entry.actorId);
  if (entry.actorType === 'stripe' && stripeAppUser) return t('activity.actorStripeApp', { user: stripeAppUser });
  if (entry.actorType === 'stripe') return t('activity.actorStripe');
  if (entry.actorType === 'system') return t('activity.actorSystem');
  if (entry.actorType === 'operator') return t('activity.actorOperator', { email: entry.actorEmail ?? '—' });
  return entry.actorEmail ?? t('activity.unknownUser');
}

function describeWhat(entry: ActivityLike, t: RootTranslate): string {
  const key = `activity.actions.${entry.action.replace(/\./g, '_')}`;
  return t.has(key) ? t(key) : entry.action;
}

function describeDetails(entry: ActivityLike, { t, locale, timeZone }: Context): string[] {
  const data = entry.data;
  const details: string[] = [];
  const currency = text(data.currency);

  const name = text(data.name);
  if (entry.action === 'organization.created' && name) details.push(currency ? `${name} (${currency.toUpperCase()})` : name);

  const email = text(data.email);
  if (email) details.push(email);
  const role = text(data.role);
  if (role) details.push(word(t, 'role', role));

  const from = text(data.from);
  const to = text(data.to);
  if (from && to) {
    const prefix = entry.action === 'subscription.collection_method_changed' ? 'activity.collectionMethod' : 'role';
    details.push(`${word(t, prefix, from)} → ${word(t, prefix, to)}`);
  }

  // A credit note's number is its own (返品・値引明細書 …-CN-01), not an invoice's; its amount is its total. A quote's
  // (見積書 QT-…) likewise: every quote.* entry is about the quote, its total `amountTotal` where it was recorded.
  const creditNote = entry.action === 'credit_note.issued';
  const quote = entry.action.startsWith('quote.');
  const number = text(data.number);
  if (number) details.push(t(creditNote ? 'activity.detail.creditNote' : quote ? 'activity.detail.quote' : 'activity.detail.invoice', { number }));
  const amount = integer(data.amount) ?? integer(data.amountDue) ?? (creditNote ? integer(data.total) : null) ?? (quote ? integer(data.amountTotal) : null);
  if (amount !== null && currency) details.push(formatMoney(amount, currency, locale));
  // A payment recorded outside Stripe: how it was paid (bank transfer, cash…).
  const method = text(data.method);
  if (method && entry.action === 'invoice.payment_recorded') details.push(word(t, 'backOffice.payments.methods', method));

  const brand = text(data.brand);
  const last4 = text(data.last4);
  if (last4) details.push(t('activity.detail.card', { brand: brand ? brand.charAt(0).toUpperCase() + brand.slice(1) : '', last4 }).trim());

  if (Array.isArray(data.fields) && data.fields.length > 0) {
    details.push(data.fields.filter((f): f is string => typeof f === 'string').map((f) => word(t, 'activity.fields', f)).join(', '));
  }

  const code = text(data.code);
  if (code) details.push(t('activity.detail.promotionCode', { code }));
  // The coupon a reviewer added to a held draft or whose discount they removed: its name, and its id when it has one.
  const coupon = data.coupon as { id?: unknown; name?: unknown } | null | undefined;
  const couponId = text(coupon?.id);
  const couponName = text(coupon?.name);
  if (couponId || couponName) {
    const name = couponName && couponId && couponName !== couponId ? `${couponName}${parenthetical(couponId, locale)}` : (couponName ?? couponId)!;
    details.push(t('activity.detail.coupon', { name }));
  }

  // A failed payment: the decline in the reader's language where the emails have words for its code (Stripe's
  // message is English), else Stripe's message ("Your card was declined."); the decline code after it.
  const declineCode = text(data.declineCode) ?? text(data.failureCode);
  const failureMessage = declineCode && t.has(`emails.declines.${declineCode}`) ? t(`emails.declines.${declineCode}`) : text(data.failureMessage);
  if (failureMessage || declineCode) {
    const reason = failureMessage && declineCode ? t('activity.detail.declineWithCode', { message: failureMessage, code: declineCode }) : (failureMessage ?? declineCode)!;
    details.push(t('activity.detail.declined', { reason }));
  }
  const attempts = integer(data.attemptCount);
  if (attempts !== null && attempts > 0) details.push(t('activity.detail.attempts', { count: attempts }));

  // Why a plan ends: the customer's feedback (cancel_scheduled) or Stripe's reason (subscription.canceled).
  // A plan Seikyu ended because a new one replaced it (checkout, an accepted quote) says so, not Stripe's
  // "cancellation requested" and our internal note naming the new subscription's id.
  const comment = text(data.comment);
  const replaced = comment?.startsWith('replaced by ') ?? false;
  const feedback = text(data.reason) ?? text(data.feedback);
  if (replaced) details.push(t('activity.detail.replaced'));
  else if (feedback && entry.action.startsWith('subscription.')) {
    details.push(t.has(`subscription.reasons.${feedback}`) ? t(`subscription.reasons.${feedback}`) : word(t, 'activity.cancelReason', feedback));
  }
  // Why an operator voided an invoice or marked it uncollectible: the reason they typed.
  const operatorReason = text(data.reason);
  if (operatorReason && (entry.action === 'invoice.voided_by_operator' || entry.action === 'invoice.marked_uncollectible_by_operator')) {
    details.push(labelled(t('activity.detail.reason'), operatorReason, locale));
  }
  if (comment && !replaced) details.push(`“${comment}”`);

  // A review hold set, changed or cleared: the setting before and after (held for every invoice, the first N, not held).
  if (entry.action === 'review_hold.updated') {
    const hold = (value: unknown): string => {
      if (!value || typeof value !== 'object') return t('activity.detail.holdOff');
      const first = integer((value as { firstInvoices?: unknown }).firstInvoices);
      return first === null ? t('activity.detail.holdAll') : t('activity.detail.holdFirst', { count: first });
    };
    details.push(t('activity.detail.reviewHold', { from: hold(data.before), to: hold(data.after) }));
  }

  const validUntil = text(data.passValidUntil);
  if (validUntil && !Number.isNaN(Date.parse(validUntil))) {
    details.push(t('activity.detail.validUntil', { date: formatDate(new Date(validUntil), locale, timeZone) }));
  }
  return details;
}

export function describeActivity(entry: ActivityLike, context: Context): ActivityDescription {
  return { who: describeWho(entry, context.t), what: describeWhat(entry, context.t), details: describeDetails(entry, context) };
}
