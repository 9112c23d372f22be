'use client';
// The 404 page's body (app/not-found.tsx), for every route, including another organization's pages and /admin for
// customers. A client component with its labels from the root layout (components/i18n/boundary-labels.tsx): Next
// renders the not-found boundary with every page view, so it must cost nothing until it is shown. The frame
// (components/not-found-frame.tsx) has the wordmark alone (home); the language follows the visitor's setting as
// everywhere.
import Link from 'next/link';
import { useBoundaryLabels } from '@/components/i18n/boundary-labels';
import { NotFoundFrame } from '@/components/not-found-frame';

export function NotFoundView() {
  const labels = useBoundaryLabels();
  return (
    <NotFoundFrame title={labels.notFoundTitle} body={labels.notFoundBody}>
      <Link href="/" className="btn-primary">
        {labels.goHome}
      </Link>
    </NotFoundFrame>
  );
}
