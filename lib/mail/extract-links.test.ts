import { describe, expect, it } from 'vitest';
import { extractLinks, splitTextAndLinks } from './extract-links';

describe('extractLinks', () => {
  it('finds links with query strings and stops at whitespace', () => {
    const text = 'Sign in:\n\nhttp://127.0.0.1:3100/api/auth/callback/email?token=abc&email=a%40b.c\n\nThanks';
    expect(extractLinks(text)).toEqual(['http://127.0.0.1:3100/api/auth/callback/email?token=abc&email=a%40b.c']);
  });

  it('returns nothing for text without links', () => {
    expect(extractLinks('no links here')).toEqual([]);
  });
});

describe('splitTextAndLinks', () => {
  it('keeps the text around links, in order', () => {
    expect(splitTextAndLinks('a https://x.test/1 b')).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'link', value: 'https://x.test/1' },
      { type: 'text', value: ' b' },
    ]);
  });
});
