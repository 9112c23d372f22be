'use client';
// The notification settings form (admins): moments on/off, day counts, operator recipients, sender branding.
import { useAction } from 'next-safe-action/hooks';
import type { FormEvent } from 'react';
import { saveNotificationSettingsAction } from '@/lib/actions/notifications/save-notification-settings';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';

type Kind = string;

export function NotificationSettingsForm(props: {
  kinds: { kind: Kind; label: string; enabled: boolean }[];
  values: { trialEndingDays: number; renewalDays: number; operatorRecipients: string[]; companyName: string; brandColor: string; bankDetails: string };
  labels: Record<
    'moments' | 'trialEndingDays' | 'renewalDays' | 'operatorRecipients' | 'operatorRecipientsHelp' | 'branding' | 'companyName' | 'brandColor' | 'bankDetails' | 'bankDetailsHelp' | 'save' | 'saved' | 'invalid',
    string
  >;
}) {
  const { execute, isPending, result, hasSucceeded } = useAction(saveNotificationSettingsAction);
  const hydrated = useHydrated();
  const { labels, values } = props;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute(new FormData(event.currentTarget));
  }

  const error = result.serverError?.error ?? (result.validationErrors ? labels.invalid : null);
  return (
    <form onSubmit={onSubmit} className="card space-y-6" data-testid="notification-settings-form">
      <fieldset>
        <legend className="label">{labels.moments}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {props.kinds.map((k) => (
            <label key={k.kind} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`enabled.${k.kind}`} defaultChecked={k.enabled} />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="trialEndingDays" className="label">
            {labels.trialEndingDays}
          </label>
          <input id="trialEndingDays" name="trialEndingDays" type="number" min={1} max={60} required defaultValue={values.trialEndingDays} className="input" />
        </div>
        <div>
          <label htmlFor="renewalDays" className="label">
            {labels.renewalDays}
          </label>
          <input id="renewalDays" name="renewalDays" type="number" min={1} max={60} required defaultValue={values.renewalDays} className="input" />
        </div>
      </div>
      <div>
        <label htmlFor="operatorRecipients" className="label">
          {labels.operatorRecipients}
        </label>
        <textarea
          id="operatorRecipients"
          name="operatorRecipients"
          rows={3}
          defaultValue={values.operatorRecipients.join('\n')}
          className="input"
          aria-describedby="operatorRecipients-help"
        />
        <p id="operatorRecipients-help" className="mt-1 text-xs text-slate-600">
          {labels.operatorRecipientsHelp}
        </p>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label">{labels.branding}</legend>
        <div>
          <label htmlFor="companyName" className="label">
            {labels.companyName}
          </label>
          <input id="companyName" name="companyName" required maxLength={100} defaultValue={values.companyName} className="input" />
        </div>
        <div>
          <label htmlFor="brandColor" className="label">
            {labels.brandColor}
          </label>
          <input id="brandColor" name="brandColor" type="color" defaultValue={values.brandColor} className="input h-10 p-1" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="bankDetails" className="label">
            {labels.bankDetails}
          </label>
          <textarea id="bankDetails" name="bankDetails" rows={3} maxLength={1000} defaultValue={values.bankDetails} className="input" aria-describedby="bankDetails-help" />
          <p id="bankDetails-help" className="mt-1 text-xs text-slate-600">
            {labels.bankDetailsHelp}
          </p>
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
          {labels.save}
        </button>
        <FormOutcome success={hasSucceeded ? labels.saved : null} error={error} />
      </div>
    </form>
  );
}
