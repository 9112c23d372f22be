// Header for public pages (landing, sign-in): the wordmark, the language switcher, and sign-in or the portal.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { Logo } from '@/components/logo';
import { getCurrentUser } from '@/lib/auth/session';

export async function SiteHeader({ showSignIn = true }: { showSignIn?: boolean }) {
  const [t, tl, user] = await Promise.all([getTranslations('common'), getTranslations('landing'), getCurrentUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-content items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="no-underline hover:no-underline" aria-label="Seikyu">
          <Logo />
        </Link>
        <div className="flex items-center gap-3">
          <LocaleSwitcher />
          {showSignIn ? (
            user ? (
              <Link href="/app" className="btn-primary">
                {tl('goToPortal')}
              </Link>
            ) : (
              <Link href="/sign-in" className="btn-secondary">
                {t('signIn')}
              </Link>
            )
          ) : null}
        </div>
      </div>
    </header>
  );
}
