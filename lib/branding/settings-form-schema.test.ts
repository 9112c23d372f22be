import { describe, expect, it } from 'vitest';
import { saveBrandingSettingsSchema } from './settings-form-schema';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({ companyName: 'Seikyu KK', brandColor: '#3f48c0', ...fields })) data.set(name, value);
  return data;
}

describe('saveBrandingSettingsSchema', () => {
  it('accepts a registration number written with spaces or a lower-case t, and an empty one', () => {
    expect(saveBrandingSettingsSchema.parse(form({ registrationNumber: 't 1234 5678 90123' })).registrationNumber).toBe('T1234567890123');
    expect(saveBrandingSettingsSchema.parse(form({ registrationNumber: '' })).registrationNumber).toBe('');
  });

  it.each([
    ['full-width, as copied from a Japanese document', 'Ｔ７１２３４５６７８９０１２'],
    ['grouped with hyphens', 'T7-1234-5678-9012'],
    ['with full-width hyphens and an ideographic space', 'Ｔ７１２３－４５６７\u3000８９０１２'],
    ['with dashes or the long-vowel mark an IME gives for a hyphen', 't7123–4567ー89012'],
  ])('saves a registration number %s in its half-width form', (_, typed) => {
    expect(saveBrandingSettingsSchema.parse(form({ registrationNumber: typed })).registrationNumber).toBe('T7123456789012');
  });

  it.each(['1234567890123', 'T123456789012', 'T12345678901234', 'TX234567890123'])('refuses %s with the registration_number error on that field', (value) => {
    const result = saveBrandingSettingsSchema.safeParse(form({ registrationNumber: value }));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['registrationNumber'], message: 'registration_number' })]);
  });

  it('reads the phone checkbox as shown only when ticked, and refuses letters in the phone', () => {
    expect(saveBrandingSettingsSchema.parse(form({ supportPhone: '03-1234-5678', showSupportPhone: 'on' })).showSupportPhone).toBe(true);
    expect(saveBrandingSettingsSchema.parse(form({ supportPhone: '03-1234-5678' })).showSupportPhone).toBe(false);
    expect(saveBrandingSettingsSchema.safeParse(form({ supportPhone: 'call us' })).error!.issues[0]).toMatchObject({ path: ['supportPhone'], message: 'phone' });
  });

  it('refuses a logo over 256 KB before reading it', () => {
    const data = form({});
    data.set('logo', new File([new Uint8Array(256 * 1024 + 1)], 'logo.png', { type: 'image/png' }));
    expect(saveBrandingSettingsSchema.safeParse(data).error!.issues[0]).toMatchObject({ path: ['logo'], message: 'logo_size' });
  });
});
