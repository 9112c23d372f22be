'use client';
// Adds a payee: name, email, role and country (which fixes the currency they are paid in).
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { addPayeeAction } from '@/lib/actions/admin/add-payee';
import { PAYEE_COUNTRIES, PAYEE_ROLES, type PayeeCountry, type PayeeRole } from '@/lib/connect/payee-roles';
import { fillTemplate } from '@/lib/i18n/fill-template';

export type AddPayeeLabels = {
  name: string;
  email: string;
  role: string;
  country: string;
  submit: string;
  /** Raw template with `{name}`. */
  added: string;
  invalidInput: string;
  roles: Record<PayeeRole, string>;
  countries: Record<PayeeCountry, string>;
};

export function AddPayeeForm({ labels }: { labels: AddPayeeLabels }) {
  const router = useRouter();
  const add = useAction(addPayeeAction);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      data-testid="add-payee-form"
      action={async (form) => {
        setError(null);
        setDone(null);
        const result = await add.executeAsync({
          name: String(form.get('name') ?? ''),
          email: String(form.get('email') ?? ''),
          role: String(form.get('role') ?? '') as PayeeRole,
          country: String(form.get('country') ?? '') as PayeeCountry,
        });
        if (result?.serverError) setError(result.serverError.error);
        else if (result?.validationErrors) setError(labels.invalidInput);
        else if (result?.data) {
          setDone(fillTemplate(labels.added, { name: result.data.name }));
          router.refresh();
        }
      }}
    >
      <div>
        <label htmlFor="payee-name" className="label">
          {labels.name}
        </label>
        <input id="payee-name" name="name" required maxLength={200} className="input" autoComplete="off" />
      </div>
      <div>
        <label htmlFor="payee-email" className="label">
          {labels.email}
        </label>
        <input id="payee-email" name="email" type="email" required maxLength={320} className="input" autoComplete="off" />
      </div>
      <div>
        <label htmlFor="payee-role" className="label">
          {labels.role}
        </label>
        <select id="payee-role" name="role" className="input" defaultValue="reading_doctor">
          {PAYEE_ROLES.map((role) => (
            <option key={role} value={role}>
              {labels.roles[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="payee-country" className="label">
          {labels.country}
        </label>
        <select id="payee-country" name="country" className="input" defaultValue="JP">
          {(Object.keys(PAYEE_COUNTRIES) as PayeeCountry[]).map((country) => (
            <option key={country} value={country}>
              {labels.countries[country]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary" disabled={add.isExecuting}>
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
