'use client';
// A customer's choice to receive reminder emails (trial end, renewal, card expiry).
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { setEmailRemindersAction } from '@/lib/actions/notifications/set-email-reminders';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';

export function EmailRemindersForm(props: { organizationId: string; enabled: boolean; readOnly: boolean; labels: { enabled: string; save: string; saved: string } }) {
  const [enabled, setEnabled] = useState(props.enabled);
  const { execute, isPending, hasSucceeded, result } = useAction(setEmailRemindersAction);
  const hydrated = useHydrated();
  return (
    <form
      className="flex flex-wrap items-center gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ organizationId: props.organizationId, enabled });
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" checked={enabled} disabled={props.readOnly} onChange={(e) => setEnabled(e.target.checked)} />
        {props.labels.enabled}
      </label>
      {props.readOnly ? null : (
        <button type="submit" className="btn-secondary" disabled={isPending || !hydrated}>
          {props.labels.save}
        </button>
      )}
      <FormOutcome success={hasSucceeded ? props.labels.saved : null} error={result.serverError?.error} />
    </form>
  );
}
