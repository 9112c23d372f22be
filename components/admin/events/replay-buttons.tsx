'use client';
// Replay one ledger event, or every failed one (admins). Processing is idempotent, so a replay of an event that
// already applied changes nothing; the page shows the new status after.
import { useAction } from 'next-safe-action/hooks';
import { replayEventAction, replayFailedEventsAction } from '@/lib/actions/admin/replay-events';
import { useHydrated } from '@/components/ui/use-hydrated';

function ErrorText({ error }: { error?: { error: string } }) {
  return error ? (
    <p className="field-error" role="alert">
      {error.error}
    </p>
  ) : null;
}

/** `outcomeLabels`: the processing outcomes in the operator's language (processed, failed, ignored…). */
export function ReplayEventButton({ eventId, label, replayedLabel, outcomeLabels }: { eventId: string; label: string; replayedLabel: string; outcomeLabels: Record<string, string> }) {
  const { execute, isPending, result } = useAction(replayEventAction);
  const hydrated = useHydrated();
  return (
    <div>
      <button type="button" className="btn-secondary py-1 text-xs" disabled={isPending || !hydrated} onClick={() => execute({ eventId })} data-testid="replay-event">
        {label}
      </button>
      {result.data ? (
        <p className="text-xs text-slate-600" role="status">
          {replayedLabel.replace('{outcome}', outcomeLabels[result.data.outcome] ?? result.data.outcome)}
        </p>
      ) : null}
      <ErrorText error={result.serverError} />
    </div>
  );
}

export function ReplayFailedButton({ label, doneLabel }: { label: string; doneLabel: string }) {
  const { execute, isPending, result } = useAction(replayFailedEventsAction);
  const hydrated = useHydrated();
  const data = result.data;
  return (
    <div>
      <button type="button" className="btn-primary" disabled={isPending || !hydrated} onClick={() => execute({})} data-testid="replay-failed">
        {label}
      </button>
      {data ? (
        <p className="text-xs text-slate-600" role="status">
          {doneLabel.replace('{processed}', String(data.processed)).replace('{failed}', String(data.failed)).replace('{ignored}', String(data.ignored))}
        </p>
      ) : null}
      <ErrorText error={result.serverError} />
    </div>
  );
}
