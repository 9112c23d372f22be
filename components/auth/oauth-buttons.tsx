'use client';
import { useAction } from 'next-safe-action/hooks';
import { signInWithProviderAction } from '@/lib/actions/sign-in-with-provider';
import { useHydrated } from '@/components/ui/use-hydrated';

export function OAuthButtons({ providers, callbackUrl }: { providers: { id: 'github' | 'google'; label: string }[]; callbackUrl?: string }) {
  const { execute, isPending } = useAction(signInWithProviderAction);
  const hydrated = useHydrated();
  return (
    <div className="space-y-2">
      {providers.map((provider) => (
        <form key={provider.id} action={() => execute({ provider: provider.id, callbackUrl })}>
          <button type="submit" className="btn-secondary w-full" disabled={isPending || !hydrated}>
            {provider.label}
          </button>
        </form>
      ))}
    </div>
  );
}
