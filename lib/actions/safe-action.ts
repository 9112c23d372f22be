// The one way to write a server action. Every client parses input with zod (use z.coerce for FormData),
// re-checks identity and permission on the server, and turns failures into `serverError: { code, error }`
// with a message in the user's language; details go to the server log only.
//
//   authActionClient      signed-in user in ctx.user
//   orgActionClient       + ctx.organization (membership of `organizationId` in the input; a non-member gets
//                         not_found), permission from `.metadata({ actionName, permission })`
//   operatorActionClient  + ctx.operatorRole (operators only; others get not_found)
import 'server-only';
import { createSafeActionClient } from 'next-safe-action';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import { getOrganizationForMember } from '@/db/queries/organizations';
import { getOperatorRole } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError, toAppError, type AppErrorCode } from '@/lib/errors';
import { formatMoney } from '@/lib/i18n/format';
import { can, memberPermissions, operatorCan, operatorPermissions } from '@/lib/permissions';

export type ActionServerError = { code: AppErrorCode; error: string };

const metadataSchema = z.object({
  actionName: z.string().min(1),
  permission: z.enum(memberPermissions).optional(),
  operatorPermission: z.enum(operatorPermissions).optional(),
});

async function messageFor(error: AppError): Promise<string> {
  // The safe sentence the error carries (a card decline's reason), else the one its domain named, else the code's.
  if (error.userMessage) return error.userMessage;
  const named = error.userMessageKey;
  if (named) {
    const t = await getTranslations();
    if (t.has(named.key as never)) {
      const words = Object.entries(named.valueKeys ?? {}).map(([name, key]) => [name, t.has(key as never) ? t(key as never) : key.slice(key.lastIndexOf('.') + 1)]);
      const locale = named.amounts ? await getLocale() : '';
      const amounts = Object.entries(named.amounts ?? {}).map(([name, { amount, currency }]) => [name, formatMoney(amount, currency, locale)]);
      return t(named.key as never, { ...named.values, ...Object.fromEntries(words), ...Object.fromEntries(amounts) } as never);
    }
  }
  const t = await getTranslations('errors');
  return t(error.code);
}

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  async handleServerError(error, { metadata }): Promise<ActionServerError> {
    const appError = toAppError(error);
    if (appError.code === 'internal' || appError.code === 'stripe_error' || appError.code === 'rate_limited') {
      console.error(`[action ${metadata?.actionName ?? '?'}] ${appError.code}: ${appError.message}`, appError.cause ?? '');
    }
    // The AppError message is for the log; the user gets a sentence in their language.
    return { code: appError.code, error: await messageFor(appError) };
  },
});

export const authActionClient = actionClient.use(async ({ next }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'sign-in required');
  return next({ ctx: { user } });
});

/** The organization id an org action is about: a FormData field or a property of the input object. */
function organizationIdFrom(clientInput: unknown): string | null {
  const value =
    clientInput instanceof FormData
      ? clientInput.get('organizationId')
      : typeof clientInput === 'object' && clientInput !== null
        ? (clientInput as Record<string, unknown>).organizationId
        : null;
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;
}

/**
 * Membership is checked on the raw input before validation so that actions cannot forget it; actions must
 * use `ctx.organization.id`, which is the checked one.
 */
export const orgActionClient = authActionClient.use(async ({ next, ctx, clientInput, metadata }) => {
  const organizationId = organizationIdFrom(clientInput);
  if (!organizationId) throw new AppError('invalid_input', 'organizationId missing from the input');
  const organization = await getOrganizationForMember({ organizationId, userId: ctx.user.id });
  if (!organization) throw new AppError('not_found', `user ${ctx.user.id} is not a member of ${organizationId}`);
  if (metadata?.permission && !can(organization.role, metadata.permission)) {
    throw new AppError('forbidden', `role ${organization.role} lacks ${metadata.permission}`);
  }
  return next({ ctx: { organization } });
});

export const operatorActionClient = authActionClient.use(async ({ next, ctx, metadata }) => {
  const operatorRole = await getOperatorRole({ userId: ctx.user.id });
  if (!operatorRole) throw new AppError('not_found', `user ${ctx.user.id} is not an operator`);
  if (metadata?.operatorPermission && !operatorCan(operatorRole, metadata.operatorPermission)) {
    throw new AppError('forbidden', `operator role ${operatorRole} lacks ${metadata.operatorPermission}`);
  }
  return next({ ctx: { operatorRole } });
});

