// The browser gets no message catalogue and no message formatter: next-intl's client provider and hooks cost
// every page ~15 kB gzip of first-load JavaScript (the usage page's budget is 150 kB, npm run measure:first-load).
// Server components translate with `getTranslations`; client components take their labels as props (raw
// templates filled with lib/i18n/fill-template.ts when a value is known only in the browser).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const CLIENT_ONLY_EXPORTS = ['NextIntlClientProvider', 'IntlProvider', 'useTranslations', 'useLocale', 'useFormatter', 'useMessages', 'useNow', 'useTimeZone', 'useExtracted'];

/** What in `source` would put next-intl's client runtime in the browser bundle. */
function clientIntlImports(source: string): string[] {
  const found: string[] = [];
  const isClientModule = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(source);
  for (const m of source.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+['"]((?:next-intl|use-intl)(?:\/[^'"]*)?)['"]/g)) {
    const [, typeOnly, names, specifier] = m;
    if (typeOnly) continue;
    // A client module may import nothing from next-intl (even createTranslator brings the formatter along).
    if (isClientModule) found.push(`${specifier} in a 'use client' module`);
    // Anywhere else: no hooks or client provider (a server component rendering the provider ships it too).
    else if (specifier !== 'next-intl/server') for (const name of CLIENT_ONLY_EXPORTS) if (new RegExp(`\\b${name}\\b`).test(names)) found.push(`${name} from ${specifier}`);
  }
  return found;
}

describe('next-intl stays on the server', () => {
  it("no module in app/, components/ or lib/ imports next-intl's client hooks or provider", () => {
    const files = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(join(root, dir)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => clientIntlImports(readFileSync(file, 'utf8')).map((what) => `${relative(root, file)}: ${what}`));
    expect(offenders, 'pass labels as props from the server component (getTranslations) instead').toEqual([]);
  });

  it('recognizes what it forbids, and lets server code format messages', () => {
    expect(clientIntlImports(`'use client';\nimport { useTranslations } from 'next-intl';`)).toEqual(["next-intl in a 'use client' module"]);
    expect(clientIntlImports(`// Why.\n'use client';\nimport { createTranslator } from 'next-intl';`)).toHaveLength(1);
    expect(clientIntlImports(`import { NextIntlClientProvider } from 'next-intl';`)).toEqual(['NextIntlClientProvider from next-intl']);
    expect(clientIntlImports(`import {\n  useLocale,\n  useTranslations,\n} from 'next-intl';`)).toHaveLength(2);
    expect(clientIntlImports(`import { getTranslations } from 'next-intl/server';\nimport { createTranslator } from 'next-intl';`)).toEqual([]);
    expect(clientIntlImports(`'use client';\nimport type { Locale } from 'next-intl';`)).toEqual([]);
  });
});
