// What the branding form says about input the server refused: each sentence once, beside its field, in the
// reader's language (the schema's codes, messages branding.errors; a refusal without a code of ours names its
// field). Only a refusal of something the form has no field for falls back to the form-level sentence. Pure.
import { fieldMessages } from '@/components/forms/validation-issues';
import { fillTemplate } from '@/lib/i18n/fill-template';

export const BRANDING_ERROR_CODES = ['registration_number', 'phone', 'logo_type', 'logo_size', 'company_name_required', 'company_name_too_long'] as const;

/** The codes' sentences, `invalid` (the form-level one) and `check_field` (the raw template naming a `{field}`). */
export type BrandingErrorMessages = Record<(typeof BRANDING_ERROR_CODES)[number] | 'invalid' | 'check_field', string>;

/** The fields that show their own refusal, with their labels. */
export const BRANDING_FIELDS = ['companyName', 'brandColor', 'companyAddress', 'supportPhone', 'logo', 'registrationNumber', 'invoiceFooter', 'bankTransferFooter', 'bankDetails'] as const;
export type BrandingField = (typeof BRANDING_FIELDS)[number];

export function brandingFormErrors(
  validationErrors: unknown,
  messages: BrandingErrorMessages,
  labels: Record<BrandingField, string>,
): { fields: Partial<Record<BrandingField, string>>; form: string | null } {
  const { invalid, check_field: checkField, ...byCode } = messages;
  const all = fieldMessages(validationErrors, byCode, (path) => fillTemplate(checkField, { field: labels[path[0] as BrandingField] ?? path.join('.') }));
  const fields: Partial<Record<BrandingField, string>> = {};
  let unplaced = false;
  for (const [path, message] of Object.entries(all)) {
    if ((BRANDING_FIELDS as readonly string[]).includes(path)) fields[path as BrandingField] = message;
    else unplaced = true;
  }
  return { fields, form: unplaced ? invalid : null };
}
