// GET /api/v1/limits — the organization's plan, device capacity and what is left this hour.
import { handleGetLimits } from '@/lib/usage/api/get-limits';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleGetLimits(request);
}
