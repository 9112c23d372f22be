'use client';
// A navigation link that marks itself as the current page (aria-current) for styling and screen readers.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLink({ href, label, exact = false }: { href: string; label: string; exact?: boolean }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
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
