import { describe, expect, it } from 'vitest';
import { seedKey } from './seed-key';

describe('seedKey', () => {
  it('is ASCII whatever the texts, changes with them, and stays the same for the same request', () => {
    const key = seedKey('price-texts', 'seikyu_backup_device_monthly', 'デバイスバックアップ（月払い、1台あたり）');
    expect(key).toMatch(/^[\x21-\x7e]+$/);
    expect(key).toMatch(/^seikyu-seed:v2:price-texts:seikyu_backup_device_monthly:[0-9a-f]{32}$/);
    expect(seedKey('price-texts', 'seikyu_backup_device_monthly', 'バックアップ（1台あたり、月払い）')).not.toBe(key);
    expect(seedKey('price-texts', 'seikyu_backup_device_monthly', 'デバイスバックアップ（月払い、1台あたり）')).toBe(key);
  });
});
