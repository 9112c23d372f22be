// Two job runners (two app servers) on one database share the outbox deliveries: every email is sent exactly
// once, even when each delivery job is enqueued twice. Runs on PGlite (one backend session, no LISTEN) and on
// PostgreSQL (real row locks between sessions).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { devMailbox, notifications } from '@/db/schema';
import { enqueueNotification } from '@/lib/notifications';
import { closeTestDb, databaseUrl, resetDatabase, testDb } from '@/test/integration/helpers';
import { startJobRunner, type JobRunner } from './runner';

const runners: JobRunner[] = [];

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('job runner (pg-boss)', () => {
  beforeEach(resetDatabase);
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(closeTestDb);

  it('two runners on one database deliver each outbox row once, even with every job sent twice', async () => {
    const db = testDb();
    const recipients = Array.from({ length: 6 }, (_, i) => `customer-${i}@example.com`);
    for (const [i, recipient] of recipients.entries()) {
      // Enqueued with no runner in this process: the row is written, no job yet (the sweep's case).
      await expect(
        enqueueNotification({
          kind: 'payment_failed',
          organizationId: null,
          recipient,
          locale: i % 2 ? 'ja' : 'en',
          dedupeKey: `runner-test:${i}`,
          payload: { invoiceId: `in_${i}`, number: `N-${i}`, amount: 1200, currency: 'jpy', declineCode: 'insufficient_funds', fixUrl: 'http://localhost/fix' },
        }),
      ).resolves.toBe('queued');
    }
    const rows = await db.select({ id: notifications.id }).from(notifications);
    expect(rows).toHaveLength(6);

    const options = { databaseUrl, pollingIntervalSeconds: 0.5, schedule: false, queues: ['notifications.deliver'] as const, max: 2 };
    runners.push(await startJobRunner(options), await startJobRunner(options));
    for (const row of rows) {
      for (const runner of runners) await runner.boss.send('notifications.deliver', { notificationId: row.id });
    }

    await waitFor(async () => (await db.select().from(notifications).where(eq(notifications.status, 'sent'))).length === 6);
    // Let any duplicate job finish before counting.
    await waitFor(async () => {
      const jobs = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from pgboss.job where name = 'notifications.deliver' and state in ('created', 'retry', 'active')`,
      );
      return Array.from(jobs)[0]!.n === 0;
    });

    // Each of the 12 jobs ran once, on one runner: completed, none retried or failed.
    const jobs = Array.from(
      await db.execute<{ state: string; retry_count: number }>(
        sql`select state, retry_count from pgboss.job where name = 'notifications.deliver'`,
      ),
    );
    expect(jobs).toHaveLength(12);
    expect(jobs.every((j) => j.state === 'completed' && j.retry_count === 0)).toBe(true);

    const mail = await db.select().from(devMailbox);
    expect(mail.map((m) => m.to).sort()).toEqual([...recipients].sort());
    const sent = await db.select().from(notifications);
    expect(sent.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
    // The Japanese reader got a Japanese subject, the English one an English subject.
    expect(mail.find((m) => m.to === 'customer-1@example.com')!.subject).toBe('￥1,200のお支払いができませんでした');
    expect(mail.find((m) => m.to === 'customer-0@example.com')!.subject).toBe('Your payment of ¥1,200 did not go through');
  }, 60_000);

  it('two runners starting at once on a database without pg-boss both start (app servers booting together)', async () => {
    // A fresh database, as at a first deployment: pg-boss creates its schema, every queue and the cron schedule.
    await testDb().execute(sql`drop schema if exists pgboss cascade`);
    const options = { databaseUrl, pollingIntervalSeconds: 0.5, max: 2 };
    const started = await Promise.allSettled([startJobRunner(options), startJobRunner(options), startJobRunner(options)]);
    for (const result of started) if (result.status === 'fulfilled') runners.push(result.value);
    expect(started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started'))).toEqual(['started', 'started', 'started']);
    // Each can send and work: a job sent through one is completed.
    const id = await runners[2]!.boss.send('notifications.sweep', {});
    await waitFor(async () => (await runners[0]!.boss.getJobById('notifications.sweep', id!))?.state === 'completed');
  }, 60_000);
});
