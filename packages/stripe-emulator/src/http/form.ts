// Decodes Stripe's form encoding (`a[b][0][c]=v`, `expand[]=x`) into a nested tree of strings.
// Arrays arrive as objects with numeric keys; the param schemas turn them into arrays, so a metadata key
// that happens to be numeric stays a key.
import { StripeError } from './errors.js';

export type FormValue = string | FormTree;
export interface FormTree {
  [key: string]: FormValue;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function splitKey(raw: string): string[] {
  const open = raw.indexOf('[');
  if (open <= 0) return [raw];
  const parts = [raw.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  const rest = raw.slice(open);
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(rest)) !== null) {
    if (match.index !== consumed) break;
    parts.push(match[1]);
    consumed = match.index + match[0].length;
  }
  if (consumed !== rest.length) return [raw];
  return parts;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new StripeError(400, 'invalid_request_error', 'The request body could not be decoded as form data.');
  }
}

function isTree(value: FormValue | undefined): value is FormTree {
  return typeof value === 'object' && value !== null;
}

/** Parses `application/x-www-form-urlencoded` text (a body or a query string) into a tree. */
export function parseForm(text: string): FormTree {
  const root: FormTree = Object.create(null) as FormTree;
  if (!text) return root;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const path = splitKey(rawKey);
    let node = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i];
      if (FORBIDDEN_KEYS.has(key)) {
        throw new StripeError(400, 'invalid_request_error', `Received unknown parameter: ${rawKey}`, {
          code: 'parameter_unknown',
          param: rawKey,
        });
      }
      if (key === '' && i > 0) key = String(Object.keys(node).length);
      const last = i === path.length - 1;
      if (last) {
        if (isTree(node[key])) {
          throw new StripeError(400, 'invalid_request_error', `Invalid value for ${rawKey}: expected a hash.`, {
            param: rawKey,
          });
        }
        node[key] = value;
      } else {
        const existing = node[key];
        if (existing === undefined) {
          const child: FormTree = Object.create(null) as FormTree;
          node[key] = child;
          node = child;
        } else if (isTree(existing)) {
          node = existing;
        } else {
          const name = path.slice(0, i + 1).map((p, j) => (j === 0 ? p : `[${p}]`)).join('');
          throw new StripeError(400, 'invalid_request_error', `Invalid hash for ${name}.`, { param: name });
        }
      }
    }
  }
  return root;
}
