import { describe, expect, it } from 'vitest';
import { catalogText } from './catalog-text';

describe('catalogText', () => {
  const metadata = { name_ja: 'スターター', meter_name: 'Device hours', meter_name_ja: 'デバイス稼働時間', description_ja: ' ' };

  it('takes the Japanese text from the metadata for a Japanese viewer', () => {
    expect(catalogText(metadata, 'name', 'Starter', 'ja')).toBe('スターター');
    expect(catalogText(metadata, 'meter_name', metadata.meter_name, 'ja')).toBe('デバイス稼働時間');
  });

  it('keeps Stripe’s own field for English and when a translation is missing or blank', () => {
    expect(catalogText(metadata, 'name', 'Starter', 'en')).toBe('Starter');
    expect(catalogText(metadata, 'unit_label', 'seat', 'ja')).toBe('seat');
    expect(catalogText(metadata, 'description', 'For small teams.', 'ja')).toBe('For small teams.');
    expect(catalogText(undefined, 'name', 'Starter', 'ja')).toBe('Starter');
  });
});
