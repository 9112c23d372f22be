// The language of a request before we know the user: the switcher's cookie, else Accept-Language.
import { LOCALE_COOKIE, isLocale, negotiateLocale, type Locale } from '../i18n/config';

export function localeFromCookieHeader(cookieHeader: string | null | undefined): Locale | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LOCALE_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return isLocale(value) ? value : null;
    }
  }
  return null;
}

export function localeFromRequestHeaders(headers: Headers): Locale {
  return localeFromCookieHeader(headers.get('cookie')) ?? negotiateLocale(headers.get('accept-language'));
}
