'use client';
// The organization's time zone: the day its dates are shown in, in every language and in its emails.
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { setOrganizationTimeZoneAction } from '@/lib/actions/organizations/set-time-zone';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';

export type TimeZoneFormLabels = { timeZone: string; save: string; saved: string };

export function TimeZoneForm(props: { organizationId: string; timeZone: string; zones: readonly { id: string; label: string }[]; readOnly: boolean; labels: TimeZoneFormLabels }) {
  const id = useId();
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const { execute, isPending, hasSucceeded, result } = useAction(setOrganizationTimeZoneAction);
  const hydrated = useHydrated();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid="time-zone-form"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ organizationId: props.organizationId, timeZone });
      }}
    >
      <div>
        <label className="label" htmlFor={`${id}-time-zone`}>
          {props.labels.timeZone}
        </label>
        <select id={`${id}-time-zone`} name="timeZone" className="input" value={timeZone} disabled={props.readOnly} onChange={(e) => setTimeZone(e.target.value)}>
          {props.zones.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.label}
            </option>
          ))}
        </select>
      </div>
      {props.readOnly ? null : (
        <button type="submit" className="btn-secondary" disabled={isPending || !hydrated}>
          {props.labels.save}
        </button>
      )}
      <FormOutcome success={hasSucceeded ? props.labels.saved : null} error={result.serverError?.error} className="w-full" />
    </form>
  );
}
