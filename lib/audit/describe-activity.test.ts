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

  it('gives a failed payment its decline reason, invoice number, amount and attempt from the stored details', () => {
    const failed = entry({
      action: 'invoice.payment_failed',
      actorType: 'stripe',
      data: { number: 'ABC-0001', amountDue: 5000, currency: 'jpy', attemptCount: 2, failureCode: 'card_declined', declineCode: 'insufficient_funds', failureMessage: 'Your card has insufficient funds.' },
    });
    expect(describeActivity(failed, context('en'))).toEqual({
      who: 'Stripe',
      what: 'Payment failed',
      details: ['Invoice ABC-0001', '¥5,000', 'Declined: Your card has insufficient funds. (insufficient_funds)', '2nd attempt'],
    });
    expect(describeActivity(failed, context('ja')).details).toContain('拒否理由：Your card has insufficient funds. (insufficient_funds)');
  });

  it('names a Stripe Dashboard user acting through the Stripe App apart from Stripe itself', () => {
    const byApp = entry({ action: 'note.created', actorType: 'stripe', actorId: 'stripe-app:usr_ABC123' });
    expect(describeActivity(byApp, context('en')).who).toBe('Stripe App (usr_ABC123)');
    expect(describeActivity(byApp, context('ja')).who).toBe('Stripe アプリ（usr_ABC123）');
    expect(describeActivity(entry({ actorType: 'stripe', actorId: 'evt_123' }), context('en')).who).toBe('Stripe');
  });

  it('names operators, roles, collection methods and cards in the reader’s language', () => {
    expect(describeActivity(entry({ actorType: 'operator', actorEmail: 'op@example.com' }), context('en')).who).toBe('Support (op@example.com)');
    expect(describeActivity(entry({ action: 'member.role_changed', data: { from: 'member', to: 'billing' } }), context('en')).details).toEqual(['Member → Billing manager']);
    expect(
      describeActivity(entry({ action: 'subscription.collection_method_changed', data: { from: 'charge_automatically', to: 'send_invoice' } }), context('ja')).details,
    ).toEqual(['カードで自動支払い → 請求書による銀行振込']);
    expect(describeActivity(entry({ action: 'payment_method.made_default', data: { brand: 'visa', last4: '4242' } }), context('en')).details).toEqual(['Visa •••• 4242']);
    expect(describeActivity(entry({ action: 'billing_details.updated', data: { fields: ['company_name', 'tax_id'] } }), context('en')).details).toEqual(['company name, tax id']);
  });

  it('keeps an action it has no words for readable rather than hiding it', () => {
    expect(describeActivity(entry({ action: 'something.new', actorType: 'system' }), context('en'))).toEqual({ who: 'Seikyu', what: 'something.new', details: [] });
    expect(describeActivity(entry({ actorType: 'user', actorEmail: null }), context('en')).who).toBe('A former member');
  });
});
