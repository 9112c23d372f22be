'use client';
// The split rule of one price: per payee role a fixed amount (major units) or a percentage; an empty value leaves
// the role out. The server parses and checks it (never more than the price). What was typed is held here and the
// form is submitted by onSubmit, never reset: a refused rule (2,500 and 1,000 of a ¥3,000 price) stays in the
// fields to be corrected.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { saveSplitRuleAction } from '@/lib/actions/admin/save-split-rule';
import { PAYEE_ROLES, type PayeeRole } from '@/lib/connect/payee-roles';
import { useHydrated } from '@/components/ui/use-hydrated';
import { splitRuleFieldErrors } from './connect-form-errors';

export type SplitRuleFormShare = { role: string; kind: 'fixed' | 'percent'; value: string };

/** Formatted on the server: `fixed` names the price's currency, `shares` each role. */
export type SplitRuleLabels = {
  shares: Record<PayeeRole, { legend: string; value: string }>;
  kind: string;
  fixed: string;
  percent: string;
  notInRule: string;
  save: string;
  saved: string;
  /** No role has a value. */
  noShares: string;
  /** Raw template naming a refused `{field}`. */
  checkField: string;
  /** When the server refused something the form has no field for. */
  invalidInput: string;
};

type Share = { kind: 'fixed' | 'percent'; value: string };

export function SplitRuleForm(props: { priceId: string; current: SplitRuleFormShare[]; labels: SplitRuleLabels }) {
  const { labels } = props;
  const router = useRouter();
  const save = useAction(saveSplitRuleAction);
  const hydrated = useHydrated();
  const [shares, setShares] = useState<Record<PayeeRole, Share>>(
    () =>
      Object.fromEntries(
        PAYEE_ROLES.map((role) => {
          const current = props.current.find((s) => s.role === role);
          return [role, { kind: current?.kind ?? 'fixed', value: current?.value ?? '' }];
        }),
      ) as Record<PayeeRole, Share>,
  );
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PayeeRole, string>>>({});
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    setSaved(false);
    const sent = PAYEE_ROLES.map((role) => ({ role, kind: shares[role].kind, value: shares[role].value.trim() })).filter((s) => s.value !== '');
    if (sent.length === 0) {
      setError(labels.noShares);
      return;
    }
    const result = await save.executeAsync({ scope: 'price', targetId: props.priceId, shares: sent });
    if (result?.serverError) setError(result.serverError.error);
    else if (result?.validationErrors) {
      const valueLabels = Object.fromEntries(PAYEE_ROLES.map((role) => [role, labels.shares[role].value])) as Record<PayeeRole, string>;
      const errors = splitRuleFieldErrors(
        result.validationErrors,
        sent.map((s) => s.role),
        labels.checkField,
        valueLabels,
      );
      setFieldErrors(errors);
      if (Object.keys(errors).length === 0) setError(labels.invalidInput);
    } else {
      setSaved(true);
      router.refresh();
    }
  }

  const change = (role: PayeeRole, part: Partial<Share>) => setShares((all) => ({ ...all, [role]: { ...all[role], ...part } }));

  return (
    <form className="grid gap-3 sm:grid-cols-3" data-testid={`split-rule-${props.priceId}`} onSubmit={onSubmit} noValidate>
      {PAYEE_ROLES.map((role) => {
        const id = `${props.priceId}-${role}`;
        const refused = fieldErrors[role];
        return (
          <fieldset key={role} className="rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-medium">{labels.shares[role].legend}</legend>
            <label className="sr-only" htmlFor={`${id}-kind`}>
              {labels.kind}
            </label>
            <select id={`${id}-kind`} name={`${role}-kind`} className="input mb-2" value={shares[role].kind} onChange={(e) => change(role, { kind: e.target.value === 'percent' ? 'percent' : 'fixed' })}>
              <option value="fixed">{labels.fixed}</option>
              <option value="percent">{labels.percent}</option>
            </select>
            <label className="sr-only" htmlFor={`${id}-value`}>
              {labels.shares[role].value}
            </label>
            <input
              id={`${id}-value`}
              name={`${role}-value`}
              inputMode="decimal"
              className="input"
              placeholder="—"
              aria-describedby={refused ? `${id}-error ${props.priceId}-hint` : `${props.priceId}-hint`}
              aria-invalid={refused ? true : undefined}
              value={shares[role].value}
              onChange={(e) => change(role, { value: e.target.value })}
            />
            {refused ? (
              <p id={`${id}-error`} className="field-error">
                {refused}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <p id={`${props.priceId}-hint`} className="text-xs text-slate-600 sm:col-span-3">
        {labels.notInRule}
      </p>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <button type="submit" className="btn-secondary" disabled={save.isExecuting || !hydrated}>
          {labels.save}
        </button>
        {saved ? (
          <span role="status" className="text-sm text-green-700">
            {labels.saved}
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
