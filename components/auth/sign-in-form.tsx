'use client';
// Email sign-in: sends the magic link; the server redirects to "check your email".
import { useAction } from 'next-safe-action/hooks';
import { useId } from 'react';
import { signInWithEmailAction } from '@/lib/actions/sign-in-with-email';

type Labels = { email: string; placeholder: string; submit: string; submitting: string; invalidEmail: string };

export function SignInForm({ callbackUrl, labels }: { callbackUrl?: string; labels: Labels }) {
  const id = useId();
  const { execute, isPending, result } = useAction(signInWithEmailAction);
  const invalid = Boolean(result.validationErrors);
  const errorId = `${id}-error`;
  return (
    <form
      action={(formData) => execute({ email: String(formData.get('email') ?? ''), callbackUrl })}
      className="space-y-4"
      noValidate
    >
      <div>
        <label htmlFor={id} className="label">
          {labels.email}
        </label>
        <input
          id={id}
          name="email"
          type="email"
          autoComplete="email"
          required
          placeholder={labels.placeholder}
          className="input"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid || result.serverError ? errorId : undefined}
        />
        {invalid ? (
          <p id={errorId} className="field-error" role="alert">
            {labels.invalidEmail}
          </p>
        ) : null}
        {result.serverError ? (
          <p id={errorId} className="field-error" role="alert">
            {result.serverError.error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={isPending}>
        {isPending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
