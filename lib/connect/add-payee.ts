// An operator adds a payee: the row first (its id keys the Stripe call), then the connected account, then the
// account's state from Stripe. Refused before any Stripe call when the email is already a payee. Audited.
import 'server-only';
import type Stripe from 'stripe';
import { db } from '@/db';
import { getPayeeByEmail, insertPayee, type Payee } from '@/db/queries/payees';
import { recordAudit } from '@/lib/audit/record-audit';
import { createConnectedAccount } from '@/lib/stripe/create-connected-account';
import { connectInputError } from './connect-error';
import { currencyOfCountry } from './payee-roles';
import type { AddPayeeInput } from './schemas';
import { syncPayeeAccount } from './sync-payee-account';

export async function addPayee(params: AddPayeeInput & { operatorUserId: string }, stripe?: Stripe): Promise<Payee> {
  const email = params.email.toLowerCase();
  if (await getPayeeByEmail({ email })) throw connectInputError('payee_exists', `payee ${email} exists`, { email });
  const payeeId = crypto.randomUUID();
  // The email is the intent: adding the same person twice (a double click racing the check above) creates one account.
  const account = await createConnectedAccount(
    { email, name: params.name, country: params.country, payeeId, idempotencyKey: `connect-payee:${email}:account` },
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
        data: { after: { name: row.name, email, role: row.role, country: row.country, stripeAccountId: account.id } },
      },
      tx,
    );
    return row;
  });
  return (await syncPayeeAccount(account.id, { stripe, account }))?.after ?? payee;
}
