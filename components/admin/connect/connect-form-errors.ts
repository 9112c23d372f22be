// What the add-payee and split-rule forms say about input the server refused, beside the field concerned and in
// the reader's language: the schemas' codes (lib/connect/schemas.ts) become messages connect.errors; any other
// refusal names its field ("Check “Email”."). Pure.
import { fieldMessages } from '@/components/forms/validation-issues';
import { fillTemplate } from '@/lib/i18n/fill-template';
import type { PayeeRole } from '@/lib/connect/payee-roles';

export const ADD_PAYEE_ERROR_CODES = ['name_required', 'name_too_long', 'email_required', 'email'] as const;

/** The codes' sentences, and `checkField`: the raw template naming a `{field}`. */
export type AddPayeeErrorMessages = Record<(typeof ADD_PAYEE_ERROR_CODES)[number] | 'checkField', string>;

export type AddPayeeField = 'name' | 'email' | 'role' | 'country';

/** One sentence per refused field of the add-payee form. */
export function addPayeeFieldErrors(validationErrors: unknown, messages: AddPayeeErrorMessages, labels: Record<AddPayeeField, string>): Partial<Record<AddPayeeField, string>> {
  const { checkField, ...byCode } = messages;
  const byPath = fieldMessages(validationErrors, byCode, (path) => fillTemplate(checkField, { field: labels[path[0] as AddPayeeField] ?? path.join('.') }));
  // Only the form's own fields: anything else would be a fault of the form, not the operator's to correct.
  return Object.fromEntries(Object.entries(byPath).filter(([field]) => field in labels)) as Partial<Record<AddPayeeField, string>>;
}

/**
 * One sentence per role whose share the server refused before looking at the rule (`shares.<index>.value`, the
 * index counting only the roles sent): the role's field named, "Check “Amount for the Reading doctor”.".
 */
export function splitRuleFieldErrors(validationErrors: unknown, sentRoles: readonly PayeeRole[], checkField: string, fieldLabels: Record<PayeeRole, string>): Partial<Record<PayeeRole, string>> {
  const result: Partial<Record<PayeeRole, string>> = {};
  for (const path of Object.keys(fieldMessages(validationErrors, {}, () => ''))) {
    const [list, index] = path.split('.');
    const role = list === 'shares' && index !== undefined ? sentRoles[Number(index)] : undefined;
    if (role && !result[role]) result[role] = fillTemplate(checkField, { field: fieldLabels[role] });
  }
  return result;
}
