// The discounts running on the organization's subscription, from the mirror: each named (the coupon, the code it
// came from), what it takes off and for how long, and until when ("Until Apr 6, 2027", the next invoice, no end).
export type SubscriptionDiscountRow = { id: string; name: string; code: string | null; terms: string; until: string };

export function SubscriptionDiscounts({ title, discounts }: { title: string; discounts: SubscriptionDiscountRow[] }) {
  if (discounts.length === 0) return null;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3" data-testid="subscription-discounts">
      <h3 className="text-sm font-medium text-slate-900">{title}</h3>
      <ul className="mt-1 divide-y divide-slate-100 text-sm">
        {discounts.map((discount) => (
          <li key={discount.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-testid="subscription-discount">
            <span>
              {discount.name}
              {discount.code && discount.code !== discount.name ? <span className="ml-2 font-mono text-xs text-slate-600">{discount.code}</span> : null}
              <span className="block text-slate-700">{discount.terms}</span>
            </span>
            <span className="text-slate-600">{discount.until}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
