// Permissions by name. Roles map to what they may do; code asks `can(role, 'billing:manage')`, never
// compares role strings, so adding a role or a permission is one edit here.
export type MembershipRole = 'owner' | 'billing' | 'member';
export type OperatorRole = 'admin' | 'support';

export const memberPermissions = [
  'billing:read',
  'billing:manage',
  'invoices:read',
  'payment_methods:manage',
  'organization:update',
  'members:read',
  'members:manage',
  'api_keys:manage',
] as const;
export type MemberPermission = (typeof memberPermissions)[number];

const byRole: Record<MembershipRole, readonly MemberPermission[]> = {
  owner: memberPermissions,
  billing: ['billing:read', 'billing:manage', 'invoices:read', 'payment_methods:manage', 'organization:update', 'members:read', 'api_keys:manage'],
  member: ['billing:read', 'invoices:read', 'members:read'],
};

export function can(role: MembershipRole, permission: MemberPermission): boolean {
  return byRole[role].includes(permission);
}

// support reads everything, writes notes and resends invoices; admin also does every money action and settings.
export const operatorPermissions = [
  'admin:read',
  'admin:customers:resync',
  'admin:notes:write',
  'admin:invoices:resend',
  'admin:invoices:manage',
  'admin:payments:record',
  'admin:credit_notes:manage',
  'admin:review:manage',
  'admin:settings:manage',
  'admin:events:replay',
  'admin:operators:manage',
  'admin:notifications:manage',
] as const;
export type OperatorPermission = (typeof operatorPermissions)[number];

const byOperatorRole: Record<OperatorRole, readonly OperatorPermission[]> = {
  admin: operatorPermissions,
  support: ['admin:read', 'admin:customers:resync', 'admin:notes:write', 'admin:invoices:resend'],
};

export function operatorCan(role: OperatorRole, permission: OperatorPermission): boolean {
  return byOperatorRole[role].includes(permission);
}
