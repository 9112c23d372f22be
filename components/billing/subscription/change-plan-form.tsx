'use client';
// Change plan: pick a plan (and seats), or another capacity tier of a metered plan, see the preview — what is
// charged or credited now, line by line (nothing, between usage prices, and it says why), and the next invoice —
// then confirm. Confirming sends only the signed preview back.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { applyPlanChangeAction } from '@/lib/actions/billing/apply-plan-change';
import { previewPlanChangeAction } from '@/lib/actions/billing/preview-plan-change';
import { initialPlanChoice } from '@/lib/billing/subscriptions/plan-change-choice';
import { formatMoney } from '@/lib/i18n/format';
import { TaxRows, type TaxRowLabels } from '@/components/billing/tax/tax-rows';
import { useHydrated } from '@/components/ui/use-hydrated';

export type ChangePlanOption = { priceId: string; label: string; perUnit: boolean; interval: string | null; metered: boolean };

export type ChangePlanLabels = {
  plan: string;
  quantity: string;
  preview: string;
  previewing: string;
  nowHeading: string;
  /** Between usage prices (capacity tiers): why nothing is charged now. */
  nothingToProrate: string;
  /** Between usage prices: what the next invoice will bill, in place of a total of usage not yet used. */
  nextUsage: string;
  nextHeading: string;
  totalNow: string;
  creditNow: string;
  nextTotal: string;
  confirm: string;
  confirming: string;
  changed: string;
  invalid: string;
  /** Tax rows (`tax.added` / `tax.included` templates). */
  tax: TaxRowLabels;
};

export function ChangePlanForm({
  organizationId,
  subscriptionId,
  options,
  currentPriceId,
  requestedPriceId,
  currentQuantity,
  maxQuantity,
  locale,
  labels,
}: {
  organizationId: string;
  subscriptionId: string;
  options: ChangePlanOption[];
  currentPriceId: string | null;
  /** The plan picked on the plan picker ("Change to Team"), if any. */
  requestedPriceId?: string | null;
  currentQuantity: number;
  maxQuantity: number;
  locale: string;
  labels: ChangePlanLabels;
}) {
  const id = useId();
  const router = useRouter();
  const [priceId, setPriceId] = useState(() => initialPlanChoice(options, currentPriceId, requestedPriceId));
  const [quantity, setQuantity] = useState(String(currentQuantity));
  const [done, setDone] = useState(false);
  const hydrated = useHydrated();
  const preview = useAction(previewPlanChangeAction, { onExecute: () => setDone(false) });
  const apply = useAction(applyPlanChangeAction, {
    onSuccess: () => {
      setDone(true);
      preview.reset();
      router.refresh();
    },
  });
  const selected = options.find((o) => o.priceId === priceId);
  const data = preview.result.data;
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const error =
    preview.result.serverError?.error ??
    apply.result.serverError?.error ??
    (preview.result.validationErrors || apply.result.validationErrors ? labels.invalid : null);

  return (
    <div className="space-y-4" data-testid="change-plan">
      <form
        className="flex flex-wrap items-end gap-3"
        // A plan without seats or devices takes no quantity: the field is hidden for it, so its value (the current
        // plan's seats) must not go with it either.
        action={() => preview.execute({ organizationId, subscriptionId, priceId, quantity: selected?.perUnit ? Number(quantity) : 1 })}
      >
        <div>
          <label htmlFor={`${id}-price`} className="label">
            {labels.plan}
          </label>
          <select id={`${id}-price`} className="input" value={priceId} onChange={(e) => { setPriceId(e.target.value); preview.reset(); }}>
            {options.map((o) => (
              <option key={o.priceId} value={o.priceId}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {selected?.perUnit ? (
          <div>
            <label htmlFor={`${id}-quantity`} className="label">
              {labels.quantity}
            </label>
            <input
              id={`${id}-quantity`}
              type="number"
              min={1}
              max={maxQuantity}
              className="input w-24"
              value={quantity}
              onChange={(e) => { setQuantity(e.target.value); preview.reset(); }}
            />
          </div>
        ) : null}
        <button type="submit" className="btn-secondary" disabled={preview.isPending || apply.isPending || !hydrated}>
          {preview.isPending ? labels.previewing : labels.preview}
        </button>
      </form>

      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="alert-info" role="status" data-testid="plan-changed">
          {labels.changed}
        </p>
      ) : null}

      {data ? (
        <div className="space-y-4" data-testid="plan-change-preview">
          <section aria-labelledby={`${id}-now`}>
            <h3 id={`${id}-now`} className="font-semibold">
              {labels.nowHeading}
            </h3>
            {data.nothingToProrate ? (
              <p className="mt-2 text-sm text-slate-700" data-testid="preview-nothing-to-prorate">
                {labels.nothingToProrate}
              </p>
            ) : null}
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {data.now.lines.map((line, index) => (
                <li key={index} className="flex justify-between gap-3 py-1.5">
                  <span>{line.description}</span>
                  <span className="whitespace-nowrap tabular-nums">{money(line.amount, data.currency)}</span>
                </li>
              ))}
              <TaxRows taxes={data.now.taxes} currency={data.currency} locale={locale} labels={labels.tax} />
            </ul>
            <p className="mt-2 flex justify-between font-semibold">
              <span>{data.now.amountDue > 0 || data.now.total >= 0 ? labels.totalNow : labels.creditNow}</span>
              <span className="tabular-nums" data-testid="preview-amount-due">
                {money(data.now.total >= 0 ? data.now.amountDue : data.now.total, data.currency)}
              </span>
            </p>
          </section>
          <section aria-labelledby={`${id}-next`}>
            <h3 id={`${id}-next`} className="font-semibold">
              {labels.nextHeading}
            </h3>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {data.next.lines.map((line, index) => (
                <li key={index} className="flex justify-between gap-3 py-1.5">
                  <span>{line.description}</span>
                  <span className="whitespace-nowrap tabular-nums">{money(line.amount, data.currency)}</span>
                </li>
              ))}
              <TaxRows taxes={data.next.taxes} currency={data.currency} locale={locale} labels={labels.tax} />
            </ul>
            {data.nothingToProrate ? (
              // A usage price's next invoice bills the period's usage, not yet known: a total here would say ¥0.
              <p className="mt-2 text-sm text-slate-700" data-testid="preview-next-usage">
                {labels.nextUsage}
              </p>
            ) : (
              <p className="mt-2 flex justify-between font-semibold">
                <span>{labels.nextTotal}</span>
                <span className="tabular-nums" data-testid="preview-next-total">
                  {money(data.next.total, data.currency)}
                </span>
              </p>
            )}
          </section>
          <button
            type="button"
            className="btn-primary"
            disabled={apply.isPending}
            onClick={() => apply.execute({ organizationId, token: data.token })}
          >
            {apply.isPending ? labels.confirming : labels.confirm}
          </button>
        </div>
      ) : null}
    </div>
  );
}
