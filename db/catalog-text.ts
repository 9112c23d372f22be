// Display names of catalogue objects in the viewer's language. The catalogue keeps them itself, as Stripe
// metadata on the product or price (`name_ja`, `description_ja`, `unit_label_ja`, `meter_name`,
// `meter_name_ja`, `nickname_ja`), so a new product needs no code change: the English text is Stripe's own
// field (or the bare metadata key), every other language `<key>_<locale>`, falling back to English. Pure.

/** The fields a catalogue object may carry in several languages, named as their metadata keys. */
export type CatalogTextKey = 'name' | 'description' | 'unit_label' | 'meter_name' | 'nickname';

/** The text for `locale`: `metadata["<key>_<locale>"]` when set, else `fallback` (Stripe's own, English, field). */
export function catalogText(
  metadata: Record<string, string> | null | undefined,
  key: CatalogTextKey,
  fallback: string | null,
  locale: string,
): string | null {
  const localized = metadata?.[`${key}_${locale}`];
  if (typeof localized === 'string' && localized.trim() !== '') return localized;
  return fallback;
}

/**
 * A price's display texts as the mirrored catalogue keeps them (Stripe's English names, other languages in
 * metadata): what an invoice or quote line needs to be named in its reader's language
 * (lib/billing/invoices/line-description.ts). Null fields when the price or product is not mirrored.
 */
export type PriceCatalogTexts = {
  productName: string | null;
  productMetadata: Record<string, string> | null;
  priceNickname: string | null;
  priceMetadata: Record<string, string> | null;
};
