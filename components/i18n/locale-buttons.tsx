// The language buttons: one per language in a form posting to setLocaleFromForm, the page's language pressed.
// No hooks and no 'use client': rendered by the server (the public header) and inside the signed-in shell's
// client frame alike, and it works before scripts load.
import { setLocaleFromForm } from '@/lib/actions/set-locale';

export type LocaleButtonsProps = { current: string; label: string; options: { value: string; label: string }[] };

export function LocaleButtons({ current, label, options }: LocaleButtonsProps) {
  return (
    <form action={setLocaleFromForm} role="group" aria-label={label} className="locale-switcher" data-testid="locale-switcher">
      {options.map((option) => (
        <button key={option.value} type="submit" name="locale" value={option.value} lang={option.value} aria-pressed={option.value === current}>
          {option.label}
        </button>
      ))}
    </form>
  );
}
