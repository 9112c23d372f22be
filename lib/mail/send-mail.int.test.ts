// Without SMTP_URL, mail lands in the dev mailbox, and the JSON route the e2e tests read returns the newest
// message for a recipient with its links.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { GET as latestMail } from '@/app/dev/mailbox/api/latest/route';
import { listMailboxMessages } from '@/db/queries/mailbox';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { sendMail } from './send-mail';

const latest = (query: string) => latestMail(new NextRequest(`http://localhost/dev/mailbox/api/latest${query}`));

describe('sendMail to the dev mailbox', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('stores the message for its (lower-cased) recipient, newest first', async () => {
    await sendMail({ to: 'Ann@Example.com', subject: 'First', text: 'one https://a.test/1' });
    await new Promise((r) => setTimeout(r, 5));
    await sendMail({ to: 'ann@example.com', subject: 'Second', text: 'two https://a.test/2?x=1&y=2', html: '<p>two</p>' });
    await sendMail({ to: 'bob@example.com', subject: 'Other', text: 'three' });

    const messages = await listMailboxMessages({ to: 'ANN@example.com' }, testDb());
    expect(messages.map((m) => [m.to, m.subject])).toEqual([
      ['ann@example.com', 'Second'],
      ['ann@example.com', 'First'],
    ]);

    const response = await latest('?to=ann%40example.com');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ to: 'ann@example.com', subject: 'Second', links: ['https://a.test/2?x=1&y=2'] });
  });

  it('refuses a recipient that is not an email and answers 404 when nothing was sent', async () => {
    await expect(sendMail({ to: 'nobody', subject: 'x', text: 'y' })).rejects.toThrow(/invalid recipient/);
    expect((await latest('')).status).toBe(400);
    expect((await latest('?to=nobody')).status).toBe(400);
    expect((await latest('?to=carol%40example.com')).status).toBe(404);
  });
});
