// POST /api/v1/usage-events: authenticate, limit, read at most 1 MB, validate the whole batch, store it in one
// statement, answer 202 only once it is committed. Nothing here calls Stripe (the reporter job does, later).
import 'server-only';
import { insertUsageEvents } from '@/db/queries/usage-events';
import { knownMeters } from '../known-meters';
import { MAX_BODY_BYTES, validateUsageEvents } from '../validate-events';
import { apiError, authorizeUsageRequest } from './responses';

export async function handlePostUsageEvents(request: Request): Promise<Response> {
  const authorized = await authorizeUsageRequest(request);
  if (!authorized.ok) return authorized.response;

  const text = await readBodyWithin(request, MAX_BODY_BYTES);
  if (text === null) return apiError(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, 'invalid_json', 'The body is not valid JSON.');
  }

  const result = validateUsageEvents(body, { knownMeters: await knownMeters(), nowSeconds: Math.floor(Date.now() / 1000) });
  if (!result.ok) return apiError(result.status, result.code, result.message, result.errors ? { errors: result.errors } : {});

  const accepted = await insertUsageEvents({ organizationId: authorized.identity.organizationId, events: result.events });
  return Response.json({ accepted, duplicates: result.events.length - accepted }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}

/** The body as text, or null once it exceeds `max` bytes (stops reading there). */
async function readBodyWithin(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
