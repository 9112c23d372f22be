// 404 of a quote link: the quote does not exist, or it was sent to another address than the one signed in. A quote
// email opened while signed in as someone else lands here, so the page says which address is signed in and offers
// signing out, rather than the generic "does not exist" (which confirms nothing about the quote either way).
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Logo } from '@/components/logo';
import { getCurrentUser } from '@/lib/auth/session';

export default async function QuoteNotFound() {
  const [t, tCommon, user] = await Promise.all([getTranslations('quotes.notFound'), getTranslations('common'), getCurrentUser()]);
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-content items-center px-4 py-3 sm:px-6">
          <Link href="/" className="no-underline hover:no-underline" aria-label="Seikyu">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6" data-testid="quote-not-found">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2">{t('title')}</h1>
        <p className="mx-auto mt-2 max-w-md text-slate-600">{user ? t('bodySignedIn', { email: user.email }) : t('body')}</p>
        <div className="mt-6 flex justify-center">{user ? <SignOutButton label={tCommon('signOut')} /> : null}</div>
      </main>
    </>
  );
}
