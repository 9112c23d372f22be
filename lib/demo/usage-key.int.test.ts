// The demo's usage API key: the same key on every start, stored once (hashed), and it authenticates.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeys, organizations } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { authenticateApiKey, forgetApiKeys } from '@/lib/usage/authenticate-api-key';
import { ensureDemoUsageApiKey } from './usage-key';

describe('ensureDemoUsageApiKey', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('gives the demo organization one key, the same on every run, that authenticates as that organization', async () => {
    const [org] = await testDb().insert(organizations).values({ name: 'Demo Corp', currency: 'jpy', billingEmail: 'demo@example.com' }).returning();
    const first = await ensureDemoUsageApiKey(testDb(), { organizationId: org!.id, secret: 'demo-secret-0000000' });
    const second = await ensureDemoUsageApiKey(testDb(), { organizationId: org!.id, secret: 'demo-secret-0000000' });
    expect(first).toMatch(/^sk_usage_/);
    expect(second).toBe(first);
    expect(await testDb().select().from(apiKeys)).toHaveLength(1);
    forgetApiKeys();
    expect(await authenticateApiKey(`Bearer ${first}`)).toMatchObject({ organizationId: org!.id });
  });
});
