// The app manifest, checked without a browser or the Dashboard: one customer-detail view, the least permissions
// it needs, and a Content Security Policy that lets the view reach only Seikyu's Stripe App endpoint.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Manifest = {
  id: string;
  permissions: { permission: string; purpose: string }[];
  ui_extension: {
    views: { viewport: string; component: string }[];
    content_security_policy: { 'connect-src': string[] | null; 'image-src': string[] | null; purpose: string };
  };
  constants?: Record<string, string>;
};

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as Manifest;
const manifest = read('stripe-app.json');
const local = read('stripe-app.local.json');

describe('stripe-app.json', () => {
  it('shows one view, CustomerDetailView, on the customer detail page, and that component exists', () => {
    expect(manifest.ui_extension.views).toEqual([{ viewport: 'stripe.dashboard.customer.detail', component: 'CustomerDetailView' }]);
    expect(() => readFileSync(new URL('../src/views/CustomerDetailView.tsx', import.meta.url))).not.toThrow();
    expect(manifest.id).toMatch(/^[a-zA-Z0-9_.-]+$/);
  });

  it('asks only to read customers, with a purpose, and for no write permission', () => {
    expect(manifest.permissions.map((p) => p.permission)).toEqual(['customer_read']);
    for (const permission of manifest.permissions) expect(permission.purpose.length).toBeGreaterThan(20);
    expect(manifest.permissions.some((p) => p.permission.endsWith('_write'))).toBe(false);
  });

  it.each([
    ['stripe-app.json', manifest],
    ['stripe-app.local.json', local],
  ])("%s lets the view connect only to Seikyu's /api/stripe-app/ path on SEIKYU_URL, says why, and loads no images", (_file, m) => {
    const csp = m.ui_extension.content_security_policy;
    const seikyuUrl = m.constants!.SEIKYU_URL!;
    expect(csp['connect-src']).toEqual([`${seikyuUrl}/api/stripe-app/`]);
    for (const source of csp['connect-src']!) {
      const url = new URL(source);
      // Path-qualified (Stripe requires a path; a bare origin would open the whole server) and no wildcards.
      expect(url.pathname).toBe('/api/stripe-app/');
      expect(source).not.toContain('*');
      expect(url.search + url.hash).toBe('');
    }
    expect(csp['image-src']).toBeNull();
    expect(csp.purpose).toMatch(/Seikyu/);
  });

  it('uses https for the production manifest; plain http only for localhost in the local one', () => {
    expect(new URL(manifest.constants!.SEIKYU_URL!).protocol).toBe('https:');
    expect(new URL(local.constants!.SEIKYU_URL!).hostname).toBe('localhost');
  });
});
