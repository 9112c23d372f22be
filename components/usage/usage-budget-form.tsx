'use client';
// A meter's budget for each period and the percentages of it that send an email. The server checks the role,
// the meter and the numbers again; nothing here is trusted.
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { removeUsageBudgetAction } from '@/lib/actions/usage/remove-usage-budget';
import { saveUsageBudgetAction } from '@/lib/actions/usage/save-usage-budget';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';

export function UsageBudgetForm(props: {
  organizationId: string;
  meter: string;
  current: { budget: number; thresholds: number[] } | null;
  labels: { budget: string; thresholds: string; thresholdsHelp: string; save: string; remove: string; saved: string; removed: string };
}) {
  const [budget, setBudget] = useState(props.current ? String(props.current.budget) : '');
  const [thresholds, setThresholds] = useState(props.current ? props.current.thresholds.join(', ') : '80, 100');
  const save = useAction(saveUsageBudgetAction);
  const remove = useAction(removeUsageBudgetAction);
  const hydrated = useHydrated();
  const error = save.result.serverError ?? remove.result.serverError;
  const validation = save.result.validationErrors;
  const idBase = `budget-${props.meter}`;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid={`${idBase}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        save.execute({ organizationId: props.organizationId, meter: props.meter, budget: Number(budget), thresholds });
      }}
    >
      <div>
        <label className="label" htmlFor={`${idBase}-amount`}>
          {props.labels.budget}
        </label>
        <input
          id={`${idBase}-amount`}
          className="input w-36"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          required
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
        />
      </div>
      <div>
        <label className="label" htmlFor={`${idBase}-thresholds`}>
          {props.labels.thresholds}
        </label>
        <input
          id={`${idBase}-thresholds`}
          className="input w-36"
          required
          value={thresholds}
          aria-describedby={`${idBase}-help`}
          onChange={(e) => setThresholds(e.target.value)}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={save.isPending || !hydrated}>
        {props.labels.save}
      </button>
      {props.current ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={remove.isPending || !hydrated}
          onClick={() => remove.execute({ organizationId: props.organizationId, meter: props.meter })}
        >
          {props.labels.remove}
        </button>
      ) : null}
      <p id={`${idBase}-help`} className="w-full text-xs text-slate-600">
        {props.labels.thresholdsHelp}
      </p>
      <FormOutcome
        success={save.hasSucceeded ? props.labels.saved : remove.hasSucceeded ? props.labels.removed : null}
        error={error || validation ? (error?.error ?? props.labels.thresholdsHelp) : null}
        className="w-full"
      />
    </form>
  );
}
