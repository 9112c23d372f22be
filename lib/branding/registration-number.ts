// The qualified-invoice registration number (適格請求書発行事業者登録番号) as typed, in its one canonical form:
// half-width "T" and 13 digits. Operators copy it from the NTA's notice or site, often in full-width characters
// (Ｔ１２３…) or grouped with hyphens or spaces (T1-2345-6789-0123). Pure.
//
// Only the form is checked (lib/branding/settings.ts REGISTRATION_NUMBER_PATTERN), not a check digit: a company's
// number is T + its 法人番号, whose first digit is a check digit, but a sole proprietor's 13 digits are a number
// of the NTA's own, and the NTA publishes no check scheme for those; a check would refuse real numbers.

/** Hyphens and dashes people type between the groups, the long-vowel mark an IME gives for "-" among them. */
const SEPARATORS = /[\s\-‐‑‒–—―−ー]/g;

export function normalizeRegistrationNumber(text: string): string {
  return text.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}
