import { describe, expect, it } from 'vitest';
import { selectableTimeZoneOptions, timeZoneLabel, timeZoneLabelWithId } from './time-zones';

describe('timeZoneLabel', () => {
  it('names a zone as people do in each language, not by its IANA id', () => {
    expect(timeZoneLabel('Asia/Tokyo', 'ja')).toBe('日本標準時');
    expect(timeZoneLabel('Asia/Tokyo', 'en')).toBe('Japan Standard Time');
    expect(timeZoneLabel('America/New_York', 'en')).toBe('Eastern Time');
    expect(timeZoneLabel('UTC', 'ja')).toBe('協定世界時（UTC）');
    expect(timeZoneLabel('UTC', 'en')).toBe('UTC');
  });

  it('adds the id for operators, who set the zone by it', () => {
    expect(timeZoneLabelWithId('Asia/Tokyo', 'ja')).toBe('日本標準時（Asia/Tokyo）');
    expect(timeZoneLabelWithId('America/New_York', 'en')).toBe('Eastern Time (America/New_York)');
    expect(timeZoneLabelWithId('UTC', 'en')).toBe('UTC');
  });

  it('lists every selectable zone with its name, once per language', () => {
    const options = selectableTimeZoneOptions('ja');
    expect(options.find((o) => o.id === 'Asia/Tokyo')?.label).toBe('日本標準時（Asia/Tokyo）');
    expect(options[0]).toEqual({ id: 'UTC', label: '協定世界時（UTC）' });
    expect(selectableTimeZoneOptions('ja')).toBe(options);
  });

  it('names a zone as it is now, not as it was in 1970 (Europe/Kyiv is Eastern European Time, not Moscow)', () => {
    expect(timeZoneLabel('Europe/Kyiv', 'en')).toBe('Eastern European Time');
    expect(timeZoneLabel('Europe/Vilnius', 'en')).toBe('Eastern European Time');
  });
});
