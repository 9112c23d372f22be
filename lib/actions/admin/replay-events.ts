'use server';
// Replay one webhook ledger event, or every failed one (admins: admin:events:replay). Audited.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { replayFailedStripeEvents, replayStripeEvent } from '@/lib/webhooks/replay';
import { operatorActionClient } from '../safe-action';

export const replayEventAction = operatorActionClient
  .metadata({ actionName: 'replayEvent', operatorPermission: 'admin:events:replay' })
  .inputSchema(z.object({ eventId: z.string().min(1).max(255) }))
  .action(async ({ ctx, parsedInput }) => {
    const outcome = await replayStripeEvent({ eventId: parsedInput.eventId, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath('/admin/events');
    return { outcome };
  });

export const replayFailedEventsAction = operatorActionClient
  .metadata({ actionName: 'replayFailedEvents', operatorPermission: 'admin:events:replay' })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const counts = await replayFailedStripeEvents({ actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath('/admin/events');
    return counts;
  });
