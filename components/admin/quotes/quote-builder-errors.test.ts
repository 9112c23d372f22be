// The quote builder's refusals as the operator reads them: beside each field, in their language, never zod's
// English or its JSON.
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { buildQuoteSchema } from '@/lib/quotes/quote-schemas';
import { z } from 'zod';
import { QUOTE_BUILDER_ERROR_CODES, quoteBuilderFieldErrors, type QuoteBuilderErrorMessages } from './quote-builder-errors';

const attempt = '00000000-0000-4000-8000-000000000000';
const base = { lines: [{ priceId: 'price_team', quantity: 1 }], expiresOn: '2030-01-31', collectionMethod: 'charge_automatically', attempt };

/** What the action answers: zod's tree of the schema's refusals (next-safe-action's default shape). */
function refused(input: Record<string, unknown>): unknown {
  const result = buildQuoteSchema.safeParse({ ...base, ...input });
  expect(result.success).toBe(false);
  return z.formatError(result.error!);
}

function errorsIn(messages: typeof ja) {
  const m = messages.quotes.builder;
  const errors = { ...Object.fromEntries(QUOTE_BUILDER_ERROR_CODES.map((code) => [code, m.errors[code]])), invalid: m.errors.invalid } as QuoteBuilderErrorMessages;
  return (tree: unknown) => quoteBuilderFieldErrors(tree, errors, { ...m, forLabel: m.forLabel, collection: m.collection });
}

describe('quoteBuilderFieldErrors', () => {
  it('asks for the customer on its field when none is chosen', () => {
    expect(errorsIn(ja)(refused({ target: 'organization' }))).toEqual({ organizationId: '見積の宛先の顧客を選択してください。' });
    expect(errorsIn(en)(refused({ target: 'organization' }))).toEqual({ organizationId: 'Choose the customer the quote is for.' });
  });

  it('marks each missing or malformed part of a prospect on its own field, with the other refusals at once', () => {
    expect(errorsIn(ja)(refused({ target: 'prospect' }))).toEqual({
      prospectName: '見込み客の会社名を入力してください。',
      prospectEmail: '見積の送付先メールアドレスを入力してください。',
    });
    expect(errorsIn(ja)(refused({ target: 'prospect', prospectEmail: 'not-an-email', lines: [{ priceId: 'price_team', quantity: 'x' }] }))).toEqual({
      prospectEmail: 'メールアドレスの形式が正しくありません（例：name@example.co.jp）。',
      prospectName: '見込み客の会社名を入力してください。',
      'lines.0.quantity': '1〜10,000 の整数を入力してください。',
    });
  });

  it('names the field of a refusal without a sentence of its own, never in JSON', () => {
    const errors = errorsIn(ja)(refused({ target: 'organization', organizationId: 'org_1', promotionCode: 'x'.repeat(101), lines: [{ priceId: 'price_team', quantity: 1 }, { priceId: 'bad', quantity: 1 }] }));
    expect(errors).toEqual({ promotionCode: '「プロモーションコード（任意）」の入力内容をご確認ください。', 'lines.1.priceId': '「料金 2」の入力内容をご確認ください。' });
    expect(Object.values(errors).join()).not.toMatch(/_errors|[{}]/);
  });
});
