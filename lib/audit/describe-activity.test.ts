import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { describeActivity, type ActivityLike, type RootTranslate } from './describe-activity';

const context = (locale: 'en' | 'ja') => ({
  t: createTranslator({ locale, messages: locale === 'en' ? en : ja }) as unknown as RootTranslate,
  locale,
  timeZone: 'Asia/Tokyo',
});

const entry = (overrides: Partial<ActivityLike>): ActivityLike => ({ action: 'organization.created', actorType: 'user', actorEmail: null, data: {}, ...overrides });

describe('describeActivity', () => {
  it('says who did what in words, never the raw action code or a user id', () => {
    const described = describeActivity(entry({ actorEmail: 'ann@example.com', data: { name: 'Ann KK', currency: 'jpy' } }), context('en'));
    expect(described).toEqual({ who: 'ann@example.com', what: 'Organization created', details: ['Ann KK (JPY)'] });
    expect(describeActivity(entry({}), context('ja')).what).toBe('組織を作成');
  });

  it('says a plan replaced by a new one was switched, not "cancellation requested" with the new subscription\'s id', () => {
    const replaced = entry({ action: 'subscription.canceled', actorType: 'stripe', data: { reason: 'cancellation_requested', comment: 'replaced by sub_123' } });
    expect(describeActivity(replaced, context('ja')).details).toEqual(['新しいご契約への切り替え']);
    const requested = entry({ action: 'subscription.canceled', actorType: 'stripe', data: { reason: 'cancellation_requested', comment: 'Too expensive' } });
    expect(describeActivity(requested, context('en')).details).toContain('“Too expensive”');
  });

  it('gives a failed payment its decline reason, invoice number, amount and attempt from the stored details', () => {
    const failed = entry({
      action: 'invoice.payment_failed',
      actorType: 'stripe',
      data: { number: 'ABC-0001', amountDue: 5000, currency: 'jpy', attemptCount: 2, failureCode: 'card_declined', declineCode: 'insufficient_funds', failureMessage: 'Your card has insufficient funds.' },
    });
    expect(describeActivity(failed, context('en'))).toEqual({
      who: 'Stripe',
      what: 'Payment failed',
      details: ['Invoice ABC-0001', '¥5,000', 'Declined: The card has insufficient funds. (insufficient_funds)', '2nd attempt'],
    });
    // In the reader's language, not Stripe's English message; Stripe's message where the code has no words.
    expect(describeActivity(failed, context('ja')).details).toContain('拒否理由：カードの利用可能額が不足しています。（insufficient_funds）');
    const unknown = entry({ ...failed, data: { ...failed.data, declineCode: 'new_code_2027' } });
    expect(describeActivity(unknown, context('ja')).details).toContain('拒否理由：Your card has insufficient funds.（new_code_2027）');
  });

  it('names a Stripe Dashboard user acting through the Stripe App apart from Stripe itself', () => {
    const byApp = entry({ action: 'note.created', actorType: 'stripe', actorId: 'stripe-app:usr_ABC123' });
    expect(describeActivity(byApp, context('en')).who).toBe('Stripe App (usr_ABC123)');
    expect(describeActivity(byApp, context('ja')).who).toBe('Stripe アプリ（usr_ABC123）');
    expect(describeActivity(entry({ actorType: 'stripe', actorId: 'evt_123' }), context('en')).who).toBe('Stripe');
  });

  it('names operators, roles, collection methods and cards in the reader’s language', () => {
    // An operator, as the audit log's filter calls them (support is one of their roles, not what they all are).
    expect(describeActivity(entry({ actorType: 'operator', actorEmail: 'op@example.com' }), context('en')).who).toBe('Operator (op@example.com)');
    expect(describeActivity(entry({ actorType: 'operator', actorEmail: 'op@example.com' }), context('ja')).who).toBe('担当者（op@example.com）');
    expect(describeActivity(entry({ action: 'member.role_changed', data: { from: 'member', to: 'billing' } }), context('en')).details).toEqual(['Member → Billing manager']);
    expect(
      describeActivity(entry({ action: 'subscription.collection_method_changed', data: { from: 'charge_automatically', to: 'send_invoice' } }), context('ja')).details,
    ).toEqual(['カード（自動決済） → 請求書による銀行振込']);
    expect(describeActivity(entry({ action: 'payment_method.made_default', data: { brand: 'visa', last4: '4242' } }), context('en')).details).toEqual(['Visa •••• 4242']);
    expect(describeActivity(entry({ action: 'billing_details.updated', data: { fields: ['company_name', 'tax_id'] } }), context('en')).details).toEqual(['company name, tax id']);
  });

  it('names a credit note by its own number and total, and a payment recorded outside Stripe by how it was paid', () => {
    const note = entry({ action: 'credit_note.issued', actorType: 'operator', actorEmail: 'op@example.com', data: { number: 'ABC-0001-CN-01', total: 1100, currency: 'jpy' } });
    expect(describeActivity(note, context('ja'))).toMatchObject({ what: '返品・値引明細書を発行', details: ['返品・値引明細書 ABC-0001-CN-01', '￥1,100'] });
    const recorded = entry({ action: 'invoice.payment_recorded', actorType: 'operator', data: { number: 'ABC-0001', amount: 5000, currency: 'jpy', method: 'bank_transfer' } });
    expect(describeActivity(recorded, context('en'))).toMatchObject({ what: 'Payment recorded (made outside Stripe)', details: ['Invoice ABC-0001', '¥5,000', 'Bank transfer'] });
  });

  it('names a quote as a quote (見積書), never as an invoice, with its total', () => {
    const sent = entry({ action: 'quote.sent', actorType: 'operator', actorEmail: 'op@example.com', data: { number: 'QT-XZKR3PGI-0001-1', recipient: 'buyer@example.com', amount: 60000, currency: 'jpy' } });
    expect(describeActivity(sent, context('ja'))).toMatchObject({ what: '見積書をメールで送付', details: ['見積書 QT-XZKR3PGI-0001-1', '￥60,000'] });
    expect(describeActivity(sent, context('en')).details).toEqual(['Quote QT-XZKR3PGI-0001-1', '¥60,000']);
    const accepted = entry({ action: 'quote.accepted', actorEmail: 'buyer@example.com', data: { number: 'QT-XZKR3PGI-0001-1', amountTotal: 60000, currency: 'jpy' } });
    expect(describeActivity(accepted, context('ja')).details).toEqual(['見積書 QT-XZKR3PGI-0001-1', '￥60,000']);
  });

  it('gives the reason an operator typed for voiding an invoice or marking it uncollectible', () => {
    const voided = entry({ action: 'invoice.voided_by_operator', actorType: 'operator', actorEmail: 'op@example.com', data: { number: 'ABC-0001', reason: '二重請求のため' } });
    expect(describeActivity(voided, context('ja')).details).toEqual(['請求書 ABC-0001', '理由：二重請求のため']);
    const uncollectible = entry({ action: 'invoice.marked_uncollectible_by_operator', actorType: 'operator', actorEmail: 'op@example.com', data: { number: 'ABC-0001', reason: 'Company dissolved' } });
    expect(describeActivity(uncollectible, context('en')).details).toEqual(['Invoice ABC-0001', 'Reason: Company dissolved']);
    // A finalize records no reason (null): nothing is added.
    expect(describeActivity(entry({ action: 'invoice.finalized_by_operator', actorType: 'operator', data: { number: 'ABC-0001', reason: null } }), context('en')).details).toEqual(['Invoice ABC-0001']);
  });

  it('names the coupon a reviewer added to a held draft, or whose discount they removed', () => {
    const added = entry({ action: 'invoice.review_add_coupon', actorType: 'operator', actorEmail: 'ops@example.com', data: { coupon: { id: 'SEIKYU_WELCOME10', name: 'Welcome 10%' } } });
    expect(describeActivity(added, context('en'))).toEqual({ who: 'Operator (ops@example.com)', what: 'Coupon added during review', details: ['Coupon Welcome 10% (SEIKYU_WELCOME10)'] });
    const removed = entry({ action: 'invoice.review_remove_discount', actorType: 'operator', data: { coupon: { id: 'SEIKYU_THANKYOU500', name: null }, discountId: 'di_1' } });
    expect(describeActivity(removed, context('ja'))).toMatchObject({ what: '確認時に割引を削除', details: ['クーポン SEIKYU_THANKYOU500'] });
    // A Japanese page writes the id in full-width brackets.
    expect(describeActivity(added, context('ja')).details).toEqual(['クーポン Welcome 10%（SEIKYU_WELCOME10）']);
  });

  it('says what a review hold was and became: every invoice, the first N, or not held', () => {
    const set = entry({ action: 'review_hold.updated', actorType: 'operator', data: { before: null, after: { firstInvoices: 3 } } });
    expect(describeActivity(set, context('en')).details).toEqual(['Review hold: not held → first 3 invoices held']);
    const all = entry({ action: 'review_hold.updated', actorType: 'operator', data: { before: { firstInvoices: 3 }, after: { firstInvoices: null } } });
    expect(describeActivity(all, context('ja')).details).toEqual(['確認保留：最初の 3 件を保留 → すべての請求書を保留']);
    const cleared = entry({ action: 'review_hold.updated', actorType: 'operator', data: { before: { firstInvoices: null }, after: null } });
    expect(describeActivity(cleared, context('en')).details).toEqual(['Review hold: every invoice held → not held']);
  });

  it('has words in both languages for every action the code records', () => {
    // Read from the source, so a new action cannot be forgotten: `action: '…'` literals, the operators' invoice
    // actions and the draft-review edits (`invoice.review_${kind}`).
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const item of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, item.name);
        if (item.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['lib', 'app']) walk(join(process.cwd(), dir));
    const codes = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) codes.add(match[1]!);
      for (const match of source.matchAll(/^\s+\w+: '(invoice\.\w+_by_operator)',$/gm)) codes.add(match[1]!);
    }
    // `coupon` is kept for entries written before coupons were added and removed one by one.
    for (const kind of ['add_item', 'remove_item', 'add_coupon', 'remove_discount', 'coupon', 'memo']) codes.add(`invoice.review_${kind}`);
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes]).toEqual(expect.arrayContaining(['credit_note.issued', 'invoice.payment_recorded', 'invoice.finalized_by_operator', 'note.created']));
    for (const locale of ['en', 'ja'] as const) {
      const missing = [...codes].filter((code) => describeActivity(entry({ action: code }), context(locale)).what === code);
      expect(missing, `${locale}: actions without words`).toEqual([]);
    }
  });

  it('keeps an action it has no words for readable rather than hiding it', () => {
    expect(describeActivity(entry({ action: 'something.new', actorType: 'system' }), context('en'))).toEqual({ who: 'Seikyu', what: 'something.new', details: [] });
    expect(describeActivity(entry({ actorType: 'user', actorEmail: null }), context('en')).who).toBe('A former member');
  });
});
