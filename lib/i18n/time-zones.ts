// Which time zone a date is shown in. The rule: a page or an email about one organization shows its dates in that
// organization's time zone (organizations.time_zone), whatever the reader's language, so an invoice "due Dec 7"
// is due on the same day in English and in Japanese and on the day the company's billing means. Pages about no
// single organization (the operators' lists across customers, the dev mailbox) use the reader's language's zone.
// A payee's own page is about that payee: it uses the payee's country's zone (timeZoneOfPayee, lib/connect).
// PDFs are the exception on purpose: lib/documents dates them in Japan time (qualified-invoice documents).
import { defaultLocale, isLocale, timeZoneFor } from './config';
import { cachedFormatter } from './format';

/**
 * The zone to format in: the organization's when the page or email is about one, else the reader's language's.
 * `organization` is null for a prospect's quote and for notifications without an organization.
 */
export function displayTimeZone(locale: string, organization: { timeZone: string } | null | undefined): string {
  return organization?.timeZone ?? timeZoneFor[isLocale(locale) ? locale : defaultLocale];
}

// ICU's canonical zone list; "UTC" (the column's default) is an alias ICU leaves out, so it is added by name.
const zones: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const zoneSet = new Set(zones);

/** Every zone an organization may choose, UTC first then by IANA name. */
export function selectableTimeZones(): readonly string[] {
  return zones;
}

export function isSelectableTimeZone(value: unknown): value is string {
  return typeof value === 'string' && zoneSet.has(value);
}

/**
 * A zone as people name it in `locale`: 「日本標準時」 / "Japan Standard Time", "Eastern Time"; UTC as UTC. Pages say
 * which zone their dates are in with this, not with the IANA id ("Asia/Tokyo").
 */
export function timeZoneLabel(timeZone: string, locale: string): string {
  // One formatter per zone and language for the process (building one loads the zone's rules).
  return zoneName(timeZone, locale, () => cachedFormatter(`zone-name|${locale}|${timeZone}`, () => zoneNameFormatter(timeZone, locale)));
}

/** The zone's name with its id, for people who set it by id: 日本標準時（Asia/Tokyo）, "Eastern Time (America/New_York)". */
export function timeZoneLabelWithId(timeZone: string, locale: string): string {
  return withId(timeZoneLabel(timeZone, locale), timeZone, locale);
}

const zoneOptions = new Map<string, readonly { id: string; label: string }[]>();
/**
 * Every selectable zone with its name and id in `locale`, built once per language for the process: the ~420
 * formatters it needs are not kept (they would crowd the shared formatter cache out).
 */
export function selectableTimeZoneOptions(locale: string): readonly { id: string; label: string }[] {
  let options = zoneOptions.get(locale);
  if (!options) {
    options = zones.map((id) => ({ id, label: withId(zoneName(id, locale, () => zoneNameFormatter(id, locale)), id, locale) }));
    zoneOptions.set(locale, options);
  }
  return options;
}

function zoneNameFormatter(timeZone: string, locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' });
}

function zoneName(timeZone: string, locale: string, formatter: () => Intl.DateTimeFormat): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return locale === 'ja' ? '協定世界時（UTC）' : 'UTC';
  try {
    const name = formatter().formatToParts(new Date(0)).find((part) => part.type === 'timeZoneName')?.value;
    // ICU falls back to an offset ("GMT+05:45") for zones it has no name for: the id says more.
    return name && !/^GMT[+-]/.test(name) ? name : timeZone;
  } catch {
    return timeZone;
  }
}

function withId(name: string, timeZone: string, locale: string): string {
  if (name.includes(timeZone)) return name;
  return locale === 'ja' ? `${name}（${timeZone}）` : `${name} (${timeZone})`;
}
