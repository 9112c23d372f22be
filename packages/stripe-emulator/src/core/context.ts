// The API request being served, available anywhere below a handler (events use it for `request.id` and
// `request.idempotency_key`). Outside a request (scheduled work, test-clock advances) there is none.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
  /** The API key the caller used (idempotency keys are scoped by it). */
  apiKey: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Runs `fn` outside any request (so events it emits carry `request: { id: null, idempotency_key: null }`). */
export function runOutsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
