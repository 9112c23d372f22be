'use client';
// Billing details form. Submits with onSubmit (not a form action) so a rejected value stays in the field
// with its error beside it instead of the form being reset.
import { useAction } from 'next-safe-action/hooks';
import { useId, type FormEvent } from 'react';
import { updateBillingDetailsAction } from '@/lib/actions/billing/update-billing-details';
import { useHydrated } from '@/components/ui/use-hydrated';

export type BillingDetailsFormValues = {
  companyName: string;
  billingEmail: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  taxIdType: string;
  taxIdValue: string;
  invoiceLanguage: 'ja' | 'en';
};

type Field = keyof BillingDetailsFormValues;

export type BillingDetailsFormLabels = Record<Field, string> & {
  fieldErrors: Record<Field, string>;
  countries: Record<string, string>;
  taxIdTypes: Record<string, string>;
  noTaxId: string;
  languages: Record<'ja' | 'en', string>;
  optional: string;
  save: string;
  saving: string;
  saved: string;
  address: string;
  taxId: string;
};


export function BillingDetailsForm(props: {
  organizationId: string;
  initial: BillingDetailsFormValues;
  countries: readonly string[];
  taxIdTypes: readonly string[];
  labels: BillingDetailsFormLabels;
  readOnly: boolean;
}) {
  const { execute, isPending, result, hasSucceeded } = useAction(updateBillingDetailsAction);
  const hydrated = useHydrated();
  const id = useId();
  const { labels } = props;
  const errors = result.validationErrors as Partial<Record<Field, { _errors?: string[] }>> | undefined;
  const errorOf = (field: Field) => (errors?.[field]?._errors?.length ? labels.fieldErrors[field] : null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (field: Field) => String(data.get(field) ?? '');
    execute({
      organizationId: props.organizationId,
      companyName: value('companyName'),
      billingEmail: value('billingEmail'),
      line1: value('line1'),
      line2: value('line2'),
      city: value('city'),
      state: value('state'),
      postalCode: value('postalCode'),
      country: value('country') as never,
      taxIdType: value('taxIdType') as never,
      taxIdValue: value('taxIdValue'),
      invoiceLanguage: value('invoiceLanguage') as never,
    });
  }

  const text = (field: Field, options: { type?: string; autoComplete?: string; optional?: boolean } = {}) => {
    const error = errorOf(field);
    return (
      <div>
        <label className="label" htmlFor={`${id}-${field}`}>
          {labels[field]}
          {options.optional ? <span className="font-normal text-slate-500">{labels.optional}</span> : null}
        </label>
        <input
          id={`${id}-${field}`}
          name={field}
          type={options.type ?? 'text'}
          className="input"
          defaultValue={props.initial[field]}
          autoComplete={options.autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${field}-error` : undefined}
          disabled={props.readOnly}
        />
        {error ? (
          <p id={`${id}-${field}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const select = (field: Field, options: { value: string; label: string }[]) => {
    const error = errorOf(field);
    return (
      <div>
        <label className="label" htmlFor={`${id}-${field}`}>
          {labels[field]}
        </label>
        <select
          id={`${id}-${field}`}
          name={field}
          className="input"
          defaultValue={props.initial[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${field}-error` : undefined}
          disabled={props.readOnly}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`${id}-${field}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate data-testid="billing-details-form">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      {hasSucceeded && !isPending ? (
        <p className="alert-info" role="status">
          {labels.saved}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('companyName', { autoComplete: 'organization' })}
        {text('billingEmail', { type: 'email', autoComplete: 'email' })}
      </div>
      <fieldset className="space-y-4">
        <legend className="card-title mb-2">{labels.address}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {select(
            'country',
            props.countries.map((code) => ({ value: code, label: labels.countries[code] ?? code })),
          )}
          {text('postalCode', { autoComplete: 'postal-code' })}
          {text('state', { autoComplete: 'address-level1' })}
          {text('city', { autoComplete: 'address-level2' })}
          {text('line1', { autoComplete: 'address-line1' })}
          {text('line2', { autoComplete: 'address-line2', optional: true })}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="card-title mb-2">{labels.taxId}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {select('taxIdType', [{ value: '', label: labels.noTaxId }, ...props.taxIdTypes.map((type) => ({ value: type, label: labels.taxIdTypes[type] ?? type }))])}
          {text('taxIdValue', { optional: true })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="label">{labels.invoiceLanguage}</legend>
        <div className="flex gap-6">
          {(['ja', 'en'] as const).map((language) => (
            <label key={language} className="flex items-center gap-2 text-sm">
              <input type="radio" name="invoiceLanguage" value={language} defaultChecked={props.initial.invoiceLanguage === language} disabled={props.readOnly} />
              {labels.languages[language]}
            </label>
          ))}
        </div>
      </fieldset>
      {!props.readOnly ? (
        <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
          {isPending ? labels.saving : labels.save}
        </button>
      ) : null}
    </form>
  );
}
