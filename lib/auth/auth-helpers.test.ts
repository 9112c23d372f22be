import { describe, expect, it } from 'vitest';
import { magicLinkOnAppOrigin } from './magic-link-url';
import { isOperatorEmail, operatorRoleFromConfig } from './operator-emails';
import { localeFromCookieHeader, localeFromRequestHeaders } from './request-locale';

describe('isOperatorEmail', () => {
  it('matches listed addresses whatever their case or spacing', () => {
    expect(isOperatorEmail('Ops@Example.com', ' ops@example.com , boss@example.com')).toBe(true);
    expect(isOperatorEmail('boss@example.com', 'ops@example.com,boss@example.com')).toBe(true);
  });

  it('never matches an empty list or a partial address', () => {
    expect(isOperatorEmail('ops@example.com', '')).toBe(false);
    expect(isOperatorEmail('ops@example.com', ',,')).toBe(false);
    expect(isOperatorEmail('ops@example.com.evil', 'ops@example.com')).toBe(false);
  });
});

describe('operatorRoleFromConfig', () => {
  const config = { OPERATOR_EMAILS: 'boss@example.com', OPERATOR_SUPPORT_EMAILS: 'help@example.com, boss@example.com' };
  it('gives admins, then support, their role; anyone else none', () => {
    expect(operatorRoleFromConfig('Boss@example.com', config)).toBe('admin');
    expect(operatorRoleFromConfig('help@example.com', config)).toBe('support');
    expect(operatorRoleFromConfig('customer@example.com', config)).toBeNull();
  });
});

describe('request locale', () => {
  it('prefers the switcher cookie over Accept-Language', () => {
    const headers = new Headers({ cookie: 'a=1; seikyu_locale=en', 'accept-language': 'ja' });
    expect(localeFromRequestHeaders(headers)).toBe('en');
  });

  it('ignores an unsupported cookie value and negotiates instead', () => {
    expect(localeFromCookieHeader('seikyu_locale=xx')).toBeNull();
    expect(localeFromRequestHeaders(new Headers({ cookie: 'seikyu_locale=xx', 'accept-language': 'ja-JP' }))).toBe('ja');
  });
});

describe('magicLinkOnAppOrigin', () => {
  it('rewrites a link built from a forged Host header onto APP_URL, keeping path and token', () => {
    const link = magicLinkOnAppOrigin(
      'https://attacker.example/api/auth/callback/email?callbackUrl=%2Fapp&token=abc&email=a%40b.c',
      'https://billing.example.com',
    );
    expect(link).toBe('https://billing.example.com/api/auth/callback/email?callbackUrl=%2Fapp&token=abc&email=a%40b.c');
  });
});
