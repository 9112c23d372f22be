'use client';
// Unexpected errors: a calm message and a retry; details stay in the server log (digest for support).
// Labels come from the root layout (components/i18n/boundary-labels.tsx): an error boundary gets no other props.
import { useBoundaryLabels } from '@/components/i18n/boundary-labels';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const labels = useBoundaryLabels();
  return (
    <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6">
      <h1>{labels.somethingWrong}</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600">{labels.internal}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p> : null}
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {labels.tryAgain}
      </button>
    </main>
  );
}
