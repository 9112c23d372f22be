'use client';
// The signed-in frame's markup: top bar (brand, context, language, account) and the section navigation, a
// sidebar on wide screens and a scrollable row on phones. One client component for all of it: the server sends
// its props (labels, links) once, instead of every element of the frame twice (in the HTML and again in the
// page's RSC payload), which is most of what the frame cost a page view. The language and sign-out forms post to
// server actions and work before scripts load.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LocaleButtons, type LocaleButtonsProps } from '@/components/i18n/locale-buttons';
import { Logo } from '@/components/logo';
import { SectionNav, type SectionNavItem } from '@/components/section-nav';

export type AppShellFrameProps = {
  homeHref: string;
  context: ReactNode;
  navLabel: string;
  nav: SectionNavItem[];
  secondaryNav?: SectionNavItem[];
  userEmail: string;
  signOutLabel: string;
  locale: LocaleButtonsProps;
  children: ReactNode;
};

export function AppShellFrame(props: AppShellFrameProps) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-content flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <Link href={props.homeHref} className="shrink-0 no-underline hover:no-underline" aria-label="Seikyu">
              <Logo />
            </Link>
            <span aria-hidden="true" className="hidden h-6 w-px bg-slate-200 sm:block" />
            <div className="min-w-0 truncate text-sm font-medium text-slate-700">{props.context}</div>
          </div>
          <div className="flex items-center gap-2">
            <LocaleButtons {...props.locale} />
            {/* Whole where the bar has room (a laptop shows a 40-character address in full); cut short on a tablet, with
                the full address on hover. */}
            <span className="hidden max-w-[14rem] truncate text-sm text-slate-600 md:inline lg:max-w-[28rem]" title={props.userEmail} data-testid="user-email">
              {props.userEmail}
            </span>
            <SignOutButton label={props.signOutLabel} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-content flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:py-8">
        <nav aria-label={props.navLabel} className="md:w-52 md:shrink-0">
          <SectionNav items={props.nav} className="-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible" />
          {props.secondaryNav && props.secondaryNav.length > 0 ? (
            <SectionNav items={props.secondaryNav} className="mt-1 flex gap-1 border-t border-slate-200 pt-2 md:mt-4 md:flex-col" />
          ) : null}
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {props.children}
        </main>
      </div>
    </div>
  );
}
