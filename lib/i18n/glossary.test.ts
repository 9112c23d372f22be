import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ja from '../../messages/ja.json';
import { formatMoney } from './format';
import { glossaryViolations } from './glossary';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, path ? `${path}.${key}` : key));
}

describe('the Japanese billing glossary', () => {
  it('finds the variants it bans', () => {
    expect(glossaryViolations('お支払い方法・支払い済み・請求管理者・¥500')).toEqual([
      '支払い済 → 支払済み',
      '支払い方法 → 支払方法',
      '請求管理者 → 請求担当者',
      '¥ → ￥',
    ]);
    expect(glossaryViolations('支払方法・支払済み・請求担当者・￥500・お支払いください')).toEqual([]);
  });

  it('is followed by every Japanese message', () => {
    const violations = strings(ja).flatMap(([key, text]) => glossaryViolations(text).map((v) => `${key}: ${v}`));
    expect(violations).toEqual([]);
  });

  it('is followed by the Japanese documents (invoice, receipt, credit note)', () => {
    const source = readFileSync(new URL('../documents/document-labels.ts', import.meta.url), 'utf8');
    const japanese = source.slice(source.indexOf('ja: {'));
    expect(glossaryViolations(japanese)).toEqual([]);
  });

  it('writes yen amounts in Japanese with the one yen sign', () => {
    expect(formatMoney(1500, 'jpy', 'ja')).toBe('￥1,500');
    expect(formatMoney(-500, 'jpy', 'ja')).toBe('−￥500');
    expect(formatMoney(1500, 'jpy', 'en')).toBe('¥1,500');
  });
});
