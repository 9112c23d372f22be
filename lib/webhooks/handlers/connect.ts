// Connect: account.updated (v1) and the v2 thin events `v2.core.account*` (a payee's connected account changed:
// re-read it into the payee mirror, through the API the payee's account is on; when it becomes enabled its
// waiting transfers are queued), and charge.refunded (a sale's charge was refunded: reverse the payees'
// transfers in proportion). All re-read from Stripe; the payload only says which object.
import { reverseSaleForCharge } from '@/lib/connect/reduce-sale';
import { syncPayeeAccount } from '@/lib/connect/sync-payee-account';
import { eventObject, ignored, type EventHandler, type HandlerContext, type HandlerResult } from '../types';

export const handleAccountEvent: EventHandler = async (event, context) => {
  const { id, type } = eventObject(event);
  if (event.type !== 'account.updated' || !id || type !== 'account') return ignored;
  return resyncPayee(id, event.id, context);
};

/** A thin notification as recorded: no `data`, only the related object to re-read. */
type ThinNotification = { id: string; type: string; related_object?: { id?: unknown; type?: unknown } | null };

export const handleV2AccountEvent: EventHandler = async (event, context) => {
  const notification = event as unknown as ThinNotification;
  const related = notification.related_object;
  if (!related || related.type !== 'v2.core.account' || typeof related.id !== 'string') return ignored;
  return resyncPayee(related.id, notification.id, context);
};

async function resyncPayee(accountId: string, eventId: string, { stripe }: HandlerContext): Promise<HandlerResult> {
  const result = await syncPayeeAccount(accountId, { stripe });
  if (!result) return ignored;
  if (result.before.status === result.after.status) return { outcome: 'processed' };
  return {
    outcome: 'processed',
    audit: [
      {
        organizationId: null,
        actor: { type: 'stripe', id: eventId },
        action: 'payee.status_changed',
        target: { type: 'payee', id: result.after.id },
        data: { before: { status: result.before.status }, after: { status: result.after.status, requirementsDue: result.after.requirementsDue } },
      },
    ],
  };
}

export const handleChargeRefundedEvent: EventHandler = async (event, { stripe }) => {
  const { id } = eventObject(event);
  if (!id) return ignored;
  const reversals = await reverseSaleForCharge(id, stripe);
  return reversals > 0 ? { outcome: 'processed' } : ignored;
};
