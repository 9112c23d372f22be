// The interface languages and how a request's language is chosen when the user has not picked one.
export const locales = ['en', 'ja'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Cookie remembering the switcher's choice for visitors who are not signed in (and as a fast path). */
export const LOCALE_COOKIE = 'seikyu_locale';

/**
 * The reader's zone, by language (Japan for ja, UTC otherwise): next-intl's request zone, used on pages about no
 * single organization (operators' lists across customers). Pages and emails about one organization use that
 * organization's time zone instead (lib/i18n/time-zones.ts).
 */
export const timeZoneFor: Record<Locale, string> = { en: 'UTC', ja: 'Asia/Tokyo' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header (quality values respected). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? defaultLocale;
}

/** Currency a new organization starts with, from the interface language (a suggestion the form can change). */
export function defaultCurrencyFor(locale: Locale): 'jpy' | 'usd' {
  return locale === 'ja' ? 'jpy' : 'usd';
}
