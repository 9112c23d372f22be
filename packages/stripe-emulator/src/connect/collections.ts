// Connect's collections, in their own module so balances and transfers can both read them without a cycle.
import type Stripe from 'stripe';
import { defineCollection } from '../core/store.js';

/** Connected accounts, stored exactly as the API returns them to the platform. */
export const accountsCollection = defineCollection<Stripe.Account>('accounts');
export const transfersCollection = defineCollection<Stripe.Transfer>('transfers');
export const transferReversalsCollection = defineCollection<Stripe.TransferReversal>('transfer_reversals');
