// The branding settings an operator saves: the registration number pushed to Stripe as the account's jp_trn tax
// id (once, with a key from the content), everything audited with before/after, a Stripe failure changing
// nothing, and the notifications page's save keeping the document fields (one source for emails and documents).
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import { updateNotificationSettings } from '@/lib/notifications/operator-actions';
import { notificationSettingsSchema } from '@/lib/notifications/settings';
import { closeTestDb, resetDatabase, testDb, testStripe } from '@/test/integration/helpers';
import { checkLogo, getBrandingLogo } from './logo';
import { brandingSettingsSchema, getBrandingSettings } from './settings';
import { updateBrandingSettings } from './update-branding';

beforeEach(async () => {
  await resetDatabase();
  const stripe = testStripe();
  for (const taxId of (await stripe.taxIds.list({ owner: { type: 'self' } })).data) await stripe.taxIds.del(taxId.id);
});
afterAll(closeTestDb);

const actor = { type: 'operator', id: 'op-1' } as const;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const settings = brandingSettingsSchema.parse({
  companyName: '株式会社セイキュー',
  companyAddress: '〒150-0002\n東京都渋谷区渋谷1-2-3',
  registrationNumber: 'T1234567890123',
  invoiceFooter: 'いつもありがとうございます。',
  bankTransferFooter: '振込先: みずほ銀行 渋谷支店 普通 1234567',
});

describe('updateBrandingSettings', () => {
  it('saves the settings and logo, pushes the registration number to Stripe once, and audits before and after', async () => {
    const stripe = testStripe();
    const logo = checkLogo(PNG);
    if (!logo.ok) throw new Error('fixture is not a PNG');
    const create = vi.spyOn(stripe.taxIds, 'create');
    await updateBrandingSettings({ settings, logo: { action: 'replace', logo: logo.logo }, actor, stripe });
    // Saving the same content again changes nothing at Stripe.
    await updateBrandingSettings({ settings, logo: { action: 'keep' }, actor, stripe });

    expect(await getBrandingSettings()).toEqual(settings);
    expect((await getBrandingLogo())?.contentType).toBe('image/png');
    const accountIds = (await stripe.taxIds.list({ owner: { type: 'self' } })).data;
    expect(accountIds.map((t) => [t.type, t.value])).toEqual([['jp_trn', 'T1234567890123']]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![1]).toEqual({ idempotencyKey: 'branding:jp_trn:T1234567890123:after::from:never-saved' });

    const entries = await testDb().select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(['settings.branding_updated', 'settings.branding_updated']);
    const first = entries[0]!.data as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(first.before).toMatchObject({ companyName: 'Seikyu', registrationNumber: '', logo: null });
    expect(first.after).toMatchObject({ companyName: '株式会社セイキュー', registrationNumber: 'T1234567890123', logo: { contentType: 'image/png', bytes: PNG.length } });

    // A new number replaces the old one at Stripe; clearing it removes it.
    await updateBrandingSettings({ settings: { ...settings, registrationNumber: 'T9876543210987' }, logo: { action: 'remove' }, actor, stripe });
    expect((await stripe.taxIds.list({ owner: { type: 'self' } })).data.map((t) => t.value)).toEqual(['T9876543210987']);
    expect(await getBrandingLogo()).toBeNull();
    await updateBrandingSettings({ settings: { ...settings, registrationNumber: '' }, logo: { action: 'keep' }, actor, stripe });
    expect((await stripe.taxIds.list({ owner: { type: 'self' } })).data).toEqual([]);

    // The first number set again after it was cleared: Stripe has no ids to replace, as the first time, yet this is
    // a new change and the number is there again (a key from the number alone would replay the first, deleted id).
    await updateBrandingSettings({ settings, logo: { action: 'keep' }, actor, stripe });
    expect((await stripe.taxIds.list({ owner: { type: 'self' } })).data.map((t) => t.value)).toEqual(['T1234567890123']);
  });

  it('changes nothing when Stripe refuses the registration number', async () => {
    const stripe = testStripe();
    vi.spyOn(stripe.taxIds, 'create').mockRejectedValueOnce(new Error('Stripe is down'));
    await expect(updateBrandingSettings({ settings, logo: { action: 'keep' }, actor, stripe })).rejects.toThrow('Stripe is down');
    expect(await getBrandingSettings()).toEqual(brandingSettingsSchema.parse({}));
    expect(await testDb().select().from(auditLog)).toEqual([]);
  });

  it("keeps the document fields when the notifications page saves the emails' name, colour and bank details", async () => {
    await updateBrandingSettings({ settings, logo: { action: 'keep' }, actor, stripe: testStripe() });
    await updateNotificationSettings({
      notifications: notificationSettingsSchema.parse({}),
      branding: { companyName: 'Seikyu KK', brandColor: '#aa0000', bankDetails: 'Mizuho 1234567' },
      actor,
    });
    expect(await getBrandingSettings()).toEqual({ ...settings, companyName: 'Seikyu KK', brandColor: '#aa0000', bankDetails: 'Mizuho 1234567' });
  });
});

describe('logo checks', () => {
  it('accepts PNG and JPEG by their bytes, refuses other types and files over 256 KB', () => {
    expect(checkLogo(PNG)).toMatchObject({ ok: true, logo: { contentType: 'image/png' } });
    expect(checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: true, logo: { contentType: 'image/jpeg' } });
    expect(checkLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, error: 'logo_type' });
    expect(checkLogo(Buffer.concat([PNG, Buffer.alloc(256 * 1024)]))).toEqual({ ok: false, error: 'logo_size' });
  });
});
