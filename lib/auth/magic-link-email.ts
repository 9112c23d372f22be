// The sign-in email in the reader's language: plain text plus a simple HTML version with one clear button.
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { Locale } from '@/lib/i18n/config';

const messages = { en, ja } as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function buildMagicLinkEmail(params: { url: string; host: string; locale: Locale; expiresInHours: number }) {
  const t = createTranslator({ locale: params.locale, messages: messages[params.locale], namespace: 'email.magicLink' });
  const subject = t('subject', { host: params.host });
  const text = [
    t('greeting'),
    '',
    t('body', { host: params.host }),
    '',
    params.url,
    '',
    t('expiry', { hours: params.expiresInHours }),
    t('ignore'),
  ].join('\n');
  const url = escapeHtml(params.url);
  const html = `<!doctype html><html lang="${params.locale}"><body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#0f172a;background:#f8fafc;padding:24px">
<div style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">
<p style="font-size:18px;font-weight:600;margin:0 0 16px">Seikyu</p>
<p>${escapeHtml(t('body', { host: params.host }))}</p>
<p style="margin:24px 0"><a href="${url}" style="background:#3f48c0;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(t('button'))}</a></p>
<p style="font-size:13px;color:#475569">${escapeHtml(t('expiry', { hours: params.expiresInHours }))} ${escapeHtml(t('ignore'))}</p>
<p style="font-size:12px;color:#64748b;word-break:break-all">${url}</p>
</div></body></html>`;
  return { subject, text, html };
}
