// GET /sign-in/check-email — shown after a magic link was sent.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { isDevMailboxEnabled } from '@/lib/mail/dev-mailbox';
import { mailTransportName } from '@/lib/mail/send-mail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkEmail');
  return { title: t('title') };
}

export default async function CheckEmailPage() {
  const t = await getTranslations('checkEmail');
  const showMailbox = isDevMailboxEnabled() && mailTransportName() === 'dev-mailbox';
  return (
    <div className="card">
      <div aria-hidden="true" className="mb-4 grid h-12 w-12 place-items-center rounded-full bg-brand-50 text-2xl">
        ✉
      </div>
      <h1>{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      <div className="mt-6 flex flex-col gap-2 text-sm">
        {showMailbox ? <Link href="/dev/mailbox">{t('devMailbox')}</Link> : null}
        <Link href="/sign-in">{t('tryAgain')}</Link>
      </div>
    </div>
  );
}
