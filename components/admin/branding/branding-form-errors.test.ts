// The branding form's refusals: each said once, beside its field, naming what is wrong.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { saveBrandingSettingsSchema } from '@/lib/branding/settings-form-schema';
import { BRANDING_ERROR_CODES, brandingFormErrors, type BrandingErrorMessages } from './branding-form-errors';

function refusedForm(fields: Record<string, string>): unknown {
  const data = new FormData();
  for (const [name, value] of Object.entries({ companyName: 'Seikyu KK', brandColor: '#3f48c0', ...fields })) data.set(name, value);
  const result = saveBrandingSettingsSchema.safeParse(data);
  expect(result.success).toBe(false);
  return z.formatError(result.error!);
}

function errorsIn(messages: typeof ja) {
  const b = messages.branding;
  const errors = { ...Object.fromEntries([...BRANDING_ERROR_CODES, 'invalid', 'check_field'].map((k) => [k, b.errors[k as keyof typeof b.errors]])) } as BrandingErrorMessages;
  const labels = {
    companyName: b.companyName,
    brandColor: b.brandColor,
    companyAddress: b.companyAddress,
    supportPhone: b.supportPhone,
    logo: b.logo,
    registrationNumber: b.registrationNumber,
    invoiceFooter: b.invoiceFooter,
    bankTransferFooter: b.bankTransferFooter,
    bankDetails: b.bankDetails,
  };
  return (tree: unknown) => brandingFormErrors(tree, errors, labels);
}

describe('brandingFormErrors', () => {
  it('says the company name is required, once, beside the field', () => {
    expect(errorsIn(ja)(refusedForm({ companyName: '   ' }))).toEqual({ fields: { companyName: '会社名を入力してください。すべての帳票とメールに記載されます。' }, form: null });
    expect(errorsIn(en)(refusedForm({ companyName: '' })).fields.companyName).toBe('Enter the company name: every document and email carries it.');
  });

  it('names a field refused without a sentence of its own, and keeps each field’s own sentence', () => {
    expect(errorsIn(ja)(refusedForm({ brandColor: 'blue', supportPhone: 'call us' }))).toEqual({
      fields: { brandColor: '「ブランドカラー」の入力内容をご確認ください。', supportPhone: '電話番号は数字・空白・+・-・括弧のみで入力してください。' },
      form: null,
    });
  });

  it('falls back to the form-level sentence only for what has no field', () => {
    expect(errorsIn(en)({ removeLogo: { _errors: ['Invalid input'] } })).toEqual({ fields: {}, form: 'Some fields are not valid. Check the highlighted fields.' });
  });
});
