// /_emulator/* — test controls, apart from the Stripe paths. No auth: the emulator is a local test tool.
import type { Emulator } from './emulator.js';
import { StripeError } from './http/errors.js';

function bool(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new StripeError(400, 'invalid_request_error', `${name} must be true or false`);
}

function nonNegativeInt(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new StripeError(400, 'invalid_request_error', `${name} must be a non-negative integer`);
  return n;
}

function intList(value: unknown, name: string): number[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : typeof value === 'string' ? value.split(',') : null;
  if (!items) throw new StripeError(400, 'invalid_request_error', `${name} must be a list of integers (ms)`);
  return items.map((v, i) => {
    const n = nonNegativeInt(typeof v === 'string' ? v.trim() : v, `${name}[${i}]`);
    if (n === undefined) throw new StripeError(400, 'invalid_request_error', `${name}[${i}] is missing`);
    return n;
  });
}

export function registerControlRoutes(emu: Emulator): void {
  const { router } = emu;

  router.control('GET', '/_emulator/health', () => ({ ok: true, url: emu.url, pending_webhook_deliveries: emu.webhooks.pendingCount() }));

  router.control('GET', '/_emulator/routes', () => ({ data: emu.router.list() }));

  router.control('GET', '/_emulator/webhook_deliveries', ({ query }) => ({
    object: 'list',
    data: emu.webhooks.deliveries({ eventId: query.get('event') ?? undefined, endpointId: query.get('endpoint') ?? undefined }),
  }));

  router.control('POST', '/_emulator/webhooks/flush', async ({ query, body }) => {
    const timeout = nonNegativeInt(body.timeout_ms ?? query.get('timeout_ms') ?? undefined, 'timeout_ms') ?? 30_000;
    const idle = await emu.webhooks.flush(timeout);
    return { idle, pending: emu.webhooks.pendingCount() };
  });

  const settings = () => ({
    duplicate: emu.webhooks.settings.duplicate,
    shuffle_window_ms: emu.webhooks.settings.shuffleWindowMs,
    retry_schedule_ms: emu.webhooks.settings.retryScheduleMs,
    timeout_ms: emu.webhooks.settings.timeoutMs,
  });
  router.control('GET', '/_emulator/chaos', settings);
  router.control('POST', '/_emulator/chaos', ({ body }) => {
    const duplicate = bool(body.duplicate, 'duplicate');
    const shuffle = nonNegativeInt(body.shuffle_window_ms, 'shuffle_window_ms');
    const retry = intList(body.retry_schedule_ms, 'retry_schedule_ms');
    const timeout = nonNegativeInt(body.timeout_ms, 'timeout_ms');
    const s = emu.webhooks.settings;
    emu.webhooks.settings = {
      duplicate: duplicate ?? s.duplicate,
      shuffleWindowMs: shuffle ?? s.shuffleWindowMs,
      retryScheduleMs: retry ?? s.retryScheduleMs,
      timeoutMs: timeout ?? s.timeoutMs,
    };
    return settings();
  });

  router.control('POST', '/_emulator/reset', async () => {
    emu.webhooks.reset();
    emu.store.reset();
    await emu.store.flush();
    return { ok: true };
  });
}
