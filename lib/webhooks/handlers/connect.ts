// Connect: account.* (a payee's connected account changed: re-read it into the payee mirror; when it becomes
// enabled its waiting transfers are queued) and charge.refunded (a sale's charge was refunded: reverse the
// payees' transfers in proportion). Both re-read from Stripe; the payload only says which object.
import { reverseSaleForCharge } from '@/lib/connect/reduce-sale';
import { syncPayeeAccount } from '@/lib/connect/sync-payee-account';
import { eventObject, ignored, type EventHandler } from '../types';

export const handleAccountEvent: EventHandler = async (event, { stripe }) => {
  const { id, type } = eventObject(event);
  if (event.type !== 'account.updated' || !id || type !== 'account') return ignored;
  const result = await syncPayeeAccount(id, { stripe });
  if (!result) return ignored;
  if (result.before.status === result.after.status) return { outcome: 'processed' };
  return {
    outcome: 'processed',
    audit: [
      {
        organizationId: null,
        actor: { type: 'stripe', id: event.id },
        action: 'payee.status_changed',
        target: { type: 'payee', id: result.after.id },
        data: { before: { status: result.before.status }, after: { status: result.after.status, requirementsDue: result.after.requirementsDue } },
      },
    ],
  };
};

export const handleChargeRefundedEvent: EventHandler = async (event, { stripe }) => {
  const { id } = eventObject(event);
  if (!id) return ignored;
  const reversals = await reverseSaleForCharge(id, stripe);
  return reversals > 0 ? { outcome: 'processed' } : ignored;
};
