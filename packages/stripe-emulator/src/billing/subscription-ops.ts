// Subscription lifecycle, as one object the rest of the emulator calls: create (payment behaviours, trials,
// anchors, discounts), update with Stripe's time-based prorations, cancel / resume, renewals, trial ends,
// incomplete expiry and previews. Each concern is its own module in ./subscriptions/ taking one shared
// SubscriptionContext; this class only binds them to it.
import type { BillingCore } from './engine-core.js';
import type { InvoiceOps } from './invoice-ops.js';
import { SubscriptionContext } from './subscriptions/context.js';
import { buildInvoice, createInvoiceItem, describeItem, lineForInvoiceItem, newInvoiceItem } from './subscriptions/lines.js';
import { createSubscription, planCreate } from './subscriptions/create.js';
import { afterInvoicePaid, expireIncomplete, onSetupIntentSucceeded, setStatus } from './subscriptions/status.js';
import { planUpdate, updateSubscription } from './subscriptions/update.js';
import { cancelNow, resumeSubscription } from './subscriptions/cancel.js';
import { scheduleCycleJobs } from './subscriptions/schedule.js';
import { cancelAtScheduled, runCycle, sendTrialWillEnd, sendUpcoming } from './subscriptions/cycle.js';
import { renewAt } from './subscriptions/renewal.js';
import { previewImmediate, previewRenewal } from './subscriptions/preview.js';

export { JOB_CANCEL_AT, JOB_CYCLE, JOB_EXPIRE_INCOMPLETE, JOB_TRIAL_WILL_END, JOB_UPCOMING } from './subscriptions/schedule.js';
export { cardErrorFrom, planFromPrice } from './subscriptions/helpers.js';
export type { CreatePlan, PlannedChange } from './subscriptions/types.js';

/** A module function's parameters after the context. */
type Rest<F> = F extends (ctx: SubscriptionContext, ...args: infer A) => unknown ? A : never;

export class SubscriptionOps {
  private readonly ctx: SubscriptionContext;

  constructor(engine: BillingCore, invoices: InvoiceOps) {
    this.ctx = new SubscriptionContext(engine, invoices);
  }

  describeItem(...args: Rest<typeof describeItem>): ReturnType<typeof describeItem> {
    return describeItem(this.ctx, ...args);
  }

  lineForInvoiceItem(...args: Rest<typeof lineForInvoiceItem>): ReturnType<typeof lineForInvoiceItem> {
    return lineForInvoiceItem(this.ctx, ...args);
  }

  createInvoiceItem(...args: Rest<typeof createInvoiceItem>): ReturnType<typeof createInvoiceItem> {
    return createInvoiceItem(this.ctx, ...args);
  }

  newInvoiceItem(...args: Rest<typeof newInvoiceItem>): ReturnType<typeof newInvoiceItem> {
    return newInvoiceItem(this.ctx, ...args);
  }

  buildInvoice(...args: Rest<typeof buildInvoice>): ReturnType<typeof buildInvoice> {
    return buildInvoice(this.ctx, ...args);
  }

  create(...args: Rest<typeof createSubscription>): ReturnType<typeof createSubscription> {
    return createSubscription(this.ctx, ...args);
  }

  planCreate(...args: Rest<typeof planCreate>): ReturnType<typeof planCreate> {
    return planCreate(this.ctx, ...args);
  }

  setStatus(...args: Rest<typeof setStatus>): ReturnType<typeof setStatus> {
    return setStatus(this.ctx, ...args);
  }

  onSetupIntentSucceeded(...args: Rest<typeof onSetupIntentSucceeded>): ReturnType<typeof onSetupIntentSucceeded> {
    return onSetupIntentSucceeded(this.ctx, ...args);
  }

  afterInvoicePaid(...args: Rest<typeof afterInvoicePaid>): ReturnType<typeof afterInvoicePaid> {
    return afterInvoicePaid(this.ctx, ...args);
  }

  expireIncomplete(...args: Rest<typeof expireIncomplete>): ReturnType<typeof expireIncomplete> {
    return expireIncomplete(this.ctx, ...args);
  }

  plan(...args: Rest<typeof planUpdate>): ReturnType<typeof planUpdate> {
    return planUpdate(this.ctx, ...args);
  }

  update(...args: Rest<typeof updateSubscription>): ReturnType<typeof updateSubscription> {
    return updateSubscription(this.ctx, ...args);
  }

  cancelNow(...args: Rest<typeof cancelNow>): ReturnType<typeof cancelNow> {
    return cancelNow(this.ctx, ...args);
  }

  resume(...args: Rest<typeof resumeSubscription>): ReturnType<typeof resumeSubscription> {
    return resumeSubscription(this.ctx, ...args);
  }

  scheduleCycleJobs(...args: Rest<typeof scheduleCycleJobs>): ReturnType<typeof scheduleCycleJobs> {
    return scheduleCycleJobs(this.ctx, ...args);
  }

  trialWillEnd(...args: Rest<typeof sendTrialWillEnd>): ReturnType<typeof sendTrialWillEnd> {
    return sendTrialWillEnd(this.ctx, ...args);
  }

  upcoming(...args: Rest<typeof sendUpcoming>): ReturnType<typeof sendUpcoming> {
    return sendUpcoming(this.ctx, ...args);
  }

  cancelAt(...args: Rest<typeof cancelAtScheduled>): ReturnType<typeof cancelAtScheduled> {
    return cancelAtScheduled(this.ctx, ...args);
  }

  cycle(...args: Rest<typeof runCycle>): ReturnType<typeof runCycle> {
    return runCycle(this.ctx, ...args);
  }

  renewAt(...args: Rest<typeof renewAt>): ReturnType<typeof renewAt> {
    return renewAt(this.ctx, ...args);
  }

  previewRenewal(...args: Rest<typeof previewRenewal>): ReturnType<typeof previewRenewal> {
    return previewRenewal(this.ctx, ...args);
  }

  previewImmediate(...args: Rest<typeof previewImmediate>): ReturnType<typeof previewImmediate> {
    return previewImmediate(this.ctx, ...args);
  }
}
