// The page around both payment forms (plan checkout, one-off purchase): the refusal when there is nothing to
// pay for, else the summary beside the card form. Each page supplies its own summary rows and form.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { declineMessageKeys, type DeclineMessageKey } from './decline-message';

type Translate = (key: string) => string;

/** The decline sentences in the page's language, from `plans.checkout.declines.*`. */
export function declineLabels(t: Translate): Record<DeclineMessageKey, string> {
  return Object.fromEntries(declineMessageKeys.map((key) => [key, t(`declines.${key}`)])) as Record<DeclineMessageKey, string>;
}

export function BackToPlans({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="btn-secondary">
      {label}
    </Link>
  );
}

/** Why this price cannot be paid for here (setup incomplete, not in the catalogue, already subscribed…). */
export function CheckoutRefused({ title, problem, back }: { title: string; problem: string | null; back: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <p className="alert-error mb-4" role="alert">
        {problem}
      </p>
      {back}
    </>
  );
}

export function SummaryRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{term}</dt>
      {children}
    </div>
  );
}

export function CheckoutLayout(props: {
  title: string;
  back: ReactNode;
  summaryTitle: string;
  /** The rows of the summary's definition list, before the total. */
  rows: ReactNode;
  totalLabel: string;
  /** The amount due (text, or the checkout's live total that follows its promotion codes). */
  total: ReactNode;
  /** Notes under the summary. */
  notes?: ReactNode;
  paymentTitle: string;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={props.title} actions={props.back} />
      <div className="grid gap-6 lg:grid-cols-5">
        <section className="card lg:col-span-2" aria-labelledby="summary-title" data-testid="checkout-summary">
          <h2 id="summary-title" className="card-title">
            {props.summaryTitle}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            {props.rows}
            <div className="flex justify-between gap-3 border-t border-slate-100 pt-2 text-base">
              <dt className="font-medium">{props.totalLabel}</dt>
              <dd className="font-semibold tabular-nums" data-testid="checkout-total">
                {props.total}
              </dd>
            </div>
          </dl>
          {props.notes}
        </section>
        <section className="card lg:col-span-3" aria-labelledby="payment-title">
          <h2 id="payment-title" className="card-title mb-3">
            {props.paymentTitle}
          </h2>
          {props.children}
        </section>
      </div>
    </>
  );
}
