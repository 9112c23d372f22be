'use client';
// The actions a quote's status allows (the server decides which, and checks again): finalize and cancel ask for
// confirmation; send and duplicate run at once. `attempt` comes with each render, so a double click duplicates once.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { manageQuoteAction } from '@/lib/actions/admin/manage-quote';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export type QuoteAction = 'finalize' | 'send' | 'cancel' | 'duplicate';

type Labels = Record<QuoteAction | 'confirmFinalize' | 'confirmCancel' | 'confirm' | 'back' | 'sent' | 'duplicate_sent' | 'done', string>;

export function QuoteActionsForm(props: { quoteId: string; attempt: string; actions: QuoteAction[]; labels: Labels }) {
  const { labels } = props;
  const router = useRouter();
  const manage = useAction(manageQuoteAction);
  const hydrated = useHydrated();
  const step = useConfirmStep<'finalize' | 'cancel'>();
  const pending = step.asking;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  async function run(action: QuoteAction) {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const input =
        action === 'duplicate' ? { action, quoteId: props.quoteId, attempt: props.attempt } : { action, quoteId: props.quoteId };
      const result = await manage.executeAsync(input);
      if (result?.serverError) setError(result.serverError.error);
      else if (!result?.data) setError(labels.back);
      else if (action === 'duplicate') router.push(`/admin/quotes/${result.data.quoteId}`);
      else {
        setNotice(action === 'send' ? (result.data.outcome === 'duplicate' ? labels.duplicate_sent : labels.sent) : labels.done);
        step.close();
        router.refresh();
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="quote-actions">
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="alert-info" role="status">
          {notice}
        </p>
      ) : null}
      {pending ? (
        <ConfirmStep
          question={pending === 'finalize' ? labels.confirmFinalize : labels.confirmCancel}
          confirmLabel={labels.confirm}
          backLabel={labels.back}
          pending={busy}
          onConfirm={() => void run(pending)}
          onBack={step.close}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          {props.actions.map((action) => (
            <button
              key={action}
              ref={action === 'finalize' || action === 'cancel' ? step.openerRef(action) : undefined}
              type="button"
              className={action === 'finalize' || action === 'send' ? 'btn-primary' : 'btn-secondary'}
              disabled={busy || !hydrated}
              onClick={() => (action === 'finalize' || action === 'cancel' ? step.ask(action) : run(action))}
            >
              {labels[action]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
