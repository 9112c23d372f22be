'use client';
// The notification settings form (admins): moments on/off, day counts, operator recipients, sender branding. A
// refusal is said once, beside its field (a bad recipient by the address typed); the form is never reset.
import { useAction } from 'next-safe-action/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { saveNotificationSettingsAction } from '@/lib/actions/notifications/save-notification-settings';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';
import { notificationSettingsErrors, type NotificationSettingsErrorMessages, type NotificationSettingsField } from './notification-settings-errors';

type Kind = string;

export function NotificationSettingsForm(props: {
  kinds: { kind: Kind; label: string; enabled: boolean }[];
  values: { trialEndingDays: number; renewalDays: number; operatorRecipients: string[]; companyName: string; brandColor: string; bankDetails: string };
  labels: Record<
    'moments' | 'trialEndingDays' | 'renewalDays' | 'operatorRecipients' | 'operatorRecipientsHelp' | 'branding' | 'companyName' | 'brandColor' | 'bankDetails' | 'bankDetailsHelp' | 'save' | 'saved',
    string
  >;
  errors: NotificationSettingsErrorMessages;
  locale: string;
}) {
  const { execute, isPending, result, hasSucceeded } = useAction(saveNotificationSettingsAction);
  const hydrated = useHydrated();
  const { labels, values } = props;
  const form = useRef<HTMLFormElement>(null);
  // The recipients as submitted: a refusal names an address by its position in this list.
  const [submittedRecipients, setSubmittedRecipients] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmittedRecipients(String(data.get('operatorRecipients') ?? ''));
    execute(data);
  }

  const refused = notificationSettingsErrors(result.validationErrors, submittedRecipients, props.errors, labels, props.locale);
  const error = result.serverError?.error ?? refused.form;
  const fieldProps = (field: NotificationSettingsField, help?: string) => ({
    'aria-invalid': refused.fields[field] ? true : undefined,
    'aria-describedby': [help, refused.fields[field] ? `${field}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  const fieldError = (field: NotificationSettingsField) =>
    refused.fields[field] ? (
      <p id={`${field}-error`} className="field-error">
        {refused.fields[field]}
      </p>
    ) : null;
  useEffect(() => {
    if (result.validationErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);
  return (
    <form ref={form} onSubmit={onSubmit} className="card space-y-6" data-testid="notification-settings-form" noValidate>
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
          <input id="trialEndingDays" name="trialEndingDays" type="number" min={1} max={60} required defaultValue={values.trialEndingDays} className="input" {...fieldProps('trialEndingDays')} />
          {fieldError('trialEndingDays')}
        </div>
        <div>
          <label htmlFor="renewalDays" className="label">
            {labels.renewalDays}
          </label>
          <input id="renewalDays" name="renewalDays" type="number" min={1} max={60} required defaultValue={values.renewalDays} className="input" {...fieldProps('renewalDays')} />
          {fieldError('renewalDays')}
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
          {...fieldProps('operatorRecipients', 'operatorRecipients-help')}
        />
        <p id="operatorRecipients-help" className="mt-1 text-xs text-slate-600">
          {labels.operatorRecipientsHelp}
        </p>
        {fieldError('operatorRecipients')}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label">{labels.branding}</legend>
        <div>
          <label htmlFor="companyName" className="label">
            {labels.companyName}
          </label>
          <input id="companyName" name="companyName" required maxLength={100} defaultValue={values.companyName} className="input" {...fieldProps('companyName')} />
          {fieldError('companyName')}
        </div>
        <div>
          <label htmlFor="brandColor" className="label">
            {labels.brandColor}
          </label>
          <input id="brandColor" name="brandColor" type="color" defaultValue={values.brandColor} className="input h-10 p-1" {...fieldProps('brandColor')} />
          {fieldError('brandColor')}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="bankDetails" className="label">
            {labels.bankDetails}
          </label>
          <textarea id="bankDetails" name="bankDetails" rows={3} maxLength={1000} defaultValue={values.bankDetails} className="input" {...fieldProps('bankDetails', 'bankDetails-help')} />
          <p id="bankDetails-help" className="mt-1 text-xs text-slate-600">
            {labels.bankDetailsHelp}
          </p>
          {fieldError('bankDetails')}
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
