// The capacity card says what the numbers are: whole devices, not device-hours, and over the limit when more ran
// than the plan allows (never "1台中3台"), in English and Japanese.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { UsageLimits } from '@/lib/usage/limits';
import { CapacityCard } from './capacity-card';

const language = vi.hoisted(() => ({ current: 'en' as 'en' | 'ja' }));

vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = { en: (await import('@/messages/en.json')).default, ja: (await import('@/messages/ja.json')).default };
  return {
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: language.current, messages: messages[language.current], namespace: namespace as never }),
  };
});

const limits = (overrides: Partial<UsageLimits>): UsageLimits => ({
  plan: { productName: 'On-demand 10 devices', tier: 'on_demand_10', priceLookupKey: 'seikyu_on_demand_device_hours' },
  capacity: 10,
  inUse: 0,
  devicesInUse: 0,
  remaining: 10,
  overCapacity: false,
  freeTierEndsAt: null,
  passValidUntil: null,
  allowed: true,
  ...overrides,
});

async function render(locale: 'en' | 'ja', value: UsageLimits): Promise<string> {
  language.current = locale;
  const html = renderToStaticMarkup(await CapacityCard({ limits: value, locale, timeZone: 'Asia/Tokyo' }));
  return html.replace(/<[^>]+>/g, '\n').replace(/\n+/g, '\n');
}

describe('CapacityCard', () => {
  it('counts half a device-hour as one device of ten, nine more, and names the device-hours', async () => {
    const text = await render('en', limits({ inUse: 0.5, devicesInUse: 1, remaining: 9 }));
    expect(text).toContain('1 of 10 devices in use');
    expect(text).toContain('9 more can start this hour.');
    expect(text).toContain('0.5 device-hours reported this hour: a device that ran part of the hour counts as one.');
    expect(text).not.toContain('9.5');
  });

  it('says three devices on the one-device free tier are over the limit, in both languages', async () => {
    const free = limits({ plan: { productName: 'Free', tier: 'free', priceLookupKey: 'seikyu_free_monthly' }, capacity: 1, inUse: 3, devicesInUse: 3, remaining: 0, overCapacity: true, allowed: false });
    const en = await render('en', free);
    expect(en).toContain('3 devices in use, over the limit of 1');
    expect(en).toContain('Over the limit: the usage is recorded');
    expect(en).not.toContain('3 of 1');
    const ja = await render('ja', { ...free, plan: { ...free.plan!, productName: '無料プラン' } });
    expect(ja).toContain('3台が稼働中（上限1台を超えています）');
    expect(ja).not.toContain('1台中3台');
  });
});
