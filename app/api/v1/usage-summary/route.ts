// GET /api/v1/usage-summary — accepted usage of one meter in day or hour buckets (the organization's days).
import { handleGetUsageSummary } from '@/lib/usage/api/get-usage-summary';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleGetUsageSummary(request);
}
