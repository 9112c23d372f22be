// What the emulator serves for an invoice: the PDF view model (invoice or receipt) and the hosted invoice page.
import type Stripe from 'stripe';
import type { BillingEngine } from './engine.js';
import type { InvoiceDocument } from '../pdf/invoice-pdf.js';
import { formatMoney } from './currency.js';
import { discountsCollection } from './collections.js';
import { resolvePublicUrls } from '../core/public-url.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function addressLines(a: Stripe.Address | null): string[] {
  if (!a) return [];
  const cityLine = [a.postal_code, a.city, a.state].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.country].filter((l): l is string => Boolean(l));
}

/** "Welcome (10% off)": the coupon's name (or id), with its percentage for percent coupons. */
export function discountLabel(engine: BillingEngine, id: string): string {
  const d = engine.store.get(discountsCollection, id);
  const coupon = d?.source.coupon;
  if (!coupon || typeof coupon === 'string') return 'Discount';
  const name = coupon.name ?? coupon.id;
  if (coupon.percent_off !== null) return `${name} (${coupon.percent_off}% off)`;
  return name;
}

function paymentMethodLabel(engine: BillingEngine, inv: Stripe.Invoice): string | null {
  if ((inv.amount_paid_off_stripe ?? 0) > 0) return 'Paid outside Stripe';
  const pi = engine.invoiceState(inv.id).payment_intent;
  const intent = pi ? engine.ports.payments.retrievePaymentIntent(pi) : undefined;
  const pmRef = intent?.payment_method;
  const pmId = pmRef ? (typeof pmRef === 'string' ? pmRef : pmRef.id) : null;
  const pm = pmId ? engine.ports.payments.retrievePaymentMethod(pmId) : undefined;
  if (pm?.card) return `${pm.card.brand.charAt(0).toUpperCase()}${pm.card.brand.slice(1)} •••• ${pm.card.last4}`;
  return null;
}

export function invoiceDocument(engine: BillingEngine, inv: Stripe.Invoice, kind: 'invoice' | 'receipt'): InvoiceDocument {
  return {
    kind,
    number: inv.number,
    status: inv.status ?? 'draft',
    currency: inv.currency,
    issuedAt: inv.status_transitions.finalized_at ?? inv.created,
    dueAt: inv.due_date,
    paidAt: inv.status_transitions.paid_at,
    seller: { name: inv.account_name, email: null, addressLines: [] },
    billTo: { name: inv.customer_name, email: inv.customer_email, addressLines: addressLines(inv.customer_address) },
    lines: inv.lines.data.map((l) => ({
      description: l.description ?? '',
      period: l.period.start !== l.period.end ? l.period : null,
      quantity: l.quantity,
      // A proration's amount is a share of the unit price; showing the full unit price beside it misleads.
      unitAmount:
        l.parent?.subscription_item_details?.proration || l.parent?.invoice_item_details?.proration || l.pricing?.unit_amount_decimal == null
          ? null
          : Number(String(l.pricing.unit_amount_decimal)),
      amount: l.amount,
    })),
    subtotal: inv.subtotal,
    discounts: (inv.total_discount_amounts ?? [])
      .filter((d) => d.amount !== 0)
      .map((d) => ({ label: discountLabel(engine, typeof d.discount === 'string' ? d.discount : d.discount.id), amount: d.amount })),
    total: inv.total,
    amountPaid: inv.amount_paid,
    amountDue: inv.amount_due,
    amountRemaining: inv.amount_remaining,
    appliedBalance: inv.starting_balance < 0 ? Math.max(inv.starting_balance, -inv.total) : inv.starting_balance,
    memo: inv.description,
    footer: inv.footer,
    customFields: inv.custom_fields ?? [],
    paymentUrl: inv.hosted_invoice_url ? resolvePublicUrls(inv.hosted_invoice_url, engine.ports.baseUrl()) : null,
    paymentMethodLabel: kind === 'receipt' ? paymentMethodLabel(engine, inv) : null,
  };
}

/** A plain hosted invoice page: summary, lines, totals, download links. */
export function renderHostedInvoice(engine: BillingEngine, inv: Stripe.Invoice): string {
  const money = (n: number) => escapeHtml(formatMoney(n, inv.currency));
  const date = (t: number | null) => (t ? new Date(t * 1000).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' }) : '—');
  const rows = inv.lines.data
    .map((l) => `<tr><td>${escapeHtml(l.description ?? '')}</td><td class="n">${l.quantity ?? ''}</td><td class="n">${money(l.amount)}</td></tr>`)
    .join('');
  const base = engine.ports.baseUrl();
  const receipt = inv.status === 'paid' ? `<a href="${base}/_emulator/receipts/${inv.id}">Download receipt</a>` : '';
  const status =
    inv.status === 'paid' ? `Paid ${date(inv.status_transitions.paid_at)}` : inv.status === 'open' ? `Due ${date(inv.due_date ?? inv.status_transitions.finalized_at)}` : (inv.status ?? '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice ${escapeHtml(inv.number ?? inv.id)}</title>
<style>body{font:15px system-ui,sans-serif;color:#1a1f36;max-width:640px;margin:40px auto;padding:0 16px}
table{width:100%;border-collapse:collapse}td,th{padding:8px 0;border-bottom:1px solid #e3e8ee;text-align:left}.n{text-align:right}
.total{font-weight:600}.muted{color:#697386}a{color:#635bff;margin-right:16px}</style></head><body>
<p class="muted">${escapeHtml(inv.account_name ?? '')}</p>
<h1>${money(inv.status === 'paid' ? inv.amount_paid : inv.amount_remaining)}</h1>
<p>${escapeHtml(status)} · Invoice <strong>${escapeHtml(inv.number ?? inv.id)}</strong></p>
<p class="muted">To ${escapeHtml(inv.customer_name ?? inv.customer_email ?? '')}</p>
<table><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Amount</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><td>Subtotal</td><td></td><td class="n">${money(inv.subtotal)}</td></tr>
<tr class="total"><td>Total</td><td></td><td class="n">${money(inv.total)}</td></tr>
<tr><td>Amount due</td><td></td><td class="n">${money(inv.amount_remaining)}</td></tr></tfoot></table>
<p><a href="${base}/_emulator/invoices/${inv.id}/pdf">Download invoice</a>${receipt}</p>
${inv.footer ? `<p class="muted">${escapeHtml(inv.footer)}</p>` : ''}</body></html>`;
}
