'use client';
// The quote builder: who the quote is for, catalogue lines with quantities, coupon, validity, texts, collection
// and trial. Sends ids and quantities only; the server prices everything from the catalogue and Stripe computes
// the totals. `attempt` comes with the page, so a double click creates one draft. Input the server refuses is
// marked on its field with a sentence in the reader's language, and the first such field takes the focus; what was
// typed stays (the form is submitted by onSubmit, never reset).
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { buildQuoteAction } from '@/lib/actions/admin/build-quote';
import { useHydrated } from '@/components/ui/use-hydrated';
import { quoteBuilderFieldErrors, type QuoteBuilderErrorMessages } from './quote-builder-errors';

export type QuoteBuilderPrice = { id: string; label: string };

/** `failed`: the sentence when the action answered nothing (the page's `errors.internal`). */
type Labels = { errors: QuoteBuilderErrorMessages; failed: string } & Record<
  | 'forLabel'
  | 'forOrganization'
  | 'forProspect'
  | 'organization'
  | 'chooseOrganization'
  | 'prospectName'
  | 'prospectEmail'
  | 'prospectCurrency'
  | 'locale'
  | 'lines'
  | 'price'
  | 'quantity'
  | 'addLine'
  | 'removeLine'
  | 'promotionCode'
  | 'expiresOn'
  | 'header'
  | 'footer'
  | 'collection'
  | 'card'
  | 'bankTransfer'
  | 'daysUntilDue'
  | 'withTrial'
  | 'submit'
  | 'busy',
  string
>;

type Line = { key: number; priceId: string; quantity: string };

