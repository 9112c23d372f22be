// The public usage API end to end through its route handlers on a real database: every refusal one by one,
// duplicates, a summary that adds up exactly after a burst, keys that never cross organizations, revocation.
import { vi } from 'vitest';

vi.hoisted(() => {
  // A low per-organization rate so the 429 test reaches it quickly; other tests use their own organizations.
  process.env.USAGE_API_RATE_LIMIT = '10';
});

import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, auditLog, organizations, stripeProducts, users } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { POST as postUsageEvents } from '@/app/api/v1/usage-events/route';
import { GET as getUsageSummary } from '@/app/api/v1/usage-summary/route';
import { GET as getLimits } from '@/app/api/v1/limits/route';
import { createApiKey, revokeApiKey } from '../manage-api-keys';
import { forgetApiKeys } from '../authenticate-api-key';
import { forgetKnownMeters } from '../known-meters';

const base = 'http://localhost:3000/api/v1';
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function organizationWithKey(name: string, timeZone = 'UTC') {
  const db = testDb();
  const [user] = await db.insert(users).values({ email: `${name}-${crypto.randomUUID()}@example.com` }).returning();
  const [org] = await db.insert(organizations).values({ name, currency: 'usd', billingEmail: `${name}@example.com`, timeZone }).returning();
  const { key, apiKey } = await createApiKey({ organizationId: org!.id, userId: user!.id, name: 'production' });
  return { org: org!, user: user!, key, apiKey };
}

