// Inputs of the member actions. Roles are the membership roles; ids are looked up scoped to the organization.
import { z } from 'zod';

export const memberRoles = ['owner', 'billing', 'member'] as const;

export const inviteMemberSchema = z.object({
  organizationId: z.string().min(1).max(100),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  role: z.enum(memberRoles),
});

export const changeMemberRoleSchema = z.object({
  organizationId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  role: z.enum(memberRoles),
});

export const removeMemberSchema = z.object({
  organizationId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
});

export const revokeInvitationSchema = z.object({
  organizationId: z.string().min(1).max(100),
  invitationId: z.string().min(1).max(100),
});
