// The customer's invoice page states the memo written on the invoice (備考), as its PDF and Stripe's do.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { InvoiceMemo } from './invoice-memo';

vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const ja = (await import('@/messages/ja.json')).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'ja', messages: ja, namespace: namespace as never }) };
});

describe('InvoiceMemo', () => {
  it('shows the memo under its heading, line breaks kept', async () => {
    const html = renderToStaticMarkup((await InvoiceMemo({ invoice: { data: { description: ' 発注書 PO-4711 に基づきます。\n担当：山田 ' } } }))!);
    expect(html).toMatch(/<h2 id="memo-title"[^>]*>備考<\/h2>/);
    expect(html).toContain('<p class="mt-2 whitespace-pre-line text-sm text-slate-800">発注書 PO-4711 に基づきます。\n担当：山田</p>');
  });

  it('is absent when the invoice has no memo', async () => {
    expect(await InvoiceMemo({ invoice: { data: { description: null } } })).toBeNull();
    expect(await InvoiceMemo({ invoice: { data: { description: '  ' } } })).toBeNull();
  });
});
