// next-intl request configuration (no locale in the URL): the signed-in user's saved language, else the
// switcher's cookie, else Accept-Language.
import { getRequestConfig } from 'next-intl/server';
import { _createCache } from 'use-intl/core';
import { cookies, headers } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/session';
import { LOCALE_COOKIE, isLocale, negotiateLocale, timeZoneFor, type Locale } from './config';

export const getRequestLocale = async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get('accept-language'));
};

/**
 * Compiled messages shared by every request of this process. next-intl otherwise starts each translator with an
 * empty cache, so every message with values (`{amount}`, plurals, dates) was parsed by intl-messageformat again
 * on every page view. An entry is keyed by the message text, the locale and the formats (with the time zone),
 * and a compiled message holds no request state, so sharing it is safe; the catalogue bounds its size.
 */
const compiledMessages = _createCache();

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
  // `_cache` is passed through to every server translator of the request (next-intl's getConfig keeps it).
  return { locale, messages, timeZone: timeZoneFor[locale], _cache: compiledMessages };
});
