// Quotes as stored. The Quote object is kept in its API shape without its includable parts (`line_items`,
// `computed.upfront.line_items`); what a quote was built from (its lines as given, its discount params) lives in
// an internal record beside it, and its line items are stored as LineItem objects (`li_…`) whose includable
// `discounts` and `taxes` sit in a third collection. Everything is recomputed and rewritten while the quote is a
// draft, and frozen from finalization on (so what the customer accepts is what was sent).
import type Stripe from 'stripe';
import { defineCollection } from '../../core/store.js';

export type StoredQuote = Omit<Stripe.Quote, 'line_items'>;
export const quotesCollection = defineCollection<StoredQuote>('quotes');

/** One line as the caller gave it (price_data already turned into an inline price). */
export interface QuoteLineSpec {
  /** The LineItem id (`li_…`), kept while the line stays on the quote (update by `line_items[][id]`). */
  id: string;
  price: string;
  quantity: number;
  /** The line's own tax rates (ids); null: the quote's default_tax_rates apply. */
  tax_rates: string[] | null;
}

/** A quote-level discount as given (exactly one of the three). */
export interface QuoteDiscountSpec {
  coupon?: string;
  promotion_code?: string;
  discount?: string;
}

export interface QuoteSpec {
  /** The quote id. */
  id: string;
  lines: QuoteLineSpec[];
  discounts: QuoteDiscountSpec[];
  /** Ids of the LineItems of the first invoice (`computed.upfront.line_items`), in order. */
  upfront_line_items: string[];
}
export const quoteSpecsCollection = defineCollection<QuoteSpec>('_quote_specs');

/** A LineItem as stored (its includable `discounts` and `taxes` are in `quoteLineDetailsCollection`). */
export type StoredLineItem = Omit<Stripe.LineItem, 'discounts' | 'taxes'>;
export const quoteLineItemsCollection = defineCollection<StoredLineItem>('quote_line_items');

export interface QuoteLineDetails {
  /** The LineItem id. */
  id: string;
  discounts: Stripe.LineItem.Discount[];
  taxes: Stripe.LineItem.Tax[];
}
export const quoteLineDetailsCollection = defineCollection<QuoteLineDetails>('_quote_line_details');

/** Per-customer quote sequence: `QT-<invoice prefix>-<sequence>-<revision>`. */
export interface QuoteNumbering {
  /** The customer id. */
  id: string;
  next: number;
}
export const quoteNumberingCollection = defineCollection<QuoteNumbering>('_quote_numbering');
