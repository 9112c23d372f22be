// Names an audit entry about a plan gives it, from the mirrored catalogue: a product in the reader's language, an
// archived one too, a price as its product with its nickname; ids the mirror does not know are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripePrices, stripeProducts } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { getCatalogNames } from './catalog';

beforeAll(resetDatabase, 60_000);
afterAll(closeTestDb);

describe('getCatalogNames', () => {
  it('names products (archived ones too) and prices in the reader’s language', async () => {
    const tag = uniqueSuffix().replace(/[^A-Za-z0-9]/g, '');
    const created = new Date('2026-01-01T00:00:00Z');
    await testDb()
      .insert(stripeProducts)
      .values([
        { id: `prod_team_${tag}`, active: true, name: 'Team', metadata: { name_ja: 'チーム' }, stripeCreated: created, data: {} },
        { id: `prod_old_${tag}`, active: false, name: 'Legacy', metadata: {}, stripeCreated: created, data: {} },
      ]);
    await testDb()
      .insert(stripePrices)
      .values({
        id: `price_team_${tag}`,
        productId: `prod_team_${tag}`,
        active: true,
        currency: 'jpy',
        unitAmount: 1_200,
        type: 'recurring',
        billingScheme: 'per_unit',
        nickname: 'Monthly',
        metadata: { nickname_ja: '月払い' },
        stripeCreated: created,
        data: {},
      });
    const ids = [`prod_team_${tag}`, `prod_old_${tag}`, `price_team_${tag}`, 'prod_unknown'];
    expect(Object.fromEntries(await getCatalogNames({ ids, locale: 'ja' }))).toEqual({
      [`prod_team_${tag}`]: 'チーム',
      [`prod_old_${tag}`]: 'Legacy',
      [`price_team_${tag}`]: 'チーム · 月払い',
    });
    expect((await getCatalogNames({ ids, locale: 'en' })).get(`price_team_${tag}`)).toBe('Team · Monthly');
    expect((await getCatalogNames({ ids: [] })).size).toBe(0);
  });
});
