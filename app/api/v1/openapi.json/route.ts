// GET /api/v1/openapi.json — the usage API's OpenAPI 3.1 document (public: it describes, it grants nothing).
import { env } from '@/lib/env';
import { usageOpenApiDocument } from '@/lib/usage/openapi';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(usageOpenApiDocument(env.APP_URL), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
