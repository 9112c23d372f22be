// The /admin/audit filters from the URL (shared by the page and its CSV): unknown or malformed values are
// dropped, never guessed; dates are calendar days in the operator's time zone.
import type { AuditSearch } from '@/db/queries/audit-search';
import { endOfDayIn } from '@/lib/receivables/as-of';

const ACTOR_TYPES = ['user', 'operator', 'system', 'stripe'] as const;
const DAY_MS = 86_400_000;

export type AuditFilterInput = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
};

export function parseAuditFilters(input: AuditFilterInput, timeZone: string): AuditSearch {
  const actorType = one(input.actorType);
  const from = one(input.from);
  const to = one(input.to);
  const fromEnd = from ? endOfDayIn(from, timeZone) : null;
  const before = Number(one(input.before));
  return {
    actor: one(input.actor),
    actorType: ACTOR_TYPES.find((t) => t === actorType),
    action: one(input.action),
    organizationId: one(input.customer),
    from: fromEnd ? new Date(fromEnd.getTime() - DAY_MS + 1) : undefined,
    to: (to && endOfDayIn(to, timeZone)) || undefined,
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  };
}

/** The query string of the current filters (without the page cursor), for links and the CSV. */
export function auditFilterQuery(input: AuditFilterInput): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'actorType', 'action', 'customer', 'from', 'to']) {
    const value = one(input[key]);
    if (value) params.set(key, value);
  }
  return params.toString();
}
