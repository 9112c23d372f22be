'use client';
// Per-member controls for owners: change the role, remove; and withdrawing a pending invitation.
import { useAction } from 'next-safe-action/hooks';
import { useId, type FormEvent } from 'react';
import { changeMemberRoleAction } from '@/lib/actions/billing/change-member-role';
import { removeMemberAction } from '@/lib/actions/billing/remove-member';
import { revokeInvitationAction } from '@/lib/actions/billing/revoke-invitation';
import { useHydrated } from '@/components/ui/use-hydrated';

type Role = 'owner' | 'billing' | 'member';

export function MemberActionsForm(props: {
  organizationId: string;
  userId: string;
  email: string;
  role: Role;
  labels: { role: string; change: string; remove: string; roles: Record<Role, string> };
}) {
  const change = useAction(changeMemberRoleAction);
  const remove = useAction(removeMemberAction);
  const hydrated = useHydrated();
  const id = useId();
  const error = change.result.serverError?.error ?? remove.result.serverError?.error;

  function onChange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const role = String(new FormData(event.currentTarget).get('role') ?? '') as Role;
    remove.reset();
    change.execute({ organizationId: props.organizationId, userId: props.userId, role });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={onChange} className="flex items-center gap-2">
          <label className="sr-only" htmlFor={`${id}-role`}>
            {props.labels.role.replace('{email}', props.email)}
          </label>
          <select id={`${id}-role`} name="role" className="input w-36 py-1.5" defaultValue={props.role}>
            {(['owner', 'billing', 'member'] as const).map((role) => (
              <option key={role} value={role}>
                {props.labels.roles[role]}
              </option>
            ))}
          </select>
          <button type="submit" className="btn-secondary" disabled={change.isPending || !hydrated}>
            {props.labels.change}
          </button>
        </form>
        <button
          type="button"
          className="btn-ghost text-red-700"
          disabled={remove.isPending || !hydrated}
          onClick={() => {
            change.reset();
            remove.execute({ organizationId: props.organizationId, userId: props.userId });
          }}
        >
          {props.labels.remove}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RevokeInvitationButton(props: { organizationId: string; invitationId: string; label: string }) {
  const { execute, isPending, result } = useAction(revokeInvitationAction);
  const hydrated = useHydrated();
  return (
    <div>
      <button type="button" className="btn-ghost" disabled={isPending || !hydrated} onClick={() => execute({ organizationId: props.organizationId, invitationId: props.invitationId })}>
        {props.label}
      </button>
      {result.serverError ? (
        <p className="field-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
    </div>
  );
}
