// The admin settings form as submitted (FormData): checkboxes per moment, day counts, recipients one per line.
import { z } from 'zod';
import { NOTIFICATION_KINDS } from './kinds';
import { splitRecipients } from './recipient-list';
import { brandingSettingsSchema, notificationSettingsSchema } from './settings';

function fromForm(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  return {
    // An unchecked checkbox is absent from FormData: absent means off.
    enabled: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, input.get(`enabled.${kind}`) === 'on'])),
    trialEndingDays: input.get('trialEndingDays'),
    renewalDays: input.get('renewalDays'),
    operatorRecipients: splitRecipients(String(input.get('operatorRecipients') ?? '')),
    companyName: String(input.get('companyName') ?? ''),
    brandColor: String(input.get('brandColor') ?? ''),
    bankDetails: String(input.get('bankDetails') ?? ''),
  };
}

export const saveNotificationSettingsSchema = z.preprocess(
  fromForm,
  z.object({
    enabled: notificationSettingsSchema.shape.enabled,
    trialEndingDays: notificationSettingsSchema.shape.trialEndingDays,
    renewalDays: notificationSettingsSchema.shape.renewalDays,
    operatorRecipients: notificationSettingsSchema.shape.operatorRecipients,
    companyName: brandingSettingsSchema.shape.companyName,
    brandColor: brandingSettingsSchema.shape.brandColor,
    bankDetails: brandingSettingsSchema.shape.bankDetails,
  }),
);
