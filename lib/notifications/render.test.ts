import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './kinds';
import { renderNotificationEmail } from './render';
import { SAMPLE_PAYLOADS } from './samples';
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
