// The fidelity harness itself: the committed schema is what the SDK's types generate today, and the validating
// client really catches a missing field, an unknown field, a wrong type and a value outside an enum.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaText } from './generate-schemas.js';
import { schemaFilePath } from './schema-file.js';
import { ResponseValidator } from './response-validator.js';
import { createValidatedStripe, recordWebhookPayload, takeFidelityViolations } from './validated-stripe.js';

/** A fake Stripe that answers every request with the body the test sets: proves the SDK path validates. */
let fake: http.Server;
let fakeUrl: string;
let nextBody: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = nextBody.status;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Request-Id', 'req_fake');
      res.end(JSON.stringify(nextBody.body));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => fake.close(() => resolve()));
});

function validCustomer(): Record<string, unknown> {
  return {
    id: 'cus_test123',
    object: 'customer',
    address: null,
    balance: 0,
    created: 1_763_700_000,
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: 'a@example.com',
    invoice_prefix: 'ABCD1234',
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

describe('fidelity harness', () => {
  it('the committed schema equals a fresh generation from the installed stripe types', () => {
    const committed = readFileSync(schemaFilePath(), 'utf8');
    expect(generateSchemaText() === committed, 'run `npm run generate:schemas -w @seikyu/stripe-emulator`').toBe(true);
  }, 120_000); // type-checks the SDK's declarations: seconds alone, longer on a busy machine

  it('accepts a complete customer, a list of them and a deletion stub', () => {
    const validator = new ResponseValidator();
    expect(validator.validateResponse('GET /v1/customers/cus_test123', 200, validCustomer())).toEqual([]);
    const list = { object: 'list', data: [validCustomer(), validCustomer()], has_more: false, url: '/v1/customers' };
    expect(validator.validateResponse('GET /v1/customers', 200, list)).toEqual([]);
    const deleted = { id: 'cus_test123', object: 'customer', deleted: true };
    expect(validator.validateResponse('DELETE /v1/customers/cus_test123', 200, deleted)).toEqual([]);
  });

  it('names a missing field, an unknown field, a wrong type and a value outside an enum', () => {
    const validator = new ResponseValidator();
    const broken = validCustomer();
    delete broken.email;
    broken.paid = true;
    broken.balance = '0';
    broken.tax_exempt = 'sometimes';
    const [violation] = validator.validateResponse('GET /v1/customers/cus_test123', 200, broken);
    expect(violation.schema).toBe('customer');
    expect(violation.problems).toEqual(
      expect.arrayContaining([
        '(root): missing required field "email"',
        '(root): field "paid" is not in the SDK\'s type',
        'balance: "0" is not of type number',
        'tax_exempt: "sometimes" is not one of ["exempt","none","reverse"]',
      ]),
    );
  });

  it('checks every list item and an event\'s data.object, and errors against Stripe\'s error shape', () => {
    const validator = new ResponseValidator();
    const bad = { ...validCustomer(), livemode: 'no' };
    const list = { object: 'list', data: [validCustomer(), bad], has_more: false, url: '/v1/customers' };
    expect(validator.validateResponse('GET /v1/customers', 200, list).map((v) => v.at)).toEqual(['$.data[1]']);

    const event = {
      id: 'evt_1', object: 'event', api_version: '2026-10-28.endive', created: 1, livemode: false, pending_webhooks: 0,
      request: { id: null, idempotency_key: null }, type: 'customer.created', data: { object: bad },
    };
    expect(validator.validateResponse('GET /v1/events/evt_1', 200, event).map((v) => v.at)).toEqual(['$.data.object']);

    const error = { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } };
    expect(validator.validateResponse('POST /v1/payment_intents', 402, error)).toEqual([]);
    const badError = { error: { type: 'card_failure', message: 'x' } };
    expect(validator.validateResponse('POST /v1/payment_intents', 402, badError)[0].schema).toBe('error');
  });

  it('records violations from real SDK calls (and leaves the SDK result untouched)', async () => {
    await takeFidelityViolations();
    const stripe = createValidatedStripe(fakeUrl, { maxNetworkRetries: 0 });

    nextBody = { status: 200, body: validCustomer() };
    const ok = await stripe.customers.create({ email: 'a@example.com' });
    expect(ok.id).toBe('cus_test123');
    expect(await takeFidelityViolations()).toEqual([]);

    const broken = validCustomer();
    delete broken.invoice_settings;
    nextBody = { status: 200, body: broken };
    const customer = await stripe.customers.retrieve('cus_test123');
    expect(customer.id).toBe('cus_test123');
    const violations = await takeFidelityViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0].request).toBe('GET /v1/customers/cus_test123');
    expect(violations[0].problems).toContain('(root): missing required field "invoice_settings"');
  });

  it('validates webhook deliveries (the event and its data.object) the same way', async () => {
    await takeFidelityViolations();
    const event = (object: Record<string, unknown>) =>
      JSON.stringify({
        id: 'evt_1', object: 'event', api_version: '2026-10-28.endive', created: 1, livemode: false, pending_webhooks: 1,
        request: { id: 'req_1', idempotency_key: null }, type: 'customer.updated', data: { object, previous_attributes: { email: null } },
      });
    recordWebhookPayload(event(validCustomer()));
    expect(await takeFidelityViolations()).toEqual([]);
    recordWebhookPayload(event({ ...validCustomer(), delinquent: 'no' }));
    const [violation] = await takeFidelityViolations();
    expect(violation).toMatchObject({ request: 'WEBHOOK customer.updated', at: '$.data.object', schema: 'customer' });
    expect(violation.problems).toContain('delinquent: "no" is not of type boolean,null');
  });
});
