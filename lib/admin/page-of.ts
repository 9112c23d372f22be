// One page of an in-memory list, the requested page clamped to the ones that exist (page 9999 of 3 is page 3).
export type PageOf<T> = { rows: T[]; page: number; pages: number; total: number };

export function pageOf<T>(rows: readonly T[], requested: number, pageSize: number): PageOf<T> {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(Math.max(Number.isFinite(requested) ? Math.floor(requested) : 1, 1), pages);
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), page, pages, total: rows.length };
}

/** A positive page number from a query parameter; anything else is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : 1;
}
