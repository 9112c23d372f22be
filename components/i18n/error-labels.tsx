'use client';
// The error boundary (app/error.tsx) is a client component that receives only the error, so its three labels
// come from the root layout through this context: the one place client code needs messages it cannot get as
// props. (next-intl's client provider did this for every client component at ~15 kB gzip on every page.)
import { createContext, useContext, type ReactNode } from 'react';

export type ErrorLabels = { somethingWrong: string; internal: string; tryAgain: string };

// Only seen if the boundary renders outside the root layout; bilingual like app/global-error.tsx.
const fallback: ErrorLabels = {
  somethingWrong: 'Something went wrong / 問題が発生しました',
  internal: 'Try again in a moment. / しばらくしてからもう一度お試しください。',
  tryAgain: 'Try again / 再試行',
};

const ErrorLabelsContext = createContext<ErrorLabels>(fallback);

export function ErrorLabelsProvider({ labels, children }: { labels: ErrorLabels; children: ReactNode }) {
  return <ErrorLabelsContext value={labels}>{children}</ErrorLabelsContext>;
}

export function useErrorLabels(): ErrorLabels {
  return useContext(ErrorLabelsContext);
}
