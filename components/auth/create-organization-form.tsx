'use client';
// Onboarding form: organization name and billing currency. Errors come back per field and as a whole.
import { useAction } from 'next-safe-action/hooks';
import { useId } from 'react';
import { createOrganizationAction } from '@/lib/actions/create-organization';

type Labels = {
  name: string;
  namePlaceholder: string;
  nameRequired: string;
  currency: string;
  currencyHelp: string;
  jpy: string;
  usd: string;
  submit: string;
  submitting: string;
};

export function CreateOrganizationForm({ defaultCurrency, labels }: { defaultCurrency: 'jpy' | 'usd'; labels: Labels }) {
  const id = useId();
  const { execute, isPending, result } = useAction(createOrganizationAction);
  const nameErrors = result.validationErrors?.name?._errors;
  // The input's maxLength keeps names within 100 characters, so a rejected name is a blank one.
  const nameError = nameErrors?.length ? labels.nameRequired : null;
  return (
    <form
      action={(formData) =>
        execute({
          name: String(formData.get('name') ?? ''),
          currency: formData.get('currency') === 'jpy' ? 'jpy' : 'usd',
        })
      }
      className="space-y-5"
      noValidate
    >
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-name`} className="label">
          {labels.name}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          required
          maxLength={100}
          autoComplete="organization"
          placeholder={labels.namePlaceholder}
          className="input"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        {nameError ? (
          <p id={`${id}-name-error`} className="field-error" role="alert">
            {nameError}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend className="label">{labels.currency}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(['jpy', 'usd'] as const).map((currency) => (
            <label
              key={currency}
              className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="currency" value={currency} defaultChecked={currency === defaultCurrency} className="accent-brand-600" />
              {labels[currency]}
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500">{labels.currencyHelp}</p>
      </fieldset>
      <button type="submit" className="btn-primary w-full" disabled={isPending}>
        {isPending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
