// Month-end receivables, computed in the database: the invoices open at a given instant across every
// organization, how far past their due date, in which bucket, and their totals. At month end there are as many
// rows as open invoices (10,000 in the benchmark); the database ages, totals and pages them, and the app reads
// only what a page shows.
//
// An invoice counts as open at `asOf` when it was finalized at or before `asOf` and had not yet been paid, voided
// or marked uncollectible at `asOf` (the mirror's columns; the voided and uncollectible times are in the stored
// invoice's JSON, read only for the statuses that can have them). Its open amount is what remains today for an
// invoice still open, else the amount that was due (a partial payment before `asOf` on an invoice settled later
// is not in the mirror, so the whole amount due counts). Days past due are whole days from the due date to
// `asOf` (none: charged automatically, not yet due). Currencies are never added together.
import { sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';

export const AGEING_BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export type CollectionMethod = 'charge_automatically' | 'send_invoice';

/** One invoice open at `asOf`, aged. */
export type AgedInvoice = {
  id: string;
  organizationId: string | null;
  customerName: string | null;
  number: string | null;
  currency: string;
  collectionMethod: CollectionMethod;
  status: string;
  openAmount: number;
  dueDate: Date | null;
  daysPastDue: number;
  bucket: AgeingBucket;
  /** The organization's time zone (null without one): the due day ends there. */
  timeZone: string | null;
  /** Stripe's attempt_count: charges tried on a card invoice. */
  attemptCount: number;
};

/** An invoice as the report's page lists it: with the customer's now when they live on a Stripe test clock. */
export type ListedAgedInvoice = AgedInvoice & {
  /** The test clock's last reported time; null for a customer on the wall clock. */
  testClockTime: Date | null;
};

export type BucketTotals = Record<AgeingBucket, number> & { total: number };
export type AgeingGroup = { collectionMethod: CollectionMethod; currency: string; count: number; totals: BucketTotals };
export type CustomerTotal = { organizationId: string | null; customerName: string | null; currency: string; count: number; totals: BucketTotals };

/** The open invoices at `asOf` as a CTE named `open_invoices` (open_amount > 0, with days_past_due and bucket). */
function openInvoices(asOf: Date): SQL {
  const asOfSeconds = asOf.getTime() / 1000;
  const at = asOf.toISOString();
  return sql`
    with aged as (
      select i.id, i.customer_id, i.organization_id, o.name as customer_name, o.time_zone, i.number, i.currency, i.collection_method::text as collection_method,
             i.status::text as status, coalesce((i.data->>'attempt_count')::int, 0) as attempt_count,
             (case when i.status = 'open' then i.amount_remaining else i.amount_due end)::float8 as open_amount,
             i.due_date,
             case when i.due_date is null then 0
                  else floor((${asOfSeconds}::float8 - extract(epoch from i.due_date)::float8) / 86400)::int end as days
        from stripe_invoices i
        left join organizations o on o.id = i.organization_id
       where i.status in ('open', 'paid', 'void', 'uncollectible')
         and i.finalized_at is not null and i.finalized_at <= ${at}::timestamptz
         and (i.paid_at is null or i.paid_at > ${at}::timestamptz)
         and not (i.status = 'void'
                  and coalesce((i.data->'status_transitions'->>'voided_at')::float8, 'infinity') <= ${asOfSeconds}::float8)
         and not (i.status in ('uncollectible', 'paid', 'void')
                  and coalesce((i.data->'status_transitions'->>'marked_uncollectible_at')::float8, 'infinity') <= ${asOfSeconds}::float8)
    ),
    open_invoices as (
      select aged.*, greatest(days, 0) as days_past_due,
             case when days <= 0 then 'current' when days <= 30 then 'days_1_30' when days <= 60 then 'days_31_60'
                  when days <= 90 then 'days_61_90' else 'over_90' end as bucket
        from aged
       where open_amount > 0
    )`;
}

/** Sums per bucket and in all, as columns named like BucketTotals' keys. */
const bucketSums = sql.raw(
  [
    ...AGEING_BUCKETS.map((bucket) => `coalesce(sum(open_amount) filter (where bucket = '${bucket}'), 0)::float8 as ${bucket}`),
    'coalesce(sum(open_amount), 0)::float8 as total',
  ].join(', '),
);
type BucketColumns = Record<AgeingBucket | 'total', number>;
const totalsOf = (row: BucketColumns): BucketTotals => ({
  current: row.current,
  days_1_30: row.days_1_30,
  days_31_60: row.days_31_60,
  days_61_90: row.days_61_90,
  over_90: row.over_90,
  total: row.total,
});

/** One page of a list the database paged: the requested page clamped to the ones that exist. */
export type ReceivablesPage<T> = { rows: T[]; page: number; pages: number; total: number };

export type ReceivablesSummary = {
  /** Totals per collection method and currency (method, then currency), over every open invoice. */
  groups: AgeingGroup[];
  /** Totals per customer and currency, most overdue first (then largest, then by name). */
  customers: ReceivablesPage<CustomerTotal>;
  /** The open invoices, most days past due first (then by id). */
  invoices: ReceivablesPage<ListedAgedInvoice>;
};

type InvoiceColumns = {
  id: string;
  organization_id: string | null;
  customer_name: string | null;
  number: string | null;
  currency: string;
  collection_method: CollectionMethod;
  status: string;
  open_amount: number;
  due_epoch: number | null;
  days_past_due: number;
  bucket: AgeingBucket;
  time_zone: string | null;
  attempt_count: number;
};
const invoiceColumns = sql.raw(
  'id, organization_id, customer_name, number, currency, collection_method, status, open_amount, extract(epoch from due_date)::float8 as due_epoch, days_past_due, bucket, time_zone, attempt_count',
);
// A listed invoice's customer's test clock time, looked up for the page's rows only (by primary keys), outside
// the paged subquery `p`: not while aging every open invoice.
const clockEpoch = sql.raw(
  "(select extract(epoch from tc.frozen_time)::float8 from stripe_customers c join stripe_test_clocks tc on tc.id = c.data->>'test_clock' where c.id = p.customer_id) as clock_epoch",
);
const invoiceOrder = sql.raw('days_past_due desc, id collate "C" asc');
const toAgedInvoice = (r: InvoiceColumns): AgedInvoice => ({
  id: r.id,
  organizationId: r.organization_id,
  customerName: r.customer_name,
  number: r.number,
  currency: r.currency,
  collectionMethod: r.collection_method,
  status: r.status,
  openAmount: r.open_amount,
  dueDate: r.due_epoch === null ? null : new Date(r.due_epoch * 1000),
  daysPastDue: r.days_past_due,
  bucket: r.bucket,
  timeZone: r.time_zone,
  attemptCount: Number(r.attempt_count),
});

/** How many pages `count` rows fill (at least one), as SQL. */
const pagesFor = (count: SQL, size: number) => sql`greatest(ceil(${count}::numeric / ${size}::int)::int, 1)`;

/**
 * The whole report page in one statement (the open invoices aged once, then totalled and paged): totals per
 * collection method and currency, and one page each of customers and invoices.
 */
export async function summarizeReceivablesForOperator(
  params: { asOf: Date; customersPage: number; invoicesPage: number; pageSize: number },
  tx: Tx = db,
): Promise<ReceivablesSummary> {
  const size = params.pageSize;
  const [row] = await tx.execute<{ report: {
    groups: (BucketColumns & { collection_method: CollectionMethod; currency: string; count: number })[];
    customers: (BucketColumns & { organization_id: string | null; customer_name: string | null; currency: string; count: number })[];
    invoices: (InvoiceColumns & { clock_epoch: number | null })[];
    customer_count: number;
    invoice_count: number;
    customer_page: number;
    invoice_page: number;
    customer_pages: number;
    invoice_pages: number;
  } }>(sql`
    ${openInvoices(params.asOf)},
    customer_rows as (
      select organization_id, min(customer_name) as customer_name, currency, count(*)::int as count, ${bucketSums}
        from open_invoices group by organization_id, currency
    ),
    counts as (
      select (select count(*)::int from open_invoices) as invoices, (select count(*)::int from customer_rows) as customers
    ),
    page_counts as (
      select ${pagesFor(sql`counts.customers`, size)} as customer_pages, ${pagesFor(sql`counts.invoices`, size)} as invoice_pages
        from counts
    ),
    pages as (
      -- The requested pages clamped to the ones that exist (page 9999 of 3 is page 3).
      select customer_pages, invoice_pages,
             least(greatest(${Math.floor(params.customersPage)}::int, 1), customer_pages) as customer_page,
             least(greatest(${Math.floor(params.invoicesPage)}::int, 1), invoice_pages) as invoice_page
        from page_counts
    )
    select json_build_object(
      'groups', (select coalesce(json_agg(g order by g.collection_method, g.currency), '[]'::json) from (
          select collection_method, currency, count(*)::int as count, ${bucketSums}
            from open_invoices group by collection_method, currency) g),
      'customers', (select coalesce(json_agg(c), '[]'::json) from (
          select * from customer_rows
           order by total - "current" desc, total desc, coalesce(customer_name, '') asc, organization_id asc, currency asc
           limit ${size}::int offset (select (customer_page - 1) * ${size}::int from pages)) c),
      'invoices', (select coalesce(json_agg(i), '[]'::json) from (
          select p.*, ${clockEpoch} from (
            select ${invoiceColumns}, customer_id from open_invoices order by ${invoiceOrder}
             limit ${size}::int offset (select (invoice_page - 1) * ${size}::int from pages)) p) i),
      'customer_count', (select customers from counts),
      'invoice_count', (select invoices from counts),
      'customer_page', (select customer_page from pages),
      'invoice_page', (select invoice_page from pages),
      'customer_pages', (select customer_pages from pages),
      'invoice_pages', (select invoice_pages from pages)
    ) as report`);
  const report = row!.report;
  return {
    groups: report.groups.map((g) => ({ collectionMethod: g.collection_method, currency: g.currency, count: g.count, totals: totalsOf(g) })),
    customers: {
      rows: report.customers.map((c) => ({ organizationId: c.organization_id, customerName: c.customer_name, currency: c.currency, count: c.count, totals: totalsOf(c) })),
      page: report.customer_page,
      pages: report.customer_pages,
      total: report.customer_count,
    },
    invoices: {
      rows: report.invoices.map((r) => ({ ...toAgedInvoice(r), testClockTime: r.clock_epoch === null ? null : new Date(r.clock_epoch * 1000) })),
      page: report.invoice_page,
      pages: report.invoice_pages,
      total: report.invoice_count,
    },
  };
}

/** Every open invoice, most days past due first (then by id): the CSV. */
export async function listReceivableInvoicesForOperator(params: { asOf: Date }, tx: Tx = db): Promise<AgedInvoice[]> {
  const rows = await tx.execute<InvoiceColumns>(sql`
    ${openInvoices(params.asOf)}
    select ${invoiceColumns} from open_invoices order by ${invoiceOrder}`);
  return [...rows].map(toAgedInvoice);
}
