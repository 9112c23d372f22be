// An operator records a sale split between payees: a diagnosis billed to a facility, or an exam course a patient
// pays with their saved card. Everything is checked before Stripe is asked: the price and its split rule, one
// payee per role the rule names, each payee paid in the sale's currency, the shares within the sale. Then the
// sale and its transfer rows (one per payee, `scheduled`) are written with the audit entry, and the invoice
// that bills it is created (and charged to the saved card when asked). The transfers go out when the invoice
// is paid (settle-sale.ts), from the webhook or right here when the card was charged.
//
// Idempotent per attempt: the sale id is derived from the form's attempt, so a double click finds the same sale.
import 'server-only';
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { db } from '@/db';
import { getMirroredPrice } from '@/db/queries/catalog';
import { getSaleForOperator, insertSaleForOperator, setSaleInvoiceForOperator, type ConnectSale } from '@/db/queries/connect-sales';
import { getOrganizationById } from '@/db/queries/organizations';
import { listPayeesByIds } from '@/db/queries/payees';
import { recordAudit } from '@/lib/audit/record-audit';
import { taxRateIdsFor } from '@/lib/billing/tax/catalog-tax-rates';
import { AppError } from '@/lib/errors';
import { createOneOffInvoice } from '@/lib/stripe/create-one-off-invoice';
import { payInvoice } from '@/lib/stripe/pay-invoice';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { connectInputError } from './connect-error';
import type { RecordSaleInput } from './schemas';
import { settleSaleForInvoice } from './settle-sale';
import { splitSale } from './split';
import { findSplitRuleForPrice } from './split-rules';

/** A UUID-shaped id from the attempt: the same form submitted twice is the same sale. */
function saleIdFor(attempt: string): string {
  const hex = createHash('sha256').update(`connect-sale:${attempt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function recordSale(params: RecordSaleInput & { operatorUserId: string }, stripe?: Stripe): Promise<ConnectSale> {
  const saleId = saleIdFor(params.attempt);
  const existing = await getSaleForOperator({ saleId });
  if (existing?.invoiceId) return existing;

  const organization = await getOrganizationById({ organizationId: params.organizationId });
  if (!organization) throw new AppError('not_found', `organization ${params.organizationId} not found`);
  if (!organization.stripeCustomerId) throw connectInputError('no_customer', `organization ${organization.id} has no Stripe customer`);
  const price = await getMirroredPrice({ priceId: params.priceId });
  if (!price || !price.active || price.type !== 'one_time' || price.unitAmount === null || price.unitAmount <= 0) {
    throw connectInputError('unknown_price', `price ${params.priceId} is not an active one-time price`);
  }
  if (organization.currency && organization.currency !== price.currency) {
    throw connectInputError('customer_currency', `organization pays in ${organization.currency}, price is ${price.currency}`, {
      currency: organization.currency.toUpperCase(),
    });
  }
  const rule = await findSplitRuleForPrice(price);
  if (!rule) throw connectInputError('no_rule', `no split rule for ${price.id} or ${price.productId}`);
  if (rule.currency !== price.currency && rule.shares.some((s) => s.kind === 'fixed')) {
    throw connectInputError('rule_currency', `rule in ${rule.currency}, price in ${price.currency}`);
  }
  const split = splitSale(rule.shares, price.unitAmount, { of: 'sale', currency: price.currency });

  const chosen = new Map<string, string>(params.payees.map((p) => [p.role, p.payeeId]));
  const payees = await listPayeesByIds({ payeeIds: [...new Set(chosen.values())] });
  if (new Set(chosen.values()).size !== chosen.size) throw connectInputError('payee_twice', 'one payee chosen for two roles');
  const transfers = split.shares.map((share) => {
    const payee = payees.find((p) => p.id === chosen.get(share.role));
    if (!payee) throw connectInputError('payee_missing', `no payee for ${share.role}`, { role: share.role });
    // A payee's balance is in their country's currency: paying them from a sale in another one would need a
    // currency conversion and a cross-border transfer, neither of which the platform does.
    if (payee.currency !== price.currency) {
      throw connectInputError('payee_currency', `payee ${payee.id} is paid in ${payee.currency}, sale in ${price.currency}`, {
        name: payee.name,
        payeeCurrency: payee.currency.toUpperCase(),
        currency: price.currency.toUpperCase(),
      });
    }
    return { payeeId: payee.id, role: share.role, amount: share.amount };
  });
  const extra = [...chosen.keys()].filter((role) => !split.shares.some((s) => s.role === role));
  if (extra.length > 0) throw connectInputError('role_not_in_rule', `roles ${extra.join(', ')} are not in the rule`);

  if (!existing) {
    await db.transaction(async (tx) => {
      await insertSaleForOperator(
        {
          sale: {
            id: saleId,
            organizationId: organization.id,
            priceId: price.id,
            productName: price.productName,
            currency: price.currency,
            amount: price.unitAmount!,
            transferGroup: `sale_${saleId}`,
            createdByUserId: params.operatorUserId,
          },
          transfers,
        },
        tx,
      );
      await recordAudit(
        {
          organizationId: organization.id,
          actor: { type: 'operator', id: params.operatorUserId },
          action: 'connect_sale.recorded',
          target: { type: 'connect_sale', id: saleId },
          data: { after: { priceId: price.id, amount: price.unitAmount, currency: price.currency, transfers, platformAmount: split.platformAmount, chargeSavedCard: params.chargeSavedCard } },
        },
        tx,
      );
    });
  }

  const invoice = await createOneOffInvoice(
    {
      customerId: organization.stripeCustomerId,
      currency: price.currency,
      priceId: price.id,
      taxRateIds: await taxRateIdsFor({ lookupKey: null, currency: price.currency }),
      metadata: { organization_id: organization.id, seikyu_intent: 'connect_sale', seikyu_sale_id: saleId, price_id: price.id },
      idempotencyKey: `connect-sale:${saleId}`,
    },
    stripe,
  );
  await setSaleInvoiceForOperator({ saleId, invoiceId: invoice.id, billedAmount: invoice.total });
  if (params.chargeSavedCard && invoice.status === 'open') {
    try {
      await payInvoice({ invoiceId: invoice.id, idempotencyKey: `connect-sale:${saleId}:pay` }, stripe);
    } catch (error) {
      // The sale and its open invoice stay; the facility can pay it from its invoice page, which settles the sale.
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError('invalid_input', `sale ${saleId}: charging the saved card failed: ${message}`, { reason: 'charge_failed', userMessageKey: { key: 'connect.errors.charge_failed' }, cause: error });
    }
  }
  await syncStripeInvoice(invoice.id, undefined, stripe ? { stripe } : undefined);
  await settleSaleForInvoice(invoice.id, { stripe });
  return (await getSaleForOperator({ saleId }))!;
}
