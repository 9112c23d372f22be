// The demo catalogue's stable names, modelled on the reference businesses (docs: PRODUCT.md). Prices are found
// by lookup key, never by id, so the same code works against the emulator and any Stripe test account.
// Amounts are in each currency's minor unit as Stripe defines it: yen for JPY, cents for USD.

export const LOOKUP_KEYS = {
  /** Free tier: one device, no card; ¥0 / $0 monthly. */
  freeMonthly: 'seikyu_free_monthly',
  starterMonthly: 'seikyu_starter_monthly',
  starterAnnual: 'seikyu_starter_annual',
  /** Per seat: the subscription item's quantity is the number of seats. */
  teamMonthly: 'seikyu_team_monthly',
  teamAnnual: 'seikyu_team_annual',
  /** Per device backup (reference business 3): quantity is the number of devices. */
  backupDeviceMonthly: 'seikyu_backup_device_monthly',
  /**
   * On-demand device-hours at a capacity of 10 concurrent devices, metered through the `device_hours` billing meter,
   * billed monthly in arrears. (The key predates the capacity tiers: it was the one on-demand price and stays so
   * existing subscriptions keep their price.)
   */
  onDemandDeviceHours: 'seikyu_on_demand_device_hours',
  /** On-demand device-hours at a capacity of 20 concurrent devices (a lower hourly rate for the larger capacity). */
  onDemand20DeviceHours: 'seikyu_on_demand_20_device_hours',
  /** The medical platform's remote diagnosis, metered per request through the `diagnosis_requests` meter. */
  diagnosisRequest: 'seikyu_diagnosis_request',
  /** A fixed-price 30-day pass bought once, charged up front. */
  pass30Day: 'seikyu_pass_30d',
  /** A one-off exam course (reference business 3). */
  examCourse: 'seikyu_exam_course',
  /** One remote diagnosis, billed to the facility and split between the doctors who read it (reference business 3, Connect). */
  remoteDiagnosis: 'seikyu_remote_diagnosis',
} as const;

export type LookupKey = (typeof LOOKUP_KEYS)[keyof typeof LOOKUP_KEYS];

/** Billing meters by event name: usage is reported as meter events with `payload.value` and `payload.stripe_customer_id`. */
export const METERS = {
  deviceHours: { eventName: 'device_hours', displayName: 'Device hours', displayNameJa: 'デバイス稼働時間' },
  diagnosisRequests: { eventName: 'diagnosis_requests', displayName: 'Diagnosis requests', displayNameJa: '診断リクエスト数' },
} as const;

export type MeterKey = keyof typeof METERS;

/** The product metadata naming a usage product's meter (read by the catalogue mirror and the usage dashboard). */
function meterMetadata(meter: MeterKey): Record<string, string> {
  return { seikyu_meter: METERS[meter].eventName, meter_name: METERS[meter].displayName, meter_name_ja: METERS[meter].displayNameJa };
}

export const COUPON_IDS = {
  /** 10 % off the first invoice. */
  welcome10: 'SEIKYU_WELCOME10',
  /** 20 % off for three months. */
  launch20: 'SEIKYU_LAUNCH20',
  /** ¥500 (or $4) off once, as a thank-you. */
  thankYou500: 'SEIKYU_THANKYOU500',
} as const;

export const PROMOTION_CODES = {
  welcome10: 'WELCOME10',
  launch20: 'LAUNCH20',
  thankYou500: 'THANKYOU500',
} as const;

/**
 * Consumption tax (消費税). Seikyu's seller is a Japanese business, so every sale carries Japanese consumption tax
 * whatever the currency: 10 % standard, 8 % reduced (軽減税率, for products that qualify; none of the demo's do, the
 * rate is there for those that will). How a price holds the tax depends on its currency:
 * - JPY prices are tax-inclusive (税込): Japan's 総額表示 rule makes the shown price what the customer pays, so
 *   ¥1,500 a month is ¥1,364 + 消費税 ¥136.
 * - USD prices are tax-exclusive: the tax is added at checkout, as customers paying in dollars expect.
 * A Stripe tax rate's `inclusive` is fixed, so each (rate, behaviour) pair is its own tax rate. Tax is applied on
 * the server from this table (`default_tax_rates`), never from anything the browser sends.
 */
