'use client';
import { useAction } from 'next-safe-action/hooks';
import { signOutAction } from '@/lib/actions/sign-out';

export function SignOutButton({ label }: { label: string }) {
  const { execute, isPending } = useAction(signOutAction);
  return (
    <form action={() => execute()}>
      <button type="submit" className="btn-ghost" disabled={isPending}>
        {label}
      </button>
    </form>
  );
}
