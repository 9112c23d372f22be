import { describe, expect, it } from 'vitest';
import { timeZoneLabel } from './time-zones';

describe('timeZoneLabel', () => {
  it('names a zone as people do in each language, not by its IANA id', () => {
    expect(timeZoneLabel('Asia/Tokyo', 'ja')).toBe('日本標準時');
    expect(timeZoneLabel('Asia/Tokyo', 'en')).toBe('Japan Standard Time');
    expect(timeZoneLabel('America/New_York', 'en')).toBe('Eastern Time');
    expect(timeZoneLabel('UTC', 'ja')).toBe('協定世界時（UTC）');
    expect(timeZoneLabel('UTC', 'en')).toBe('UTC');
  });
});
