// The outbox sweep (minutely job): rows whose delivery was never attempted a minute after they were written
// lost their job (a crash between the insert and the enqueue, or written where no runner runs). They get a
// delivery job (with its retries) again; rows already attempted are in the runner's retry schedule.
import { listUnattemptedNotificationsForOperator } from '@/db/queries/notifications';
import { enqueueJob } from '@/lib/jobs';
import { deliverNotification } from './deliver';

export async function requeueStrandedNotifications(): Promise<number> {
  const rows = await listUnattemptedNotificationsForOperator({ createdBefore: new Date(Date.now() - 60_000) });
  for (const row of rows) {
    if (!(await enqueueJob('notifications.deliver', { notificationId: row.id }))) {
      await deliverNotification({ notificationId: row.id }).catch(() => undefined);
    }
  }
  return rows.length;
}
