// Account links: single-use, short-lived URLs of the hosted onboarding page. Kept in an internal collection
// (the `AccountLink` object has no id); the page looks its link up by the token in its URL.
import { defineCollection } from '../core/store.js';

export interface StoredAccountLink {
  /** The random token in the link's URL. */
  id: string;
  account: string;
  type: 'account_onboarding' | 'account_update';
  refresh_url: string | null;
  return_url: string | null;
  /** Unix seconds (wall time). */
  expires_at: number;
  /** Set once the payee submitted the page: Stripe's links work once. */
  used: boolean;
}

export const accountLinksCollection = defineCollection<StoredAccountLink>('_account_links');

/** Stripe's account links expire a few minutes after creation; the emulator gives them 5. */
export const ACCOUNT_LINK_TTL_SECONDS = 300;
