// What Stripe still needs from a payee, in a few items a doctor understands, from the account's requirement codes
// as last read (connect_payees.requirements_due: v1 `currently_due` / `past_due` fields such as
// `individual.first_name_kana`, or v2 entry descriptions such as `identity.individual.given_name`). The payee's page
// names these groups, never the codes; operators still see the codes (/admin/payees). A code we cannot place
// becomes "other", so nothing due is hidden. Pure.

/** In the order the page lists them. */
export const REQUIREMENT_GROUPS = ['identity', 'business', 'bank', 'terms', 'other'] as const;
export type RequirementGroup = (typeof REQUIREMENT_GROUPS)[number];

const rules: [RequirementGroup, RegExp][] = [
  ['terms', /(^|\.)(tos_acceptance|terms_of_service)(\.|$)/],
  ['bank', /(^|\.)(external_account|bank_account|default_outbound_destination|payout_methods?)(\.|$)/],
  ['identity', /^(identity\.)?(individual|representative|person_[^.]+|persons|owners|directors|executives|relationship)(\.|$)/],
  ['business', /^(identity\.)?(business_profile|business_type|business_details|company|entity_type)(\.|$)/],
];

export function requirementGroupOf(code: string): RequirementGroup {
  return rules.find(([, pattern]) => pattern.test(code))?.[0] ?? 'other';
}

/** Each group with something due, once, in the page's order. */
export function requirementGroupsDue(codes: readonly string[]): RequirementGroup[] {
  const due = new Set(codes.map(requirementGroupOf));
  return REQUIREMENT_GROUPS.filter((group) => due.has(group));
}
