// The header's sign-out: a server-rendered form posting to the sign-out action. No client component, so the
// shell costs nothing to hydrate for it, and it works before scripts load.
import { signOutFromForm } from '@/lib/actions/sign-out';

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutFromForm}>
      <button type="submit" className="btn-ghost">
        {label}
      </button>
    </form>
  );
}
