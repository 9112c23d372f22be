'use client';
// Unexpected errors: a calm message and a retry; details stay in the server log (digest for support).
import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6">
      <h1>{t('somethingWrong')}</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600">{t('internal')}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p> : null}
      <button type="button" onClick={reset} className="btn-primary mt-6">
        {t('tryAgain')}
      </button>
    </main>
  );
}
