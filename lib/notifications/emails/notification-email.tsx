// The email of each moment, as React Email components on one layout. Texts come from messages/{en,ja}.json
// (namespace "emails"); amounts and dates are formatted for the reader's language and time zone.
import { Heading, Text } from '@react-email/components';
import { REMINDER_KINDS, type NotificationKind } from '../kinds';
import type { NotificationPayloads } from '../payloads';
import { EmailButton, EmailFacts, EmailLayout, EmailLines, type EmailBranding } from './email-layout';
import { brandName } from '@/lib/billing/cards/card-brand';
import { formatQuantity } from '@/lib/i18n/format';
import type { EmailText } from './email-text';

export type EmailProps<K extends NotificationKind> = { payload: NotificationPayloads[K]; branding: EmailBranding; text: EmailText };

/**
 * Why the reader gets this email, and what they can change: reminders can be turned off, a usage budget changed;
 * a quote goes to someone who may have no account; operators change the recipients.
 */
function footerKey(kind: NotificationKind): string {
  if (kind === 'operator_payment_failed') return 'operatorFooter';
  if (kind === 'quote_sent') return 'footerQuote';
  if (kind === 'usage_budget_crossed') return 'footerUsageBudget';
  return REMINDER_KINDS.includes(kind) ? 'footerReminder' : 'footer';
}

function Frame(props: { kind: NotificationKind; branding: EmailBranding; text: EmailText; children: React.ReactNode }) {
  const { t } = props.text;
  return (
    <EmailLayout
      locale={props.text.locale}
      branding={props.branding}
      preview={t(`${props.kind}.heading`)}
      footer={t(footerKey(props.kind), { company: props.branding.companyName })}
    >
      <Heading as="h1" style={{ fontSize: 20, margin: '12px 0' }}>
        {t(`${props.kind}.heading`)}
      </Heading>
      {props.children}
    </EmailLayout>
  );
}

export function TrialEndingEmail({ payload, branding, text }: EmailProps<'trial_ending'>) {
  const { t, date } = text;
  return (
    <Frame kind="trial_ending" branding={branding} text={text}>
      <Text>{payload.planName ? t('trial_ending.body', { plan: payload.planName, date: date(payload.trialEnd) }) : t('trial_ending.bodyNoPlan', { date: date(payload.trialEnd) })}</Text>
      <EmailButton href={payload.manageUrl} color={branding.brandColor}>
        {t('trial_ending.button')}
      </EmailButton>
    </Frame>
  );
}

export function RenewalUpcomingEmail({ payload, branding, text }: EmailProps<'renewal_upcoming'>) {
  const { t, date, money } = text;
  // The plan's price (unit price × quantity), not a promise of the invoice's total: tax and discounts are the invoice's.
  const price = payload.amount != null && payload.currency ? money(payload.amount, payload.currency) : null;
  const facts: [string, string][] = [[t('labels.renewalDate'), date(payload.renewsAt)]];
  if (price) facts.push([t('labels.planPrice'), price]);
  return (
    <Frame kind="renewal_upcoming" branding={branding} text={text}>
      <Text>
        {payload.planName ? t('renewal_upcoming.body', { plan: payload.planName, date: date(payload.renewsAt) }) : t('renewal_upcoming.bodyNoPlan', { date: date(payload.renewsAt) })}
      </Text>
      <EmailFacts locale={text.locale} rows={facts} />
      {price ? <Text style={{ fontSize: 13, color: '#475569' }}>{t('renewal_upcoming.priceNote')}</Text> : null}
      <EmailButton href={payload.manageUrl} color={branding.brandColor}>
        {t('renewal_upcoming.button')}
      </EmailButton>
    </Frame>
  );
}

export function CardExpiringEmail({ payload, branding, text }: EmailProps<'card_expiring'>) {
  const { t } = text;
  return (
    <Frame kind="card_expiring" branding={branding} text={text}>
      <Text>{t('card_expiring.body', { card: cardName(payload, text), month: text.month(payload.expYear, payload.expMonth) })}</Text>
      <EmailButton href={payload.manageUrl} color={branding.brandColor}>
        {t('card_expiring.button')}
      </EmailButton>
    </Frame>
  );
}

/** "Visa card ending in 4242", as far as the card is known. */
function cardName(card: { brand: string | null; last4: string | null }, { t }: EmailText): string {
  if (!card.last4) return t('card_expiring.card.unknown');
  return card.brand ? t('card_expiring.card.full', { brand: brandName(card.brand), last4: card.last4 }) : t('card_expiring.card.noBrand', { last4: card.last4 });
}

