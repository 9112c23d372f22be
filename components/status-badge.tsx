// Status badges for subscriptions and invoices: colour carries the meaning, the text always says it too.
import { getTranslations } from '@/lib/i18n/server';
import type { InvoiceStatus, SubscriptionStatus } from '@/db/queries/billing';

const subscriptionTone: Record<SubscriptionStatus, string> = {
  active: 'badge-green',
  trialing: 'badge-blue',
  past_due: 'badge-amber',
  unpaid: 'badge-red',
  incomplete: 'badge-amber',
  incomplete_expired: 'badge-gray',
  canceled: 'badge-gray',
  paused: 'badge-gray',
};

const invoiceTone: Record<InvoiceStatus, string> = {
  paid: 'badge-green',
  open: 'badge-amber',
  draft: 'badge-gray',
  uncollectible: 'badge-red',
  void: 'badge-gray',
};

export async function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus | null }) {
  const t = await getTranslations('subscriptionStatus');
  return <span className={status ? subscriptionTone[status] : 'badge-gray'}>{t(status ?? 'none')}</span>;
}

/** The badge class of an invoice status (for client components that draw the badge from the server's label). */
export function invoiceBadgeClass(status: InvoiceStatus): string {
  return invoiceTone[status];
}

export async function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = await getTranslations('invoiceStatus');
  return <span className={invoiceTone[status]}>{t(status)}</span>;
}
