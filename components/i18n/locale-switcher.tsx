// The language buttons with this request's language and labels (components/i18n/locale-buttons.tsx).
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { locales } from '@/lib/i18n/config';
import { LocaleButtons, type LocaleButtonsProps } from './locale-buttons';

/** What the buttons show for this request: the page's language and each language's own name. */
export async function localeButtonsProps(): Promise<LocaleButtonsProps> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('locale')]);
  return { current: locale, label: t('switchLabel'), options: locales.map((value) => ({ value, label: t(value) })) };
}

export async function LocaleSwitcher() {
  return <LocaleButtons {...await localeButtonsProps()} />;
}
