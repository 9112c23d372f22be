// Hosted URLs (receipt_url, hosted_invoice_url, invoice_pdf, the 3-D Secure page) are stored with a placeholder
// origin and resolved to the emulator's current public URL when served (API responses, webhook payloads,
// documents), so state saved under one port or host name still links correctly after a restart on another.
// Invariant: nothing the emulator stores holds its own absolute URL; build hosted links with `hostedUrl`.

/** The origin stored in place of the public URL. `.invalid` can never resolve, so a leak is obvious. */
export const PUBLIC_URL_PLACEHOLDER = 'https://stripe-emulator-public-url.invalid';

/** A hosted link as stored: `hostedUrl('/receipts/charges/ch_1')`. */
export function hostedUrl(path: string): string {
  return `${PUBLIC_URL_PLACEHOLDER}${path}`;
}

/** Replaces the placeholder origin in serialised output with the URL the emulator is reached at now. */
export function resolvePublicUrls(text: string, publicUrl: string): string {
  return text.includes(PUBLIC_URL_PLACEHOLDER) ? text.split(PUBLIC_URL_PLACEHOLDER).join(publicUrl) : text;
}
