// The wordmark: a square seal and the name (a Latin initial: CJK fonts are not everywhere).
export function Logo({ className = '' }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold text-slate-900 ${className}`}>
      <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">
        S
      </span>
      <span className="text-lg tracking-tight">Seikyu</span>
    </span>
  );
}
