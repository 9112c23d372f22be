// The pages `npm run bench:portal` measures. To add one (a new portal or admin page), append an entry: its path
// for one signed-in organization, the texts a correct answer must show, and whose session asks. The bench seeds
// 10,000 organizations (scripts/bench/portal-pages.ts `seedOrganizations`); a page needing other rows seeds them
// there too.

/** One signed-in organization owner, and the admin operator's session used for the operator pages. */
export type SignedIn = { ordinal: number; orgId: string; orgName: string; cookie: string; operatorCookie: string };

export type BenchPage = {
  name: string;
  path: (user: SignedIn) => string;
  /** Texts the page must show for this organization (its name is checked too unless `showsOrgName` is false). */
  expect: (user: SignedIn) => string[];
  operator?: boolean;
  showsOrgName?: boolean;
  /** Portal pages carry the ≥ 70 % target (issue 15); admin pages are measured and reported. */
  audience: 'portal' | 'admin';
};

export const INVOICES_PER_ORGANIZATION = 12;
/** Days of usage events each organization has (scripts/bench/portal-pages.ts `seedOrganizations`). */
export const USAGE_DAYS = 40;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const invoiceNumber = (user: SignedIn, month: number) => `BENCH${pad(user.ordinal, 5)}-${pad(month, 4)}`;

/** The ceiling: the app's minimal dynamic page (app/health/page.tsx), anonymous, through the same proxy and layout. */
export const ceilingPage: BenchPage = { name: 'ceiling /health', path: () => '/health', expect: () => ['>ok<'], showsOrgName: false, audience: 'portal' };

export const benchPages: BenchPage[] = [
  // The running plan (the seeded Team subscription) and this organization's newest invoice, from the mirror.
  { name: 'overview', audience: 'portal', path: (u) => `/orgs/${u.orgId}`, expect: (u) => ['Team', invoiceNumber(u, INVOICES_PER_ORGANIZATION)] },
  // The catalogue: the Starter plan is offered next to the current one.
  { name: 'plans', audience: 'portal', path: (u) => `/orgs/${u.orgId}/plans`, expect: () => ['Starter'] },
  // This organization's newest and oldest invoices.
  {
    name: 'invoices',
    audience: 'portal',
    path: (u) => `/orgs/${u.orgId}/invoices`,
    expect: (u) => [invoiceNumber(u, INVOICES_PER_ORGANIZATION), invoiceNumber(u, 1)],
  },
  // One invoice (its lines and payments, from the mirror).
  {
    name: 'invoice',
    audience: 'portal',
    path: (u) => `/orgs/${u.orgId}/invoices/in_bench${pad(u.ordinal, 5)}_${pad(INVOICES_PER_ORGANIZATION, 2)}`,
    expect: (u) => [invoiceNumber(u, INVOICES_PER_ORGANIZATION)],
  },
  { name: 'subscription', audience: 'portal', path: (u) => `/orgs/${u.orgId}/subscription`, expect: () => ['Team'] },
  // Usage by day for both meters, this period against the previous one, and the projected invoice.
  { name: 'usage', audience: 'portal', path: (u) => `/orgs/${u.orgId}/usage`, expect: () => ['Device hours', 'Diagnosis requests'] },
  // Operators: the customer page (plan, invoices, timeline) and the invoice list searched by the customer's name,
  // across all 120,000 invoices.
  {
    name: 'admin customer',
    audience: 'admin',
    path: (u) => `/admin/customers/${u.orgId}`,
    expect: (u) => ['Team', invoiceNumber(u, INVOICES_PER_ORGANIZATION)],
    operator: true,
  },
  {
    name: 'admin invoices',
    audience: 'admin',
    path: (u) => `/admin/invoices?q=${encodeURIComponent(u.orgName)}`,
    expect: (u) => [invoiceNumber(u, INVOICES_PER_ORGANIZATION), invoiceNumber(u, 1)],
    operator: true,
  },
  // Month-end receivables across all organizations (10,000 open invoices: the heaviest page by design).
  { name: 'admin receivables', audience: 'admin', path: () => '/admin/reports/receivables', expect: () => ['Bench Co 00001'], operator: true, showsOrgName: false },
];
