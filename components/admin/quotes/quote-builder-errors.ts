// What the quote builder says about input the server refused, field by field in the reader's language: the
// schema's codes (lib/quotes/quote-schemas.ts) become messages quotes.builder.errors; any other refusal names
// its field ("Check “Quantity 2”."). Keys are the fields' paths: `prospectEmail`, `lines.1.quantity`. Pure.
import { fieldMessages } from '@/components/forms/validation-issues';
import { fillTemplate } from '@/lib/i18n/fill-template';

export const QUOTE_BUILDER_ERROR_CODES = [
  'organization_required',
  'prospect_name_required',
  'prospect_email_required',
  'email',
  'quantity',
  'expires_on',
  'days_until_due',
] as const;

/** The codes' sentences, and `invalid`: the raw template naming a `{field}`. */
export type QuoteBuilderErrorMessages = Record<(typeof QUOTE_BUILDER_ERROR_CODES)[number] | 'invalid', string>;

/** The form's labels of the fields a refusal can concern (a line's `price` and `quantity` are numbered from 1). */
export type QuoteBuilderFieldLabels = Record<'organization' | 'prospectName' | 'prospectEmail' | 'locale' | 'lines' | 'price' | 'quantity' | 'promotionCode' | 'expiresOn' | 'header' | 'footer' | 'collection' | 'daysUntilDue' | 'withTrial' | 'forLabel', string>;

function fieldLabel(path: string[], labels: QuoteBuilderFieldLabels): string {
  const [field, index, part] = path;
  if (field === 'lines' && index !== undefined && /^\d+$/.test(index)) return `${part === 'priceId' ? labels.price : labels.quantity} ${Number(index) + 1}`;
  const byField: Record<string, string> = {
    target: labels.forLabel,
    organizationId: labels.organization,
    prospectName: labels.prospectName,
    prospectEmail: labels.prospectEmail,
    locale: labels.locale,
    lines: labels.lines,
    promotionCode: labels.promotionCode,
    expiresOn: labels.expiresOn,
    header: labels.header,
    footer: labels.footer,
    collectionMethod: labels.collection,
    daysUntilDue: labels.daysUntilDue,
    withTrial: labels.withTrial,
  };
  return byField[field ?? ''] ?? labels.forLabel;
}

export function quoteBuilderFieldErrors(validationErrors: unknown, messages: QuoteBuilderErrorMessages, labels: QuoteBuilderFieldLabels): Record<string, string> {
  const { invalid, ...byCode } = messages;
  return fieldMessages(validationErrors, byCode, (path) => fillTemplate(invalid, { field: fieldLabel(path, labels) }));
}
