// Shown on every admin page while webhook events are failing: the mirror may be behind Stripe until they are
// replayed, so operators should know before trusting a page.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { countFailedStripeEvents } from '@/db/queries/events';

export async function FailedEventsBanner() {
  const [count, t] = await Promise.all([countFailedStripeEvents(), getTranslations('backoffice')]);
  if (count === 0) return null;
  return (
    <div className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" role="alert" data-testid="failed-events-banner">
      {t('failingBanner', { count })}{' '}
      <Link href="/admin/events?status=failed" className="font-medium underline">
        {t('failingBannerLink')}
      </Link>
    </div>
  );
}
