// The language switcher: one button per language in a server-rendered form, the current one pressed. Choosing
// another saves it (on the user and in a cookie) and the page comes back in that language. No client component:
// it works before scripts load, and a page view renders nothing for it in the browser.
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleFromForm } from '@/lib/actions/set-locale';
import { locales } from '@/lib/i18n/config';

export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('locale')]);
  return (
    <form action={setLocaleFromForm} role="group" aria-label={t('switchLabel')} className="locale-switcher" data-testid="locale-switcher">
      {locales.map((value) => (
        <button key={value} type="submit" name="locale" value={value} lang={value} aria-pressed={value === locale}>
          {t(value)}
        </button>
      ))}
    </form>
  );
}
