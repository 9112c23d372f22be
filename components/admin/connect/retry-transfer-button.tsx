'use client';
// Retries one failed transfer; the server only retries a row that is still `failed`.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { retryTransferAction } from '@/lib/actions/admin/retry-transfer';

export function RetryTransferButton(props: { transferId: string }) {
  const t = useTranslations('connect.transfers');
  const router = useRouter();
  const retry = useAction(retryTransferAction);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={retry.isExecuting}
        onClick={async () => {
          setMessage(null);
          const result = await retry.executeAsync({ transferId: props.transferId });
          if (result?.serverError) setMessage({ kind: 'alert', text: result.serverError.error });
          else if (result?.data?.outcome === 'failed') setMessage({ kind: 'alert', text: t('retryFailed') });
          else setMessage({ kind: 'status', text: t('retried') });
          router.refresh();
        }}
      >
        {t('retry')}
      </button>
      {message ? (
        <span role={message.kind} className={message.kind === 'alert' ? 'text-sm text-red-700' : 'text-sm text-green-700'}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
