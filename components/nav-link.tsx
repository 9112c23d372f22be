'use client';
// A navigation link that marks itself as the current page (aria-current) for styling and screen readers.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** `except`: deeper links of the same menu; on their pages this link is not the current one. */
export function NavLink({ href, label, exact = false, except = [] }: { href: string; label: string; exact?: boolean; except?: string[] }) {
  const pathname = usePathname();
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = exact ? pathname === href : within(href) && !except.some(within);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 no-underline hover:bg-slate-100 hover:no-underline aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
    >
      {label}
    </Link>
  );
}
