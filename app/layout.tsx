// Root layout: the document language follows the interface language; every page is rendered per request so
// the CSP nonce from proxy.ts reaches Next's scripts.
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getCspNonce } from '@/components/csp-nonce';
import { pickClientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Seikyu', template: '%s · Seikyu' },
  description: 'Billing portal and back-office on Stripe',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: '#3f48c0', width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the nonce makes every route dynamic, which nonce-based CSP requires.
  await getCspNonce();
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations('common'), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        {/* Only what client components translate: see lib/i18n/client-messages.ts. */}
        <NextIntlClientProvider messages={pickClientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
