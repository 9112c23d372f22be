// The logo printed on documents. Stored in the database (app_settings, key `branding_logo`, base64) rather than a
// data directory: every app server and the job worker read the same value without a shared volume, and it is in
// the database backup with the rest of the settings. Only PNG and JPEG (the formats pdfkit embeds), at most 256 KB.
import { createHash } from 'node:crypto';
import type { Tx } from '@/db';
import { getAppSetting, saveAppSetting } from '@/db/queries/app-settings';

export const LOGO_MAX_BYTES = 256 * 1024;
export type LogoContentType = 'image/png' | 'image/jpeg';
export type BrandingLogo = { data: Buffer; contentType: LogoContentType };

/** The image type from the file's first bytes, not from the browser's claim; null for anything else. */
export function sniffLogoType(bytes: Uint8Array): LogoContentType | null {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export type LogoCheck = { ok: true; logo: BrandingLogo } | { ok: false; error: 'logo_type' | 'logo_size' };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0 || bytes.length > LOGO_MAX_BYTES) return { ok: false, error: 'logo_size' };
  const contentType = sniffLogoType(bytes);
  if (!contentType) return { ok: false, error: 'logo_type' };
  return { ok: true, logo: { data: Buffer.from(bytes), contentType } };
}

export async function getBrandingLogo(tx?: Tx): Promise<BrandingLogo | null> {
  const stored = await getAppSetting({ key: 'branding_logo' }, tx);
  if (!stored || typeof stored.base64 !== 'string' || !stored.base64) return null;
  const check = checkLogo(Buffer.from(stored.base64, 'base64'));
  return check.ok ? check.logo : null;
}

/** Saves the logo, or removes it with null. */
export async function saveBrandingLogo(logo: BrandingLogo | null, tx?: Tx): Promise<void> {
  await saveAppSetting({ key: 'branding_logo', value: logo ? { contentType: logo.contentType, base64: logo.data.toString('base64') } : {} }, tx);
}

/** A short fingerprint of the logo's bytes: the version in its public URL, so a new logo is a new URL (caches). */
export function logoVersion(logo: BrandingLogo): string {
  return createHash('sha256').update(logo.data).digest('hex').slice(0, 16);
}
