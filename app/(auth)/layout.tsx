import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader showSignIn={false} />
      <main id="main" className="mx-auto flex max-w-content justify-center px-4 py-10 sm:py-16">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </>
  );
}
