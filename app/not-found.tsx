// 404 for every route: the tab's title, in the reader's language, and the page (components/not-found-view.tsx, a
// client component, see there why). Next resolves this metadata only when a 404 is rendered, not with every view.
import type { Metadata } from 'next';
import { NotFoundView } from '@/components/not-found-view';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default function NotFound() {
  return <NotFoundView />;
}
