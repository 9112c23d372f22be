import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './kinds';
import { renderNotificationEmail } from './render';
import { SAMPLE_PAYLOADS, samplePayload } from './samples';
import { expiresNextMonth, isWithinDaysBefore } from './scan';

const branding = { companyName: 'Example KK', brandColor: '#123abc' };

describe('renderNotificationEmail', () => {
  it.each(NOTIFICATION_KINDS)('%s: branded HTML and a plain-text part in each language', async (kind) => {
    const en = await renderNotificationEmail({ kind, payload: SAMPLE_PAYLOADS[kind] as never, locale: 'en', timeZone: 'UTC', branding });
    const ja = await renderNotificationEmail({ kind, payload: SAMPLE_PAYLOADS[kind] as never, locale: 'ja', timeZone: 'Asia/Tokyo', branding });
    for (const email of [en, ja]) {
      expect(email.html).toContain('#123abc');
      expect(email.html).toContain('Example KK');
      expect(email.text).toContain('Example KK');
      expect(email.text).not.toMatch(/<[a-z]/i);
      expect(email.subject).not.toMatch(/\{|\}/);
    }
    expect(en.html).toContain('lang="en"');
    expect(ja.html).toContain('lang="ja"');
    expect(ja.subject).not.toBe(en.subject);
    expect(ja.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('shows the company logo above the name when one is set, and no image otherwise', async () => {
    const logoUrl = 'https://billing.example.com/branding/logo?v=0123456789abcdef';
    const withLogo = await renderNotificationEmail({ kind: 'payment_succeeded', payload: SAMPLE_PAYLOADS.payment_succeeded, locale: 'ja', timeZone: 'Asia/Tokyo', branding: { ...branding, logoUrl } });
    expect(withLogo.html).toMatch(/<img[^>]+alt="Example KK"[^>]+src="https:\/\/billing\.example\.com\/branding\/logo\?v=0123456789abcdef"|<img[^>]+src="https:\/\/billing\.example\.com\/branding\/logo\?v=0123456789abcdef"/);
    const without = await renderNotificationEmail({ kind: 'payment_succeeded', payload: SAMPLE_PAYLOADS.payment_succeeded, locale: 'ja', timeZone: 'Asia/Tokyo', branding });
    expect(without.html).not.toContain('<img');
  });

  it('names the decline in the customer words and links to fixing it', async () => {
    const { text } = await renderNotificationEmail({ kind: 'payment_failed', payload: SAMPLE_PAYLOADS.payment_failed, locale: 'ja', timeZone: 'Asia/Tokyo', branding });
    expect(text).toContain('カードの利用可能額が不足しています。');
    expect(text).toContain(SAMPLE_PAYLOADS.payment_failed.fixUrl);
  });

  it('shows the bank details of a bank-transfer invoice with the amount and due date', async () => {
    const { text, subject } = await renderNotificationEmail({ kind: 'invoice_finalized', payload: SAMPLE_PAYLOADS.invoice_finalized, locale: 'en', timeZone: 'UTC', branding });
    expect(subject).toBe('Invoice ABC-0003: ¥16,500 due Feb 9, 2027');
    expect(text).toContain('Ordinary 1234567');
  });
});

describe('what each email says, as its reader expects', () => {
  const render = <K extends (typeof NOTIFICATION_KINDS)[number]>(kind: K, payload: Parameters<typeof renderNotificationEmail<K>>[0]['payload'], locale: 'en' | 'ja' = 'ja') =>
    renderNotificationEmail({ kind, payload, locale, timeZone: locale === 'ja' ? 'Asia/Tokyo' : 'UTC', branding });

  it('joins a label and its value with the language’s colon, and keeps the bank details’ lines in the plain text', async () => {
    const ja = await render('invoice_finalized', SAMPLE_PAYLOADS.invoice_finalized);
    expect(ja.text).toContain('金額：￥16,500');
    expect(ja.subject).toBe('【ご請求】請求書ABC-0003のご案内（￥16,500、支払期限：2027/02/09）');
    expect(ja.text).toContain('Example Bank, Head Office (001)\nOrdinary 1234567\nSEIKYU KK');
    const en = await render('invoice_finalized', { ...SAMPLE_PAYLOADS.invoice_finalized, dueDate: null }, 'en');
    expect(en.text).toContain('Amount: ¥16,500');
    expect(en.subject).toBe('Invoice ABC-0003: ¥16,500');
  });

  it('reminds of a card invoice with the way to pay by card, not a bank account', async () => {
    const card = await render('invoice_reminder', { ...SAMPLE_PAYLOADS.invoice_reminder, collectionMethod: 'charge_automatically', bankDetails: '' });
    expect(card.text).toContain('カード決済ができませんでした');
    expect(card.text).not.toContain('お振込先');
    const bank = await render('invoice_reminder', SAMPLE_PAYLOADS.invoice_reminder);
    expect(bank.text).toContain('お振込先');
    expect(bank.text).toContain('振込名義の前に請求書番号 ABC-0003 をご記入ください');
  });

  it('says why the reader gets it: reminders can be turned off, a quote is no billing account', async () => {
    const reminder = await render('renewal_upcoming', SAMPLE_PAYLOADS.renewal_upcoming, 'en');
    expect(reminder.text).toContain('turn these reminders off');
    const payment = await render('payment_succeeded', SAMPLE_PAYLOADS.payment_succeeded, 'en');
    expect(payment.text).not.toContain('reminders');
    const quote = await render('quote_sent', SAMPLE_PAYLOADS.quote_sent, 'en');
    expect(quote.text).toContain('Example KK prepared a quote for you');
    expect(quote.text).not.toContain('billing account');
    const operator = await render('operator_payment_failed', SAMPLE_PAYLOADS.operator_payment_failed);
    expect(operator.text).toContain('「バックオフィス › 通知設定」');
  });

  it('names a card brand as people do, and leaves out what is not known rather than a gap', async () => {
    const amex = await render('card_expiring', { ...SAMPLE_PAYLOADS.card_expiring, brand: 'amex' }, 'en');
    expect(amex.text).toContain('Your American Express card ending in 4242 expires at the end of February 2027.');
    const unknown = await render('card_expiring', { ...SAMPLE_PAYLOADS.card_expiring, brand: null, last4: null });
    expect(unknown.subject).toBe('ご登録のカードの有効期限が近づいています');
    expect(unknown.text).toContain('ご登録のカードは2027年2月末で有効期限が切れます。');
    const trial = await render('trial_ending', { ...SAMPLE_PAYLOADS.trial_ending, planName: null }, 'en');
    expect(trial.text).toContain('Your free trial ends on Jan 17, 2027.');
  });

  it('gives a usage period its last day, and the free year the days actually left', async () => {
    const usage = await render('usage_budget_crossed', { ...SAMPLE_PAYLOADS.usage_budget_crossed, periodStart: '2027-01-31T15:00:00Z', periodEnd: '2027-02-28T15:00:00Z' });
    expect(usage.text).toContain('期間：2027/02/01〜2027/02/28');
    const free = await render('free_year_ending', { ...SAMPLE_PAYLOADS.free_year_ending, daysBefore: 7, daysLeft: 2 }, 'en');
    expect(free.text).toContain('in 2 days');
  });

  it('tells operators the decline in their words with Stripe’s code, and Stripe’s message only when we have no words', async () => {
    const known = await render('operator_payment_failed', SAMPLE_PAYLOADS.operator_payment_failed);
    expect(known.text).toContain('理由：カードの利用可能額が不足しています。（insufficient_funds）');
    expect(known.text).not.toContain('Your card has insufficient funds.');
    expect(known.text).toContain('顧客：Example KK（cus_sample）');
    const unknown = await render('operator_payment_failed', { ...SAMPLE_PAYLOADS.operator_payment_failed, declineCode: 'new_code_2027', failureMessage: 'Something new.' }, 'en');
    expect(unknown.text).toContain("Stripe's message: Something new.");
  });
});

describe('the operators’ preview', () => {
  it('shows a Japanese sample with the names a Japanese email has, and the bank account the settings give', () => {
    expect(samplePayload('trial_ending', 'ja').planName).toBe('チーム');
    expect(samplePayload('usage_budget_crossed', 'ja').meterName).toBe('デバイス稼働時間');
    expect(samplePayload('trial_ending', 'en').planName).toBe('Team');
    expect(samplePayload('invoice_finalized', 'ja', { bankDetails: '三井住友銀行 東京支店' }).bankDetails).toBe('三井住友銀行 東京支店');
    expect(samplePayload('invoice_finalized', 'ja', { bankDetails: '' }).bankDetails).toContain('みずほ銀行');
  });
});

describe('moment timing', () => {
  const now = new Date('2027-01-31T12:00:00Z');
  it('announces a date within the day count ahead, never one already past', () => {
    expect(isWithinDaysBefore(new Date('2027-02-07T12:00:00Z'), now, 7)).toBe(true);
    expect(isWithinDaysBefore(new Date('2027-02-07T12:00:01Z'), now, 7)).toBe(false);
    expect(isWithinDaysBefore(new Date('2027-01-31T11:59:59Z'), now, 7)).toBe(false);
  });
  it('a card expiring at the end of next month (including across a year end)', () => {
    expect(expiresNextMonth(2, 2027, now)).toBe(true);
    expect(expiresNextMonth(1, 2027, now)).toBe(false);
    expect(expiresNextMonth(1, 2028, new Date('2027-12-15T00:00:00Z'))).toBe(true);
  });
});