export type TaxCategory = 'standard' | 'reduced';
export type TaxBehavior = 'inclusive' | 'exclusive';
export type CatalogCurrency = 'jpy' | 'usd';

export const TAX_BEHAVIOR_BY_CURRENCY: Record<CatalogCurrency, TaxBehavior> = { jpy: 'inclusive', usd: 'exclusive' };

export const TAX_PERCENTAGE: Record<TaxCategory, number> = { standard: 10, reduced: 8 };

export type TaxRateSpec = {
  key: string;
  category: TaxCategory;
  behavior: TaxBehavior;
  percentage: number;
  displayName: string;
  description: string;
};

function taxRateSpec(category: TaxCategory, behavior: TaxBehavior): TaxRateSpec {
  const percentage = TAX_PERCENTAGE[category];
  return {
    key: `seikyu_jct_${category}_${behavior}`,
    category,
    behavior,
    percentage,
    // Stripe shows display_name on its own documents: the Japanese name, as on a Japanese invoice.
    displayName: '消費税',
    description: `${category === 'standard' ? '標準税率' : '軽減税率'} ${percentage}% (${behavior === 'inclusive' ? '税込' : '税抜'})`,
  };
}

export const TAX_RATES: readonly TaxRateSpec[] = (['standard', 'reduced'] as const).flatMap((category) =>
  (['inclusive', 'exclusive'] as const).map((behavior) => taxRateSpec(category, behavior)),
);

/** The tax rate a price in `currency` of a product in `category` is charged. */
export function taxRateFor(category: TaxCategory, currency: string): TaxRateSpec {
  const behavior = TAX_BEHAVIOR_BY_CURRENCY[currency.toLowerCase() as CatalogCurrency] ?? 'exclusive';
  const spec = TAX_RATES.find((r) => r.category === category && r.behavior === behavior);
  if (!spec) throw new Error(`no tax rate for ${category} ${behavior}`);
  return spec;
}

/** A price's tax category, by lookup key (products outside the catalogue: standard). */
export function taxCategoryOf(lookupKey: string | null): TaxCategory {
  const product = CATALOG.find((p) => p.prices.some((price) => price.lookupKey === lookupKey));
  return product?.taxCategory ?? 'standard';
}

/** Metadata on seeded products and prices; `seikyu_catalog_key` is how a second seed run finds what exists. */
export const CATALOG_KEY_METADATA = 'seikyu_catalog_key';

/** `service`: billed by operators per piece of work (a remote diagnosis), never bought in the portal. */
export type PlanKind = 'plan' | 'addon' | 'usage' | 'pass' | 'one_off' | 'service';

export type ProductSpec = {
  key: string;
  name: string;
  description: string;
  /** Japanese display texts, stored as product metadata (`name_ja`, …) and read by db/catalog-text.ts. */
  ja: { name: string; description: string; unitLabel?: string };
  kind: PlanKind;
  /** Extra product metadata the portal reads (plan tier, unit label, limits). */
  metadata?: Record<string, string>;
  unitLabel?: string;
  /** Consumption-tax category (default standard, 10 %). */
  taxCategory?: TaxCategory;
  prices: PriceSpec[];
};

export type PriceSpec = {
  lookupKey: LookupKey;
  nickname: string;
  /** Stored as price metadata `nickname_ja`. */
  nicknameJa: string;
  jpy: number;
  usd: number;
  recurring?: { interval: 'month' | 'year'; meter?: keyof typeof METERS };
};

