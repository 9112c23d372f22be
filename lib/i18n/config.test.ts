import { describe, expect, it } from 'vitest';
import { defaultCurrencyFor, isLocale, negotiateLocale } from './config';

describe('negotiateLocale', () => {
  it('falls back to English without a header or a supported language', () => {
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('fr-FR,de;q=0.8')).toBe('en');
  });

  it('honours quality values and region subtags', () => {
    expect(negotiateLocale('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(negotiateLocale('en;q=0.5,ja;q=0.9')).toBe('ja');
    expect(negotiateLocale('fr,ja;q=0.4,en;q=0.3')).toBe('ja');
    expect(negotiateLocale('ja;q=0')).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts only the shipped languages', () => {
    expect(isLocale('ja')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('defaultCurrencyFor', () => {
  it('suggests yen to Japanese speakers and dollars otherwise', () => {
    expect(defaultCurrencyFor('ja')).toBe('jpy');
    expect(defaultCurrencyFor('en')).toBe('usd');
  });
});
