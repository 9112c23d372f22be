// With real Stripe and no STRIPE_APP_SECRET the Stripe App routes are off: a clear 503, never an open door.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/env', () => ({
  env: { STRIPE_APP_RATE_LIMIT_PER_MINUTE: 60, STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_EMULATOR_URL: 'http://127.0.0.1:1', APP_URL: 'http://localhost:3000' },
  usesStripeEmulator: false,
}));

const { stripeAppSecret } = await import('./config');
const { handleStripeAppRequest } = await import('./handle-request');
const { customerRequestSchema } = await import('./schemas');

describe('the Stripe App without STRIPE_APP_SECRET against real Stripe', () => {
  it('has no secret (the emulator default never applies to real Stripe)', () => {
    expect(stripeAppSecret()).toBeNull();
  });

  it('answers every request 503 stripe_app_disabled, with CORS, and runs nothing', async () => {
    const run = vi.fn();
    const request = new Request('http://localhost/api/stripe-app/customer-summary', {
      method: 'POST',
      headers: { 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ user_id: 'usr_1', account_id: 'acct_1', customer_id: 'cus_1' }),
    });
    const response = await handleStripeAppRequest(request, customerRequestSchema, run);
    expect(response.status).toBe(503);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ error: { type: 'api_error', code: 'stripe_app_disabled', message: expect.stringContaining('STRIPE_APP_SECRET') } });
    expect(run).not.toHaveBeenCalled();
  });
});
