// The page a list asks for, from its query parameter (the receivables report's two lists). The database pages the
// list and clamps a page past the end to the last one (db/queries/receivables.ts).

/** A positive page number from a query parameter; anything else is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : 1;
}
