// Next.js configuration. Security headers with a per-request CSP nonce are set in proxy.ts; the static ones
// that never vary are set here too so that assets the proxy skips still carry them.
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native or dynamic requires: loaded by Node at run time, never bundled.
  serverExternalPackages: ['pdfkit', 'postgres', 'nodemailer', '@electric-sql/pglite', 'pg-boss', 'pg', '@react-email/render', 'prettier'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