export const CATALOG: readonly ProductSpec[] = [
  {
    key: 'free',
    name: 'Free',
    description: 'One device, free for a year. No card required.',
    ja: { name: '無料プラン', description: 'デバイス1台まで、1年間無料。カードの登録は不要です。' },
    kind: 'plan',
    metadata: { seikyu_tier: 'free', seikyu_device_limit: '1' },
    prices: [{ lookupKey: LOOKUP_KEYS.freeMonthly, nickname: 'Free (monthly)', nicknameJa: '無料プラン（月払い）', jpy: 0, usd: 0, recurring: { interval: 'month' } }],
  },
  {
    key: 'starter',
    name: 'Starter',
    description: 'For small teams getting started.',
    ja: { name: 'スターター', description: '小規模なチームの導入に。' },
    kind: 'plan',
    metadata: { seikyu_tier: 'starter', seikyu_device_limit: '5' },
    prices: [
      { lookupKey: LOOKUP_KEYS.starterMonthly, nickname: 'Starter (monthly)', nicknameJa: 'スターター（月払い）', jpy: 1_500, usd: 1_200, recurring: { interval: 'month' } },
      { lookupKey: LOOKUP_KEYS.starterAnnual, nickname: 'Starter (annual)', nicknameJa: 'スターター（年払い）', jpy: 15_000, usd: 12_000, recurring: { interval: 'year' } },
    ],
  },
  {
    key: 'team',
    name: 'Team',
    description: 'Per seat, with shared devices and operator support.',
    ja: { name: 'チーム', description: '席数に応じた料金。デバイスの共有とサポート付き。', unitLabel: '席' },
    kind: 'plan',
    unitLabel: 'seat',
    metadata: { seikyu_tier: 'team', seikyu_per_unit: 'seat', seikyu_device_limit: '50' },
    prices: [
      { lookupKey: LOOKUP_KEYS.teamMonthly, nickname: 'Team (monthly, per seat)', nicknameJa: 'チーム（月払い、1席あたり）', jpy: 1_200, usd: 1_000, recurring: { interval: 'month' } },
      { lookupKey: LOOKUP_KEYS.teamAnnual, nickname: 'Team (annual, per seat)', nicknameJa: 'チーム（年払い、1席あたり）', jpy: 12_000, usd: 10_000, recurring: { interval: 'year' } },
    ],
  },
  {
    key: 'backup',
    name: 'Device backup',
    description: 'Monthly backup, charged per device.',
    ja: { name: 'デバイスバックアップ', description: '毎月のバックアップ。デバイス1台ごとの料金です。', unitLabel: '台' },
    kind: 'addon',
    unitLabel: 'device',
    metadata: { seikyu_per_unit: 'device' },
    prices: [{ lookupKey: LOOKUP_KEYS.backupDeviceMonthly, nickname: 'Device backup (monthly, per device)', nicknameJa: 'デバイスバックアップ（月払い、1台あたり）', jpy: 500, usd: 400, recurring: { interval: 'month' } }],
  },
  // On-demand capacity tiers (reference business 1): the customer picks how many devices may run at once
  // (`seikyu_device_limit`, enforced by the limits API) and pays for the device-hours they ran, monthly in arrears.
  {
    key: 'on_demand',
    name: 'On-demand 10 devices',
    description: 'Up to 10 devices at once. Pay for the device-hours you actually run, billed monthly in arrears.',
    ja: { name: 'オンデマンド 10台', description: '同時に10台まで稼働できます。実際に稼働したデバイス時間分だけ、月末締めの後払いでお支払いいただけます。', unitLabel: 'デバイス時間' },
    kind: 'usage',
    unitLabel: 'device-hour',
    metadata: { seikyu_tier: 'on_demand_10', seikyu_device_limit: '10', ...meterMetadata('deviceHours') },
    prices: [
      {
        lookupKey: LOOKUP_KEYS.onDemandDeviceHours,
        nickname: 'On-demand 10 devices (per device-hour)',
        nicknameJa: 'オンデマンド 10台（1デバイス時間あたり）',
        jpy: 20,
        usd: 15,
        recurring: { interval: 'month', meter: 'deviceHours' },
      },
    ],
  },
  {
    key: 'on_demand_20',
    name: 'On-demand 20 devices',
    description: 'Up to 20 devices at once, at a lower hourly rate. Billed monthly in arrears for the device-hours you run.',
    ja: { name: 'オンデマンド 20台', description: '同時に20台まで稼働でき、1時間あたりの料金がお得です。稼働したデバイス時間分を月末締めの後払いでお支払いいただけます。', unitLabel: 'デバイス時間' },
    kind: 'usage',
    unitLabel: 'device-hour',
    metadata: { seikyu_tier: 'on_demand_20', seikyu_device_limit: '20', ...meterMetadata('deviceHours') },
    prices: [
      {
        lookupKey: LOOKUP_KEYS.onDemand20DeviceHours,
        nickname: 'On-demand 20 devices (per device-hour)',
        nicknameJa: 'オンデマンド 20台（1デバイス時間あたり）',
        jpy: 18,
        usd: 13,
        recurring: { interval: 'month', meter: 'deviceHours' },
      },
    ],
  },
  // Per-request metering (reference business 2, the medical platform): one meter event per remote diagnosis.
  {
    // Its own catalogue key: `remote_diagnosis` is the one-off diagnosis operators bill and split (Connect) below.
    key: 'diagnosis_requests',
    name: 'Diagnosis requests',
    description: 'A fee per remote diagnosis request, billed monthly in arrears.',
    ja: { name: '診断リクエスト（従量課金）', description: '遠隔診断のリクエスト1件ごとの料金です。月末締めの後払いでお支払いいただけます。', unitLabel: '件' },
    kind: 'usage',
    unitLabel: 'request',
    // No `seikyu_tier`/`seikyu_device_limit`: diagnoses are not a device capacity plan (lib/usage/limits.ts).
    metadata: meterMetadata('diagnosisRequests'),
    prices: [
      {
        lookupKey: LOOKUP_KEYS.diagnosisRequest,
        nickname: 'Diagnosis requests (per request)',
        nicknameJa: '診断リクエスト（1件あたり）',
        jpy: 300,
        usd: 250,
        recurring: { interval: 'month', meter: 'diagnosisRequests' },
      },
    ],
  },
  {
    key: 'pass_30d',
    name: '30-day pass',
    description: 'Up to 5 devices at once for 30 days from the day you buy it, at a flat price.',
    ja: { name: '30日パス', description: '購入した日から30日間、同時に5台まで使える定額パスです。' },
    kind: 'pass',
    // The capacity it gives while valid, read by the limits API as a plan's (lib/usage/compute-limits.ts).
    metadata: { seikyu_pass_days: '30', seikyu_tier: 'pass_30d', seikyu_device_limit: '5' },
    prices: [{ lookupKey: LOOKUP_KEYS.pass30Day, nickname: '30-day pass', nicknameJa: '30日パス', jpy: 3_000, usd: 2_500 }],
  },
  {
    key: 'exam_course',
    name: 'Exam course',
    description: 'A one-off remote exam course.',
    ja: { name: '検査コース', description: '1回限りの遠隔検査コースです。' },
    kind: 'one_off',
    prices: [{ lookupKey: LOOKUP_KEYS.examCourse, nickname: 'Exam course', nicknameJa: '検査コース', jpy: 9_800, usd: 8_000 }],
  },
  {
    key: 'remote_diagnosis',
    name: 'Remote diagnosis',
    description: 'One remote diagnosis request, read by the platform\'s radiologists.',
    ja: { name: '遠隔読影', description: '遠隔読影の依頼1件分です。' },
    kind: 'service',
    prices: [{ lookupKey: LOOKUP_KEYS.remoteDiagnosis, nickname: 'Remote diagnosis', nicknameJa: '遠隔読影', jpy: 3_000, usd: 2_500 }],
  },
];
