// `expand[]` handling, applied to every response: each path (`customer`, `data.customer`,
// `latest_invoice.confirmation_secret`) replaces an id with its object or adds an includable field.
// Arrays along the path (list `data`, `items.data`) expand every element, and an array of ids (`discounts`) each id.
import type { ObjectRegistry } from '../core/objects.js';
import { invalidRequest } from './errors.js';

const MAX_DEPTH = 4;

export function applyExpansions(registry: ObjectRegistry, value: unknown, paths: string[]): unknown {
  let result = value;
  // Shorter paths first, so `a` is expanded before `a.b` walks into it.
  const sorted = [...new Set(paths)].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const path of sorted) {
    const parts = path.split('.');
    if (parts.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, { param: 'expand' });
    }
    result = expandPath(registry, result, parts, path);
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expandPath(registry: ObjectRegistry, value: unknown, parts: string[], full: string): unknown {
  if (parts.length === 0 || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => expandPath(registry, v, parts, full));
  if (!isRecord(value)) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  }
  const [field, ...rest] = parts;
  const objectType = typeof value.object === 'string' ? value.object : null;
  // An includable field nested in a plain sub-object (`restrictions.currency_options` on a promotion code).
  if (objectType && rest.length > 0 && typeof value.id === 'string') {
    const nested = registry.includable(objectType, parts.join('.'));
    const holder = value[field];
    if (nested && isRecord(holder)) {
      return { ...value, [field]: setPath(holder, rest, nested({ id: value.id })) };
    }
  }
  const includable = objectType ? registry.includable(objectType, field) : undefined;
  let next: unknown = value[field];
  if (includable && typeof value.id === 'string' && next === undefined) {
    next = includable({ id: value.id });
  } else if (typeof next === 'string') {
    next = lookupOrRefuse(registry, next, full);
  } else if (Array.isArray(next)) {
    // An array of ids (`discounts`): each id becomes its object, as `expand[]=discounts` does at Stripe.
    next = next.map((element: unknown) => (typeof element === 'string' ? lookupOrRefuse(registry, element, full) : element));
  } else if (next === undefined) {
    throw invalidRequest(`This property cannot be expanded (${field}).`, { param: 'expand' });
  }
  return { ...value, [field]: expandPath(registry, next, rest, full) };
}

function lookupOrRefuse(registry: ObjectRegistry, id: string, full: string): unknown {
  const found = registry.lookup(id);
  if (!found) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  return found;
}

function setPath(target: Record<string, unknown>, parts: string[], leaf: unknown): Record<string, unknown> {
  const [head, ...rest] = parts;
  if (rest.length === 0) return { ...target, [head]: leaf };
  const child = target[head];
  return { ...target, [head]: setPath(isRecord(child) ? child : {}, rest, leaf) };
}
