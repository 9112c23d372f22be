// Previous / next links for a list shown a page at a time (server component). `hrefFor` builds the link to a
// page keeping the rest of the query; nothing is rendered for a single page.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export async function Pager(props: { page: number; pages: number; hrefFor: (page: number) => string; label: string; testId?: string }) {
  if (props.pages <= 1) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={props.label} className="mt-4 flex items-center justify-between text-sm" data-testid={props.testId}>
      {props.page > 1 ? (
        <Link href={props.hrefFor(props.page - 1)} className="btn-secondary" rel="prev">
          ← {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{props.label}</span>
      {props.page < props.pages ? (
        <Link href={props.hrefFor(props.page + 1)} className="btn-secondary" rel="next">
          {t('next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
