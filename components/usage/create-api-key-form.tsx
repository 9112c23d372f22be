'use client';
// Creates a usage API key and shows the whole key once, with a copy button; after leaving the page only its
// prefix is ever shown again.
import { useAction } from 'next-safe-action/hooks';
import { useId, useRef, useState, type FormEvent } from 'react';
import { createApiKeyAction } from '@/lib/actions/usage/create-api-key';
import { useHydrated } from '@/components/ui/use-hydrated';

export function CreateApiKeyForm(props: {
  organizationId: string;
  labels: { name: string; namePlaceholder: string; submit: string; pending: string; created: string; shownOnce: string; copy: string; copied: string; keyLabel: string };
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [copied, setCopied] = useState(false);
  const { execute, isPending, result } = useAction(createApiKeyAction, {
    onSuccess: () => {
      formRef.current?.reset();
      setCopied(false);
    },
  });
  const id = useId();
  const hydrated = useHydrated();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute({ organizationId: props.organizationId, name: String(new FormData(event.currentTarget).get('name') ?? '') });
  }

  async function copy(key: string) {
    await navigator.clipboard?.writeText(key).catch(() => {});
    setCopied(true);
  }

  const created = result.data;
  return (
    <div className="space-y-3">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" data-testid="create-api-key-form">
        <div>
          <label className="label" htmlFor={`${id}-name`}>
            {props.labels.name}
          </label>
          <input id={`${id}-name`} name="name" className="input" required maxLength={80} placeholder={props.labels.namePlaceholder} autoComplete="off" />
        </div>
        <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
          {isPending ? props.labels.pending : props.labels.submit}
        </button>
      </form>
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      {created ? (
        <div className="alert-info space-y-2" role="status" data-testid="new-api-key">
          <p className="font-medium">{props.labels.created.replace('{name}', created.name)}</p>
          <p className="text-sm">{props.labels.shownOnce}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={`${id}-key`}>
              {props.labels.keyLabel}
            </label>
            <input id={`${id}-key`} className="input font-mono text-sm sm:w-[30rem]" readOnly value={created.key} data-testid="new-api-key-value" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary" onClick={() => void copy(created.key)}>
              {copied ? props.labels.copied : props.labels.copy}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
