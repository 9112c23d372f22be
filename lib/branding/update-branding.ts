// The operator's branding change: Stripe first (the registration number as the account's jp_trn tax id), so a
// Stripe failure changes nothing; then the settings and the logo are saved and the change is audited with
// before and after (the logo by type, size and hash, not its bytes).
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { getAppSettingSavedAt } from '@/db/queries/app-settings';
import { enqueueJob } from '@/lib/jobs';
import { replaceAccountRegistrationNumber } from '@/lib/stripe/replace-account-registration-number';
import { getBrandingLogo, saveBrandingLogo, type BrandingLogo } from './logo';
import { bankTransferFooterOf, getBrandingSettings, saveBrandingSettings, type BrandingSettings } from './settings';

export type LogoChange = { action: 'keep' } | { action: 'remove' } | { action: 'replace'; logo: BrandingLogo };

function logoSummary(logo: BrandingLogo | null) {
  return logo ? { contentType: logo.contentType, bytes: logo.data.length, sha256: createHash('sha256').update(logo.data).digest('hex') } : null;
}

export async function updateBrandingSettings(params: { settings: BrandingSettings; logo: LogoChange; actor: AuditActor; stripe?: Stripe }): Promise<BrandingSettings> {
  const [before, beforeLogo, savedAt] = await Promise.all([getBrandingSettings(), getBrandingLogo(), getAppSettingSavedAt({ key: 'branding' })]);
  if (before.registrationNumber !== params.settings.registrationNumber) {
    const basis = savedAt ? savedAt.toISOString() : 'never-saved';
    await replaceAccountRegistrationNumber({ value: params.settings.registrationNumber || null, basis }, params.stripe);
  }
  await saveBrandingSettings(params.settings);
  const afterLogo = params.logo.action === 'keep' ? beforeLogo : params.logo.action === 'remove' ? null : params.logo.logo;
  if (params.logo.action !== 'keep') await saveBrandingLogo(afterLogo);
  await recordAudit({
    organizationId: null,
    actor: params.actor,
    action: 'settings.branding_updated',
    data: { before: { ...before, logo: logoSummary(beforeLogo) }, after: { ...params.settings, logo: logoSummary(afterLogo) } },
  });
  // Footer and registration number reach each Stripe customer in the background (there may be thousands); the
  // scheduled run of the same job picks the change up if this process runs no job runner.
  if (before.invoiceFooter !== params.settings.invoiceFooter || bankTransferFooterOf(before) !== bankTransferFooterOf(params.settings) || before.registrationNumber !== params.settings.registrationNumber) {
    await enqueueJob('branding.push-invoice-settings', {}, { singletonKey: 'branding.push-invoice-settings' });
  }
  return params.settings;
}
