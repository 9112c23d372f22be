import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { CLIENT_MESSAGE_NAMESPACES, pickClientMessages } from './client-messages';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `useTranslations(…)` in a `'use client'` module of app/, components/ and lib/. */
function clientTranslations(): { file: string; namespace: string | null }[] {
  return ['app', 'components', 'lib']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*['"]use client['"]/.test(readFileSync(file, 'utf8')))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*(?:['"]([^'"]+)['"])?\s*\)/g)].map((m) => ({
        file: relative(root, file),
        namespace: m[1] ?? null,
      })),
    );
}

describe('messages shipped to the browser', () => {
  it('cover every namespace a client component translates with', () => {
    const uses = clientTranslations();
    expect(uses.length).toBeGreaterThan(0);
    const missing = uses.filter(
      ({ namespace }) => namespace === null || !CLIENT_MESSAGE_NAMESPACES.some((n) => namespace === n || namespace.startsWith(`${n}.`)),
    );
    expect(missing, 'add these namespaces to CLIENT_MESSAGE_NAMESPACES (a bare useTranslations() would need every message)').toEqual([]);
  });

  it('are a small part of all messages, and exist', () => {
    const picked = pickClientMessages(en);
    for (const namespace of CLIENT_MESSAGE_NAMESPACES) {
      expect(namespace.split('.').reduce<unknown>((m, k) => (m as Record<string, unknown>)?.[k], picked), namespace).toBeDefined();
    }
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(en).length / 5);
  });

  it('keep a sub-namespace under its path and nothing beside it', () => {
    const messages = { a: { b: { c: 'x' }, d: 'y' }, e: 'z' };
    expect(pickClientMessages(messages, ['a.b'])).toEqual({ a: { b: { c: 'x' } } });
    expect(pickClientMessages(messages, ['e', 'missing'])).toEqual({ e: 'z' });
  });
});
