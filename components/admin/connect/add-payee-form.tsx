'use client';
// Adds a payee: name, email, role and country (which fixes the currency they are paid in). What was typed is held
// here and the form is submitted by onSubmit, never reset: a refused address stays in its field to be corrected,
// marked invalid with the reason beside it and focused (as on the sign-in form). Cleared once the payee is added.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { addPayeeAction } from '@/lib/actions/admin/add-payee';
import { PAYEE_COUNTRIES, PAYEE_ROLES, type PayeeCountry, type PayeeRole } from '@/lib/connect/payee-roles';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { useHydrated } from '@/components/ui/use-hydrated';
import { addPayeeFieldErrors, type AddPayeeErrorMessages, type AddPayeeField } from './connect-form-errors';

export type AddPayeeLabels = {
  name: string;
  email: string;
  role: string;
  country: string;
  submit: string;
  /** Raw template with `{name}`. */
  added: string;
  /** When the server refused something the form has no field for. */
  invalidInput: string;
  errors: AddPayeeErrorMessages;
  roles: Record<PayeeRole, string>;
  countries: Record<PayeeCountry, string>;
};

const empty = { name: '', email: '', role: 'reading_doctor' as PayeeRole, country: 'JP' as PayeeCountry };

export function AddPayeeForm({ labels }: { labels: AddPayeeLabels }) {
  const router = useRouter();
  const add = useAction(addPayeeAction);
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AddPayeeField, string>>>({});
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    setDone(null);
    const result = await add.executeAsync(values);
    if (result?.serverError) setError(result.serverError.error);
    else if (result?.validationErrors) {
      const errors = addPayeeFieldErrors(result.validationErrors, labels.errors, labels);
      setFieldErrors(errors);
      if (Object.keys(errors).length === 0) setError(labels.invalidInput);
    } else if (result?.data) {
      setDone(fillTemplate(labels.added, { name: result.data.name }));
      setValues(empty);
      router.refresh();
    }
  }

  const set = (field: AddPayeeField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const invalid = (field: AddPayeeField) => (fieldErrors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `payee-${field}-error` } : {});
  const fieldError = (field: AddPayeeField) =>
    fieldErrors[field] ? (
      <p id={`payee-${field}-error`} className="field-error">
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <form ref={form} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="add-payee-form" onSubmit={onSubmit} noValidate>
      <div>
        <label htmlFor="payee-name" className="label">
          {labels.name}
        </label>
        <input id="payee-name" name="name" required maxLength={200} className="input" autoComplete="off" value={values.name} onChange={set('name')} {...invalid('name')} />
        {fieldError('name')}
      </div>
      <div>
        <label htmlFor="payee-email" className="label">
          {labels.email}
        </label>
        <input
          id="payee-email"
          name="email"
          type="email"
          required
          maxLength={320}
          className="input"
          autoComplete="off"
          value={values.email}
          onChange={set('email')}
          {...invalid('email')}
        />
        {fieldError('email')}
      </div>
      <div>
        <label htmlFor="payee-role" className="label">
          {labels.role}
        </label>
        <select id="payee-role" name="role" className="input" value={values.role} onChange={set('role')} {...invalid('role')}>
          {PAYEE_ROLES.map((role) => (
            <option key={role} value={role}>
              {labels.roles[role]}
            </option>
          ))}
        </select>
        {fieldError('role')}
      </div>
      <div>
        <label htmlFor="payee-country" className="label">
          {labels.country}
        </label>
        <select id="payee-country" name="country" className="input" value={values.country} onChange={set('country')} {...invalid('country')}>
          {(Object.keys(PAYEE_COUNTRIES) as PayeeCountry[]).map((country) => (
            <option key={country} value={country}>
              {labels.countries[country]}
            </option>
          ))}
        </select>
        {fieldError('country')}
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary" disabled={add.isExecuting || !hydrated}>
          {labels.submit}
        </button>
        {done ? (
          <span role="status" className="text-sm text-green-700">
            {done}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-sm text-red-700">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
