// Header for public pages (landing, sign-in, a quote): the wordmark, the language switcher, and sign-in or the portal
// (or who is signed in, with sign-out).
// No label wraps inside itself at phone width (Sign/in, 日本/語): the buttons keep one line each, and when they
// do not fit beside the wordmark (a long "Go to your billing portal") they move to a second row.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { Logo } from '@/components/logo';
import { getCurrentUser } from '@/lib/auth/session';

/**
 * `account`: "signed in as" with sign-out instead of the way in (a page opened from an email, such as a quote, where
 * the visitor may need to change address); `showSignIn` false: neither (the sign-in pages themselves).
 */
export async function SiteHeader({ showSignIn = true, account = false }: { showSignIn?: boolean; account?: boolean }) {
  const [t, tl, user] = await Promise.all([getTranslations('common'), getTranslations('landing'), getCurrentUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-content flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="no-underline hover:no-underline" aria-label="Seikyu">
          <Logo />
        </Link>
        <div className="flex items-center gap-2 sm:gap-3">
          <LocaleSwitcher />
          {account && user ? (
            <>
              <span className="hidden max-w-[14rem] truncate text-sm text-slate-600 sm:inline lg:max-w-[28rem]" title={user.email} data-testid="user-email">
                {user.email}
              </span>
              <SignOutButton label={t('signOut')} />
            </>
          ) : showSignIn ? (
            user ? (
              <Link href="/app" className="btn-primary whitespace-nowrap">
                {tl('goToPortal')}
              </Link>
            ) : (
              <Link href="/sign-in" className="btn-secondary whitespace-nowrap">
                {t('signIn')}
              </Link>
            )
          ) : null}
        </div>
      </div>
    </header>
  );
}
