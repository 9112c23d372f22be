// The check for operators' route handlers (CSV exports): the admin layout does not guard route handlers, so
// each checks the session and the permission itself. A non-operator gets 404, as for the pages.
import 'server-only';
import { getCurrentUser, getOperatorRoleFor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { operatorCan, type OperatorPermission } from '@/lib/permissions';

export async function requireOperatorForRoute(permission: OperatorPermission): Promise<{ userId: string }> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'operator export requested without a session');
  const role = await getOperatorRoleFor(user.id);
  if (!role) throw new AppError('not_found', `user ${user.id} is not an operator`);
  if (!operatorCan(role, permission)) throw new AppError('forbidden', `operator role ${role} lacks ${permission}`);
  return { userId: user.id };
}

export function routeErrorResponse(error: AppError): Response {
  const status = error.code === 'unauthenticated' ? 401 : error.code === 'forbidden' ? 403 : error.code === 'invalid_input' ? 400 : error.code === 'not_found' ? 404 : 500;
  return new Response(status === 500 ? 'Internal error' : error.code, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
