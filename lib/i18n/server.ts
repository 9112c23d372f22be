// Server components' and actions' translations: next-intl's getTranslations, with a shorter path for the
// commonest message with values, plain text with `{name}` placeholders given text or numbers ("View invoice
// {number}"). next-intl formats every message with values through intl-messageformat: it rebuilds the formats
// object, serializes it with the message into a cache key and walks the compiled message, about 20 µs a call,
// and an invoice list asks twelve times per view. For such a message intl-messageformat puts each value in as
// String(value), which is what this does (lib/i18n/server.test.ts compares the two over every message of both
// languages). Everything else (plurals, selects, dates, rich text, a missing key or value) goes to next-intl.
import { cache } from 'react';
import { getTranslations as nextIntlTranslations } from 'next-intl/server';

export type Translator = Awaited<ReturnType<typeof nextIntlTranslations>>;

/** Text and bare `{name}` placeholders only: no ICU syntax (plural, select, formats), quotes, tags or pound signs. */
const PLAIN_TEMPLATE = /^(?:[^{}<>'#|]|\{\w+\})*$/;
const PLACEHOLDER = /\{(\w+)\}/g;
const plainTemplates = new Map<string, boolean>();

function isPlainTemplate(message: string): boolean {
  let plain = plainTemplates.get(message);
  if (plain === undefined) {
    plain = PLAIN_TEMPLATE.test(message);
    // The catalogue bounds the entries; the cap only guards against surprises.
    if (plainTemplates.size < 10_000) plainTemplates.set(message, plain);
  }
  return plain;
}

/** `message` with its placeholders filled, or null when a placeholder has no text or number to fill it. */
function fill(message: string, values: Record<string, unknown>): string | null {
  let complete = true;
  const filled = message.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    complete = false;
    return placeholder;
  });
  return complete ? filled : null;
}

/** `t` with the plain-template path in front; its other methods (rich, markup, raw, has) are next-intl's. */
export function withPlainTemplates(t: Translator): Translator {
  const translate = ((key: string, values?: Record<string, unknown>, formats?: unknown) => {
    if (values && formats === undefined && t.has(key)) {
      const message: unknown = t.raw(key);
      if (typeof message === 'string' && isPlainTemplate(message)) {
        const filled = fill(message, values);
        if (filled !== null) return filled;
      }
    }
    return (t as (key: string, values?: unknown, formats?: unknown) => string)(key, values, formats);
  }) as Translator;
  return Object.assign(translate, { rich: t.rich, markup: t.markup, raw: t.raw, has: t.has });
}

/** next-intl's getTranslations (same namespaces, same request language), once per namespace and request. */
export const getTranslations = cache(async (namespace?: string): Promise<Translator> => withPlainTemplates(await nextIntlTranslations(namespace)));
