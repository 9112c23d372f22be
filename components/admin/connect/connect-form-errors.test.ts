// The Connect forms' refusals as the operator reads them: the field named, in their language, never a
// generic "check the form".
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { addPayeeSchema, saveSplitRuleSchema } from '@/lib/connect/schemas';
import { ADD_PAYEE_ERROR_CODES, addPayeeFieldErrors, splitRuleFieldErrors, type AddPayeeErrorMessages } from './connect-form-errors';

function refused(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return z.formatError(result.error!);
}

function addPayeeErrors(messages: typeof ja) {
  const m = messages.connect;
  const errors = { ...Object.fromEntries(ADD_PAYEE_ERROR_CODES.map((code) => [code, m.errors[code]])), checkField: m.errors.check_field } as AddPayeeErrorMessages;
  const labels = { name: m.payees.name, email: m.payees.email, role: m.payees.role, country: m.payees.country };
  return (input: Record<string, unknown>) => addPayeeFieldErrors(refused(addPayeeSchema, { name: 'Dr. Sato', email: 'sato@example.com', role: 'reading_doctor', country: 'JP', ...input }), errors, labels);
}

describe('addPayeeFieldErrors', () => {
  it('says what is wrong with the email beside it', () => {
    expect(addPayeeErrors(ja)({ email: 'not-an-email' })).toEqual({ email: 'メールアドレスの形式が正しくありません（例：name@example.co.jp）。' });
    expect(addPayeeErrors(en)({ email: '  ' })).toEqual({ email: "Enter the payee's email address." });
  });

  it('asks for the name, and names a field refused without a sentence of its own', () => {
    expect(addPayeeErrors(ja)({ name: ' ', country: 'FR' })).toEqual({ name: '受取人の名前を入力してください。', country: '「国」の入力内容をご確認ください。' });
  });

  it('accepts an address typed with spaces around it or in capitals', () => {
    expect(addPayeeSchema.parse({ name: 'Dr. Sato', email: ' Sato@Example.com ', role: 'reading_doctor', country: 'JP' }).email).toBe('sato@example.com');
  });
});

describe('splitRuleFieldErrors', () => {
  it('names the role whose value was refused, counting only the roles sent', () => {
    const tree = refused(saveSplitRuleSchema, {
      scope: 'price',
      targetId: 'price_diagnosis',
      shares: [
        { role: 'reading_doctor', kind: 'fixed', value: '1000' },
        { role: 'partner_clinic', kind: 'fixed', value: '9'.repeat(31) },
      ],
    });
    const labels = { reading_doctor: '読影医への金額', second_reader: '二次読影医への金額', partner_clinic: '提携クリニックへの金額' };
    expect(splitRuleFieldErrors(tree, ['reading_doctor', 'partner_clinic'], ja.connect.errors.check_field, labels)).toEqual({ partner_clinic: '「提携クリニックへの金額」の入力内容をご確認ください。' });
  });
});
