// Root layout: the document language follows the interface language; every page is rendered per request so
// the CSP nonce from proxy.ts reaches Next's scripts.
import type { Metadata, Viewport } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { getCspNonce } from '@/components/csp-nonce';
import { BoundaryLabelsProvider, type BoundaryLabels } from '@/components/i18n/boundary-labels';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Seikyu', template: '%s · Seikyu' },
  description: 'Billing portal and back-office on Stripe',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: '#3f48c0', width: 'device-width', initialScale: 1 };

const boundaryLabelKeys = ['somethingWrong', 'internal', 'tryAgain', 'notFoundTitle', 'notFoundBody', 'goHome'] as const;

function boundaryLabels(t: (key: (typeof boundaryLabelKeys)[number]) => string): BoundaryLabels {
  return Object.fromEntries(boundaryLabelKeys.map((key) => [key, t(key)])) as BoundaryLabels;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the nonce makes every route dynamic, which nonce-based CSP requires.
  await getCspNonce();
  const [locale, t, tErrors] = await Promise.all([getLocale(), getTranslations('common'), getTranslations('errors')]);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        {/* No message provider for the browser: client components take their labels as props (see
            lib/i18n/client-hooks.test.ts); only the error and not-found boundaries' labels travel by context. */}
        <BoundaryLabelsProvider labels={boundaryLabels(tErrors)}>{children}</BoundaryLabelsProvider>
      </body>
    </html>
  );
}
