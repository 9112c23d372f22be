'use client';
// A section navigation (the portal's and the back-office's menus): one client component for the whole list, so a
// page view renders and serializes the items once (href and label each) rather than a component per link. Marks
// the current page with aria-current for styling and screen readers.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type SectionNavItem = { href: string; label: string; exact?: boolean };

function within(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The item for this path: an exact item only on its own path; otherwise the deepest item containing it, so a
 * deeper item (Invoices › Draft review) is the current one on its own pages, not both.
 */
export function currentItemHref(items: SectionNavItem[], pathname: string): string | null {
  let best: SectionNavItem | null = null;
  for (const item of items) {
    const matches = item.exact ? pathname === item.href : within(pathname, item.href);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best?.href ?? null;
}

export function SectionNav({ items, className }: { items: SectionNavItem[]; className: string }) {
  const current = currentItemHref(items, usePathname());
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={item.href === current ? 'page' : undefined} className="nav-link">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