export function PaymentSucceededEmail({ payload, branding, text }: EmailProps<'payment_succeeded'>) {
  const { t, date, money } = text;
  return (
    <Frame kind="payment_succeeded" branding={branding} text={text}>
      <Text>{t(payload.byCard === false ? 'payment_succeeded.bodyReceived' : 'payment_succeeded.body', { amount: money(payload.amount, payload.currency) })}</Text>
      <EmailFacts
        locale={text.locale}
        rows={[
          [t('labels.invoice'), payload.number ?? t('noNumber')],
          [t('labels.amount'), money(payload.amount, payload.currency)],
          [t('labels.paidOn'), date(payload.paidAt)],
        ]}
      />
      <EmailButton href={payload.invoiceUrl} color={branding.brandColor}>
        {t('payment_succeeded.button')}
      </EmailButton>
    </Frame>
  );
}

export function PaymentFailedEmail({ payload, branding, text }: EmailProps<'payment_failed'>) {
  const { t, money } = text;
  return (
    <Frame kind="payment_failed" branding={branding} text={text}>
      <Text>{t('payment_failed.body', { number: payload.number ?? t('noNumber') })}</Text>
      <EmailFacts
        locale={text.locale}
        rows={[
          [t('labels.amount'), money(payload.amount, payload.currency)],
          [t('labels.reason'), text.decline(payload.declineCode)],
        ]}
      />
      <EmailButton href={payload.fixUrl} color={branding.brandColor}>
        {t('payment_failed.button')}
      </EmailButton>
    </Frame>
  );
}

export function InvoiceFinalizedEmail({ payload, branding, text }: EmailProps<'invoice_finalized'>) {
  const { t, date, money } = text;
  const facts: [string, string][] = [
    [t('labels.invoice'), payload.number ?? t('noNumber')],
    [t('labels.amount'), money(payload.amount, payload.currency)],
  ];
  if (payload.dueDate) facts.push([t('labels.dueDate'), date(payload.dueDate)]);
  return (
    <Frame kind="invoice_finalized" branding={branding} text={text}>
      <Text>{t('invoice_finalized.body', { number: payload.number ?? t('noNumber') })}</Text>
      <EmailFacts locale={text.locale} rows={facts} />
      <Text style={{ fontWeight: 600, marginBottom: 0 }}>{t('labels.bankDetails')}</Text>
      <EmailLines text={payload.bankDetails || t('invoice_finalized.noBankDetails')} />
      <EmailButton href={payload.invoiceUrl} color={branding.brandColor}>
        {t('invoice_finalized.button')}
      </EmailButton>
    </Frame>
  );
}

export function InvoicePastDueEmail({ payload, branding, text }: EmailProps<'invoice_past_due'>) {
  const { t, date, money } = text;
  return (
    <Frame kind="invoice_past_due" branding={branding} text={text}>
      <Text>
        {t('invoice_past_due.body', { number: payload.number ?? t('noNumber'), amount: money(payload.amount, payload.currency), date: date(payload.dueDate) })}
      </Text>
      <EmailButton href={payload.invoiceUrl} color={branding.brandColor}>
        {t('invoice_past_due.button')}
      </EmailButton>
    </Frame>
  );
}

export function CreditNoteIssuedEmail({ payload, branding, text }: EmailProps<'credit_note_issued'>) {
  const { t, date, money } = text;
  const invoiceNumber = payload.invoiceNumber ?? t('noNumber');
  return (
    <Frame kind="credit_note_issued" branding={branding} text={text}>
      <Text>{t('credit_note_issued.body', { number: payload.number, invoice: invoiceNumber, amount: money(payload.amount, payload.currency) })}</Text>
      <EmailFacts
        locale={text.locale}
        rows={[
          [t('labels.creditNote'), payload.number],
          [t('labels.invoice'), invoiceNumber],
          [t('labels.credited'), money(payload.amount, payload.currency)],
          [t('labels.issuedOn'), date(payload.issuedAt)],
        ]}
      />
      <Text>{t(`credit_note_issued.settlements.${payload.settlement}`)}</Text>
      <EmailButton href={payload.invoiceUrl} color={branding.brandColor}>
        {t('credit_note_issued.button')}
      </EmailButton>
    </Frame>
  );
}

