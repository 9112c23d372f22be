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

/**
 * `generateMetadata` for an organization's page whose title is one translated string. It asks the page's own
 * question first (a member, or one of `roles`; the lookup the page makes, cached per request): a visitor the page
 * refuses gets the 404's title ("Page not found"), not the title of the page they may not see. (The layout cannot
 * ask it: Next resolves the 404's title through the layouts' metadata again.)
 */
export function titleMetadata(
  namespace: string,
  key = 'title',
  roles?: readonly MembershipRole[],
): (props: { params: Promise<{ orgId: string }> }) => Promise<Metadata> {
  return async ({ params }) => {
    await requireMembership((await params).orgId, roles);
    const t = await getTranslations(namespace);
    return { title: t(key) };
  };
}
