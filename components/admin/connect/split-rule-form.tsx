'use client';
// The split rule of one price: per payee role a fixed amount (major units) or a percentage; an empty value leaves
// the role out. The server parses and checks it (never more than the price).
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { saveSplitRuleAction } from '@/lib/actions/admin/save-split-rule';
import { PAYEE_ROLES, type PayeeRole } from '@/lib/connect/payee-roles';

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
  invalidInput: string;
};

export function SplitRuleForm(props: { priceId: string; current: SplitRuleFormShare[]; labels: SplitRuleLabels }) {
  const { labels } = props;
  const router = useRouter();
  const save = useAction(saveSplitRuleAction);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      data-testid={`split-rule-${props.priceId}`}
      action={async (form) => {
        setError(null);
        setSaved(false);
        const shares = PAYEE_ROLES.map((role) => ({
          role,
          kind: (form.get(`${role}-kind`) === 'percent' ? 'percent' : 'fixed') as 'fixed' | 'percent',
          value: String(form.get(`${role}-value`) ?? '').trim(),
        })).filter((s) => s.value !== '');
        if (shares.length === 0) {
          setError(labels.invalidInput);
          return;
        }
        const result = await save.executeAsync({ scope: 'price', targetId: props.priceId, shares });
        if (result?.serverError) setError(result.serverError.error);
        else if (result?.validationErrors) setError(labels.invalidInput);
        else {
          setSaved(true);
          router.refresh();
        }
      }}
    >
      {PAYEE_ROLES.map((role) => {
        const current = props.current.find((s) => s.role === role);
        return (
          <fieldset key={role} className="rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-medium">{labels.shares[role].legend}</legend>
            <label className="sr-only" htmlFor={`${props.priceId}-${role}-kind`}>
              {labels.kind}
            </label>
            <select id={`${props.priceId}-${role}-kind`} name={`${role}-kind`} className="input mb-2" defaultValue={current?.kind ?? 'fixed'}>
              <option value="fixed">{labels.fixed}</option>
              <option value="percent">{labels.percent}</option>
            </select>
            <label className="sr-only" htmlFor={`${props.priceId}-${role}-value`}>
              {labels.shares[role].value}
            </label>
            <input
              id={`${props.priceId}-${role}-value`}
              name={`${role}-value`}
              inputMode="decimal"
              className="input"
              placeholder="—"
              aria-describedby={`${props.priceId}-hint`}
              defaultValue={current?.value ?? ''}
            />
          </fieldset>
        );
      })}
      <p id={`${props.priceId}-hint`} className="text-xs text-slate-600 sm:col-span-3">
        {labels.notInRule}
      </p>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <button type="submit" className="btn-secondary" disabled={save.isExecuting}>
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
