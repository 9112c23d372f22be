// 404 of a quote link: the quote does not exist, or it was sent to another address than the one signed in. A quote
// email opened while signed in as someone else lands here, so the page says which address is signed in and offers
// signing out, rather than the generic "does not exist" (which confirms nothing about the quote either way).
import { getTranslations } from '@/lib/i18n/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { NotFoundFrame } from '@/components/not-found-frame';
import { getCurrentUser } from '@/lib/auth/session';

export default async function QuoteNotFound() {
  const [t, tCommon, user] = await Promise.all([getTranslations('quotes.notFound'), getTranslations('common'), getCurrentUser()]);
  return (
    <NotFoundFrame title={t('title')} body={user ? t('bodySignedIn', { email: user.email }) : t('body')} testId="quote-not-found">
      {user ? <SignOutButton label={tCommon('signOut')} /> : null}
    </NotFoundFrame>
  );
}
