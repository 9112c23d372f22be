// The customer detail view rendered with the UI extension SDK's own testing tools (render, getMockContextProps,
// its matchers): no Dashboard, no browser. Seikyu's endpoint is a stub `fetch` that records each request, so the
// tests see what the view sends (signed ids, the customer) and what it shows for Seikyu's answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getMockContextProps, render } from '@stripe/ui-extension-sdk/testing';
import { Badge, Banner, Button, ContextView, ListItem, TextArea } from '@stripe/ui-extension-sdk/ui';
import type { CustomerSummary } from '../seikyu-client';
import CustomerDetailView from './CustomerDetailView';

vi.mock('@stripe/ui-extension-sdk/signature', () => ({ default: vi.fn(async () => 't=1700000000,v1=signed-by-stripe') }));

const summary: CustomerSummary = {
  object: 'seikyu.customer_summary',
  customer_id: 'cus_123',
  organization: { id: 'org_1', name: 'Acme KK', billing_email: 'billing@acme.test', currency: 'jpy', created: 1_700_000_000 },
  subscription: {
    id: 'sub_1',
    status: 'past_due',
    plan: 'Starter',
    currency: 'jpy',
    collection_method: 'send_invoice',
    current_period_start: 1_767_225_600,
    current_period_end: 1_769_904_000,
    cancel_at_period_end: false,
  },
  limits: { tier: 'starter', capacity: 5, in_use: 3, remaining: 2, free_tier_ends_at: null, allowed: true },
  card: { id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
  usage: [{ meter: 'device_hours', total: 1234, period_start: 1_767_225_600, period_end: 1_769_904_000 }],
  open_invoices: [{ id: 'in_1', number: 'ACME-0001', currency: 'jpy', amount_due: 12_000, amount_remaining: 12_000, due_date: 1_768_435_200, admin_url: 'https://billing.example.com/admin/invoices/in_1' }],
  notes: [{ id: 'note_1', body: 'Pays on the 25th', author: 'ops@seikyu.test', created: 1_767_225_600 }],
  links: { customer: 'https://billing.example.com/admin/customers/org_1', invoices: 'https://billing.example.com/admin/invoices?q=cus_123' },
};

type Call = { url: string; headers: Record<string, string>; body: Record<string, unknown> };
let calls: Call[];
let answer: (call: Call) => Response;

beforeEach(() => {
  calls = [];
  answer = () => Response.json(summary);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call = { url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) as Record<string, unknown> };
    calls.push(call);
    return answer(call);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const context = (locale = 'en-US') =>
  getMockContextProps({
    userContext: { id: 'usr_dash', locale, account: { id: 'acct_ours', country: 'JP' } },
    environment: { viewportID: 'stripe.dashboard.customer.detail', objectContext: { id: 'cus_123', object: 'customer' }, constants: { SEIKYU_URL: 'https://billing.example.com' } },
  });

/** The SDK's Button takes its label as children (text nodes), so buttons are found by their text. */
function buttonLabelled(wrapper: ReturnType<typeof render>['wrapper'], label: string) {
  const button = wrapper.findAll(Button).find((node) => node.text === label);
  if (!button) throw new Error(`no button labelled ${label}`);
  return button;
}

/**
 * Renders the view and lets its load finish: the signature, the stubbed fetch and its JSON resolve over several
 * promise turns, so one update() can land before the summary does. A macrotask turn drains them all first.
 */
async function renderView(locale?: string) {
  const view = render(<CustomerDetailView {...context(locale)} />);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await view.update();
  return view;
}

describe('CustomerDetailView', () => {
  it("asks Seikyu for this customer's summary, signed for the Dashboard user and account", async () => {
    await renderView();
    expect(calls).toEqual([
      {
        url: 'https://billing.example.com/api/stripe-app/customer-summary',
        headers: { 'Stripe-Signature': 't=1700000000,v1=signed-by-stripe', 'Content-Type': 'application/json' },
        body: { user_id: 'usr_dash', account_id: 'acct_ours', customer_id: 'cus_123' },
      },
    ]);
  });

  it('shows the organization, plan and status, the card, usage, open invoices with due dates, notes and a link to Seikyu', async () => {
    const { wrapper } = await renderView();
    expect(wrapper).toContainComponent(ContextView, { title: 'Seikyu', description: 'Acme KK', externalLink: { label: 'Open in Seikyu', href: 'https://billing.example.com/admin/customers/org_1' } });
    expect(wrapper).toContainComponent(ListItem, { title: 'Plan', value: 'Starter' });
    expect(wrapper).toContainComponent(Badge, { type: 'warning' });
    expect(wrapper).toContainText('past_due');
    expect(wrapper).toContainComponent(ListItem, { title: 'Devices', value: '3 of 5 in use' });
    expect(wrapper).toContainComponent(ListItem, { title: 'Card that pays', value: 'visa •••• 4242 (12/2030)' });
    expect(wrapper).toContainComponent(ListItem, { title: 'device_hours', value: '1,234' });
    expect(wrapper).toContainComponent(ListItem, { title: 'ACME-0001', value: '¥12,000', secondaryTitle: 'Due Jan 15, 2026' });
    expect(wrapper).toContainComponent(ListItem, { title: 'Pays on the 25th' });
    expect(buttonLabelled(wrapper, 'Resync from Stripe')).toBeDefined();
    expect(buttonLabelled(wrapper, 'Add note')).toHaveProps({ disabled: true });
  });

  it('speaks Japanese to a Japanese Dashboard user', async () => {
    const { wrapper } = await renderView('ja-JP');
    expect(wrapper).toContainComponent(ListItem, { title: 'プラン', value: 'Starter' });
    expect(wrapper).toContainComponent(ListItem, { title: 'デバイス', value: '5 台中 3 台使用中' });
    expect(buttonLabelled(wrapper, 'Stripe から再同期')).toBeDefined();
    expect(wrapper).toContainComponent(ListItem, { title: 'ACME-0001', secondaryTitle: '支払期限 2026年1月15日' });
  });

  it('adds a note through Seikyu, then shows the refreshed summary and a confirmation', async () => {
    const { wrapper, update } = await renderView();
    answer = (call) => (call.url.endsWith('/actions/add-note') ? Response.json({ object: 'seikyu.customer_note', id: 'note_2', body: call.body.body, author: 'stripe-app:usr_dash', created: 1 }) : Response.json(summary));
    wrapper.find(TextArea)!.trigger('onChange', { target: { value: 'Asked for a bank transfer' } });
    await update();
    buttonLabelled(wrapper, 'Add note').trigger('onPress', {});
    await update();
    await update();
    expect(calls.map((c) => c.url.split('/api/stripe-app/')[1])).toEqual(['customer-summary', 'actions/add-note', 'customer-summary']);
    expect(calls[1]!.body).toEqual({ user_id: 'usr_dash', account_id: 'acct_ours', customer_id: 'cus_123', body: 'Asked for a bank transfer' });
    expect(wrapper).toContainComponent(Banner, { type: 'default', title: 'Note added.' });
    expect(wrapper.find(TextArea)!.props.value).toBe('');
  });

  it("starts a resync and shows Seikyu's refusal when it answers with an error", async () => {
    const { wrapper, update } = await renderView();
    answer = (call) =>
      call.url.endsWith('/actions/resync') ? Response.json({ error: { type: 'rate_limit_error', message: 'Too many requests from this Stripe user. Try again shortly.' } }, { status: 429 }) : Response.json(summary);
    buttonLabelled(wrapper, 'Resync from Stripe').trigger('onPress', {});
    await update();
    await update();
    expect(calls[1]).toMatchObject({ url: 'https://billing.example.com/api/stripe-app/actions/resync', body: { customer_id: 'cus_123' } });
    expect(wrapper).toContainComponent(Banner, { type: 'critical', title: 'Seikyu could not do that', description: 'Too many requests from this Stripe user. Try again shortly.' });
  });

  it('says what is wrong when Seikyu refuses to load the summary', async () => {
    answer = () => Response.json({ error: { type: 'invalid_request_error', message: 'No such customer in Seikyu.' } }, { status: 404 });
    const { wrapper } = await renderView();
    expect(wrapper).toContainComponent(Banner, { type: 'critical', title: 'Could not load Seikyu', description: 'No such customer in Seikyu.' });
  });

  it('asks for SEIKYU_URL instead of calling anything when the manifest does not set it', async () => {
    const props = context();
    props.environment.constants = {};
    const view = render(<CustomerDetailView {...props} />);
    await view.update();
    expect(calls).toEqual([]);
    expect(view.wrapper).toContainComponent(Banner, { type: 'critical', title: expect.stringContaining('SEIKYU_URL') });
  });
});
