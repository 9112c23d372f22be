// The one branding source for everything Seikyu sends or prints: emails (lib/notifications) and documents
// (lib/documents) read these values. Stored in app_settings under `branding`, parsed with zod on read so a missing
// or older value falls back to the defaults field by field; the logo is a separate row (see logo.ts).
import { z } from 'zod';
import type { Tx } from '@/db';
import { getAppSetting, saveAppSetting } from '@/db/queries/app-settings';

/** 適格請求書発行事業者の登録番号: "T" followed by 13 digits (the corporate number for a company). */
export const REGISTRATION_NUMBER_PATTERN = /^T\d{13}$/;

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const brandingSettingsSchema = z.object({
  // The codes are the forms' (branding, notifications): each shows its sentence beside the field.
  companyName: z.string().trim().min(1, { message: 'company_name_required' }).max(100, { message: 'company_name_too_long' }).default('Seikyu'),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#3f48c0'),
  /** Shown in bank-transfer invoice emails and on bank-transfer invoices: bank, branch, account type and number, holder. */
  bankDetails: optionalText(1000),
  /** The issuer's postal address as printed, one line per line. */
  companyAddress: optionalText(400),
  supportPhone: optionalText(40),
  showSupportPhone: z.boolean().default(false),
  /** Printed at the bottom of every invoice (and pushed to Stripe's invoice default footer). */
  invoiceFooter: optionalText(1000),
  /** The footer of bank-transfer invoices; the bank account details go here. Empty → bankDetails. */
  bankTransferFooter: optionalText(1000),
  /** Empty, or T + 13 digits. */
  registrationNumber: z.union([z.literal(''), z.string().regex(REGISTRATION_NUMBER_PATTERN)]).default(''),
});
export type BrandingSettings = z.output<typeof brandingSettingsSchema>;

export async function getBrandingSettings(tx?: Tx): Promise<BrandingSettings> {
  const stored = (await getAppSetting({ key: 'branding' }, tx)) ?? {};
  const parsed = brandingSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // One bad field must not throw away the others: keep each field that still parses on its own.
  const defaults = brandingSettingsSchema.parse({});
  const shape = brandingSettingsSchema.shape;
  const kept = Object.fromEntries(
    (Object.keys(shape) as (keyof BrandingSettings)[]).map((key) => {
      const field = shape[key].safeParse(stored[key]);
      return [key, field.success ? field.data : defaults[key]];
    }),
  );
  return kept as BrandingSettings;
}

export async function saveBrandingSettings(settings: BrandingSettings, tx?: Tx): Promise<void> {
  await saveAppSetting({ key: 'branding', value: brandingSettingsSchema.parse(settings) }, tx);
}

/** Changes some fields and keeps the rest (the notifications page edits only name, colour and bank details). */
export async function mergeBrandingSettings(changes: Partial<BrandingSettings>, tx?: Tx): Promise<BrandingSettings> {
  const next = brandingSettingsSchema.parse({ ...(await getBrandingSettings(tx)), ...changes });
  await saveBrandingSettings(next, tx);
  return next;
}

/** The footer a bank-transfer invoice carries: its own footer, else the bank details. */
export function bankTransferFooterOf(settings: BrandingSettings): string {
  return settings.bankTransferFooter || settings.bankDetails;
}
