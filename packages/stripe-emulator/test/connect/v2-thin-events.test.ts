// v2 thin events for v2 accounts: stored for /v2/core/events, delivered as thin notifications (no `data`) to the
// thin-event destination, signed like webhooks and parsed by the SDK's `parseEventNotification`; onboarding on
// the hosted page sends the recipient capability, requirements and account events; a refused request sends none.
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { flushWebhooks, startTestEmulator, startWebhookReceiver, stripeError, type TestEmulator, type WebhookReceiver } from '../helpers.js';
import { submitOnboarding } from './helpers.js';

const THIN_SECRET = 'whsec_test_thin';
const verifier = new Stripe('sk_test_verifier');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(): Promise<{ emu: TestEmulator; thin: WebhookReceiver; snapshots: WebhookReceiver }> {
  const thin = await startWebhookReceiver();
  const snapshots = await startWebhookReceiver();
  const emu = await startTestEmulator({ webhookUrl: snapshots.url, thinWebhookUrl: thin.url, thinWebhookSecret: THIN_SECRET });
  cleanups.push(() => thin.close(), () => snapshots.close(), () => emu.close());
  return { emu, thin, snapshots };
}

type AccountNotification = Stripe.V2.Core.EventNotification & { related_object?: { id: string; type: string; url: string } };

/** The notifications a receiver got, each once: delivery is at least once (a slow answer is retried). */
function notifications(receiver: WebhookReceiver, secret = THIN_SECRET): AccountNotification[] {
  const parsed = receiver.received.map((r) => verifier.parseEventNotification(r.body, r.signature, secret) as AccountNotification);
  return parsed.filter((n, i) => parsed.findIndex((m) => m.id === n.id) === i);
}

function createRecipient(stripe: Stripe, email = 'doctor@example.com'): Promise<Stripe.V2.Core.Account> {
  return stripe.v2.core.accounts.create({
    contact_email: email,
    display_name: 'Dr. Sato',
    dashboard: 'express',
    identity: { country: 'JP' },
    configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { requested: true } } } } },
    defaults: { responsibilities: { fees_collector: 'application', losses_collector: 'application' } },
  });
}

