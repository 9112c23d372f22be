// The catalogue's meters as the usage API and the usage dashboard read them: from the mirror, cached per app server
// for 30 seconds, so a view or a batch costs no catalogue query; a change shows once the cache has run out.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { stripeProducts } from '@/db/schema';
import { listCatalogMeters } from '@/db/queries/catalog';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { catalogMeters, forgetKnownMeters, knownMeters } from './known-meters';

afterAll(closeTestDb);

beforeEach(async () => {
  await resetDatabase();
  forgetKnownMeters();
  const created = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 1000);
  await testDb()
    .insert(stripeProducts)
    .values([
      { id: 'prod_hours', active: true, name: 'On-demand', metadata: { seikyu_meter: 'device_hours', meter_name: 'Device hours', meter_name_ja: 'デバイス稼働時間' }, stripeCreated: created(1), data: {} },
      // A second product on the same meter: the meter is listed once, with the first product's names.
      { id: 'prod_hours_20', active: true, name: 'On-demand 20', metadata: { seikyu_meter: 'device_hours', meter_name: 'Hours (20)' }, stripeCreated: created(2), data: {} },
      { id: 'prod_requests', active: true, name: 'Diagnosis', metadata: { seikyu_meter: 'diagnosis_requests' }, stripeCreated: created(3), data: {} },
      { id: 'prod_empty', active: true, name: 'Misconfigured', metadata: { seikyu_meter: '' }, stripeCreated: created(4), data: {} },
      { id: 'prod_retired', active: false, name: 'Retired', metadata: { seikyu_meter: 'retired_meter' }, stripeCreated: created(5), data: {} },
      { id: 'prod_plan', active: true, name: 'Team', metadata: {}, stripeCreated: created(6), data: {} },
    ]);
});

describe('the catalogue meters', () => {
  it('are the active products’ meters, once each, in catalogue order, named in the reader’s language', async () => {
    expect(await catalogMeters('en')).toEqual([
      { eventName: 'device_hours', name: 'Device hours' },
      { eventName: 'diagnosis_requests', name: 'diagnosis_requests' },
    ]);
    expect((await catalogMeters('ja')).map((meter) => meter.name)).toEqual(['デバイス稼働時間', 'diagnosis_requests']);
    expect([...(await knownMeters())].sort()).toEqual(['device_hours', 'diagnosis_requests']);
    // The uncached read (budgets, alerts) gives the same.
    expect(await listCatalogMeters({ locale: 'ja' })).toEqual(await catalogMeters('ja'));
  });

  it('are read once per 30 seconds per server: a change shows when the cache runs out', async () => {
    const start = Date.now();
    expect((await catalogMeters('en', start)).map((meter) => meter.name)).toEqual(['Device hours', 'diagnosis_requests']);
    await testDb()
      .update(stripeProducts)
      .set({ metadata: { seikyu_meter: 'diagnosis_requests', meter_name: 'Diagnosis requests' } })
      .where(eq(stripeProducts.id, 'prod_requests'));
    await testDb().update(stripeProducts).set({ active: false }).where(eq(stripeProducts.id, 'prod_hours'));

    expect((await catalogMeters('en', start + 29_000)).map((meter) => meter.name)).toEqual(['Device hours', 'diagnosis_requests']);
    expect(await knownMeters(start + 29_000)).toContain('device_hours');

    // prod_hours_20 still sells device hours, under its own name now.
    expect(await catalogMeters('en', start + 31_000)).toEqual([
      { eventName: 'device_hours', name: 'Hours (20)' },
      { eventName: 'diagnosis_requests', name: 'Diagnosis requests' },
    ]);
    await testDb().update(stripeProducts).set({ active: false }).where(eq(stripeProducts.id, 'prod_hours_20'));
    forgetKnownMeters();
    expect([...(await knownMeters())]).toEqual(['diagnosis_requests']);
  });
});
