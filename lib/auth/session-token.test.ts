import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_SECONDS, sessionRenewal, sessionTokenFrom } from './session-token';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-06T12:00:00Z');

describe('sessionTokenFrom', () => {
  it('reads the https cookie first, then the plain one, and nothing else', () => {
    const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];
    expect(sessionTokenFrom(jar({ '__Secure-authjs.session-token': 'a', 'authjs.session-token': 'b' }))).toBe('a');
    expect(sessionTokenFrom(jar({ 'authjs.session-token': 'b' }))).toBe('b');
    expect(sessionTokenFrom(jar({ 'next-auth.session-token': 'c' }))).toBeNull();
  });
});

describe('sessionRenewal', () => {
  it('leaves a session renewed less than a day ago alone', () => {
    expect(sessionRenewal(new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - day / 2), now)).toBeNull();
  });

  it('slides a session last renewed over a day ago to 30 days from now', () => {
    expect(sessionRenewal(new Date(now.getTime() + 3 * day), now)).toEqual(new Date(now.getTime() + 30 * day));
  });

  it('never renews an expired session', () => {
    expect(sessionRenewal(new Date(now.getTime() - 1), now)).toBeNull();
  });
});
