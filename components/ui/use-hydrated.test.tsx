// A button that works only through JavaScript is disabled in the server's HTML, so a click before the page's
// scripts run is not lost (or sent as a plain GET). Once hydrated it is enabled: every e2e journey clicks them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RemindInvoiceButton } from '@/components/admin/receivables/remind-invoice-button';
import { useHydrated } from './use-hydrated';

function Probe() {
  return <span>{useHydrated() ? 'hydrated' : 'server'}</span>;
}

describe('useHydrated', () => {
  it('is false in the server’s HTML', () => {
    expect(renderToStaticMarkup(<Probe />)).toBe('<span>server</span>');
  });

  it('keeps an action button disabled in the server’s HTML', () => {
    const html = renderToStaticMarkup(<RemindInvoiceButton invoiceId="in_1" labels={{ remind: 'Remind', reminded: 'Reminded', alreadyReminded: 'Already' }} />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Remind<\/button>/);
  });
});
