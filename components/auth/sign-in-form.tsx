'use client';
// Email sign-in: sends the magic link; the server redirects to "check your email". The address is held here, not
// only in the input: React resets a form after its action runs, and a refused address must stay to be corrected.
// A refusal (an invalid address, too many links) moves focus back to the field, which its message describes; an
// invalid address also marks the field invalid (a red border, app/globals.css).
import { useAction } from 'next-safe-action/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { signInWithEmailAction } from '@/lib/actions/sign-in-with-email';

type Labels = { email: string; placeholder: string; submit: string; submitting: string; invalidEmail: string };

export function SignInForm({ callbackUrl, labels }: { callbackUrl?: string; labels: Labels }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const { execute, isPending, result } = useAction(signInWithEmailAction);
  const invalid = Boolean(result.validationErrors);
  const refused = invalid || Boolean(result.serverError);
  const errorId = `${id}-error`;
  useEffect(() => {
    if (refused) input.current?.focus();
  }, [refused, result]);
  return (
    <form action={() => execute({ email, callbackUrl })} className="space-y-4" noValidate>
      <div>
        <label htmlFor={id} className="label">
          {labels.email}
        </label>
        <input
          ref={input}
          id={id}
          name="email"
          type="email"
          autoComplete="email"
          required
          placeholder={labels.placeholder}
          className="input"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={refused ? errorId : undefined}
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
