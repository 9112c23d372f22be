import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { AppError, appErrorCodes, errorResponse, httpStatusFor, toAppError, toUserMessage } from './errors';

describe('httpStatusFor', () => {
  it('maps every code to its HTTP status', () => {
    expect(Object.fromEntries(appErrorCodes.map((c) => [c, httpStatusFor(c)]))).toEqual({
      not_found: 404,
      forbidden: 403,
      unauthenticated: 401,
      invalid_input: 400,
      conflict: 409,
      stripe_error: 502,
      stripe_unavailable: 503,
      rate_limited: 429,
      internal: 500,
    });
  });
});

describe('toUserMessage', () => {
  it('never shows the internal message of an AppError', () => {
    const error = new AppError('not_found', 'organization org_123 not visible to user usr_9');
    expect(toUserMessage(error)).toBe('That item was not found.');
    expect(toUserMessage(error)).not.toContain('org_123');
  });

  it('shows an explicit user message when one was given', () => {
    expect(toUserMessage(new AppError('conflict', 'x', { userMessage: 'This plan is already active.' }))).toBe('This plan is already active.');
  });

  it('hides unknown errors behind the internal sentence', () => {
    expect(toUserMessage(new Error('password authentication failed for user "postgres"'))).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
    expect(toUserMessage('a string')).toBe('Something went wrong on our side. Try again in a moment.');
  });
});

describe('toAppError', () => {
  it('keeps Stripe card decline sentences for the user and the request id for the log', () => {
    // What the SDK throws for a 402 answer.
    const declined = new Stripe.errors.StripeCardError({
      type: 'card_error',
      message: 'Your card was declined.',
      code: 'card_declined',
      decline_code: 'generic_decline',
      requestId: 'req_123',
      statusCode: 402,
    });
    const error = toAppError(declined);
    expect(error.code).toBe('stripe_error');
    expect(toUserMessage(error)).toBe('Your card was declined.');
    expect(error.stripeRequestId).toBe('req_123');
    expect(error.message).toContain('req_123');
    expect(error.cause).toBe(declined);
  });

  it('does not show other Stripe errors verbatim', () => {
    const invalid = new Stripe.errors.StripeInvalidRequestError({
      type: 'invalid_request_error',
      message: 'No such customer: cus_secret',
      statusCode: 404,
    });
    expect(toAppError(invalid).code).toBe('stripe_error');
    expect(toUserMessage(invalid)).not.toContain('cus_secret');
  });

  it('maps Stripe rate limits and zod failures to their codes', () => {
    const limited = new Stripe.errors.StripeRateLimitError({ type: 'invalid_request_error', code: 'rate_limit', message: 'Too many', statusCode: 429 });
    expect(toAppError(limited).code).toBe('rate_limited');
    const parsed = z.object({ quantity: z.number().int() }).safeParse({ quantity: 'x' });
    expect(parsed.success).toBe(false);
    expect(toAppError(parsed.error).code).toBe('invalid_input');
  });

  it('says Stripe is unavailable and nothing was charged when Stripe cannot be reached at all', async () => {
    // A port nobody listens on: the SDK's own connection error, as when Stripe (or the emulator) is down.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const stripe = new Stripe('sk_test_unreachable', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    const failure = await stripe.customers.create({ email: 'a@example.com' }).catch((error: unknown) => error);
    expect(toAppError(failure).code).toBe('stripe_unavailable');
    expect(httpStatusFor('stripe_unavailable')).toBe(503);
    expect(toUserMessage(failure)).toBe('Stripe is unavailable right now, so nothing was charged. Try again in a few minutes.');
  });

  it('keeps a timed-out Stripe request a stripe_error: Stripe may have acted on it', () => {
    const timeout = new Stripe.errors.StripeConnectionError({ message: 'Request aborted due to timeout being reached (80000ms)' });
    expect(toAppError(timeout).code).toBe('stripe_error');
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError('forbidden', 'role member lacks billing.manage');
    expect(toAppError(original)).toBe(original);
  });
});

describe('errorResponse', () => {
  it('answers with the status and a safe body', async () => {
    const response = errorResponse(new AppError('forbidden', 'role member lacks billing.manage'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: 'You do not have permission to do that.' } });
  });
});
