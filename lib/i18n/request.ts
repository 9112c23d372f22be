// next-intl request configuration (no locale in the URL): the signed-in user's saved language, else the
// switcher's cookie, else Accept-Language.
import { getRequestConfig } from 'next-intl/server';
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

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
  return { locale, messages, timeZone: timeZoneFor[locale] };
});
