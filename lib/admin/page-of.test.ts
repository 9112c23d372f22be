import { describe, expect, it } from 'vitest';
import { pageOf, pageParam } from './page-of';

describe('pageOf', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);

  it('cuts the list into pages and says how many there are', () => {
    expect(pageOf(rows, 1, 3)).toEqual({ rows: [1, 2, 3], page: 1, pages: 3, total: 7 });
    expect(pageOf(rows, 3, 3)).toEqual({ rows: [7], page: 3, pages: 3, total: 7 });
  });

  it('clamps a page past the end to the last one and below 1 to the first', () => {
    expect(pageOf(rows, 9999, 3).page).toBe(3);
    expect(pageOf(rows, 0, 3).rows).toEqual([1, 2, 3]);
    expect(pageOf([], 5, 3)).toEqual({ rows: [], page: 1, pages: 1, total: 0 });
  });

  it('reads only positive whole numbers from the query', () => {
    expect(pageParam('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'abc', undefined, ['2']]) expect(pageParam(bad)).toBe(1);
  });
});
