'use client';
// Retries one failed transfer; the server only retries a row that is still `failed`.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { retryTransferAction } from '@/lib/actions/admin/retry-transfer';
import { useHydrated } from '@/components/ui/use-hydrated';

export type RetryTransferLabels = { retry: string; retried: string; retryFailed: string };

export function RetryTransferButton(props: { transferId: string; labels: RetryTransferLabels }) {
  const router = useRouter();
  const retry = useAction(retryTransferAction);
  const hydrated = useHydrated();
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={retry.isExecuting || !hydrated}
        onClick={async () => {
          setMessage(null);
          const result = await retry.executeAsync({ transferId: props.transferId });
          if (result?.serverError) setMessage({ kind: 'alert', text: result.serverError.error });
          else if (result?.data?.outcome === 'failed') setMessage({ kind: 'alert', text: props.labels.retryFailed });
          else setMessage({ kind: 'status', text: props.labels.retried });
          router.refresh();
        }}
      >
        {props.labels.retry}
      </button>
      {message ? (
        <span role={message.kind} className={message.kind === 'alert' ? 'text-sm text-red-700' : 'text-sm text-green-700'}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
