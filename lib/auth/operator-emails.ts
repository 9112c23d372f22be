// OPERATOR_EMAILS (admins) and OPERATOR_SUPPORT_EMAILS (support) are comma-separated lists; comparison ignores
// case and surrounding spaces. An address in both is an admin.
import type { OperatorRole } from '@/lib/permissions';

export function isOperatorEmail(email: string, operatorEmails: string): boolean {
  const wanted = email.trim().toLowerCase();
  return operatorEmails
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .some((e) => e.length > 0 && e === wanted);
}

/** The operator role the configuration gives this address, or null when it names none. */
export function operatorRoleFromConfig(email: string, config: { OPERATOR_EMAILS: string; OPERATOR_SUPPORT_EMAILS: string }): OperatorRole | null {
  if (isOperatorEmail(email, config.OPERATOR_EMAILS)) return 'admin';
  if (isOperatorEmail(email, config.OPERATOR_SUPPORT_EMAILS)) return 'support';
  return null;
}
