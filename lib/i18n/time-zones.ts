// Which time zone a date is shown in. The rule: a page or an email about one organization shows its dates in that
// organization's time zone (organizations.time_zone), whatever the reader's language, so an invoice "due Dec 7"
// is due on the same day in English and in Japanese and on the day the company's billing means. Pages about no
// single organization (the operators' lists across customers, the dev mailbox) use the reader's language's zone.
// A payee's own page is about that payee: it uses the payee's country's zone (timeZoneOfPayee, lib/connect).
// PDFs are the exception on purpose: lib/documents dates them in Japan time (qualified-invoice documents).
import { defaultLocale, isLocale, timeZoneFor } from './config';
import { cachedFormatter, parenthetical } from './format';

/**
 * The zone to format in: the organization's when the page or email is about one, else the reader's language's.
 * `organization` is null for a prospect's quote and for notifications without an organization.
 */
export function displayTimeZone(locale: string, organization: { timeZone: string } | null | undefined): string {
  return organization?.timeZone ?? timeZoneFor[isLocale(locale) ? locale : defaultLocale];
}

// ICU lists some zones under names the IANA database has since replaced (a city renamed or respelled, a zone moved
// under its country): people look for Asia/Kolkata, not Asia/Calcutta. The list offers the current name; the old
// one stays accepted, since an organization may have saved it, and both name the same rules for Intl.
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The zone's current IANA name: "Asia/Kolkata" for ICU's "Asia/Calcutta"; any other id as it is. */
export function currentTimeZoneId(timeZone: string): string {
  return RENAMED[timeZone] ?? timeZone;
}

// ICU's zone list under current names, sorted again since a new name sorts elsewhere; "UTC" (the column's
// default) is an alias ICU leaves out, so it is added by name, first.
const zones: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').map(currentTimeZoneId).sort()];
const accepted = new Set([...zones, ...Object.keys(RENAMED)]);

/** Every zone an organization may choose, UTC first then by IANA name. */
export function selectableTimeZones(): readonly string[] {
  return zones;
}

/** Whether `value` names a zone an organization may choose (under its current name or the one ICU keeps). */
export function isSelectableTimeZone(value: unknown): value is string {
  return typeof value === 'string' && accepted.has(value);
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

/** The instant zones are named at: recent, fixed so a name does not change with the day the process started. */
const NAMED_AT = new Date(Date.UTC(2026, 0, 1));

function zoneNameFormatter(timeZone: string, locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' });
}

function zoneName(timeZone: string, locale: string, formatter: () => Intl.DateTimeFormat): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return locale === 'ja' ? '協定世界時（UTC）' : 'UTC';
  try {
    // Named as the zone is now: at 1970 ICU names Europe/Kyiv and the Baltic zones "Moscow Standard Time".
    const name = formatter().formatToParts(NAMED_AT).find((part) => part.type === 'timeZoneName')?.value;
    // ICU falls back to an offset ("GMT+05:45") for zones it has no name for: the id says more.
    return name && !/^GMT[+-]/.test(name) ? name : timeZone;
  } catch {
    return timeZone;
  }
}

function withId(name: string, timeZone: string, locale: string): string {
  if (name.includes(timeZone)) return name;
  return `${name}${parenthetical(timeZone, locale)}`;
}
