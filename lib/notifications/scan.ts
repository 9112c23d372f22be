// The time-based moments, computed from the mirror at each customer's own "now": the wall clock, or for a
// customer on a Stripe test clock that clock's frozen time (recorded from test_helpers.test_clock.* events),
// so advancing a test clock drives these emails exactly as time would. Each moment has a dedupe key naming
// what it is about (the subscription and the trial end, the card and its expiry…): scanning again, on any
// number of servers, sends nothing twice.
import { catalogText } from '@/db/catalog-text';
import { getNotificationAudience, type NotificationAudience } from '@/db/queries/outbox';
import { listCustomerTestClocks, listTestClockTimes } from '@/db/queries/test-clocks';
import { listFreeTierOrganizationsForOperator, listNotificationScanCandidatesForOperator } from '@/db/queries/notifications';
import { daysLeftInFreeYear, dueFreeYearNotice, freeYearEndsAt } from '@/lib/usage/free-year';
import { customerRecipient, enqueueNotification } from './enqueue';
import { notifyInvoicePastDue } from './invoice-moments';
import { portalLinks } from './links';
import { emailLocaleFor } from './locale';
import { getNotificationSettings } from './settings';

const DAY_MS = 86_400_000;

export type ScanOptions = { now?: Date; customerIds?: string[] };

/** Whether `at` falls within the `days` before it, seen from `now` (not after: a moment past is not announced). */
export function isWithinDaysBefore(at: Date, now: Date, days: number): boolean {
  const left = at.getTime() - now.getTime();
  return left > 0 && left <= days * DAY_MS;
}

/** Whether a card expiring at the end of `expMonth/expYear` expires next month, seen from `now` (UTC). */
export function expiresNextMonth(expMonth: number, expYear: number, now: Date): boolean {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.getUTCFullYear() === expYear && next.getUTCMonth() + 1 === expMonth;
}

export async function scanNotificationMoments(options: ScanOptions = {}): Promise<void> {
  const settings = await getNotificationSettings();
  const wall = options.now ?? new Date();
  const [candidates, freeTier, customerClocks, clockTimes] = await Promise.all([
    listNotificationScanCandidatesForOperator({ customerIds: options.customerIds }),
    // A scan of named customers (a test clock advanced) looks at any sign-up date: the clock may be years ahead.
    listFreeTierOrganizationsForOperator({
      customerIds: options.customerIds,
      createdAfter: options.customerIds ? undefined : new Date(wall.getTime() - 400 * DAY_MS),
    }),
    listCustomerTestClocks(),
    listTestClockTimes(),
  ]);
  /** A customer's now; null for a customer on a test clock we have not heard from yet (its time is unknown). */
  const nowFor = (customerId: string): Date | null => {
    const clock = customerClocks.get(customerId);
    if (!clock) return wall;
    return clockTimes.get(clock) ?? null;
  };
  const audiences = new Map<string, NotificationAudience | null>();
  const audienceOf = async (customerId: string) => {
    if (!audiences.has(customerId)) audiences.set(customerId, await getNotificationAudience({ customerId }));
    return audiences.get(customerId) ?? null;
  };

  for (const sub of candidates.subscriptions) {
    const now = nowFor(sub.customerId);
    const audience = await audienceOf(sub.customerId);
    const to = audience ? customerRecipient(audience) : null;
    if (!now || !audience || !to) continue;
    // The plan as the customer's portal names it, in the email's language.
    const planName = sub.planName === null ? null : catalogText(sub.planMetadata, 'name', sub.planName, to.locale);
    if (sub.status === 'trialing' && sub.trialEnd && isWithinDaysBefore(sub.trialEnd, now, settings.trialEndingDays)) {
      await enqueueNotification({
        kind: 'trial_ending',
        ...to,
        dedupeKey: `trial_ending:${sub.id}:${sub.trialEnd.toISOString()}`,
        payload: { subscriptionId: sub.id, planName, trialEnd: sub.trialEnd.toISOString(), manageUrl: portalLinks.subscription(audience.organizationId) },
      });
    }
    // A renewal is a paid period starting: not the end of a trial (announced above), nor a subscription ending.
    const renewing = sub.status !== 'trialing' && !sub.cancelAtPeriodEnd && !sub.cancelAt;
    if (renewing && sub.currentPeriodEnd && isWithinDaysBefore(sub.currentPeriodEnd, now, settings.renewalDays)) {
      await enqueueNotification({
        kind: 'renewal_upcoming',
        ...to,
        dedupeKey: `renewal_upcoming:${sub.id}:${sub.currentPeriodEnd.toISOString()}`,
        payload: {
          subscriptionId: sub.id,
          planName,
          renewsAt: sub.currentPeriodEnd.toISOString(),
          interval: sub.interval,
          amount: sub.amount ?? undefined,
          currency: sub.amount != null ? sub.currency : undefined,
          manageUrl: portalLinks.subscription(audience.organizationId),
        },
      });
    }
  }

  for (const card of candidates.defaultCards) {
    const now = nowFor(card.ownerCustomerId);
    if (!now || card.cardExpMonth == null || card.cardExpYear == null) continue;
    if (!expiresNextMonth(card.cardExpMonth, card.cardExpYear, now)) continue;
    const audience = await audienceOf(card.ownerCustomerId);
    const to = audience ? customerRecipient(audience) : null;
    if (!audience || !to) continue;
    await enqueueNotification({
      kind: 'card_expiring',
      ...to,
      dedupeKey: `card_expiring:${card.id}:${card.cardExpYear}-${card.cardExpMonth}`,
      payload: {
        paymentMethodId: card.id,
        brand: card.cardBrand,
        last4: card.cardLast4,
        expMonth: card.cardExpMonth,
        expYear: card.cardExpYear,
        manageUrl: portalLinks.paymentMethods(audience.organizationId),
      },
    });
  }

  for (const invoice of candidates.openBankTransferInvoices) {
    const now = nowFor(invoice.customerId);
    if (!now || !invoice.dueDate || invoice.dueDate.getTime() >= now.getTime()) continue;
    const audience = await audienceOf(invoice.customerId);
    if (audience) await notifyInvoicePastDue(invoice, audience, now);
  }

  // The free year: told 30 and 7 days before it ends (once each: the dedupe key names the notice), and asked to
  // choose a plan. Not a reminder the customer can turn off: the free device stops when the year ends.
  for (const org of freeTier) {
    const now = nowFor(org.customerId);
    if (!now) continue;
    const endsAt = freeYearEndsAt(org.createdAt);
    const notice = dueFreeYearNotice(endsAt, now);
    if (!notice) continue;
    const audience = await audienceOf(org.customerId);
    if (!audience?.email) continue;
    await enqueueNotification({
      kind: 'free_year_ending',
      organizationId: org.organizationId,
      recipient: audience.email,
      locale: emailLocaleFor(audience.preferredLocale),
      dedupeKey: `free_year_ending:${org.organizationId}:${notice}`,
      payload: { endsAt: endsAt.toISOString(), daysBefore: notice, daysLeft: daysLeftInFreeYear(endsAt, now), plansUrl: portalLinks.plans(org.organizationId) },
    });
  }
}
