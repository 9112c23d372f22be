import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, and neutralises formulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['=SUM(A1)', 12], [null, 'line\nbreak']])).toBe(
      '\uFEFFa,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),12\r\n,"line\nbreak"\r\n',
    );
  });
});
