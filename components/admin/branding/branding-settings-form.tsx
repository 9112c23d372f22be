'use client';
// The documents-and-branding form (admins): company, address, logo, colour, phone, registration number, footers.
// Field errors come back from the server's validation and are shown once, beside the field they concern (the
// line by the button is for the server's own refusals).
import { useAction } from 'next-safe-action/hooks';
import type { FormEvent, ReactNode } from 'react';
import { saveBrandingSettingsAction } from '@/lib/actions/branding/save-branding-settings';
import { brandingFormErrors, type BrandingErrorMessages, type BrandingField } from './branding-form-errors';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useHydrated } from '@/components/ui/use-hydrated';

type Values = {
  companyName: string;
  companyAddress: string;
  brandColor: string;
  supportPhone: string;
  showSupportPhone: boolean;
  registrationNumber: string;
  invoiceFooter: string;
  bankTransferFooter: string;
  bankDetails: string;
};
type LabelKey =
  | 'company' | 'companyName' | 'companyAddress' | 'companyAddressHelp' | 'logo' | 'logoHelp' | 'currentLogo' | 'noLogo' | 'removeLogo'
  | 'brandColor' | 'supportPhone' | 'showSupportPhone' | 'qualifiedInvoice' | 'registrationNumber' | 'registrationNumberHelp' | 'footers'
  | 'invoiceFooter' | 'invoiceFooterHelp' | 'bankTransferFooter' | 'bankTransferFooterHelp' | 'bankDetails' | 'bankDetailsHelp' | 'save' | 'saved';

function Field(props: { id: string; label: string; help?: string; error?: string | null; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id} className="label">
        {props.label}
      </label>
      {props.children}
      {props.help ? (
        <p id={`${props.id}-help`} className="mt-1 text-xs text-slate-600">
          {props.help}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function BrandingSettingsForm(props: { values: Values; logoDataUrl: string | null; labels: Record<LabelKey, string>; errors: BrandingErrorMessages }) {
  const { execute, isPending, result, hasSucceeded } = useAction(saveBrandingSettingsAction);
  const hydrated = useHydrated();
  const { labels, values, errors } = props;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    execute(new FormData(event.currentTarget));
  }

  const refused = brandingFormErrors(result.validationErrors, errors, {
    companyName: labels.companyName,
    brandColor: labels.brandColor,
    companyAddress: labels.companyAddress,
    supportPhone: labels.supportPhone,
    logo: labels.logo,
    registrationNumber: labels.registrationNumber,
    invoiceFooter: labels.invoiceFooter,
    bankTransferFooter: labels.bankTransferFooter,
    bankDetails: labels.bankDetails,
  });
  const fieldError = (field: BrandingField): string | null => refused.fields[field] ?? null;
  const formError = result.serverError?.error ?? refused.form;
  const describedBy = (id: BrandingField, help: boolean) => [help ? `${id}-help` : null, fieldError(id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = (id: BrandingField) => (fieldError(id) ? true : undefined);

  return (
    <form onSubmit={onSubmit} className="card space-y-6" data-testid="branding-settings-form" noValidate>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label">{labels.company}</legend>
        <Field id="companyName" label={labels.companyName} error={fieldError('companyName')}>
          <input
            id="companyName"
            name="companyName"
            required
            maxLength={100}
            defaultValue={values.companyName}
            className="input"
            aria-invalid={invalid('companyName')}
            aria-describedby={describedBy('companyName', false)}
          />
        </Field>
        <Field id="brandColor" label={labels.brandColor} error={fieldError('brandColor')}>
          <input id="brandColor" name="brandColor" type="color" defaultValue={values.brandColor} className="input h-10 p-1" aria-invalid={invalid('brandColor')} aria-describedby={describedBy('brandColor', false)} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="companyAddress" label={labels.companyAddress} help={labels.companyAddressHelp} error={fieldError('companyAddress')}>
            <textarea id="companyAddress" name="companyAddress" rows={3} maxLength={400} defaultValue={values.companyAddress} className="input" aria-invalid={invalid('companyAddress')} aria-describedby={describedBy('companyAddress', true)} />
          </Field>
        </div>
        <Field id="supportPhone" label={labels.supportPhone} error={fieldError('supportPhone')}>
          <input id="supportPhone" name="supportPhone" type="tel" maxLength={40} defaultValue={values.supportPhone} className="input" aria-invalid={invalid('supportPhone')} aria-describedby={describedBy('supportPhone', false)} />
        </Field>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="showSupportPhone" defaultChecked={values.showSupportPhone} />
          {labels.showSupportPhone}
        </label>
        <div className="sm:col-span-2">
          <Field id="logo" label={labels.logo} help={labels.logoHelp} error={fieldError('logo')}>
            <input id="logo" name="logo" type="file" accept="image/png,image/jpeg" className="input" aria-invalid={invalid('logo')} aria-describedby={describedBy('logo', true)} />
          </Field>
          <div className="mt-2 flex items-center gap-4 text-sm">
            {props.logoDataUrl ? (
              <>
                {/* eslint-disable-next-line @next/next/no-img-element -- a small data URL from the settings, not an optimisable asset */}
                <img src={props.logoDataUrl} alt={labels.currentLogo} className="h-10 w-auto rounded border border-slate-200" />
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="removeLogo" />
                  {labels.removeLogo}
                </label>
              </>
            ) : (
              <span className="text-slate-600">{labels.noLogo}</span>
            )}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend className="label">{labels.qualifiedInvoice}</legend>
        <Field id="registrationNumber" label={labels.registrationNumber} help={labels.registrationNumberHelp} error={fieldError('registrationNumber')}>
          <input
            id="registrationNumber"
            name="registrationNumber"
            maxLength={20}
            placeholder="T7123456789012"
            defaultValue={values.registrationNumber}
            className="input font-mono sm:w-72"
            aria-invalid={invalid('registrationNumber')}
            aria-describedby={describedBy('registrationNumber', true)}
          />
        </Field>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="label">{labels.footers}</legend>
        <Field id="invoiceFooter" label={labels.invoiceFooter} help={labels.invoiceFooterHelp} error={fieldError('invoiceFooter')}>
          <textarea id="invoiceFooter" name="invoiceFooter" rows={2} maxLength={1000} defaultValue={values.invoiceFooter} className="input" aria-invalid={invalid('invoiceFooter')} aria-describedby={describedBy('invoiceFooter', true)} />
        </Field>
        <Field id="bankTransferFooter" label={labels.bankTransferFooter} help={labels.bankTransferFooterHelp} error={fieldError('bankTransferFooter')}>
          <textarea id="bankTransferFooter" name="bankTransferFooter" rows={3} maxLength={1000} defaultValue={values.bankTransferFooter} className="input" aria-invalid={invalid('bankTransferFooter')} aria-describedby={describedBy('bankTransferFooter', true)} />
        </Field>
        <Field id="bankDetails" label={labels.bankDetails} help={labels.bankDetailsHelp} error={fieldError('bankDetails')}>
          <textarea id="bankDetails" name="bankDetails" rows={3} maxLength={1000} defaultValue={values.bankDetails} className="input" aria-invalid={invalid('bankDetails')} aria-describedby={describedBy('bankDetails', true)} />
        </Field>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
          {labels.save}
        </button>
        <FormOutcome success={hasSucceeded ? labels.saved : null} error={formError} />
      </div>
    </form>
  );
}
