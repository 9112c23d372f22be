// The header's language buttons post a plain form to setLocaleFromForm: a language of ours is saved on the user
// and in the cookie, and the pages are revalidated; anything else changes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { closeTestDb, insertTestUser, resetDatabase, testDb } from '@/test/integration/helpers';

const request = vi.hoisted(() => ({ user: null as User | null, cookies: new Map<string, string>(), revalidated: [] as string[] }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => request.user }));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
vi.mock('next/headers', () => ({ cookies: async () => ({ set: (name: string, value: string) => request.cookies.set(name, value) }) }));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => request.revalidated.push(path) }));

const { setLocaleFromForm } = await import('./set-locale');

function form(locale: string | null): FormData {
  const data = new FormData();
  if (locale !== null) data.set('locale', locale);
  return data;
}

async function savedLocale(userId: string): Promise<string | null> {
  const [row] = await testDb().select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? null;
}

describe('setLocaleFromForm', () => {
  beforeEach(async () => {
    await resetDatabase();
    request.user = null;
    request.cookies.clear();
    request.revalidated.length = 0;
  });
  afterAll(closeTestDb);

  it('saves the chosen language on the signed-in user and in the cookie', async () => {
    request.user = await insertTestUser('locale');
    await setLocaleFromForm(form('ja'));
    expect(await savedLocale(request.user.id)).toBe('ja');
    expect(request.cookies.get('seikyu_locale')).toBe('ja');
    expect(request.revalidated).toEqual(['/']);
  });

  it('sets only the cookie for a visitor', async () => {
    await setLocaleFromForm(form('ja'));
    expect(request.cookies.get('seikyu_locale')).toBe('ja');
  });

  it('changes nothing for a language that is not ours, or none', async () => {
    request.user = await insertTestUser('locale-bad');
    const before = await savedLocale(request.user.id);
    await setLocaleFromForm(form('xx'));
    await setLocaleFromForm(form(null));
    expect(await savedLocale(request.user.id)).toBe(before);
    expect(request.cookies.size).toBe(0);
    expect(request.revalidated).toEqual([]);
  });
});
