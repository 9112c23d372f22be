// The language an email is written in: the customer's invoice language as Stripe holds it (preferred_locales).
import type { Locale } from '@/lib/i18n/config';

export function emailLocaleFor(preferredLocale: string | null | undefined): Locale {
  return preferredLocale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
