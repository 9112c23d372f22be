import { describe, expect, it } from 'vitest';
import { buildMagicLinkEmail } from './magic-link-email';

const url = 'https://billing.example.com/api/auth/callback/email?token=abc&email=a%40b.c';

describe('buildMagicLinkEmail', () => {
  it('writes the link into both parts, escaped in HTML', () => {
    const mail = buildMagicLinkEmail({ url, host: 'billing.example.com', locale: 'en', expiresInHours: 24 });
    expect(mail.subject).toBe('Sign in to Seikyu (billing.example.com)');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('expires in 24 hours');
    expect(mail.html).toContain('href="https://billing.example.com/api/auth/callback/email?token=abc&amp;email=a%40b.c"');
    expect(mail.html).not.toContain('token=abc&email');
  });

  it('speaks Japanese to Japanese readers', () => {
    const mail = buildMagicLinkEmail({ url, host: 'billing.example.com', locale: 'ja', expiresInHours: 24 });
    expect(mail.subject).toBe('Seikyu へのログイン（billing.example.com）');
    expect(mail.text).toContain('24時間');
    expect(mail.html).toContain('lang="ja"');
  });
});