function post(key: string | null, body: unknown, init: { raw?: string; headers?: Record<string, string> } = {}) {
  return postUsageEvents(
    new Request(`${base}/usage-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers },
      body: init.raw ?? JSON.stringify(body),
    }),
  );
}

function summary(key: string, query: Record<string, string | number>) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return getUsageSummary(new Request(`${base}/usage-summary?${params}`, { headers: { authorization: `Bearer ${key}` } }));
}

const event = (identifier: string, value = 1, timestamp = nowSeconds() - 60, meter = 'device_hours') => ({ meter, value, timestamp, identifier });

describe('usage API', () => {
  beforeEach(async () => {
    await resetDatabase();
    forgetApiKeys();
    forgetKnownMeters();
    const now = new Date();
    await testDb()
      .insert(stripeProducts)
      .values([
        { id: 'prod_on_demand', active: true, name: 'On-demand', metadata: { seikyu_meter: 'device_hours' }, stripeCreated: now, data: {} },
        { id: 'prod_diagnosis', active: true, name: 'Diagnosis', metadata: { seikyu_meter: 'diagnosis_requests' }, stripeCreated: now, data: {} },
        { id: 'prod_retired', active: false, name: 'Retired', metadata: { seikyu_meter: 'retired_meter' }, stripeCreated: now, data: {} },
      ]);
  });
  afterAll(closeTestDb);

  it('accepts a batch with 202 once stored, and counts repeats of an identifier as duplicates', async () => {
    const { key } = await organizationWithKey('acme');
    const first = await post(key, { events: [event('a', 2), event('b', 1.5), { meter: 'diagnosis_requests', value: 1, identifier: 'dx-1' }] });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 3, duplicates: 0 });
    const again = await post(key, { events: [event('a', 2), event('c', 4), event('c', 4)] });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 2 });
  });

  it('refuses a request without a key, with a wrong key, and with a revoked key (401)', async () => {
    const { org, user, key, apiKey } = await organizationWithKey('acme');
    const missing = await post(null, { events: [event('a')] });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await post('sk_usage_0000000000000000000000000000000000000000', { events: [event('a')] })).status).toBe(401);
    expect((await post('not-a-key', { events: [event('a')] })).status).toBe(401);
    expect((await post(key, { events: [event('a')] })).status).toBe(202);

    await revokeApiKey({ organizationId: org.id, userId: user.id, apiKeyId: apiKey.id });
    const revoked = await post(key, { events: [event('b')] });
    expect(revoked.status).toBe(401);
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('refuses malformed JSON (400) and stores nothing', async () => {
    const { key } = await organizationWithKey('acme');
    const response = await post(key, null, { raw: '{"events": [' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('refuses more than 1,000 events (413) and a body over 1 MB (413)', async () => {
    const { key } = await organizationWithKey('acme');
    const many = await post(key, { events: Array.from({ length: 1001 }, (_, i) => event(`e${i}`)) });
    expect(many.status).toBe(413);
    expect(await many.json()).toMatchObject({ error: { code: 'too_many_events' } });
    const big = await post(key, { events: [{ ...event('big'), padding: 'x'.repeat(1_000_001) }] });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('rejects the whole batch when one event is invalid, naming it by index, and stores none of it', async () => {
    const { key } = await organizationWithKey('acme');
    const response = await post(key, { events: [event('ok-1'), event('bad-meter', 1, nowSeconds(), 'retired_meter'), event('old', 1, nowSeconds() - 40 * 86_400), event('neg', -1)] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_events',
        message: '3 of 4 events are invalid; nothing was stored.',
        errors: [
          { index: 1, code: 'unknown_meter', message: expect.stringContaining('device_hours, diagnosis_requests') },
          { index: 2, code: 'invalid_timestamp', message: expect.any(String) },
          { index: 3, code: 'invalid_value', message: expect.any(String) },
        ],
      },
    });
    // ok-1 was not stored: sending it now is accepted, not a duplicate.
    expect(await (await post(key, { events: [event('ok-1')] })).json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it("answers 429 with Retry-After over the organization's rate, without slowing another organization", async () => {
    const busy = await organizationWithKey('busy');
    const calm = await organizationWithKey('calm');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const response = await post(busy.key, { events: [event(`r${i}`)] });
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses).toContain(202);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post(calm.key, { events: [event('x')] })).status).toBe(202);
  });

  it('sums a burst exactly, by day in the organization time zone, and never shows another organization', async () => {
    const tokyo = await organizationWithKey('tokyo', 'Asia/Tokyo');
    const other = await organizationWithKey('other');
    // Midnight in Tokyo two days ago, as Unix seconds.
    const dayStart = Math.floor((nowSeconds() + 9 * 3600) / 86_400) * 86_400 - 9 * 3600 - 2 * 86_400;
    const burst = Array.from({ length: 8 }, (_, batch) =>
      Array.from({ length: 250 }, (_, i) => event(`b${batch}-${i}`, 0.25 * ((i % 4) + 1), dayStart + ((batch * 250 + i) * 97) % (2 * 86_400))),
    );
    const responses = await Promise.all(burst.map((events) => post(tokyo.key, { events })));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(202));
    await post(other.key, { events: [event('same-id', 1000, dayStart + 10)] });
    const expected = burst.flat().reduce((sum, e) => sum + e.value, 0);

    const response = await summary(tokyo.key, { meter: 'device_hours', start: dayStart, end: dayStart + 3 * 86_400, granularity: 'day' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { timezone: string; total: number; buckets: { start: number; end: number; value: number }[] };
    expect(body.timezone).toBe('Asia/Tokyo');
    expect(body.total).toBe(expected);
    expect(body.buckets.map((b) => b.start)).toEqual([dayStart, dayStart + 86_400, dayStart + 2 * 86_400]);
    expect(body.buckets.reduce((sum, b) => sum + b.value, 0)).toBe(expected);
    expect(body.buckets[2]!.value).toBe(0);

    const otherSummary = (await (await summary(other.key, { meter: 'device_hours', start: dayStart, end: dayStart + 3 * 86_400 })).json()) as { total: number };
    expect(otherSummary.total).toBe(1000);
  });

  it('refuses bad summary parameters with 400 and the parameter named', async () => {
    const { key } = await organizationWithKey('acme');
    const now = nowSeconds();
    for (const [query, param] of [
      [{ meter: 'nope', start: now - 10, end: now }, 'meter'],
      [{ meter: 'device_hours', start: 'x', end: now }, 'start'],
      [{ meter: 'device_hours', start: now, end: now - 10 }, 'end'],
      [{ meter: 'device_hours', start: now - 10, end: now, granularity: 'week' }, 'granularity'],
      [{ meter: 'device_hours', start: now - 40 * 86_400, end: now, granularity: 'hour' }, 'end'],
    ] as const) {
      const response = await summary(key, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_parameter', param } });
    }
  });

  it('tells the product its capacity and what is left (the free year for a new organization)', async () => {
    const { key } = await organizationWithKey('free');
    const response = await getLimits(new Request(`${base}/limits`, { headers: { authorization: `Bearer ${key}` } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ plan: null, capacity: 1, in_use: 0, remaining: 1, allowed: true });
    expect(body.free_tier_ends_at).toBeGreaterThan(nowSeconds() + 360 * 86_400);
    expect((await getLimits(new Request(`${base}/limits`))).status).toBe(401);
  });

  it('stores only the hash of a key and remembers when it was last used', async () => {
    const { key, apiKey } = await organizationWithKey('acme');
    await post(key, { events: [event('a')] });
    const [row] = await testDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.keyHash).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(key.slice(row!.prefix.length));
    expect(key.startsWith(row!.prefix)).toBe(true);
    expect(row!.lastUsedAt).not.toBeNull();
  });
});
