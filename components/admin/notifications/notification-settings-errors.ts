// What the notification settings form says about input the server refused, once and beside the field: a bad
// operator recipient by the address typed (the schema refuses it by its position in the list, read from the
// textarea as the server read it), day counts and the company name by their rule; anything else names its field.
// Only a refusal of something the form has no field for falls back to the form-level sentence. Pure.
import { validationIssues } from '@/components/forms/validation-issues';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { listed } from '@/lib/i18n/format';
import { splitRecipients } from '@/lib/notifications/recipient-list';

export const NOTIFICATION_SETTINGS_FIELDS = ['trialEndingDays', 'renewalDays', 'operatorRecipients', 'companyName', 'brandColor', 'bankDetails'] as const;
export type NotificationSettingsField = (typeof NOTIFICATION_SETTINGS_FIELDS)[number];

/** `recipient` and `check_field` are raw templates (`{emails}`, `{field}`); `invalid` the form-level sentence. */
export type NotificationSettingsErrorMessages = Record<'recipient' | 'recipients_too_many' | 'days' | 'company_name_required' | 'company_name_too_long' | 'check_field' | 'invalid', string>;

export function notificationSettingsErrors(
  validationErrors: unknown,
  recipientsText: string,
  messages: NotificationSettingsErrorMessages,
  labels: Record<NotificationSettingsField, string>,
  locale: string,
): { fields: Partial<Record<NotificationSettingsField, string>>; form: string | null } {
  const fields: Partial<Record<NotificationSettingsField, string>> = {};
  const typed = splitRecipients(recipientsText);
  const badRecipients: string[] = [];
  let unplaced = false;
  for (const { path, message } of validationIssues(validationErrors)) {
    const field = path[0] as NotificationSettingsField;
    if (!(NOTIFICATION_SETTINGS_FIELDS as readonly string[]).includes(field)) {
      unplaced = true;
      continue;
    }
    if (field === 'operatorRecipients' && message === 'recipient' && path[1] !== undefined) {
      const address = typed[Number(path[1])];
      if (address !== undefined && !badRecipients.includes(address)) badRecipients.push(address);
      continue;
    }
    if (fields[field]) continue;
    const known = message !== 'recipient' && message !== 'check_field' && message !== 'invalid' && Object.hasOwn(messages, message);
    fields[field] = known ? messages[message as keyof NotificationSettingsErrorMessages] : fillTemplate(messages.check_field, { field: labels[field] });
  }
  if (badRecipients.length > 0 && !fields.operatorRecipients) {
    const quoted = badRecipients.map((address) => (locale === 'ja' ? `「${address}」` : `“${address}”`));
    fields.operatorRecipients = fillTemplate(messages.recipient, { emails: listed(quoted, locale) });
  }
  return { fields, form: unplaced ? messages.invalid : null };
}
