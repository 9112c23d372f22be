// The portal's document downloads: /pdf serves Seikyu's own invoice PDF (drawn from the mirror); /stripe-pdf
// Stripe's original, and when Stripe's document fetch fails (a stale `invoice_pdf`, an unreachable host, a bad
// answer) it answers a clear HTML page in the user's language with 502/503, never a bare 500.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { organizations, stripeInvoices, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createOrganization } from '@/lib/organizations/create-organization';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, stripeEmulatorUrl, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { pdfText } from '@/test/pdf-text';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

const { GET: getPdf } = await import('@/app/orgs/[orgId]/invoices/[invoiceId]/pdf/route');
const { GET: getStripePdf } = await import('@/app/orgs/[orgId]/invoices/[invoiceId]/stripe-pdf/route');
const { GET: getReceipt } = await import('@/app/orgs/[orgId]/invoices/[invoiceId]/receipt/route');

beforeEach(async () => {
  await resetDatabase();
  session.user = null;
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(closeTestDb);

async function ownerWithOpenInvoice(locale: 'en' | 'ja') {
  const [user] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com`, locale }).returning();
  const organization = await createOrganization({ user: user!, name: `Docs ${uniqueSuffix()}`, currency: 'jpy', locale });
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization.id));
  const customerId = row!.stripeCustomerId!;
  const stripe = testStripe();
  const draft = await stripe.invoices.create({ customer: customerId, currency: 'jpy', collection_method: 'send_invoice', days_until_due: 14, auto_advance: false });
  await stripe.invoiceItems.create({ customer: customerId, invoice: draft.id, amount: 12_000, currency: 'jpy', description: 'Annual plan' });
  const invoice = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
  await syncStripeCustomer(customerId, testDb());
  session.user = user as User;
  return { organizationId: organization.id, invoiceId: invoice.id };
}

function call(route: typeof getPdf, ids: { organizationId: string; invoiceId: string }) {
  const params = Promise.resolve({ orgId: ids.organizationId, invoiceId: ids.invoiceId });
  return route(new Request(`http://localhost/orgs/${ids.organizationId}/invoices/${ids.invoiceId}/pdf`), { params });
}

async function setMirroredPdfUrl(invoiceId: string, url: string) {
  await testDb().update(stripeInvoices).set({ invoicePdf: url }).where(eq(stripeInvoices.id, invoiceId));
}

describe("the portal's invoice PDF", () => {
  it("is Seikyu's own document, not Stripe's, even when Stripe's document host is unreachable", async () => {
    const ids = await ownerWithOpenInvoice('en');
    // Our document never fetches Stripe's: a failing fetch must not matter.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    const response = await call(getPdf, ids);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(fetchSpy).not.toHaveBeenCalled();
    const [invoice] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, ids.invoiceId));
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="invoice-${invoice!.number}.pdf"`);
    const text = pdfText(await response.arrayBuffer(), 'layout');
    expect(text).toContain('Invoice');
    expect(text).toContain(invoice!.number!);
    expect(text).toContain('Annual plan');
    expect(text).toMatch(/Amount due\s+¥12,000/);
  });
});

describe("Stripe's original invoice PDF (stripe-pdf) when the Stripe document fetch fails", () => {
  it('streams the PDF when the mirrored invoice_pdf is the emulator’s current URL', async () => {
    const ids = await ownerWithOpenInvoice('en');
    const response = await call(getStripePdf, ids);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    // Not the name of Seikyu's own PDF of the same invoice: both may land in one folder.
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice-.+-stripe\.pdf"$/);
  });

  it('a stale invoice_pdf (emulator restarted on another port) answers 502 with a Japanese page for a Japanese user', async () => {
    const ids = await ownerWithOpenInvoice('ja');
    const stale = new URL(stripeEmulatorUrl());
    stale.port = String(Number(stale.port) === 1 ? 2 : 1);
    await setMirroredPdfUrl(ids.invoiceId, `${stale.origin}/_emulator/invoices/${ids.invoiceId}/pdf`);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});

    const response = await call(getStripePdf, ids);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('書類を開けませんでした');
    expect(html).toContain('請求書PDF');
    expect(html).toContain(`href="/orgs/${ids.organizationId}/invoices/${ids.invoiceId}"`);
    expect(html).not.toContain(stale.origin);
    expect(errors).toHaveBeenCalled();
  });

  it('an unreachable document host answers 503 (with Retry-After), a bad answer 502, in English for an English user', async () => {
    const ids = await ownerWithOpenInvoice('en');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('fetch failed'));
    const unreachable = await call(getStripePdf, ids);
    expect(unreachable.status).toBe(503);
    expect(unreachable.headers.get('retry-after')).toBe('60');
    const html = await unreachable.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('We could not get the invoice PDF from our payment provider');

    fetchSpy.mockImplementationOnce(async () => new Response('<html>oops</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const notPdf = await call(getStripePdf, ids);
    expect(notPdf.status).toBe(502);
    expect(await notPdf.text()).toContain('This document could not be opened');

    fetchSpy.mockImplementationOnce(async () => new Response('busy', { status: 500 }));
    const upstream500 = await call(getStripePdf, ids);
    expect(upstream500.status).toBe(502);
    fetchSpy.mockImplementation(realFetch);
  });

  it("another organization's invoice and an unpaid invoice's receipt answer a 404 page, not JSON", async () => {
    const ids = await ownerWithOpenInvoice('en');
    const receipt = await call(getReceipt, ids);
    expect(receipt.status).toBe(404);
    expect(receipt.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await receipt.text()).toContain('This receipt does not exist, or you do not have access to it.');

    await ownerWithOpenInvoice('en'); // signs in someone else
    const foreign = await call(getPdf, ids);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toContain('This invoice PDF does not exist');
  });
});
