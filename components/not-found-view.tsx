'use client';
// The 404 page's body (app/not-found.tsx), for every route, including another organization's pages and /admin for
// customers. A client component with its labels from the root layout (components/i18n/boundary-labels.tsx): Next
// renders the not-found boundary with every page view, so it must cost nothing until it is shown. Its header is
// the wordmark alone (home); the language follows the visitor's setting as everywhere.
import Link from 'next/link';
import { useBoundaryLabels } from '@/components/i18n/boundary-labels';
import { Logo } from '@/components/logo';

export function NotFoundView() {
  const labels = useBoundaryLabels();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-content items-center px-4 py-3 sm:px-6">
          <Link href="/" className="no-underline hover:no-underline" aria-label="Seikyu">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2">{labels.notFoundTitle}</h1>
        <p className="mx-auto mt-2 max-w-md text-slate-600">{labels.notFoundBody}</p>
        <p className="mt-6">
          <Link href="/" className="btn-primary">
            {labels.goHome}
          </Link>
        </p>
      </main>
    </>
  );
}
