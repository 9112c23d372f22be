import { getLocale, getTranslations } from 'next-intl/server';
import { locales } from '@/lib/i18n/config';
import { LocaleSwitcherForm } from './locale-switcher-form';

export async function LocaleSwitcher() {
  const [locale, t, tc] = await Promise.all([getLocale(), getTranslations('locale'), getTranslations('common')]);
  return (
    // Keyed by the language so a page rendered in another language starts the menu on that one.
    <LocaleSwitcherForm
      key={locale}
      current={locale}
      label={t('switchLabel')}
      submitLabel={tc('save')}
      options={locales.map((value) => ({ value, label: t(value) }))}
    />
  );
}
