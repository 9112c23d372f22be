// What an invoice line says, in its reader's language. Stripe writes the lines a subscription generates in English
// ("5 × Team (at ¥1,200 / month)", "Unused time on Team after 7 Dec 2026"), whatever the customer reads; a Japanese
// page or document would show that sentence under 品目, and an English one would name the quantity twice, in the
// text and in the quantity column beside it. Such lines are described here from the catalogue instead (the price's
// or product's display name in the reader's language, db/catalog-text.ts), with the quantity left to the quantity
// column and a proration's date written as the page writes dates. A line someone wrote (an invoice item an
// operator added) is shown as written, unless it is only its product's name as Stripe writes it (a quote's one-off
// item). A language the portal does not speak reads English. Pure.
import type Stripe from 'stripe';
import { catalogText, type PriceCatalogTexts } from '@/db/catalog-text';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { formatQuantity } from '@/lib/i18n/format';

/**
 * Who wrote the line's text: Stripe, for a subscription's period (`subscription`) or a plan change's proration
 * (`proration`), or a person or program that created an invoice item (`written`).
 */
export type LineOrigin = 'subscription' | 'proration' | 'written';

/** The catalogue's texts for the line's price, from the mirror (null fields when the price is not mirrored). */
export type LineCatalog = PriceCatalogTexts;

export type DescribableLine = {
  /** Stripe's description (English for the lines Stripe generates). */
  description: string | null;
  amount: number;
  quantity: number | null;
  /** For a proration: the date the change took effect (Stripe's line period starts there). */
  periodStart: Date | null;
  origin: LineOrigin;
  catalog: LineCatalog | null;
};

type Parent = Pick<Stripe.InvoiceLineItem, 'parent'>['parent'];

/** The origin of a Stripe invoice line, from its `parent`. */
export function lineOriginOf(line: { parent?: Parent } | null | undefined): LineOrigin {
  const parent = line?.parent;
  if (parent?.subscription_item_details) return parent.subscription_item_details.proration ? 'proration' : 'subscription';
  if (parent?.invoice_item_details?.proration) return 'proration';
  return 'written';
}

/** The origin of a mirrored line, from the Stripe object kept in its `data`. */
export function mirroredLineOrigin(data: unknown): LineOrigin {
  return lineOriginOf(data as { parent?: Parent } | null);
}

const prorationPhrases: Record<Locale, { unused: (item: string, date: string) => string; remaining: (item: string, date: string) => string }> = {
  en: {
    unused: (item, date) => `Unused time on ${item} from ${date}`,
    remaining: (item, date) => `Remaining time on ${item} from ${date}`,
  },
  ja: {
    unused: (item, date) => `未使用分（${date}以降）：${item}`,
    remaining: (item, date) => `残り期間分（${date}以降）：${item}`,
  },
};

/** The price's name for `locale`: its nickname there, the product's name there, then the English ones. */
function itemName(catalog: LineCatalog | null, locale: Locale): string | null {
  if (!catalog) return null;
  return (
    catalogText(catalog.priceMetadata, 'nickname', null, locale) ??
    catalogText(catalog.productMetadata, 'name', null, locale) ??
    catalog.priceNickname ??
    catalog.productName
  );
}

/**
 * The line's text for a reader of `locale`. `date` formats the proration date as the page or document writes
 * dates. Where no quantity column stands beside the text (`withQuantity`), a quantity other than one is named in
 * it ("チーム × 5"). Falls back to Stripe's text when the catalogue does not know the line's price.
 */
export function describeLine(
  line: DescribableLine,
  locale: string,
  date: (value: Date) => string,
  options: { withQuantity?: boolean } = {},
): string | null {
  const language: Locale = isLocale(locale) ? locale : 'en';
  const withQuantity = (item: string) =>
    options.withQuantity && line.quantity !== null && line.quantity !== 1 ? `${item} × ${formatQuantity(line.quantity, language)}` : item;
  if (line.origin === 'written') {
    // Stripe names an item it made from a catalogue price (a quote's one-off line) by its product: that is no
    // one's writing, so it reads in the reader's language as the quote did.
    const product = line.description === null ? null : productNameIn(line.catalog, line.description, language);
    return product ? withQuantity(product) : line.description;
  }
  const itemOnly = itemName(line.catalog, language);
  if (!itemOnly) return line.description;
  const name = withQuantity(itemOnly);
  if (line.origin === 'subscription') return name;
  if (!line.periodStart) return line.description;
  const phrase = prorationPhrases[language];
  return line.amount < 0 ? phrase.unused(name, date(line.periodStart)) : phrase.remaining(name, date(line.periodStart));
}

/** A mirrored line (stripe_invoice_lines with its catalogue texts): its origin read from the Stripe object it keeps. */
export function describeMirroredLine(
  line: Omit<DescribableLine, 'origin'> & { data: unknown },
  locale: string,
  date: (value: Date) => string,
  options: { withQuantity?: boolean } = {},
): string | null {
  return describeLine({ ...line, origin: mirroredLineOrigin(line.data) }, locale, date, options);
}

/**
 * A quote's line. Stripe names it by its product ("Team"); a reader of another language gets the product's name
 * there. A line whose text is not the product's name was written by someone and stays as written.
 */
export function describeQuoteLine(line: { description: string }, catalog: LineCatalog | null, locale: string): string {
  return productNameIn(catalog, line.description, isLocale(locale) ? locale : 'en') ?? line.description;
}

/** The product's name in `locale` when `description` is its (English) name as Stripe wrote it; else null. */
function productNameIn(catalog: LineCatalog | null, description: string, locale: Locale): string | null {
  if (!catalog || description !== catalog.productName) return null;
  return locale === 'en' ? catalog.productName : catalogText(catalog.productMetadata, 'name', null, locale);
}
