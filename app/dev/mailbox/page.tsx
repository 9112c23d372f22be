// GET /dev/mailbox — the built-in mailbox: what the app would have emailed, newest first, links clickable.
// Not found in production unless DEV_MAILBOX_ENABLED is set.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { SiteHeader } from '@/components/site-header';
import { EmptyState } from '@/components/ui/empty-state';
import { listMailboxMessages } from '@/db/queries/mailbox';
import { formatDateTime } from '@/lib/i18n/format';
import { isDevMailboxEnabled } from '@/lib/mail/dev-mailbox';
import { splitTextAndLinks } from '@/lib/mail/extract-links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('mailbox');
  return { title: t('title') };
}

type SearchParams = Promise<{ to?: string | string[] }>;

export default async function DevMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!isDevMailboxEnabled()) notFound();
  const { to: rawTo } = await searchParams;
  const to = typeof rawTo === 'string' && rawTo.trim() ? rawTo.trim().toLowerCase() : undefined;
  const [messages, t, tc, locale, timeZone] = await Promise.all([
    listMailboxMessages({ to, limit: 50 }),
    getTranslations('mailbox'),
    getTranslations('common'),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-content px-4 py-8 sm:px-6">
        <h1>{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('lead')}</p>
        <form role="search" method="get" className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="to" className="label">
              {t('filterLabel')}
            </label>
            <input id="to" name="to" type="email" defaultValue={to ?? ''} className="input" placeholder="you@company.com" />
          </div>
          <button type="submit" className="btn-primary">
            {tc('search')}
          </button>
        </form>
        <div className="mt-6 space-y-4">
          {messages.length === 0 ? <EmptyState title={t('empty')} /> : null}
          {messages.map((message) => (
            <article key={message.id} className="card" aria-labelledby={`m-${message.id}`}>
              <header className="flex flex-col gap-1 border-b border-slate-100 pb-3 sm:flex-row sm:items-baseline sm:justify-between">
                <h2 id={`m-${message.id}`} className="text-base">
                  {message.subject}
                </h2>
                <p className="text-xs text-slate-500">
                  {t('to')}: {message.to} · {t('received')}:{' '}
                  <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, locale, timeZone)}</time>
                </p>
              </header>
              <p className="mt-3 whitespace-pre-wrap break-words text-sm text-slate-800">
                {splitTextAndLinks(message.text).map((part, index) =>
                  part.type === 'link' ? (
                    <a key={index} href={part.value} className="break-all">
                      {part.value}
                    </a>
                  ) : (
                    <span key={index}>{part.value}</span>
                  ),
                )}
              </p>
            </article>
          ))}
        </div>
      </main>
    </>
  );
}
