// The billing engine: the core (state and helpers, engine-core.ts) with the invoice and subscription operations
// on top. Import order is one way: engine → subscription-ops → invoice-ops → engine-core; nothing imports back.
import { BillingCore, type BillingOptions } from './engine-core.js';
import type { BillingPorts } from './ports.js';
import { InvoiceOps } from './invoice-ops.js';
import { SubscriptionOps } from './subscription-ops.js';

export { DEFAULT_BILLING_OPTIONS, type BillingOptions } from './engine-core.js';

export class BillingEngine extends BillingCore {
  private readonly invoiceOpsInstance: InvoiceOps;
  private readonly subscriptionOpsInstance: SubscriptionOps;

  constructor(ports: BillingPorts, options: Partial<BillingOptions> = {}) {
    super(ports, options);
    this.invoiceOpsInstance = new InvoiceOps(this);
    this.subscriptionOpsInstance = new SubscriptionOps(this, this.invoiceOpsInstance);
    this.subscriptionCallbacks = this.subscriptionOpsInstance;
  }

  invoiceOps(): InvoiceOps {
    return this.invoiceOpsInstance;
  }

  subscriptionOps(): SubscriptionOps {
    return this.subscriptionOpsInstance;
  }
}
