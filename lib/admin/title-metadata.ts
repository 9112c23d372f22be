// The tab title of an operators' page. It asks the admin layout's question first (an operator; the lookup is
// cached per request): a signed-in customer who opens an admin address gets the 404's title ("Page not found"),
// not the title of the page they may not see.
import type { Metadata } from 'next';
import { requireOperator } from '@/lib/auth/session';
import { getTranslations } from '@/lib/i18n/server';

/** `generateMetadata` for an operators' page whose title is one translated string. */
export function operatorTitleMetadata(namespace: string, key = 'title'): () => Promise<Metadata> {
  return async () => {
    await requireOperator();
    const t = await getTranslations(namespace);
    return { title: t(key) };
  };
}
