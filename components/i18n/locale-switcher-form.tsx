'use client';
// Language switcher: a select that saves on change (with a submit button when scripts are off).
// The select is controlled: React resets an uncontrolled form after its action, which put the old language
// back in the menu of a page already rendered in the new one.
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { setLocaleAction } from '@/lib/actions/set-locale';

type Props = { current: string; label: string; options: { value: string; label: string }[]; submitLabel: string };

export function LocaleSwitcherForm({ current, label, options, submitLabel }: Props) {
  const id = useId();
  const [selected, setSelected] = useState(current);
  const { execute, isPending } = useAction(setLocaleAction);
  return (
    <form
      action={(formData) => execute({ locale: String(formData.get('locale')) as 'en' | 'ja' })}
      className="flex items-center gap-2"
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        name="locale"
        value={selected}
        disabled={isPending}
        onChange={(event) => {
          const locale = event.currentTarget.value as 'en' | 'ja';
          setSelected(locale);
          execute({ locale });
        }}
        className="rounded-md border border-slate-300 bg-white py-1.5 pl-2 pr-8 text-sm text-slate-800"
        data-testid="locale-switcher"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary">
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}
