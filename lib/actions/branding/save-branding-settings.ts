'use server';
// Saves what appears on documents and emails (company, address, logo, colour, phone, footers, registration
// number). Admins only; support staff see the page read-only.
import { revalidatePath } from 'next/cache';
import { checkLogo } from '@/lib/branding/logo';
import { saveBrandingSettingsSchema } from '@/lib/branding/settings-form-schema';
import { updateBrandingSettings, type LogoChange } from '@/lib/branding/update-branding';
import { AppError } from '@/lib/errors';
import { operatorActionClient } from '../safe-action';

export const saveBrandingSettingsAction = operatorActionClient
  .metadata({ actionName: 'saveBrandingSettings', operatorPermission: 'admin:settings:manage' })
  .inputSchema(saveBrandingSettingsSchema)
  .action(async ({ ctx, parsedInput }) => {
    const { logo: file, removeLogo, ...settings } = parsedInput;
    let logo: LogoChange = removeLogo ? { action: 'remove' } : { action: 'keep' };
    if (file) {
      const check = checkLogo(new Uint8Array(await file.arrayBuffer()));
      // The browser's declared type is not trusted: the bytes must be a PNG or a JPEG.
      if (!check.ok) throw new AppError('invalid_input', `logo rejected: ${check.error}`, { reason: check.error, userMessageKey: { key: `branding.errors.${check.error}` } });
      logo = { action: 'replace', logo: check.logo };
    }
    await updateBrandingSettings({ settings, logo, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath('/admin/settings/branding');
    return { saved: true };
  });
