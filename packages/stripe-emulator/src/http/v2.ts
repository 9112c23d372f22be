// Stripe's v2 API conventions (`/v2/...`): JSON request bodies, list pages `{ data, next_page_url,
// previous_page_url }` with an opaque `page` token, and errors `{ error: { type, code, message } }`.
// JSON bodies are turned into the same tree the form parser makes, so v2 routes declare their params with the
// same `p` schemas (numbers and booleans become their string forms, `null` becomes '' — "unset").
import type { FormTree, FormValue } from './form.js';
import { StripeError, invalidRequest } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function toFormValue(value: unknown, path: string): FormValue {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const tree: FormTree = Object.create(null) as FormTree;
    value.forEach((item, i) => {
      tree[String(i)] = toFormValue(item, `${path}[${i}]`);
    });
    return tree;
  }
  if (typeof value === 'object') {
    const tree: FormTree = Object.create(null) as FormTree;
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw invalidRequest(`Received unknown parameter: ${path ? `${path}[${key}]` : key}`, { code: 'parameter_unknown' });
      tree[key] = toFormValue(item, path ? `${path}[${key}]` : key);
    }
    return tree;
  }
  throw invalidRequest(`Invalid value for ${path}.`, { param: path });
}

/** Parses a v2 JSON body into a param tree (an empty body is `{}`). */
export function parseJsonBody(text: string): FormTree {
  if (text.trim() === '') return Object.create(null) as FormTree;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StripeError(400, 'invalid_request_error', 'The request body is not valid JSON. v2 endpoints take a JSON object body (Content-Type: application/json).', {
      code: 'invalid_json',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StripeError(400, 'invalid_request_error', 'The request body must be a JSON object.', { code: 'invalid_json' });
  }
  return toFormValue(parsed, '') as FormTree;
}

/** A v2 list page. */
export interface V2List<T> {
  data: T[];
  next_page_url: string | null;
  previous_page_url: string | null;
}

function pageToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function offsetOf(token: string): number {
  const decoded = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!decoded) throw invalidRequest(`Invalid page token: ${token}`, { param: 'page', code: 'invalid_page_token' });
  return Number(decoded[1]);
}

/**
 * Pages `items` (already filtered and ordered) as a v2 list; `limit` 1–100 (default 20). The page URLs carry
 * the list's other query params (`query`, e.g. `limit=5`) and an opaque `page` token.
 */
export function paginateV2<T>(items: T[], params: { limit?: number; page?: string }, urlPath: string, query: Record<string, string> = {}): V2List<T> {
  const limit = params.limit ?? 20;
  const offset = params.page ? offsetOf(params.page) : 0;
  const url = (at: number): string => {
    const search = new URLSearchParams({ ...query, ...(params.limit ? { limit: String(params.limit) } : {}), page: pageToken(at) });
    return `${urlPath}?${search.toString()}`;
  };
  return {
    data: items.slice(offset, offset + limit),
    next_page_url: offset + limit < items.length ? url(offset + limit) : null,
    previous_page_url: offset > 0 ? url(Math.max(0, offset - limit)) : null,
  };
}
