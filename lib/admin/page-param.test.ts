import { describe, expect, it } from 'vitest';
import { pageParam } from './page-param';

describe('pageParam', () => {
  it('reads only positive whole numbers from the query', () => {
    expect(pageParam('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'abc', undefined, ['2']]) expect(pageParam(bad)).toBe(1);
  });
});
