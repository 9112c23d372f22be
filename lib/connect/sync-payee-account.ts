// The payee mirror: re-reads the connected account and writes its state (status, outstanding requirements). Used
// by the account.updated webhook (v1), the v2 thin events (`v2.core.account*`), right after an operator adds a
// payee, and when a payee returns from onboarding. The account is read through the API it was created with
// (connect_payees.account_api). Idempotent. When the account has just become enabled, its waiting transfers are
// handed to the job runner (`connect.release-pending`; the job's cron sweep sends them anyway if the enqueue is lost).
import 'server-only';
import type Stripe from 'stripe';
import { getPayeeByAccountId, updatePayeeAccountState, type Payee } from '@/db/queries/payees';
import { enqueueJob } from '@/lib/jobs';
import { retrieveConnectedAccount } from '@/lib/stripe/retrieve-connected-account';
import { retrieveRecipientAccount } from '@/lib/stripe/retrieve-recipient-account';
import { payeeAccountState, recipientAccountState, type PayeeAccountState } from './payee-status';

/** The account's state, read from Stripe through the API the payee's account is on. */
async function readAccountState(payee: Pick<Payee, 'stripeAccountId' | 'accountApi'>, stripe?: Stripe): Promise<PayeeAccountState> {
  return payee.accountApi === 'v2'
    ? recipientAccountState(await retrieveRecipientAccount(payee.stripeAccountId, stripe))
    : payeeAccountState(await retrieveConnectedAccount(payee.stripeAccountId, stripe));
}

/** Null when no payee has this account (another platform user's account, or one added elsewhere). */
export async function syncPayeeAccount(
  accountId: string,
  options: { stripe?: Stripe; state?: PayeeAccountState } = {},
): Promise<{ before: Payee; after: Payee; becameEnabled: boolean } | null> {
  let state = options.state;
  if (!state) {
    const payee = await getPayeeByAccountId({ stripeAccountId: accountId });
    if (!payee) return null;
    state = await readAccountState(payee, options.stripe);
  }
  const changed = await updatePayeeAccountState({ stripeAccountId: accountId, ...state });
  if (!changed) return null;
  const becameEnabled = changed.before.status !== 'enabled' && changed.after.status === 'enabled';
  if (becameEnabled) await enqueueJob('connect.release-pending', { payeeId: changed.after.id }, { singletonKey: `connect.release-pending:${changed.after.id}` });
  return { ...changed, becameEnabled };
}
