// The page a document download (invoice PDF, receipt) answers with when it fails: HTML in the user's language,
// never a bare JSON 500. A browser opened the link to get a file; it gets a sentence saying what happened and a
// way back. Status: 404 for a document that is not the caller's (or does not exist), 401 without a session,
// 502 when Stripe's document host answered badly or its URL is not one we fetch from (a stale or foreign
// `invoice_pdf`), 503 when the host could not be reached, 500 only for our own faults.
import 'server-only';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { toAppError, type AppError } from '@/lib/errors';
import { defaultLocale, type Locale } from '@/lib/i18n/config';
import { getRequestLocale } from '@/lib/i18n/request';

export type DocumentKind = 'invoice' | 'receipt' | 'creditNote' | 'quote';

const messages = { en, ja } as const;

/** True when the document host could not be reached at all (network error, DNS, timeout), as opposed to a bad answer. */
function isUnreachable(error: AppError): boolean {
  const cause = error.cause;
  return cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError' || cause.name === 'TypeError');
}

function statusFor(error: AppError): number {
  switch (error.code) {
    case 'not_found':
    case 'forbidden':
      return 404;
    case 'unauthenticated':
      return 401;
    case 'stripe_error':
      return isUnreachable(error) ? 503 : 502;
    case 'rate_limited':
      return 503;
    default:
      return 500;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The error page for a failed document download, in the requester's language (English if even that fails). */
export async function documentErrorResponse(error: unknown, params: { kind: DocumentKind; backHref: string }): Promise<Response> {
  const locale: Locale = await getRequestLocale().catch(() => defaultLocale);
  return renderDocumentError(error, { ...params, locale });
}

function renderDocumentError(error: unknown, params: { kind: DocumentKind; locale: Locale; backHref: string }): Response {
  const appError = toAppError(error);
  const status = statusFor(appError);
  const t = createTranslator({ locale: params.locale, messages: messages[params.locale], namespace: 'documentError' });
  const document = t(params.kind);
  const body =
    status === 404 ? t('notFound', { document }) : status === 401 ? t('unauthenticated', { document }) : status >= 502 ? t('unavailable', { document }) : t('failed', { document });
  const html = `<!doctype html>
<html lang="${params.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title'))}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;color:#1a1f36;max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.4rem}a{color:#4f46e5}</style>
</head><body><main>
<h1>${escapeHtml(t('title'))}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(params.backHref)}">${escapeHtml(t(`back.${params.kind}`))}</a></p>
</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(status === 503 ? { 'Retry-After': '60' } : {}),
    },
  });
}

/**
 * A document route's answer: the PDF `render` gives or, when it throws, a page in the user's language with a link
 * back (a browser opened the link for a file: never bare JSON). Errors other than "not found" and "not signed in"
 * are logged under `label`.
 */
export async function documentRoute(label: string, page: { kind: DocumentKind; backHref: string }, render: () => Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[${label}] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, page);
  }
}
