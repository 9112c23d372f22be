// The notification settings form's refusals: a bad recipient is named by the address typed, each field's refusal
// said once beside it, in the reader's language.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { saveNotificationSettingsSchema } from '@/lib/notifications/settings-form-schema';
import { notificationSettingsErrors, type NotificationSettingsErrorMessages } from './notification-settings-errors';

function submit(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ trialEndingDays: '7', renewalDays: '7', operatorRecipients: '', companyName: 'Seikyu KK', brandColor: '#3f48c0', bankDetails: '', ...fields })) {
    data.set(name, value);
  }
  const result = saveNotificationSettingsSchema.safeParse(data);
  expect(result.success).toBe(false);
  return { tree: z.formatError(result.error!), recipients: String(data.get('operatorRecipients')) };
}

function errorsIn(messages: typeof ja, locale: 'ja' | 'en') {
  const e = messages.notifications.errors;
  const s = messages.notifications.settings;
  const errors: NotificationSettingsErrorMessages = {
    invalid: e.invalid,
    recipient: e.recipient,
    recipients_too_many: e.recipients_too_many,
    days: e.days,
    company_name_required: e.company_name_required,
    company_name_too_long: e.company_name_too_long,
    check_field: e.check_field,
  };
  const labels = { trialEndingDays: s.trialEndingDays, renewalDays: s.renewalDays, operatorRecipients: s.operatorRecipients, companyName: s.companyName, brandColor: s.brandColor, bankDetails: s.bankDetails };
  return (fields: Record<string, string>) => {
    const { tree, recipients } = submit(fields);
    return notificationSettingsErrors(tree, recipients, errors, labels, locale);
  };
}

describe('notificationSettingsErrors', () => {
  it('names the recipient that is not an email address, beside the field', () => {
    expect(errorsIn(ja, 'ja')({ operatorRecipients: 'billing@example.com\nnot-an-email' })).toEqual({
      fields: { operatorRecipients: 'メールアドレスの形式が正しくありません：「not-an-email」。1行に1件ずつ入力してください。' },
      form: null,
    });
    expect(errorsIn(en, 'en')({ operatorRecipients: 'x@, billing@example.com y' }).fields.operatorRecipients).toBe(
      'Not a valid email address: “x@”, “y”. Enter one address per line.',
    );
  });

  it('says the rule of a day count and that the company name is required, once each', () => {
    expect(errorsIn(ja, 'ja')({ trialEndingDays: '0', companyName: ' ' })).toEqual({
      fields: { trialEndingDays: '1〜60 の日数を入力してください。', companyName: '会社名を入力してください。すべてのメールに記載されます。' },
      form: null,
    });
  });

  it('refuses more than 20 recipients in words', () => {
    const many = Array.from({ length: 21 }, (_, i) => `op${i}@example.com`).join('\n');
    expect(errorsIn(en, 'en')({ operatorRecipients: many }).fields).toEqual({ operatorRecipients: 'Enter at most 20 addresses.' });
  });
});
