// The idempotency key of one demo-seed request: readable for the kind of object and its key, and a hash of every
// part, so that texts (Japanese names, descriptions) change the key without putting non-ASCII characters into an
// HTTP header, which Node refuses before the request leaves ("connection to Stripe" failed).
import { createHash } from 'node:crypto';

export function seedKey(kind: string, ...parts: string[]): string {
  const readable = parts[0] && /^[\x21-\x7e]{1,80}$/.test(parts[0]) ? `:${parts[0]}` : '';
  const digest = createHash('sha256').update([kind, ...parts].join('\u0000')).digest('hex').slice(0, 32);
  return `seikyu-seed:v2:${kind}${readable}:${digest}`;
}
