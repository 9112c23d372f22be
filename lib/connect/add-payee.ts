// An operator adds a payee: the connected account (Accounts v2, recipient configuration; its id comes from the
// new row's id), then the row (`account_api` v2) and the account's state from Stripe's answer. Refused before any Stripe call when the email is already a payee. Audited.
import 'server-only';
import type Stripe from 'stripe';
import { db } from '@/db';
import { getPayeeByEmail, insertPayee, type Payee } from '@/db/queries/payees';
import { recordAudit } from '@/lib/audit/record-audit';
import { createConnectedAccount } from '@/lib/stripe/create-connected-account';
import { connectInputError } from './connect-error';
import { currencyOfCountry } from './payee-roles';
import type { AddPayeeInput } from './schemas';
import { recipientAccountState } from './payee-status';
import { syncPayeeAccount } from './sync-payee-account';

export async function addPayee(params: AddPayeeInput & { operatorUserId: string }, stripe?: Stripe): Promise<Payee> {
  const email = params.email.toLowerCase();
  if (await getPayeeByEmail({ email })) throw connectInputError('payee_exists', `payee ${email} exists`, { email });
  const payeeId = crypto.randomUUID();
  // The email is the intent: adding the same person twice (a double click racing the check above) creates one
  // account. `account-v2`: the key of a v1 account made for this email before the change stays the v1 request's.
  const account = await createConnectedAccount(
    { email, name: params.name, country: params.country, payeeId, idempotencyKey: `connect-payee:${email}:account-v2` },
    stripe,
  );
  const payee = await db.transaction(async (tx) => {
    const row = await insertPayee(
      {
        id: payeeId,
        name: params.name,
        email,
        role: params.role,
        country: params.country,
        currency: currencyOfCountry(params.country),
        stripeAccountId: account.id,
        accountApi: 'v2',
        createdByUserId: params.operatorUserId,
      },
      tx,
    );
    await recordAudit(
      {
        organizationId: null,
        actor: { type: 'operator', id: params.operatorUserId },
        action: 'payee.added',
        target: { type: 'payee', id: row.id },
        data: { after: { name: row.name, email, role: row.role, country: row.country, stripeAccountId: account.id, accountApi: 'v2' } },
      },
      tx,
    );
    return row;
  });
  return (await syncPayeeAccount(account.id, { stripe, state: recipientAccountState(account) }))?.after ?? payee;
}
