// What the runner runs: each queue's handler, retry policy and (for scans) cron schedule. Handlers are
// idempotent, so a retried or repeated job converges instead of acting twice.
import type PgBoss from 'pg-boss';
import { pushStripeInvoiceSettings } from '@/lib/branding/stripe-invoice-settings';
import { deliverNotification } from '@/lib/notifications/deliver';
import { requeueStrandedNotifications } from '@/lib/notifications/sweep';
import { scanNotificationMoments } from '@/lib/notifications/scan';
import { processPendingEvents } from '@/lib/webhooks/process';
import { releasePendingTransfers } from '@/lib/connect/release-pending';
import { env } from '@/lib/env';
import { requestHourlyUsageFollowUps, runUsageFollowUp, sweepUsageFollowUps } from '@/lib/usage/follow-up';
import { reportUsage } from '@/lib/usage/report-usage';

type JobDefinition = {
  /** Queue options; `policy` defaults to 'standard' (lib/jobs/runner.ts). */
  queue: Omit<PgBoss.Queue, 'name'>;
  /** Five-field cron in UTC; pg-boss sends one job per slot however many runners there are. */
  cron?: string;
  run(data: Record<string, unknown>): Promise<void>;
};

export type JobName =
  | 'webhooks.process-due'
  | 'notifications.scan'
  | 'notifications.sweep'
  | 'notifications.deliver'
  | 'branding.push-invoice-settings'
  | 'usage.report'
  | 'connect.release-pending'
  | 'usage.follow-up'
  | 'usage.follow-up-sweep'
  | 'usage.follow-up-hourly';

export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  /** Webhook events that failed (past their backoff), were never processed, or were abandoned by a crash. */
  'webhooks.process-due': {
    queue: { retryLimit: 0, expireInSeconds: 600 },
    cron: '* * * * *',
    async run() {
      const result = await processPendingEvents();
      if (result.claimed > 0) {
        console.info(`[jobs] webhook events: ${result.processed} processed, ${result.ignored} ignored, ${result.failed} failed`);
      }
    },
  },
  /** Time-based notification moments (trial end, renewal, card expiry, past due), each customer at its own clock. */
  'notifications.scan': {
    queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
    cron: '*/10 * * * *',
    async run() {
      await scanNotificationMoments();
    },
  },
  /** Outbox rows still pending whose delivery job was lost (a crash between the insert and the send). */
  'notifications.sweep': {
    queue: { retryLimit: 0, expireInSeconds: 300 },
    cron: '* * * * *',
    async run() {
      await requeueStrandedNotifications();
    },
  },
  /** One outbox row to SMTP or the dev mailbox; retried with exponential backoff (30 s, 1 min, 2 min, … 8 tries). */
  'notifications.deliver': {
    queue: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
    async run(data) {
      if (typeof data.notificationId !== 'string') return;
      await deliverNotification({ notificationId: data.notificationId });
    },
  },
  /**
   * Transfers of paid sales that waited for their payee's onboarding: sent once the payee is enabled. Enqueued by
   * account.updated for that payee; the cron run covers every payee in case an enqueue was lost. Idempotent.
   */
  'connect.release-pending': {
    queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
    cron: '*/5 * * * *',
    async run(data) {
      const result = await releasePendingTransfers(typeof data.payeeId === 'string' ? { payeeId: data.payeeId } : {});
      if (result.sent + result.failed > 0) console.info(`[jobs] connect transfers released: ${result.sent} sent, ${result.failed} failed`);
    },
  },
  /**
   * Every customer's invoice footer and custom fields brought in line with the branding settings: right after
   * an operator saves them, and every 10 minutes for customers created since (convergent: only differences are
   * sent, with keys from before → after).
   */
  'branding.push-invoice-settings': {
    queue: { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
    cron: '*/10 * * * *',
    async run() {
      const { updated } = await pushStripeInvoiceSettings();
      if (updated.length > 0) console.info(`[jobs] invoice footer and custom fields pushed to ${updated.length} Stripe customers`);
    },
  },
  /**
   * Accepted usage of closed customer·meter·hour windows to Stripe meters, corrections for late events; exact
   * whether it is retried, killed midway or run by two servers at once (lib/usage/report-usage.ts).
   */
  'usage.report': {
    queue: { retryLimit: 0, expireInSeconds: 900 },
    cron: `*/${env.USAGE_REPORT_INTERVAL_MINUTES} * * * *`,
    async run() {
      const result = await reportUsage();
      if (result.windows > 0) {
        console.info(`[jobs] usage: ${result.stripeCalls} meter events for ${result.windows} windows, ${result.failed} failed`);
      }
    },
  },
  /**
   * One organization after usage or a subscription change: budget alerts, then the projected invoice
   * (lib/usage/follow-up.ts). `stately` with the organization as singleton key: at most one queued and one running
   * per organization, so two servers never refresh the same organization at once and a burst queues one.
   */
  'usage.follow-up': {
    queue: { policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
    async run(data) {
      if (typeof data.organizationId !== 'string') return;
      await runUsageFollowUp(data.organizationId);
    },
  },
  /** Follow-ups asked for whose job was lost or gave up (the request is in invoice_projections). */
  'usage.follow-up-sweep': {
    queue: { retryLimit: 0, expireInSeconds: 600 },
    cron: '* * * * *',
    async run() {
      await sweepUsageFollowUps();
    },
  },
  /** Every organization billed on usage or with a budget, once an hour: usage reaches Stripe per hour window. */
  'usage.follow-up-hourly': {
    queue: { retryLimit: 1, retryDelay: 60, expireInSeconds: 900 },
    cron: '7 * * * *',
    async run() {
      await requestHourlyUsageFollowUps();
    },
  },
};
