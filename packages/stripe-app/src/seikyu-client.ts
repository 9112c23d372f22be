// Calls Seikyu's Stripe App endpoint (POST <SEIKYU_URL>/api/stripe-app/*). Every request carries a fresh
// Stripe-Signature from fetchStripeSignature(), which signs the Dashboard user's user_id and account_id with the
// app's secret; Seikyu verifies it, so the ids sent in the body must be exactly the signed ones.
import type { FetchStripeSignature } from '@stripe/ui-extension-sdk/signature';

export type CustomerSummary = {
  object: 'seikyu.customer_summary';
  customer_id: string;
  organization: { id: string; name: string; billing_email: string | null; currency: string | null; created: number };
  subscription: {
    id: string;
    status: string;
    plan: string;
    currency: string;
    collection_method: string;
    current_period_start: number | null;
    current_period_end: number | null;
    cancel_at_period_end: boolean;
  } | null;
  limits: { tier: string | null; capacity: number | null; in_use: number; remaining: number | null; free_tier_ends_at: number | null; allowed: boolean };
  card: { id: string; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null } | null;
  usage: { meter: string; total: number; period_start: number | null; period_end: number | null }[];
  open_invoices: { id: string; number: string | null; currency: string; amount_due: number; amount_remaining: number; due_date: number | null; admin_url: string }[];
  notes: { id: string; body: string; author: string | null; created: number }[];
  links: { customer: string; invoices: string };
};

export type ResyncResult = { object: 'seikyu.customer_resync'; customer_id: string; deleted: boolean; subscriptions: number; invoices: number; payment_methods: number };
export type AddedNote = { object: 'seikyu.customer_note'; id: string; body: string; author: string; created: number };

/** Seikyu refused or failed: its Stripe-style error message, or what went wrong on the way. */
export class SeikyuRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SeikyuRequestError';
  }
}

export type SeikyuClientOptions = {
  /** Seikyu's public origin, from the manifest's constants (`SEIKYU_URL`). */
  baseUrl: string;
  userId: string;
  accountId: string;
  sign: FetchStripeSignature;
  fetch?: typeof fetch;
};

export function createSeikyuClient(options: SeikyuClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const endpoint = (path: string) => `${options.baseUrl.replace(/\/+$/, '')}/api/stripe-app/${path}`;

  async function post<T>(path: string, fields: Record<string, string>): Promise<T> {
    const signature = await options.sign();
    let response: Response;
    try {
      response = await doFetch(endpoint(path), {
        method: 'POST',
        headers: { 'Stripe-Signature': signature, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_id: options.userId, account_id: options.accountId, ...fields }),
      });
    } catch {
      throw new SeikyuRequestError(`Could not reach Seikyu at ${options.baseUrl}.`, null);
    }
    const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) throw new SeikyuRequestError(json?.error?.message ?? `Seikyu answered ${response.status}.`, response.status);
    return json as T;
  }

  return {
    customerSummary: (customerId: string) => post<CustomerSummary>('customer-summary', { customer_id: customerId }),
    resync: (customerId: string) => post<ResyncResult>('actions/resync', { customer_id: customerId }),
    addNote: (customerId: string, body: string) => post<AddedNote>('actions/add-note', { customer_id: customerId, body }),
  };
}

export type SeikyuClient = ReturnType<typeof createSeikyuClient>;
