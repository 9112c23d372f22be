// Which operator actions an invoice's status allows, and the permission each needs. Pure: the page shows only
// these buttons, and lib/billing/operator-invoices checks them again on the server before calling Stripe.
import { operatorCan, type OperatorPermission, type OperatorRole } from '@/lib/permissions';

export const operatorInvoiceActions = ['finalize', 'void', 'mark_uncollectible', 'resend'] as const;
export type OperatorInvoiceAction = (typeof operatorInvoiceActions)[number];

type InvoiceState = { status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void'; collectionMethod: 'charge_automatically' | 'send_invoice' };

export const invoiceActionRules: Record<
  OperatorInvoiceAction,
  { permission: OperatorPermission; from: readonly InvoiceState['status'][]; irreversible: boolean; takesReason: boolean; sendInvoiceOnly?: boolean }
> = {
  finalize: { permission: 'admin:invoices:manage', from: ['draft'], irreversible: true, takesReason: false },
  void: { permission: 'admin:invoices:manage', from: ['open', 'uncollectible'], irreversible: true, takesReason: true },
  mark_uncollectible: { permission: 'admin:invoices:manage', from: ['open'], irreversible: false, takesReason: true },
  resend: { permission: 'admin:invoices:resend', from: ['open'], irreversible: false, takesReason: false, sendInvoiceOnly: true },
};

/** True when the invoice's status (and collection method) allows the action at all, whoever asks. */
export function invoiceAllows(invoice: InvoiceState, action: OperatorInvoiceAction): boolean {
  const rule = invoiceActionRules[action];
  if (!rule.from.includes(invoice.status)) return false;
  return !rule.sendInvoiceOnly || invoice.collectionMethod === 'send_invoice';
}

/** The actions this operator may take on this invoice now, in display order. */
export function allowedInvoiceActions(invoice: InvoiceState, role: OperatorRole): OperatorInvoiceAction[] {
  return operatorInvoiceActions.filter((action) => invoiceAllows(invoice, action) && operatorCan(role, invoiceActionRules[action].permission));
}
