// A customer accepts a quote sent to them. Who may: an owner or billing manager of the quote's organization, or,
// for a prospect's quote, the person it was sent to (signed in with that email) — their organization is created
// now, with them as owner, and linked to the Stripe customer made for the quote. Stripe then accepts the quote
// (a subscription, or an invoice for one-off lines). What is left for the browser:
// - card, first invoice unpaid: the invoice's PaymentIntent secret, confirmed with the checkout's Payment Element,
//   then `finishQuoteAcceptance` verifies with Stripe;
// - card already on file and charged, or a trial: done, the overview;
// - bank transfer: the open invoice's page with the bank details.
// Refused with a clear sentence, nothing changed: expired, canceled, already accepted, not allowed.
import 'server-only';
import type Stripe from 'stripe';
import { db } from '@/db';
import { insertMembership, insertOrganization, setOrganizationStripeCustomer } from '@/db/queries/organizations';
import {
  getQuoteForViewer,
  lockQuoteRequestForViewer,
  recordQuoteAcceptanceForViewer,
  recordQuoteViewForViewer,
  setQuoteRequestOrganization,
  type ViewedQuote,
} from '@/db/queries/quotes';
import { recordAudit } from '@/lib/audit/record-audit';
import { finishSubscription } from '@/lib/billing/subscriptions/finish-subscription';
import { AppError, toAppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { acceptQuote } from '@/lib/stripe/accept-quote';
import { finalizeInvoice } from '@/lib/stripe/finalize-invoice';
import { updateDraftInvoice } from '@/lib/stripe/update-draft-invoice';
import { bankTransferFooterOf, getBrandingSettings } from '@/lib/branding/settings';
import { linkCustomerToOrganization } from '@/lib/stripe/link-customer-to-organization';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { setInvoiceFooter } from '@/lib/stripe/set-invoice-footer';
import { retrieveSubscriptionFirstInvoice } from '@/lib/stripe/retrieve-subscription-first-invoice';
import { syncStripeCustomer, syncStripeQuote } from '@/lib/stripe-sync';
import { quoteRefusal } from './quote-errors';
import { displayStatusOf } from './quote-state';

export type QuoteViewer = { id: string; email: string };

export type AcceptedQuote = {
  quoteId: string;
  organizationId: string;
  /** `payment`: confirm this secret with Stripe.js, then finish. `none`: go to `next`. */
  intent: { kind: 'payment'; clientSecret: string } | { kind: 'none' };
  next: string;
};

const overviewPath = (organizationId: string) => `/orgs/${organizationId}`;
const invoicePath = (organizationId: string, invoiceId: string) => `/orgs/${organizationId}/invoices/${invoiceId}`;

export async function loadQuoteForViewer(quoteId: string, viewer: QuoteViewer): Promise<ViewedQuote> {
  const found = await getQuoteForViewer({ quoteId, userId: viewer.id, email: viewer.email });
  // Not theirs, a draft, or no such quote: the same answer.
  if (!found) throw new AppError('not_found', `quote ${quoteId} is not visible to ${viewer.id}`);
  return found;
}

/** Why this quote cannot be accepted now, or null. Pure over the mirrored row. */
export function acceptanceRefusal(found: Pick<ViewedQuote, 'quote' | 'role' | 'request'>, now: Date = new Date()): 'alreadyAccepted' | 'expired' | 'canceled' | 'notAllowedToAccept' | null {
  const status = displayStatusOf(found.quote, now);
  if (status === 'accepted') return 'alreadyAccepted';
  if (status === 'expired') return 'expired';
  if (status !== 'open') return 'canceled';
  const organizationId = found.quote.organizationId ?? found.request.organizationId;
  // An organization's quote: its owners and billing managers. A prospect's: only the person it was sent to.
  if (organizationId ? !(found.role && can(found.role, 'billing:manage')) : found.role !== null) return 'notAllowedToAccept';
  return null;
}

/** The prospect's organization: created once per quote (the request row is locked), the viewer its owner. */
async function organizationForProspect(found: ViewedQuote, viewer: QuoteViewer, stripe?: Stripe): Promise<string> {
  const customerId = found.request.customerId;
  const organizationId = await db.transaction(async (tx) => {
    const request = await lockQuoteRequestForViewer({ quoteId: found.quote.id }, tx);
    if (request?.organizationId) return request.organizationId;
    const organization = await insertOrganization(
      { name: found.request.prospectName ?? viewer.email, currency: found.quote.currency ?? 'jpy', billingEmail: found.request.recipientEmail },
      tx,
    );
    await insertMembership({ organizationId: organization.id, userId: viewer.id, role: 'owner' }, tx);
    await setQuoteRequestOrganization({ quoteId: found.quote.id, organizationId: organization.id }, tx);
    await recordAudit(
      {
        organizationId: organization.id,
        actor: { type: 'user', id: viewer.id },
        action: 'organization.created',
        target: { type: 'organization', id: organization.id },
        data: { name: organization.name, currency: organization.currency, fromQuote: found.quote.id },
      },
      tx,
    );
    return organization.id;
  });
  // Resumable: both are idempotent, so a retry after a failure here finishes the link.
  if (!(await setOrganizationStripeCustomer({ organizationId, stripeCustomerId: customerId }))) {
    throw new AppError('conflict', `organization ${organizationId} is linked to another customer than ${customerId}`);
  }
  await linkCustomerToOrganization({ customerId, organizationId }, stripe);
  return organizationId;
}

/** Stripe's refusal of an acceptance the mirror had not seen yet (expired a moment ago, accepted elsewhere). */
function asRefusal(error: unknown): AppError {
  const message = (error as { message?: unknown })?.message;
  if ((error as { type?: string })?.type === 'StripeInvalidRequestError' && typeof message === 'string') {
    if (/expired/i.test(message)) return quoteRefusal('expired', message, 'conflict');
    if (/already been accepted/i.test(message)) return quoteRefusal('alreadyAccepted', message, 'conflict');
    if (/canceled/i.test(message)) return quoteRefusal('canceled', message, 'conflict');
  }
  return toAppError(error);
}

/** What the browser must still do for the first invoice, and where to go afterwards. */
async function nextStep(accepted: Stripe.Quote, organizationId: string, viewer: QuoteViewer, customerId: string, stripe?: Stripe): Promise<AcceptedQuote> {
  const base = { quoteId: accepted.id, organizationId };
  const bankTransfer = accepted.collection_method === 'send_invoice';
  const subscriptionId = typeof accepted.subscription === 'string' ? accepted.subscription : (accepted.subscription?.id ?? null);
  if (subscriptionId) {
    const subscription = await retrieveSubscriptionFirstInvoice(subscriptionId, stripe);
    const invoice = typeof subscription.latest_invoice === 'object' ? subscription.latest_invoice : null;
    const secret = invoice?.confirmation_secret?.client_secret;
    // Stripe issues a subscription's first invoice at acceptance, with the customer's default footer (the bank
    // details only if they already paid by transfer): it gets them now, since the invoice page shows the footer
    // as where to pay.
    if (bankTransfer && invoice && (invoice.status === 'draft' || invoice.status === 'open')) {
      const bankFooter = bankTransferFooterOf(await getBrandingSettings());
      if (bankFooter && invoice.footer !== bankFooter) {
        await setInvoiceFooter({ invoiceId: invoice.id, footer: bankFooter, idempotencyKey: `quote:${accepted.id}:invoice:${invoice.id}:bank-footer` }, stripe);
      }
    }
    if (!bankTransfer && subscription.status === 'incomplete' && invoice?.status === 'open' && secret) {
      return { ...base, intent: { kind: 'payment', clientSecret: secret }, next: overviewPath(organizationId) };
    }
    await finishSubscription({ organization: { id: organizationId, stripeCustomerId: customerId }, subscriptionId, actorUserId: viewer.id });
    return { ...base, intent: { kind: 'none' }, next: bankTransfer && invoice?.id ? invoicePath(organizationId, invoice.id) : overviewPath(organizationId) };
  }
  const invoiceId = typeof accepted.invoice === 'string' ? accepted.invoice : (accepted.invoice?.id ?? null);
  if (!invoiceId) return { ...base, intent: { kind: 'none' }, next: overviewPath(organizationId) };
  // Stripe leaves a one-off quote's invoice a draft for about an hour: issue it now, the customer is waiting.
  let invoice = await retrieveInvoice(invoiceId, stripe, { expand: ['confirmation_secret'] });
  if (invoice.status === 'draft') {
    // A bank-transfer invoice carries the bank details in its footer, which the invoice page and emails show.
    const bankFooter = bankTransfer ? bankTransferFooterOf(await getBrandingSettings()) : '';
    if (bankFooter) await updateDraftInvoice({ invoiceId, footer: bankFooter, idempotencyKey: `quote:${accepted.id}:invoice:${invoiceId}:bank-footer` }, stripe);
    await finalizeInvoice({ invoiceId, autoAdvance: true, idempotencyKey: `quote:${accepted.id}:invoice:${invoiceId}:finalize` }, stripe);
    invoice = await retrieveInvoice(invoiceId, stripe, { expand: ['confirmation_secret'] });
  }
  await syncStripeCustomer(customerId, undefined, { stripe });
  const secret = invoice.confirmation_secret?.client_secret;
  if (!bankTransfer && invoice.status === 'open' && secret) return { ...base, intent: { kind: 'payment', clientSecret: secret }, next: invoicePath(organizationId, invoiceId) };
  return { ...base, intent: { kind: 'none' }, next: invoicePath(organizationId, invoiceId) };
}

export async function acceptCustomerQuote(params: { quoteId: string; viewer: QuoteViewer; now?: Date }, stripe?: Stripe): Promise<AcceptedQuote> {
  const { viewer } = params;
  const found = await loadQuoteForViewer(params.quoteId, viewer);
  const refusal = acceptanceRefusal(found, params.now);
  if (refusal) throw quoteRefusal(refusal, `quote ${found.quote.id} (${found.quote.status}) for ${viewer.id}`, refusal === 'notAllowedToAccept' ? 'forbidden' : 'conflict');
  const customerId = found.request.customerId;
  const organizationId = found.quote.organizationId ?? found.request.organizationId ?? (await organizationForProspect(found, viewer, stripe));

  const accepted = await acceptQuote(found.quote.id, stripe).catch((error: unknown) => {
    throw asRefusal(error);
  });
  await syncStripeQuote(accepted.id, undefined, { stripe, customerId });
  await syncStripeCustomer(customerId, undefined, { stripe });
  const at = new Date();
  await recordQuoteAcceptanceForViewer({ quoteId: accepted.id, email: viewer.email, at, organizationId });
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: viewer.id },
    action: 'quote.accepted',
    target: { type: 'quote', id: accepted.id },
    data: {
      number: accepted.number,
      amountTotal: accepted.amount_total,
      currency: accepted.currency,
      subscriptionId: typeof accepted.subscription === 'string' ? accepted.subscription : (accepted.subscription?.id ?? null),
      invoiceId: typeof accepted.invoice === 'string' ? accepted.invoice : (accepted.invoice?.id ?? null),
      before: { status: found.quote.status },
      after: { status: accepted.status },
    },
  });
  return nextStep(accepted, organizationId, viewer, customerId, stripe);
}

