'use client';
// Invite by email with a role. Owners only (the page renders it only for them; the action checks again).
import { useAction } from 'next-safe-action/hooks';
import { useId, useRef, type FormEvent } from 'react';
import { inviteMemberAction } from '@/lib/actions/billing/invite-member';
import { useHydrated } from '@/components/ui/use-hydrated';

type Role = 'owner' | 'billing' | 'member';

export function InviteMemberForm(props: {
  organizationId: string;
  labels: { email: string; role: string; submit: string; pending: string; sent: string; invalidEmail: string; roles: Record<Role, string> };
}) {
  const { execute, isPending, result, hasSucceeded } = useAction(inviteMemberAction, {
    onSuccess: () => formRef.current?.reset(),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const hydrated = useHydrated();
  const emailError = (result.validationErrors as { email?: { _errors?: string[] } } | undefined)?.email?._errors?.length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    execute({ organizationId: props.organizationId, email: String(data.get('email') ?? ''), role: String(data.get('role') ?? '') as Role });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" data-testid="invite-form">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      {hasSucceeded && result.data ? (
        <p className="alert-info" role="status">
          {props.labels.sent.replace('{email}', result.data.invited)}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div>
          <label className="label" htmlFor={`${id}-email`}>
            {props.labels.email}
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            className="input"
            autoComplete="off"
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-error` : undefined}
          />
        </div>
        <div>
          <label className="label" htmlFor={`${id}-role`}>
            {props.labels.role}
          </label>
          <select id={`${id}-role`} name="role" className="input" defaultValue="member">
            {(['owner', 'billing', 'member'] as const).map((role) => (
              <option key={role} value={role}>
                {props.labels.roles[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
          {isPending ? props.labels.pending : props.labels.submit}
        </button>
      </div>
      {emailError ? (
        <p id={`${id}-email-error`} className="field-error">
          {props.labels.invalidEmail}
        </p>
      ) : null}
    </form>
  );
}
