// Which document URLs the portal fetches server-side. Pure.

/**
 * Whether a document URL from the mirror may be fetched server-side: only Stripe's own document hosts (or the
 * emulator's origin), over the expected scheme. Anything else is refused so a bad mirror row cannot turn the
 * route into a proxy to arbitrary hosts.
 */
export function isAllowedDocumentUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  return allowedOrigins.includes(parsed.origin);
}
