// The email of each moment, as React Email components on one layout. Texts come from messages/{en,ja}.json
// (namespace "emails"); amounts and dates are formatted for the reader's language and time zone.
import { Heading, Text } from '@react-email/components';
import type { NotificationKind } from '../kinds';
import type { NotificationPayloads } from '../payloads';
import { EmailButton, EmailFacts, EmailLayout, type EmailBranding } from './email-layout';
import { formatQuantity } from '@/lib/i18n/format';
import type { EmailText } from './email-text';

export type EmailProps<K extends NotificationKind> = { payload: NotificationPayloads[K]; branding: EmailBranding; text: EmailText };

function Frame(props: { kind: NotificationKind; branding: EmailBranding; text: EmailText; operator?: boolean; children: React.ReactNode }) {
  const { t } = props.text;
  return (
    <EmailLayout
      locale={props.text.locale}
      branding={props.branding}
      preview={t(`${props.kind}.heading`)}
      footer={t(props.operator ? 'operatorFooter' : 'footer', { company: props.branding.companyName })}
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
      <Text>{t('trial_ending.body', { plan: payload.planName ?? '', date: date(payload.trialEnd) })}</Text>
      <EmailButton href={payload.manageUrl} color={branding.brandColor}>
        {t('trial_ending.button')}
      </EmailButton>
    </Frame>
  );
}

export function RenewalUpcomingEmail({ payload, branding, text }: EmailProps<'renewal_upcoming'>) {
  const { t, date, money } = text;
  const facts: [string, string][] = [[t('labels.date'), date(payload.renewsAt)]];
  if (payload.amount != null && payload.currency) facts.push([t('labels.amount'), money(payload.amount, payload.currency)]);
  return (
    <Frame kind="renewal_upcoming" branding={branding} text={text}>
      <Text>{t('renewal_upcoming.body', { plan: payload.planName ?? '', date: date(payload.renewsAt) })}</Text>
      <EmailFacts rows={facts} />
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
      <Text>{t('card_expiring.body', { brand: payload.brand ?? '', last4: payload.last4 ?? '', month: text.month(payload.expYear, payload.expMonth) })}</Text>
      <EmailButton href={payload.manageUrl} color={branding.brandColor}>
        {t('card_expiring.button')}
      </EmailButton>
    </Frame>
  );
}

export function PaymentSucceededEmail({ payload, branding, text }: EmailProps<'payment_succeeded'>) {
  const { t, date, money } = text;
  return (
    <Frame kind="payment_succeeded" branding={branding} text={text}>
      <Text>{t('payment_succeeded.body', { amount: money(payload.amount, payload.currency) })}</Text>
      <EmailFacts
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
      <EmailFacts rows={facts} />
      <Text style={{ fontWeight: 600, marginBottom: 0 }}>{t('labels.bankDetails')}</Text>
      <Text style={{ whiteSpace: 'pre-line', marginTop: 4 }}>{payload.bankDetails || t('invoice_finalized.noBankDetails')}</Text>
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
  return (
    <Frame kind="invoice_reminder" branding={branding} text={text}>
      <Text>{t('invoice_reminder.body', { number: payload.number ?? t('noNumber') })}</Text>
      <EmailFacts rows={facts} />
      <Text style={{ fontWeight: 600, marginBottom: 0 }}>{t('labels.bankDetails')}</Text>
      <Text style={{ whiteSpace: 'pre-line', marginTop: 4 }}>{payload.bankDetails || t('invoice_finalized.noBankDetails')}</Text>
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
      <EmailFacts rows={facts} />
      <EmailButton href={payload.quoteUrl} color={branding.brandColor}>
        {t('quote_sent.button')}
      </EmailButton>
    </Frame>
  );
}

export function OperatorPaymentFailedEmail({ payload, branding, text }: EmailProps<'operator_payment_failed'>) {
  const { t, money } = text;
  const rows: [string, string][] = [
    [t('labels.customer'), `${payload.organizationName ?? ''} (${payload.customerId})`],
    [t('labels.email'), payload.customerEmail ?? '-'],
    [t('labels.invoice'), payload.number ?? t('noNumber')],
    [t('labels.amount'), money(payload.amount, payload.currency)],
    [t('labels.reason'), [text.decline(payload.declineCode), payload.declineCode, payload.failureMessage].filter(Boolean).join(' / ')],
  ];
  if (payload.attemptCount != null) rows.push([t('labels.attempt'), String(payload.attemptCount)]);
  return (
    <Frame kind="operator_payment_failed" branding={branding} text={text} operator>
      <Text>{t('operator_payment_failed.body')}</Text>
      <EmailFacts rows={rows} />
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
      <Text>{t('free_year_ending.body', { date: date(payload.endsAt), days: payload.daysBefore })}</Text>
      <EmailFacts rows={[[t('labels.freeYearEnds'), date(payload.endsAt)]]} />
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
        rows={[
          [t('labels.meter'), payload.meterName],
          [t('labels.usageSoFar'), number(payload.usage)],
          [t('labels.budget'), number(payload.budget)],
          [t('labels.period'), `${date(payload.periodStart)} – ${date(payload.periodEnd)}`],
        ]}
      />
      <EmailButton href={payload.usageUrl} color={branding.brandColor}>
        {t('usage_budget_crossed.button')}
      </EmailButton>
    </Frame>
  );
}
