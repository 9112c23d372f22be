// The payee mirror: re-reads the connected account and writes its state (status, outstanding requirements). Used
// by the account.updated webhook, right after an operator adds a payee, and when a payee returns from onboarding.
// Idempotent. When the account has just become enabled, its waiting transfers are handed to the job runner
// (`connect.release-pending`; the job's cron sweep sends them anyway if the enqueue is lost).
import 'server-only';
import type Stripe from 'stripe';
import { updatePayeeAccountState, type Payee } from '@/db/queries/payees';
import { enqueueJob } from '@/lib/jobs';
import { retrieveConnectedAccount } from '@/lib/stripe/retrieve-connected-account';
import { payeeAccountState } from './payee-status';

export async function syncPayeeAccount(
  accountId: string,
  options: { stripe?: Stripe; account?: Stripe.Account } = {},
): Promise<{ before: Payee; after: Payee; becameEnabled: boolean } | null> {
  const account = options.account ?? (await retrieveConnectedAccount(accountId, options.stripe));
  const changed = await updatePayeeAccountState({ stripeAccountId: account.id, ...payeeAccountState(account) });
  if (!changed) return null;
  const becameEnabled = changed.before.status !== 'enabled' && changed.after.status === 'enabled';
  if (becameEnabled) await enqueueJob('connect.release-pending', { payeeId: changed.after.id }, { singletonKey: `connect.release-pending:${changed.after.id}` });
  return { ...changed, becameEnabled };
}
