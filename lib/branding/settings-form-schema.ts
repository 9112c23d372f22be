// The branding settings form as submitted (FormData, with the logo as a File). The logo's type is checked from
// its bytes in the action (checkLogo); here only its presence and declared size.
import { z } from 'zod';
import { LOGO_MAX_BYTES } from './logo';
import { normalizeRegistrationNumber } from './registration-number';
import { brandingSettingsSchema, REGISTRATION_NUMBER_PATTERN } from './settings';

function fromForm(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const text = (name: string) => String(input.get(name) ?? '');
  const logo = input.get('logo');
  return {
    companyName: text('companyName'),
    companyAddress: text('companyAddress'),
    brandColor: text('brandColor'),
    supportPhone: text('supportPhone'),
    // An unchecked checkbox is absent from FormData: absent means hidden.
    showSupportPhone: input.get('showSupportPhone') === 'on',
    invoiceFooter: text('invoiceFooter'),
    bankTransferFooter: text('bankTransferFooter'),
    bankDetails: text('bankDetails'),
    registrationNumber: normalizeRegistrationNumber(text('registrationNumber')),
    logo: logo instanceof File && logo.size > 0 ? logo : undefined,
    removeLogo: input.get('removeLogo') === 'on',
  };
}

const shape = brandingSettingsSchema.shape;
export const saveBrandingSettingsSchema = z.preprocess(
  fromForm,
  z.object({
    companyName: shape.companyName,
    companyAddress: shape.companyAddress,
    brandColor: shape.brandColor,
    supportPhone: z.string().trim().max(40).regex(/^[0-9+\-() ]*$/, { message: 'phone' }).default(''),
    showSupportPhone: shape.showSupportPhone,
    invoiceFooter: shape.invoiceFooter,
    bankTransferFooter: shape.bankTransferFooter,
    bankDetails: shape.bankDetails,
    registrationNumber: z.union([z.literal(''), z.string().regex(REGISTRATION_NUMBER_PATTERN, { message: 'registration_number' })]),
    logo: z
      .instanceof(File)
      .refine((file) => file.size <= LOGO_MAX_BYTES, { message: 'logo_size' })
      .optional(),
    removeLogo: z.boolean().default(false),
  }),
);
export type SaveBrandingSettingsInput = z.output<typeof saveBrandingSettingsSchema>;
