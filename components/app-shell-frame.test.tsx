// The operator's or member's address in the top bar: whole where the bar has room (a laptop), cut short on a
// tablet with the full address on hover (the title attribute), hidden on a phone.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AppShellFrame } from './app-shell-frame';

vi.mock('next/navigation', () => ({ usePathname: () => '/admin/audit' }));
vi.mock('@/lib/actions/set-locale', () => ({ setLocaleFromForm: async () => {} }));
vi.mock('@/lib/actions/sign-out', () => ({ signOutFromForm: async () => {} }));

describe('AppShellFrame', () => {
  it('shows the whole address at laptop width and names it in a title where it is cut short', () => {
    const email = 'billing-operations.team-lead@seikyu-demo.example.co.jp';
    const html = renderToStaticMarkup(
      <AppShellFrame
        homeHref="/admin"
        context="Back office"
        navLabel="Sections"
        nav={[{ href: '/admin/audit', label: 'Audit log' }]}
        userEmail={email}
        signOutLabel="Sign out"
        locale={{ current: 'en', label: 'Language', options: [{ value: 'en', label: 'English' }] }}
      >
        <p>page</p>
      </AppShellFrame>,
    );
    const span = html.match(/<span class="([^"]*)" title="([^"]*)" data-testid="user-email">([^<]*)<\/span>/);
    expect(span?.[2]).toBe(email);
    expect(span?.[3]).toBe(email);
    const classes = span![1]!.split(' ');
    // Truncated (with the title) only below lg; at lg and wider the limit is 28rem, room for ~55 characters.
    expect(classes).toEqual(expect.arrayContaining(['truncate', 'max-w-[14rem]', 'lg:max-w-[28rem]', 'hidden', 'md:inline']));
  });
});