describe('v2 thin events', () => {
  it('sends v2.core.account.created as a signed thin notification the SDK parses; the event and its account can be fetched', async () => {
    const { emu, thin, snapshots } = await setup();
    const account = await createRecipient(emu.stripe);
    await flushWebhooks(emu.url);

    const [notification, ...rest] = notifications(thin);
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      object: 'v2.core.event',
      type: 'v2.core.account.created',
      livemode: false,
      related_object: { id: account.id, type: 'v2.core.account', url: `/v2/core/accounts/${account.id}` },
    });
    expect(notification!.id).toMatch(/^evt_/);
    expect(new Date(notification!.created).toISOString()).toBe(notification!.created);
    // Thin: the notification itself carries no data.
    expect(JSON.parse(thin.received[0]!.body)).not.toHaveProperty('data');
    // A wrong secret is refused by the SDK, as against Stripe.
    expect(() => verifier.parseEventNotification(thin.received[0]!.body, thin.received[0]!.signature, 'whsec_wrong')).toThrow();
    // Thin events never reach the snapshot endpoint.
    expect(snapshots.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).not.toContain('v2.core.account.created');

    const client = emu.stripe;
    const event = await client.v2.core.events.retrieve(notification!.id);
    expect(event).toMatchObject({ id: notification!.id, object: 'v2.core.event', type: 'v2.core.account.created', related_object: { id: account.id } });
    expect(event.reason).toMatchObject({ type: 'request' });
    const related = (await client.v2.core.accounts.retrieve(notification!.related_object!.id)) as Stripe.V2.Core.Account;
    expect(related.id).toBe(account.id);
  });

  it('onboarding on the hosted page sends the recipient capability, requirements and account events; /v2/core/events lists them by object', async () => {
    const { emu, thin } = await setup();
    const account = await createRecipient(emu.stripe);
    const other = await createRecipient(emu.stripe, 'other@example.com');
    const link = await emu.stripe.v2.core.accountLinks.create({
      account: account.id,
      use_case: { type: 'account_onboarding', account_onboarding: { refresh_url: 'https://app.example/f', return_url: 'https://app.example/r' } },
    });
    expect((await submitOnboarding(link.url)).status).toBe(303);
    await flushWebhooks(emu.url);

    const types = notifications(thin)
      .filter((n) => n.related_object?.id === account.id)
      .map((n) => n.type);
    expect(types).toEqual([
      'v2.core.account.created',
      'v2.core.account[configuration.recipient].capability_status_updated',
      'v2.core.account[requirements].updated',
      'v2.core.account.updated',
    ]);
    const capabilityEvent = notifications(thin).find((n) => n.type === 'v2.core.account[configuration.recipient].capability_status_updated')!;
    const fetched = await emu.stripe.v2.core.events.retrieve(capabilityEvent.id);
    expect((fetched as unknown as { data: unknown }).data).toEqual({ updated_capability: 'stripe_balance.stripe_transfers' });

    // What the thin event points at: the account, now enabled for transfers with nothing outstanding.
    const after = await emu.stripe.v2.core.accounts.retrieve(account.id, { include: ['configuration.recipient', 'requirements'] });
    expect(after.configuration?.recipient?.capabilities?.stripe_balance?.stripe_transfers?.status).toBe('active');
    expect(after.requirements?.entries).toEqual([]);

    const listed = await emu.stripe.v2.core.events.list({ object_id: account.id });
    expect(listed.data.map((e) => e.type)).toEqual([...types].reverse());
    const otherListed = await emu.stripe.v2.core.events.list({ object_id: other.id });
    expect(otherListed.data.map((e) => e.type)).toEqual(['v2.core.account.created']);
  });

  it('a refused request stores and sends no v2 event; an unknown event id is a 404', async () => {
    const { emu, thin } = await setup();
    const account = await createRecipient(emu.stripe);
    await flushWebhooks(emu.url);

    // Closed accounts refuse updates; the close itself is an event, the refused update none.
    await emu.stripe.v2.core.accounts.close(account.id, {});
    const refused = await stripeError(emu.stripe.v2.core.accounts.update(account.id, { display_name: 'Renamed' }));
    expect(refused.code).toBe('account_closed');
    // Invalid create: an unsupported configuration is a 400 and creates no account and no event.
    const invalid = await stripeError(emu.stripe.v2.core.accounts.create({ display_name: 'No config', identity: { country: 'JP' } }));
    expect(invalid.statusCode).toBe(400);
    await flushWebhooks(emu.url);

    const after = await emu.stripe.v2.core.events.list({ object_id: account.id });
    expect(after.data.map((e) => e.type)).toEqual(['v2.core.account.closed', 'v2.core.account.created']);
    expect((await emu.stripe.v2.core.accounts.list()).data.map((a) => a.id)).toEqual([]);
    expect(notifications(thin).map((n) => n.type)).toEqual(['v2.core.account.created', 'v2.core.account.closed']);

    const missing = await stripeError(emu.stripe.v2.core.events.retrieve('evt_test_missing'));
    expect(missing.statusCode).toBe(404);
  });

  it('an event destination created through the API receives the thin events it asked for, signed with its own secret, until disabled', async () => {
    const { emu, thin } = await setup();
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const destination = await emu.stripe.v2.core.eventDestinations.create({
      name: 'Payees',
      type: 'webhook_endpoint',
      event_payload: 'thin',
      enabled_events: ['v2.core.account[configuration.recipient].capability_status_updated'],
      webhook_endpoint: { url: receiver.url },
      include: ['webhook_endpoint.signing_secret'],
    });
    expect(destination).toMatchObject({ object: 'v2.core.event_destination', status: 'enabled', event_payload: 'thin', type: 'webhook_endpoint' });
    const secret = destination.webhook_endpoint!.signing_secret!;
    expect(secret).toMatch(/^whsec_/);
    // Never shown again, as in Stripe.
    expect((await emu.stripe.v2.core.eventDestinations.retrieve(destination.id)).webhook_endpoint?.signing_secret).toBeUndefined();

    const account = await createRecipient(emu.stripe);
    const link = await emu.stripe.v2.core.accountLinks.create({
      account: account.id,
      use_case: { type: 'account_onboarding', account_onboarding: { refresh_url: 'https://app.example/f', return_url: 'https://app.example/r' } },
    });
    expect((await submitOnboarding(link.url)).status).toBe(303);
    await flushWebhooks(emu.url);
    const received = notifications(receiver, secret);
    expect(received.map((n) => [n.type, n.related_object?.id])).toEqual([['v2.core.account[configuration.recipient].capability_status_updated', account.id]]);
    // The configured destination still receives everything.
    expect(notifications(thin)).toHaveLength(4);

    await emu.stripe.v2.core.eventDestinations.disable(destination.id);
    await emu.stripe.v2.core.accounts.update(account.id, { configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { requested: true } } } } } });
    await createRecipient(emu.stripe, 'third@example.com');
    await flushWebhooks(emu.url);
    expect(notifications(receiver, secret)).toHaveLength(1);
  });

  it('refuses a snapshot event destination and creates nothing', async () => {
    const { emu } = await setup();
    const refused = await stripeError(
      emu.stripe.v2.core.eventDestinations.create({
        name: 'Snapshots',
        type: 'webhook_endpoint',
        event_payload: 'snapshot',
        enabled_events: ['invoice.paid'],
        webhook_endpoint: { url: 'https://app.example/hooks' },
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect((await emu.stripe.v2.core.eventDestinations.list()).data).toEqual([]);
  });
});
