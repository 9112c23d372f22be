// The frame of a 404 page: the wordmark (home), "404", a title, a sentence and what the visitor can do next. No
// hooks, so the generic 404 (components/not-found-view.tsx, a client component) and a route's own server-rendered
// 404 (a quote link opened as another address) share it.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';

export function NotFoundFrame(props: { title: string; body: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-content items-center px-4 py-3 sm:px-6">
          <Link href="/" className="no-underline hover:no-underline" aria-label="Seikyu">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6" data-testid={props.testId}>
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2">{props.title}</h1>
        <p className="mx-auto mt-2 max-w-md text-slate-600">{props.body}</p>
        <div className="mt-6 flex justify-center">{props.children}</div>
      </main>
    </>
  );
}
