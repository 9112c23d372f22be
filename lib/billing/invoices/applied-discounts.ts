// The discounts applied to an invoice as a whole, each named: the coupon (its name, what it takes off) and what it
// took off this invoice. The mirror keeps the invoice read with `discounts` and their coupons expanded
// (lib/stripe-sync/read.ts); an invoice mirrored before that names its discounts by id only, and each is then
// named by its id. Pure.
import type Stripe from 'stripe';

export type AppliedDiscount = {
  /** The Discount object (`di_…`): what a reviewer removes. */
  id: string;
  couponId: string | null;
  /** The coupon's name, else its id, else the discount's id. */
  name: string;
  /** The coupon's own name only (null when it has none or the coupon is not expanded): what a customer may read. */
  couponName: string | null;
  percentOff: number | null;
  /** An amount coupon's amount in its own currency (minor unit). */
  amountOff: { amount: number; currency: string } | null;
  /** What it took off this invoice (Stripe's `total_discount_amounts`); 0 when it took nothing (yet). */
  amount: number;
  /** Applied to the subscription (each of its invoices), not to this invoice alone. */
  fromSubscription: boolean;
};

type DiscountRef = string | Stripe.Discount | Stripe.DeletedDiscount;

const idOf = (ref: DiscountRef | null | undefined): string | null => (typeof ref === 'string' ? ref : (ref?.id ?? null));

export function appliedDiscounts(invoice: { data: unknown }): AppliedDiscount[] {
  const data = invoice.data as Partial<Stripe.Invoice> | null;
  const amounts = new Map<string, number>();
  for (const entry of data?.total_discount_amounts ?? []) {
    const id = idOf(entry.discount);
    if (id) amounts.set(id, (amounts.get(id) ?? 0) + entry.amount);
  }
  return (data?.discounts ?? []).flatMap((ref: DiscountRef): AppliedDiscount[] => {
    const id = idOf(ref);
    if (!id) return [];
    const discount = typeof ref === 'string' ? null : ref;
    const source = discount?.source?.coupon;
    const coupon = source && typeof source === 'object' && !('deleted' in source && source.deleted) ? (source as Stripe.Coupon) : null;
    const couponId = coupon?.id ?? (typeof source === 'string' ? source : null);
    return [
      {
        id,
        couponId,
        name: coupon?.name || couponId || id,
        couponName: coupon?.name || null,
        percentOff: coupon?.percent_off ?? null,
        amountOff: coupon?.amount_off != null && coupon.currency ? { amount: coupon.amount_off, currency: coupon.currency } : null,
        amount: amounts.get(id) ?? 0,
        fromSubscription: Boolean(discount && !discount.invoice && discount.subscription),
      },
    ];
  });
}
