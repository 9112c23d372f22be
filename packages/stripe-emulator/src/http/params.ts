// Request parameter schemas. Each route declares exactly what it accepts; anything else is rejected by name
// ("Received unknown parameter: address[zip]"), as Stripe does. Values arrive as form strings and are coerced
// here with Stripe's error messages, so handlers receive typed, validated input and never see raw strings.
import type { FormValue } from './form.js';
import { StripeError, invalidRequest, parameterMissing, parameterUnknown } from './errors.js';

export interface Schema<T, R extends boolean = false> {
  readonly required: R;
  /** Human description used in docs and error messages. */
  readonly kind: string;
  parse(value: FormValue, path: string): T;
}

export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;
export type Shape = { readonly [key: string]: Schema<unknown, boolean> };
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Schema<unknown, true> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in Exclude<keyof S, RequiredKeys<S>>]?: Infer<S[K]> }
>;

function schema<T>(kind: string, parse: (value: FormValue, path: string) => T): Schema<T> {
  return { required: false, kind, parse };
}

function emptyError(path: string): StripeError {
  return invalidRequest(
    `You passed an empty string for '${path}'. We assume empty values are an attempt to unset a parameter; ` +
      `however '${path}' cannot be unset. You should remove '${path}' from your request or supply a non-empty value.`,
    { code: 'parameter_invalid_empty', param: path },
  );
}

