// The prologue every organization billing page shares: who is asking (a member, or one of `roles`, else the
// same 404 as a missing page), the organization with its billing currency, the query string, the page's base
// path and whether the viewer may change billing. Reads the local mirror only.
import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import type { MembershipRole } from '@/db/queries/organizations';
import { requireMembership } from '@/lib/auth/session';
import { can } from '@/lib/permissions';

export type OrgPageProps = {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function loadOrgPage(props: OrgPageProps, roles?: readonly MembershipRole[]) {
  const { orgId } = await props.params;
  const { organization } = await requireMembership(orgId, roles);
  const query = await props.searchParams;
  return {
    organization,
    query,
    base: `/orgs/${organization.id}`,
    // An organization not yet set up on Stripe sees the catalogue in the default currency.
    currency: organization.currency ?? 'usd',
    mayManage: can(organization.role, 'billing:manage'),
  };
}

/** `generateMetadata` for a page whose title is one translated string. */
export function titleMetadata(namespace: string, key = 'title'): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations(namespace);
    return { title: t(key) };
  };
}