export function InvoiceReminderEmail({ payload, branding, text }: EmailProps<'invoice_reminder'>) {
  const { t, date, money } = text;
  const facts: [string, string][] = [
    [t('labels.invoice'), payload.number ?? t('noNumber')],
    [t('labels.amount'), money(payload.amount, payload.currency)],
  ];
  if (payload.dueDate) facts.push([t('labels.dueDate'), date(payload.dueDate)]);
  const byCard = payload.collectionMethod === 'charge_automatically';
  return (
    <Frame kind="invoice_reminder" branding={branding} text={text}>
      <Text>{t(byCard ? 'invoice_reminder.bodyCard' : 'invoice_reminder.body', { number: payload.number ?? t('noNumber') })}</Text>
      <EmailFacts locale={text.locale} rows={facts} />
      {byCard ? null : (
        <>
          <Text style={{ fontWeight: 600, marginBottom: 0 }}>{t('labels.bankDetails')}</Text>
          <EmailLines text={payload.bankDetails || t('invoice_finalized.noBankDetails')} />
        </>
      )}
      <EmailButton href={payload.invoiceUrl} color={branding.brandColor}>
        {t('invoice_reminder.button')}
      </EmailButton>
    </Frame>
  );
}

export function QuoteSentEmail({ payload, branding, text }: EmailProps<'quote_sent'>) {
  const { t, date, money } = text;
  const facts: [string, string][] = [
    [t('labels.quote'), payload.number ?? t('noNumber')],
    [t('labels.amount'), money(payload.amount, payload.currency)],
    [t('labels.validUntil'), date(payload.expiresAt)],
  ];
  return (
    <Frame kind="quote_sent" branding={branding} text={text}>
      <Text>{t('quote_sent.body', { company: payload.companyName ?? '' })}</Text>
      <EmailFacts locale={text.locale} rows={facts} />
      <EmailButton href={payload.quoteUrl} color={branding.brandColor}>
        {t('quote_sent.button')}
      </EmailButton>
    </Frame>
  );
}

export function OperatorPaymentFailedEmail({ payload, branding, text }: EmailProps<'operator_payment_failed'>) {
  const { t, money } = text;
  const code = payload.declineCode;
  const rows: [string, string][] = [
    [t('labels.customer'), payload.organizationName ? t('withId', { name: payload.organizationName, id: payload.customerId }) : payload.customerId],
    [t('labels.email'), payload.customerEmail ?? '-'],
    [t('labels.invoice'), payload.number ?? t('noNumber')],
    [t('labels.amount'), money(payload.amount, payload.currency)],
    [t('labels.reason'), code ? t('reasonWithCode', { reason: text.decline(code), code }) : text.decline(null)],
  ];
  // Stripe's own (English) words only where the code has none of ours: then they are all support has to go on.
  if (payload.failureMessage && !text.knowsDecline(code)) rows.push([t('labels.stripeMessage'), payload.failureMessage]);
  if (payload.attemptCount != null) rows.push([t('labels.attempt'), String(payload.attemptCount)]);
  return (
    <Frame kind="operator_payment_failed" branding={branding} text={text}>
      <Text>{t('operator_payment_failed.body')}</Text>
      <EmailFacts locale={text.locale} rows={rows} />
      <EmailButton href={payload.adminUrl} color={branding.brandColor}>
        {t('operator_payment_failed.button')}
      </EmailButton>
    </Frame>
  );
}

export function FreeYearEndingEmail({ payload, branding, text }: EmailProps<'free_year_ending'>) {
  const { t, date } = text;
  return (
    <Frame kind="free_year_ending" branding={branding} text={text}>
      <Text>{t('free_year_ending.body', { date: date(payload.endsAt), days: payload.daysLeft ?? payload.daysBefore })}</Text>
      <EmailFacts locale={text.locale} rows={[[t('labels.freeYearEnds'), date(payload.endsAt)]]} />
      <EmailButton href={payload.plansUrl} color={branding.brandColor}>
        {t('free_year_ending.button')}
      </EmailButton>
    </Frame>
  );
}

export function UsageBudgetCrossedEmail({ payload, branding, text }: EmailProps<'usage_budget_crossed'>) {
  const { t, date } = text;
  const number = (value: number) => formatQuantity(value, text.locale);
  return (
    <Frame kind="usage_budget_crossed" branding={branding} text={text}>
      <Text>{t('usage_budget_crossed.body', { meter: payload.meterName, percent: payload.thresholdPercent, budget: number(payload.budget) })}</Text>
      <EmailFacts
        locale={text.locale}
        rows={[
          [t('labels.meter'), payload.meterName],
          [t('labels.usageSoFar'), number(payload.usage)],
          [t('labels.budget'), number(payload.budget)],
          // A period ends at the first instant of the next: its last day is the one before.
          [t('labels.period'), t('range', { start: date(payload.periodStart), end: date(new Date(Date.parse(payload.periodEnd) - 1).toISOString()) })],
        ]}
      />
      <EmailButton href={payload.usageUrl} color={branding.brandColor}>
        {t('usage_budget_crossed.button')}
      </EmailButton>
    </Frame>
  );
}