/**
 * After the browser confirmed the first payment: re-reads from Stripe (never the browser's word), retires the
 * free tier and makes the paying card the default (finishSubscription), and says where to go.
 */
export async function finishQuoteAcceptance(params: { quoteId: string; viewer: QuoteViewer }, stripe?: Stripe): Promise<{ next: string; paid: boolean }> {
  const found = await loadQuoteForViewer(params.quoteId, params.viewer);
  const organizationId = found.quote.organizationId ?? found.request.organizationId;
  if (found.quote.status !== 'accepted' || !organizationId) throw new AppError('conflict', `quote ${found.quote.id} is ${found.quote.status}`);
  const customerId = found.request.customerId;
  if (found.quote.subscriptionId) {
    const { status } = await finishSubscription({ organization: { id: organizationId, stripeCustomerId: customerId }, subscriptionId: found.quote.subscriptionId, actorUserId: params.viewer.id });
    return { next: overviewPath(organizationId), paid: status === 'active' || status === 'trialing' };
  }
  await syncStripeCustomer(customerId, undefined, { stripe });
  return { next: found.quote.invoiceId ? invoicePath(organizationId, found.quote.invoiceId) : overviewPath(organizationId), paid: true };
}

/** The viewer opened the quote: first and last view recorded, and the view audited (who, when). */
export async function recordQuoteView(found: ViewedQuote, viewer: QuoteViewer): Promise<void> {
  const at = new Date();
  await recordQuoteViewForViewer({ quoteId: found.quote.id, email: viewer.email, at });
  await recordAudit({
    organizationId: found.quote.organizationId ?? found.request.organizationId,
    actor: { type: 'user', id: viewer.id },
    action: 'quote.viewed',
    target: { type: 'quote', id: found.quote.id },
    data: { email: viewer.email, status: found.quote.status },
  });
}
