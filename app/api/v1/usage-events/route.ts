// POST /api/v1/usage-events — a product reports usage events with its organization's usage API key.
import { handlePostUsageEvents } from '@/lib/usage/api/post-usage-events';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handlePostUsageEvents(request);
}
