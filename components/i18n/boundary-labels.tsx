'use client';
// The error boundary (app/error.tsx) and the not-found page (components/not-found-view.tsx) are client components
// that get no props of ours, so their labels come from the root layout through this context: the one place client
// code needs messages it cannot get as props. (next-intl's client provider did this for every client component at
// ~15 kB gzip on every page.) The not-found page is a client component because Next renders every not-found
// boundary with every page view (the root's, and again for each top-level route group): as a server component it
// was rendered twice per view, with its header and language menu, and serialized into every page.
import { createContext, useContext, type ReactNode } from 'react';

export type BoundaryLabels = {
  somethingWrong: string;
  internal: string;
  tryAgain: string;
  notFoundTitle: string;
  notFoundBody: string;
  goHome: string;
};

// Only seen if a boundary renders outside the root layout; bilingual like app/global-error.tsx.
const fallback: BoundaryLabels = {
  somethingWrong: 'Something went wrong / 問題が発生しました',
  internal: 'Try again in a moment. / しばらくしてからもう一度お試しください。',
  tryAgain: 'Try again / 再試行',
  notFoundTitle: 'Page not found / ページが見つかりません',
  notFoundBody: 'This page does not exist, or you do not have access to it. / このページは存在しないか、アクセスする権限がありません。',
  goHome: 'Go to the home page / ホームへ戻る',
};

const BoundaryLabelsContext = createContext<BoundaryLabels>(fallback);

export function BoundaryLabelsProvider({ labels, children }: { labels: BoundaryLabels; children: ReactNode }) {
  return <BoundaryLabelsContext value={labels}>{children}</BoundaryLabelsContext>;
}

export function useBoundaryLabels(): BoundaryLabels {
  return useContext(BoundaryLabelsContext);
}
