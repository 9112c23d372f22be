// Renders an outbox row's email: subject, HTML and the plain-text part, all from the React Email templates.
import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { emailText, type EmailText } from './emails/email-text';
import type { EmailBranding } from './emails/email-layout';
import {
  CardExpiringEmail,
  CreditNoteIssuedEmail,
  FreeYearEndingEmail,
  InvoiceFinalizedEmail,
  InvoicePastDueEmail,
  InvoiceReminderEmail,
  OperatorPaymentFailedEmail,
  PaymentFailedEmail,
  PaymentSucceededEmail,
  QuoteSentEmail,
  RenewalUpcomingEmail,
  TrialEndingEmail,
  UsageBudgetCrossedEmail,
} from './emails/notification-email';
import type { NotificationKind } from './kinds';
import type { NotificationPayloads } from './payloads';

export type RenderedEmail = { subject: string; html: string; text: string };

type Renderer<K extends NotificationKind> = {
  subject(payload: NotificationPayloads[K], text: EmailText): string;
  element(props: { payload: NotificationPayloads[K]; branding: EmailBranding; text: EmailText }): ReactElement;
};

const renderers: { [K in NotificationKind]: Renderer<K> } = {
  trial_ending: { subject: (p, { t, date }) => t('trial_ending.subject', { date: date(p.trialEnd) }), element: (props) => <TrialEndingEmail {...props} /> },
  renewal_upcoming: {
    subject: (p, { t, date }) => t('renewal_upcoming.subject', { date: date(p.renewsAt) }),
    element: (props) => <RenewalUpcomingEmail {...props} />,
  },
  card_expiring: {
    subject: (p, { t }) => (p.last4 ? t('card_expiring.subject', { last4: p.last4 }) : t('card_expiring.subjectNoLast4')),
    element: (props) => <CardExpiringEmail {...props} />,
  },
  payment_succeeded: {
    subject: (p, { t, money }) => t(p.byCard === false ? 'payment_succeeded.subjectReceived' : 'payment_succeeded.subject', { amount: money(p.amount, p.currency) }),
    element: (props) => <PaymentSucceededEmail {...props} />,
  },
  payment_failed: {
    subject: (p, { t, money }) => t('payment_failed.subject', { amount: money(p.amount, p.currency) }),
    element: (props) => <PaymentFailedEmail {...props} />,
  },
  invoice_finalized: {
    subject: (p, { t, money, date }) => {
      const facts = { number: p.number ?? t('noNumber'), amount: money(p.amount, p.currency) };
      return p.dueDate ? t('invoice_finalized.subject', { ...facts, date: date(p.dueDate) }) : t('invoice_finalized.subjectNoDue', facts);
    },
    element: (props) => <InvoiceFinalizedEmail {...props} />,
  },
  invoice_past_due: {
    subject: (p, { t }) => t('invoice_past_due.subject', { number: p.number ?? t('noNumber') }),
    element: (props) => <InvoicePastDueEmail {...props} />,
  },
  invoice_reminder: {
    subject: (p, { t, money }) => t('invoice_reminder.subject', { number: p.number ?? t('noNumber'), amount: money(p.amount, p.currency) }),
    element: (props) => <InvoiceReminderEmail {...props} />,
  },
  credit_note_issued: {
    subject: (p, { t, money }) => t('credit_note_issued.subject', { number: p.number, amount: money(p.amount, p.currency) }),
    element: (props) => <CreditNoteIssuedEmail {...props} />,
  },
  quote_sent: {
    subject: (p, { t, money }) => t('quote_sent.subject', { number: p.number ?? t('noNumber'), amount: money(p.amount, p.currency) }),
    element: (props) => <QuoteSentEmail {...props} />,
  },
  free_year_ending: {
    subject: (p, { t, date }) => t('free_year_ending.subject', { date: date(p.endsAt) }),
    element: (props) => <FreeYearEndingEmail {...props} />,
  },
  usage_budget_crossed: {
    subject: (p, { t }) => t('usage_budget_crossed.subject', { meter: p.meterName, percent: p.thresholdPercent }),
    element: (props) => <UsageBudgetCrossedEmail {...props} />,
  },
  operator_payment_failed: {
    subject: (p, { t, money }) => t('operator_payment_failed.subject', { customer: p.organizationName ?? p.customerId, amount: money(p.amount, p.currency) }),
    element: (props) => <OperatorPaymentFailedEmail {...props} />,
  },
};

/** `timeZone`: the organization's for a notification about one, else the reader's (lib/notifications/time-zone.ts). */
export function renderNotificationSubject<K extends NotificationKind>(kind: K, payload: NotificationPayloads[K], locale: Locale, timeZone: string): string {
  return (renderers[kind] as Renderer<K>).subject(payload, emailText(locale, timeZone));
}

export async function renderNotificationEmail<K extends NotificationKind>(params: {
  kind: K;
  payload: NotificationPayloads[K];
  locale: Locale;
  /** The organization's for a notification about one, else the reader's (lib/notifications/time-zone.ts). */
  timeZone: string;
  branding: EmailBranding;
}): Promise<RenderedEmail> {
  const renderer = renderers[params.kind] as Renderer<K>;
  const text = emailText(params.locale, params.timeZone);
  const element = renderer.element({ payload: params.payload, branding: params.branding, text });
  const [html, plain] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: renderer.subject(params.payload, text), html, text: plain };
}
