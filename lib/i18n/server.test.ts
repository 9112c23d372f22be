import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it, vi } from 'vitest';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';
import { withPlainTemplates, type Translator } from './server';

type Messages = Record<string, unknown>;

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Messages).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}

const catalogues = { en, ja } as Record<string, Messages>;

function translators(locale: string, onError = vi.fn()) {
  const messages = catalogues[locale]!;
  const original = createTranslator({ locale, messages, timeZone: 'Asia/Tokyo', onError }) as unknown as Translator;
  return { original, fast: withPlainTemplates(original), onError };
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('withPlainTemplates', () => {
  for (const locale of ['en', 'ja']) {
    it(`fills every message of ${locale} exactly as next-intl does, with text and with numbers`, () => {
      const { original, fast } = translators(locale);
      let compared = 0;
      for (const [key, message] of entries(catalogues[locale])) {
        const names = placeholders(message);
        if (names.length === 0) continue;
        for (const value of [(name: string) => `«${name}»`, () => 1234.5, () => 0]) {
          const values = Object.fromEntries(names.map((name) => [name, value(name)]));
          let expected: string;
          try {
            expected = original(key, values);
          } catch {
            continue; // a plural or select that these values do not fit: next-intl's own business
          }
          expect(fast(key, values), `${locale}:${key}`).toBe(expected);
          compared++;
        }
      }
      // The catalogue's plain templates are most of its messages with values.
      expect(compared).toBeGreaterThan(300);
    });
  }

  it('leaves a plural, a missing value, a missing key and rich text to next-intl', () => {
    const messages = {
      n: { plural: '{count, plural, one {# invoice} other {# invoices}}', plain: 'Invoice {number} of {total}', quoted: "Don't pay {amount}", tag: 'Pay <b>{amount}</b>' },
    };
    const onError = vi.fn();
    const original = createTranslator({ locale: 'en', messages, onError }) as unknown as Translator;
    const t = withPlainTemplates(original);
    expect(t('n.plural', { count: 2 })).toBe('2 invoices');
    expect(t('n.plain', { number: 'A-1', total: 3 })).toBe('Invoice A-1 of 3');
    expect(t('n.quoted', { amount: '¥100' })).toBe(original('n.quoted', { amount: '¥100' }));
    expect(t.rich('n.tag', { amount: '¥100', b: (chunks) => `*${String(chunks)}*` })).toEqual(original.rich('n.tag', { amount: '¥100', b: (chunks) => `*${String(chunks)}*` }));
    // A value missing: next-intl reports it and shows its fallback; so does the wrapper (it does not guess).
    onError.mockClear();
    const missingValue = t('n.plain', { number: 'A-1' });
    expect(missingValue).toBe(original('n.plain', { number: 'A-1' }));
    expect(onError).toHaveBeenCalled();
    onError.mockClear();
    expect(t('n.absent', { x: '1' })).toBe('n.absent');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(t.has('n.plain')).toBe(true);
    expect(t.raw('n.plain')).toBe('Invoice {number} of {total}');
  });
});

describe('getTranslations', () => {
  const root = join(import.meta.dirname, '../..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });

  it("is imported from lib/i18n/server everywhere, not from next-intl (so every view takes the short path)", () => {
    const files = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(join(root, dir)));
    const direct = files
      .filter((file) => relative(root, file) !== 'lib/i18n/server.ts')
      .filter((file) => /import\s*\{[^}]*\bgetTranslations\b[^}]*\}\s*from\s*['"]next-intl\/server['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(files.length).toBeGreaterThan(100);
    expect(direct).toEqual([]);
  });
});
