// Sample payloads for the admin previews of each template (fixed facts, so a preview shows every field).
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import type { NotificationKind } from './kinds';
import type { NotificationPayloads } from './payloads';

const base = env.APP_URL.replace(/\/$/, '');
const inDays = (days: number) => new Date(Date.UTC(2027, 0, 10) + days * 86_400_000).toISOString();

export const SAMPLE_PAYLOADS: { [K in NotificationKind]: NotificationPayloads[K] } = {
  trial_ending: { subscriptionId: 'sub_sample', planName: 'Team', trialEnd: inDays(7), manageUrl: `${base}/orgs/sample/subscription` },
  renewal_upcoming: { subscriptionId: 'sub_sample', planName: 'Team', renewsAt: inDays(7), interval: 'month', amount: 15000, currency: 'jpy', manageUrl: `${base}/orgs/sample/subscription` },
  card_expiring: { paymentMethodId: 'pm_sample', brand: 'visa', last4: '4242', expMonth: 2, expYear: 2027, manageUrl: `${base}/orgs/sample/payment-methods` },
  payment_succeeded: { invoiceId: 'in_sample', number: 'ABC-0001', amount: 16500, currency: 'jpy', paidAt: inDays(0), invoiceUrl: `${base}/orgs/sample/invoices/in_sample` },
  payment_failed: { invoiceId: 'in_sample', number: 'ABC-0002', amount: 16500, currency: 'jpy', declineCode: 'insufficient_funds', fixUrl: `${base}/orgs/sample/invoices/in_sample` },
  invoice_finalized: {
    invoiceId: 'in_sample',
    number: 'ABC-0003',
    amount: 16500,
    currency: 'jpy',
    dueDate: inDays(30),
    bankDetails: 'Example Bank, Head Office (001)\nOrdinary 1234567\nSEIKYU KK',
    invoiceUrl: `${base}/orgs/sample/invoices/in_sample`,
  },
  invoice_past_due: { invoiceId: 'in_sample', number: 'ABC-0003', amount: 16500, currency: 'jpy', dueDate: inDays(-3), invoiceUrl: `${base}/orgs/sample/invoices/in_sample` },
  invoice_reminder: {
    invoiceId: 'in_sample',
    number: 'ABC-0003',
    amount: 16500,
    currency: 'jpy',
    dueDate: inDays(-3),
    bankDetails: 'Example Bank, Head Office (001)\nOrdinary 1234567\nSEIKYU KK',
    invoiceUrl: `${base}/orgs/sample/invoices/in_sample`,
    collectionMethod: 'send_invoice',
  },
  credit_note_issued: {
    creditNoteId: 'cn_sample',
    invoiceId: 'in_sample',
    number: 'ABC-0003-CN-01',
    invoiceNumber: 'ABC-0003',
    amount: 1200,
    currency: 'jpy',
    issuedAt: inDays(0),
    settlement: 'customer_balance',
    invoiceUrl: `${base}/orgs/sample/invoices/in_sample`,
  },
  quote_sent: { quoteId: 'qt_sample', number: 'QT-0001', amount: 76780, currency: 'jpy', expiresAt: inDays(30), companyName: 'Example KK', quoteUrl: `${base}/quotes/qt_sample` },
  free_year_ending: { endsAt: inDays(30), daysBefore: 30, daysLeft: 30, plansUrl: `${base}/orgs/sample/plans` },
  usage_budget_crossed: {
    meter: 'device_hours',
    meterName: 'Device hours',
    thresholdPercent: 80,
    budget: 1000,
    usage: 812,
    periodStart: inDays(-20),
    periodEnd: inDays(11),
    usageUrl: `${base}/orgs/sample/usage`,
  },
  operator_payment_failed: {
    invoiceId: 'in_sample',
    number: 'ABC-0002',
    amount: 16500,
    currency: 'jpy',
    organizationName: 'Example KK',
    customerId: 'cus_sample',
    customerEmail: 'keiri@example.co.jp',
    declineCode: 'insufficient_funds',
    failureMessage: 'Your card has insufficient funds.',
    attemptCount: 1,
    adminUrl: `${base}/admin/customers/sample`,
  },
};

/**
 * What a Japanese reader's email carries where the sample is in English: the catalogue's Japanese names (as the
 * scan and the budget alerts write them) and a Japanese bank account.
 */
const japaneseFacts = {
  planName: 'チーム',
  meterName: 'デバイス稼働時間',
  bankDetails: 'みずほ銀行 本店（001）\n普通預金 1234567\nカ）セイキユウ',
};

/**
 * The operators' preview of one kind in one language: the sample with the names a real email in that language
 * has, and the bank account the branding settings give (when set) rather than the sample's.
 */
export function samplePayload<K extends NotificationKind>(kind: K, locale: Locale, options: { bankDetails?: string | null } = {}): NotificationPayloads[K] {
  const sample: Record<string, unknown> = { ...SAMPLE_PAYLOADS[kind] };
  if (locale === 'ja') {
    for (const [key, value] of Object.entries(japaneseFacts)) if (key in sample && sample[key] !== null) sample[key] = value;
  }
  if ('bankDetails' in sample && options.bankDetails) sample.bankDetails = options.bankDetails;
  return sample as NotificationPayloads[K];
}
