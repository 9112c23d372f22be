// The rule of lib/i18n/time-zones.ts, checked in the source: pages about one organization and every component
// take the zone from the organization they show (a prop), never the request's zone, which next-intl derives from
// the reader's language. A new page under /orgs/[orgId] that calls getTimeZone() would show English readers a
// different day than Japanese readers for the same invoice.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const child = join(path, name);
    if (statSync(child).isDirectory()) return sourceFiles(child);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [child] : [];
  });
}

/** Pages about one organization or one payee (and what they render); operator-wide lists may use the reader's. */
const organizationScoped = [
  'app/orgs',
  'app/payee',
  'app/quotes',
  'app/admin/customers/[orgId]',
  'app/admin/invoices/[invoiceId]',
  'app/admin/quotes/[quoteId]',
  'components',
];

/** What in `source` formats with the request's (reader's language's) zone. */
function readerZoneUses(source: string): string[] {
  return ['getTimeZone', 'getFormatter', 'useTimeZone', 'useFormatter', 'timeZoneFor'].filter((name) => new RegExp(`\\b${name}\\b`).test(source));
}

describe("dates on an organization's pages", () => {
  it("use the organization's time zone, not the reader's", () => {
    const files = organizationScoped.flatMap((dir) => sourceFiles(join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => readerZoneUses(readFileSync(file, 'utf8')).map((name) => `${relative(root, file)}: ${name}`));
    expect(offenders, "format with organization.timeZone (a prop for components); see lib/i18n/time-zones.ts").toEqual([]);
  });

  it('recognizes the request zone however it is read', () => {
    expect(readerZoneUses(`const [t, timeZone] = await Promise.all([getTranslations('x'), getTimeZone()]);`)).toEqual(['getTimeZone']);
    expect(readerZoneUses(`const format = await getFormatter();`)).toEqual(['getFormatter']);
    expect(readerZoneUses(`formatDate(d, locale, timeZoneFor[locale])`)).toEqual(['timeZoneFor']);
    expect(readerZoneUses(`formatDate(d, locale, organization.timeZone)`)).toEqual([]);
  });
});
