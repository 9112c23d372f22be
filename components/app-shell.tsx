// The signed-in frame shared by the portal, the back-office and the payee pages: this request's labels and
// language handed to its client frame (components/app-shell-frame.tsx), which renders the markup.
import { getTranslations } from '@/lib/i18n/server';
import type { ReactNode } from 'react';
import { AppShellFrame } from '@/components/app-shell-frame';
import { localeButtonsProps } from '@/components/i18n/locale-switcher';
import type { SectionNavItem } from '@/components/section-nav';

export type ShellNavItem = SectionNavItem;

export async function AppShell(props: {
  homeHref: string;
  context: ReactNode;
  navLabel: string;
  nav: ShellNavItem[];
  secondaryNav?: ShellNavItem[];
  userEmail: string;
  children: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations('common'), localeButtonsProps()]);
  return (
    <AppShellFrame {...props} signOutLabel={t('signOut')} locale={locale}>
      {props.children}
    </AppShellFrame>
  );
}
