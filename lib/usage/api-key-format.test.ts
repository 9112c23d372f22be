import { describe, expect, it } from 'vitest';
import { deriveApiKey, generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-format';

describe('usage API keys', () => {
  it('are unique, start with the visible prefix and store only a hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toMatch(/^sk_usage_[0-9a-f]{8}$/);
    expect(a.key.startsWith(a.prefix)).toBe(true);
    expect(a.keyHash).toBe(hashApiKey(a.key));
    expect(a.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyHash).not.toContain(a.key.slice(a.prefix.length));
  });

  it('tells a well-formed key from anything else', () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
    expect(looksLikeApiKey('sk_test_123')).toBe(false);
    expect(looksLikeApiKey(`${generateApiKey().key}x`)).toBe(false);
  });

  it('derives the same well-formed key for one secret and purpose, another for another', () => {
    const a = deriveApiKey('secret-1', 'demo');
    expect(deriveApiKey('secret-1', 'demo')).toEqual(a);
    expect(deriveApiKey('secret-2', 'demo').key).not.toBe(a.key);
    expect(looksLikeApiKey(a.key)).toBe(true);
  });
});