function expectString(value: FormValue, path: string): string {
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${path} must be a string, not a hash.`, { param: path });
  if (value === '') throw emptyError(path);
  return value;
}

function expectTree(value: FormValue, path: string): { [key: string]: FormValue } {
  if (typeof value === 'string') {
    if (value === '') throw emptyError(path);
    throw invalidRequest(`Invalid object`, { code: 'parameter_invalid_string_object', param: path });
  }
  return value;
}

export function childPath(path: string, key: string): string {
  return path ? `${path}[${key}]` : key;
}

/** Nests a param name under a parent: `nestParam('default_price_data', 'recurring[interval]')` → `default_price_data[recurring][interval]`. */
export function nestParam(parent: string, field: string): string {
  const i = field.indexOf('[');
  return i === -1 ? `${parent}[${field}]` : `${parent}[${field.slice(0, i)}]${field.slice(i)}`;
}

export const p = {
  string(opts: { maxLength?: number } = {}): Schema<string> {
    return schema('string', (value, path) => {
      const s = expectString(value, path);
      if (opts.maxLength !== undefined && s.length > opts.maxLength) {
        throw invalidRequest(`Invalid ${path}: must be at most ${opts.maxLength} characters`, {
          code: 'parameter_invalid_string_too_long',
          param: path,
        });
      }
      return s;
    });
  },

  enumOf<const E extends readonly string[]>(values: E): Schema<E[number]> {
    return schema(`one of ${values.join(', ')}`, (value, path) => {
      const s = expectString(value, path);
      if (!(values as readonly string[]).includes(s)) {
        const list = values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}` : values[0];
        throw invalidRequest(`Invalid ${path}: must be one of ${list}`, { param: path });
      }
      return s as E[number];
    });
  },

  integer(opts: { min?: number; max?: number } = {}): Schema<number> {
    return schema('integer', (value, path) => {
      const s = expectString(value, path);
      if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
        throw invalidRequest(`Invalid integer: ${s}`, { code: 'parameter_invalid_integer', param: path });
      }
      const n = Number(s);
      if (opts.min !== undefined && n < opts.min) {
        throw invalidRequest(`This value must be greater than or equal to ${opts.min}.`, {
          code: 'parameter_invalid_integer',
          param: path,
        });
      }
      if (opts.max !== undefined && n > opts.max) {
        throw invalidRequest(`This value must be less than or equal to ${opts.max}.`, {
          code: 'parameter_invalid_integer',
          param: path,
        });
      }
      return n;
    });
  },

  /** A decimal given as a string (`unit_amount_decimal`); kept as a string to avoid float rounding. */
  decimal(): Schema<string> {
    return schema('decimal string', (value, path) => {
      const s = expectString(value, path);
      if (!/^-?\d+(\.\d{1,12})?$/.test(s)) throw invalidRequest(`Invalid decimal: ${s}`, { param: path });
      return s;
    });
  },

  /** A float (`percent_off`). */
  number(opts: { min?: number; max?: number } = {}): Schema<number> {
    return schema('number', (value, path) => {
      const s = expectString(value, path);
      const n = Number(s);
      if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n)) throw invalidRequest(`Invalid float: ${s}`, { param: path });
      if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
        throw invalidRequest(`Invalid ${path}: must be between ${opts.min ?? '-∞'} and ${opts.max ?? '∞'}`, { param: path });
      }
      return n;
    });
  },

  boolean(): Schema<boolean> {
    return schema('boolean', (value, path) => {
      const s = expectString(value, path);
      if (s === 'true') return true;
      if (s === 'false') return false;
      throw invalidRequest(`Invalid boolean: ${s}`, { code: 'parameter_invalid_boolean', param: path });
    });
  },

  /** Unix seconds. */
  timestamp(): Schema<number> {
    return p.integer({ min: 0 });
  },

  /** Unix seconds or the literal `now` (trial_end, billing_cycle_anchor...). */
  timestampOrNow(): Schema<number | 'now'> {
    return schema('timestamp or now', (value, path) => {
      if (value === 'now') return 'now';
      return p.integer({ min: 0 }).parse(value, path);
    });
  },

  object<const S extends Shape>(shape: S): Schema<ObjectOf<S>> & { readonly shape: S } {
    const parse = (value: FormValue, path: string): ObjectOf<S> => {
      const tree = expectTree(value, path);
      for (const key of Object.keys(tree)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key)) throw parameterUnknown(childPath(path, key));
      }
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const raw = tree[key];
        if (raw === undefined) {
          if (field.required) throw parameterMissing(childPath(path, key));
          continue;
        }
        out[key] = field.parse(raw, childPath(path, key));
      }
      return out as ObjectOf<S>;
    };
    return { required: false, kind: 'object', parse, shape };
  },

  array<T>(item: Schema<T, boolean>, opts: { maxLength?: number } = {}): Schema<T[]> {
    return schema(`array of ${item.kind}`, (value, path) => {
      const tree = expectTree(value, path);
      const keys = Object.keys(tree);
      if (!keys.every((k) => /^\d+$/.test(k))) {
        const bad = keys.find((k) => !/^\d+$/.test(k)) ?? '';
        throw invalidRequest(`Invalid array`, { code: 'parameter_invalid_array', param: childPath(path, bad) });
      }
      const ordered = keys.map(Number).sort((a, b) => a - b);
      if (opts.maxLength !== undefined && ordered.length > opts.maxLength) {
        throw invalidRequest(`Invalid ${path}: must contain at most ${opts.maxLength} elements`, { param: path });
      }
      return ordered.map((i) => item.parse(tree[String(i)], childPath(path, String(i))));
    });
  },

  /**
   * Metadata: `metadata[key]=value`; `metadata[key]=` removes that key; `metadata=` removes every key.
   * Returns null for "clear all", otherwise a map where '' means "unset this key" (see applyMetadata).
   */
  metadata(): Schema<Record<string, string> | null> {
    return schema('metadata', (value, path) => {
      if (value === '') return null;
      const tree = expectTree(value, path);
      const out: Record<string, string> = {};
      const keys = Object.keys(tree);
      if (keys.length > 50) throw invalidRequest('Invalid metadata: must contain at most 50 keys', { param: path });
      for (const key of keys) {
        const v = tree[key];
        if (typeof v !== 'string') throw invalidRequest(`Invalid metadata value for ${key}: must be a string`, { param: childPath(path, key) });
        if (key.length > 40) throw invalidRequest(`Metadata keys can have a maximum length of 40 characters.`, { param: childPath(path, key) });
        if (v.length > 500) throw invalidRequest(`Metadata values can have a maximum length of 500 characters.`, { param: childPath(path, key) });
        out[key] = v;
      }
      return out;
    });
  },

  /** A map of string → T (`currency_options[jpy][unit_amount]`), keys free-form. */
  record<T>(item: Schema<T, boolean>): Schema<Record<string, T>> {
    return schema(`map of ${item.kind}`, (value, path) => {
      const tree = expectTree(value, path);
      const out: Record<string, T> = {};
      for (const key of Object.keys(tree)) out[key] = item.parse(tree[key], childPath(path, key));
      return out;
    });
  },

  /** Accepts '' (what the SDK sends for `null`) to mean "unset": parses to null. */
  emptyable<T>(inner: Schema<T, boolean>): Schema<T | null> {
    return schema(`${inner.kind} or empty`, (value, path) => (value === '' ? null : inner.parse(value, path)));
  },

  required<T>(inner: Schema<T, boolean>): Schema<T, true> {
    return { required: true, kind: inner.kind, parse: inner.parse };
  },

  /** `created` filters: an integer or `{ gt, gte, lt, lte }`. */
  range(): Schema<number | RangeFilter> {
    const rangeObject = p.object({ gt: p.timestamp(), gte: p.timestamp(), lt: p.timestamp(), lte: p.timestamp() });
    return schema('range', (value, path) => (typeof value === 'string' ? p.timestamp().parse(value, path) : rangeObject.parse(value, path)));
  },

  /**
   * A parameter Stripe accepts that the emulator does not implement: rejected with a message saying so,
   * rather than silently ignored.
   */
  unsupported(): Schema<never> {
    return schema('unsupported', (_value, path) => {
      throw invalidRequest(`The Stripe emulator does not implement the parameter '${path}'. Remove it or extend the emulator.`, {
        code: 'parameter_unknown',
        param: path,
      });
    });
  },

  /** An ISO 3166-1 alpha-2 country code (`JP`); returned upper-case. */
  country(): Schema<string> {
    return schema('country code', (value, path) => {
      const s = expectString(value, path);
      if (!/^[A-Za-z]{2}$/.test(s)) {
        throw invalidRequest(`Country '${s}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'. A full list of country codes is available at https://stripe.com/docs/api#country_codes`, {
          code: 'country_code_invalid',
          param: path,
        });
      }
      return s.toUpperCase();
    });
  },

  /** A string or an object: picks by the shape of what arrived. */
  stringOr<T>(object: Schema<T, boolean>): Schema<string | T> {
    return schema(`string or ${object.kind}`, (value, path) => (typeof value === 'string' ? expectString(value, path) : object.parse(value, path)));
  },
};

export interface RangeFilter {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export function matchesRange(value: number, filter: number | RangeFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return value === filter;
  if (filter.gt !== undefined && !(value > filter.gt)) return false;
  if (filter.gte !== undefined && !(value >= filter.gte)) return false;
  if (filter.lt !== undefined && !(value < filter.lt)) return false;
  if (filter.lte !== undefined && !(value <= filter.lte)) return false;
  return true;
}

/** The params every list endpoint accepts (`limit`, `starting_after`, `ending_before`). */
export const listParams = {
  limit: p.integer({ min: 1, max: 100 }),
  starting_after: p.string(),
  ending_before: p.string(),
} as const;

/** Shared address shape (`address[line1]` ...). */
export const addressParams = p.object({
  city: p.emptyable(p.string()),
  country: p.emptyable(p.country()),
  line1: p.emptyable(p.string()),
  line2: p.emptyable(p.string()),
  postal_code: p.emptyable(p.string()),
  state: p.emptyable(p.string()),
});
