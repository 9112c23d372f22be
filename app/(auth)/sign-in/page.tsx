// GET /sign-in — email magic link, plus GitHub / Google when configured.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { SignInForm } from '@/components/auth/sign-in-form';
import { enabledOAuthProviders } from '@/lib/auth/auth';
import { getCurrentUser } from '@/lib/auth/session';
import { signInReasonOf } from '@/lib/auth/sign-in-reason';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const error = typeof params.error === 'string' ? params.error : undefined;
  if (await getCurrentUser()) redirect('/app');

  const t = await getTranslations('signIn');
  const reason = signInReasonOf(callbackUrl);
  const providers = enabledOAuthProviders().map((p) => ({ id: p.id, label: p.id === 'github' ? t('withGithub') : t('withGoogle') }));
  return (
    <div className="card">
      <h1>{t('title')}</h1>
      {reason ? (
        <p className="mt-2 text-sm font-medium text-slate-800" data-testid="sign-in-reason">
          {reason === 'quote' ? t('forQuote') : t('forPayee')}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-slate-600">{t('lead')}</p>
      {error ? (
        <p className="alert-error mt-4" role="alert">
          {error === 'Verification' ? t('errorVerification') : t('errorGeneric')}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm
          callbackUrl={callbackUrl}
          labels={{
            email: t('emailLabel'),
            placeholder: t('emailPlaceholder'),
            submit: t('submit'),
            submitting: t('submitting'),
            invalidEmail: t('invalidEmail'),
          }}
        />
      </div>
      {providers.length > 0 ? (
        <>
          <div className="my-6 flex items-center gap-3 text-xs uppercase text-slate-500">
            <span className="h-px flex-1 bg-slate-200" />
            {t('or')}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
        </>
      ) : null}
    </div>
  );
}