/** The sentence under a field the server refused; the field names it in aria-describedby. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function QuoteBuilderForm(props: {
  attempt: string;
  organizations: { id: string; label: string }[];
  prices: QuoteBuilderPrice[];
  defaultExpiresOn: string;
  labels: Labels;
}) {
  const { labels } = props;
  const router = useRouter();
  const build = useAction(buildQuoteAction);
  const hydrated = useHydrated();
  const [target, setTarget] = useState<'organization' | 'prospect'>('organization');
  const [collection, setCollection] = useState<'charge_automatically' | 'send_invoice'>('charge_automatically');
  const [lines, setLines] = useState<Line[]>([{ key: 0, priceId: props.prices[0]?.id ?? '', quantity: '1' }]);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const nextKey = useRef(1);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  /** Props marking a field refused (path as the schema names it) and pointing at its sentence. */
  const invalid = (path: string, id: string) => (fieldErrors[path] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
  // Refusals of fields the form has no place for (none expected): named in the alert by the button.
  const placed = (path: string) => /^(organizationId|prospectName|prospectEmail|lines|lines\.\d+\.(quantity|priceId)|promotionCode|expiresOn|daysUntilDue|header|footer)$/.test(path);
  const unplaced = Object.entries(fieldErrors)
    .filter(([path]) => !placed(path))
    .map(([, message]) => message);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (form.get(name) as string | null) ?? '';
    try {
      const result = await build.executeAsync({
        target,
        organizationId: target === 'organization' ? text('organizationId') : undefined,
        prospectName: target === 'prospect' ? text('prospectName') : undefined,
        prospectEmail: target === 'prospect' ? text('prospectEmail') : undefined,
        locale: target === 'prospect' ? (text('locale') as 'ja' | 'en') : undefined,
        lines: lines.map((l) => ({ priceId: l.priceId, quantity: Number(l.quantity) })),
        promotionCode: text('promotionCode'),
        expiresOn: text('expiresOn'),
        header: text('header'),
        footer: text('footer'),
        collectionMethod: collection,
        daysUntilDue: collection === 'send_invoice' ? Number(text('daysUntilDue')) : undefined,
        withTrial: form.get('withTrial') === 'on',
        attempt: props.attempt,
      });
      if (result?.serverError) setError(result.serverError.error);
      else if (result?.validationErrors) setFieldErrors(quoteBuilderFieldErrors(result.validationErrors, labels.errors, labels));
      else if (!result?.data) setError(labels.failed);
      else router.push(`/admin/quotes/${result.data.quoteId}`);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="card space-y-6" data-testid="quote-builder" noValidate>
      <fieldset className="space-y-3">
        <legend className="label">{labels.forLabel}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === 'organization'} onChange={() => setTarget('organization')} />
            {labels.forOrganization}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === 'prospect'} onChange={() => setTarget('prospect')} />
            {labels.forProspect}
          </label>
        </div>
        {target === 'organization' ? (
          <div className="sm:w-96">
            <label htmlFor="organizationId" className="label">
              {labels.organization}
            </label>
            <select id="organizationId" name="organizationId" className="input" required defaultValue="" {...invalid('organizationId', 'organizationId')}>
              <option value="" disabled>
                {labels.chooseOrganization}
              </option>
              {props.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            <FieldError id="organizationId-error" message={fieldErrors.organizationId} />
          </div>
        ) : (
          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="prospectName" className="label">
                {labels.prospectName}
              </label>
              <input id="prospectName" name="prospectName" className="input" required maxLength={200} {...invalid('prospectName', 'prospectName')} />
              <FieldError id="prospectName-error" message={fieldErrors.prospectName} />
            </div>
            <div>
              <label htmlFor="prospectEmail" className="label">
                {labels.prospectEmail}
              </label>
              <input id="prospectEmail" name="prospectEmail" type="email" className="input" required maxLength={254} {...invalid('prospectEmail', 'prospectEmail')} />
              <FieldError id="prospectEmail-error" message={fieldErrors.prospectEmail} />
            </div>
            <div>
              <label htmlFor="locale" className="label">
                {labels.locale}
              </label>
              <select id="locale" name="locale" className="input" defaultValue="ja">
                <option value="ja">日本語</option>
                <option value="en">English</option>
              </select>
            </div>
            <p className="text-sm text-slate-600 sm:col-span-3">{labels.prospectCurrency}</p>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="label">{labels.lines}</legend>
        {lines.map((line, index) => (
          <div key={line.key} className="flex flex-wrap items-end gap-3" data-testid="quote-line">
            <div className="min-w-0 flex-1">
              <label htmlFor={`price-${line.key}`} className="label">
                {labels.price} {index + 1}
              </label>
              <select
                id={`price-${line.key}`}
                className="input"
                value={line.priceId}
                onChange={(e) => setLines(lines.map((l) => (l.key === line.key ? { ...l, priceId: e.target.value } : l)))}
                {...invalid(`lines.${index}.priceId`, `price-${line.key}`)}
              >
                {props.prices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
              <FieldError id={`price-${line.key}-error`} message={fieldErrors[`lines.${index}.priceId`]} />
            </div>
            <div className="w-28">
              <label htmlFor={`quantity-${line.key}`} className="label">
                {labels.quantity} {index + 1}
              </label>
              <input
                id={`quantity-${line.key}`}
                type="number"
                min={1}
                className="input"
                value={line.quantity}
                onChange={(e) => setLines(lines.map((l) => (l.key === line.key ? { ...l, quantity: e.target.value } : l)))}
                {...invalid(`lines.${index}.quantity`, `quantity-${line.key}`)}
              />
            </div>
            {lines.length > 1 ? (
              <button
                type="button"
                className="btn-ghost"
                onClick={() => {
                  setLines(lines.filter((l) => l.key !== line.key));
                  // A refusal names its line by position, which removing a line changes.
                  setFieldErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('lines'))));
                }}
              >
                {labels.removeLine}
              </button>
            ) : null}
            <FieldError id={`quantity-${line.key}-error`} message={fieldErrors[`lines.${index}.quantity`]} />
          </div>
        ))}
        <FieldError id="lines-error" message={fieldErrors.lines} />
        <button
          type="button"
          className="btn-secondary"
          disabled={!hydrated}
          onClick={() => setLines([...lines, { key: nextKey.current++, priceId: props.prices[0]?.id ?? '', quantity: '1' }])}
        >
          {labels.addLine}
        </button>
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="promotionCode" className="label">
            {labels.promotionCode}
          </label>
          <input id="promotionCode" name="promotionCode" className="input" maxLength={100} {...invalid('promotionCode', 'promotionCode')} />
          <FieldError id="promotionCode-error" message={fieldErrors.promotionCode} />
        </div>
        <div>
          <label htmlFor="expiresOn" className="label">
            {labels.expiresOn}
          </label>
          <input id="expiresOn" name="expiresOn" type="date" className="input" required defaultValue={props.defaultExpiresOn} {...invalid('expiresOn', 'expiresOn')} />
          <FieldError id="expiresOn-error" message={fieldErrors.expiresOn} />
        </div>
      </div>

      <fieldset className="space-y-3">
        <legend className="label">{labels.collection}</legend>
        <div className="flex flex-wrap items-end gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="collection" checked={collection === 'charge_automatically'} onChange={() => setCollection('charge_automatically')} />
            {labels.card}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="collection" checked={collection === 'send_invoice'} onChange={() => setCollection('send_invoice')} />
            {labels.bankTransfer}
          </label>
          {collection === 'send_invoice' ? (
            <div className="w-40">
              <label htmlFor="daysUntilDue" className="label">
                {labels.daysUntilDue}
              </label>
              <input id="daysUntilDue" name="daysUntilDue" type="number" min={1} max={90} defaultValue={30} className="input" {...invalid('daysUntilDue', 'daysUntilDue')} />
              <FieldError id="daysUntilDue-error" message={fieldErrors.daysUntilDue} />
            </div>
          ) : null}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="withTrial" />
          {labels.withTrial}
        </label>
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="header" className="label">
            {labels.header}
          </label>
          <textarea id="header" name="header" className="input" maxLength={500} rows={3} {...invalid('header', 'header')} />
          <FieldError id="header-error" message={fieldErrors.header} />
        </div>
        <div>
          <label htmlFor="footer" className="label">
            {labels.footer}
          </label>
          <textarea id="footer" name="footer" className="input" maxLength={500} rows={3} {...invalid('footer', 'footer')} />
          <FieldError id="footer-error" message={fieldErrors.footer} />
        </div>
      </div>

      {error || unplaced.length > 0 ? (
        <p className="alert-error" role="alert">
          {[error, ...unplaced].filter(Boolean).join(' ')}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy || !hydrated} aria-busy={busy}>
        {busy ? labels.busy : labels.submit}
      </button>
    </form>
  );
}
