// What Stripe still needs from a payee, for operators: the plain groups the payee's own page names (personal
// details, bank account, terms), then Stripe's field codes folded away in a small secondary line that wraps
// anywhere. A code such as `business_profile.product_description` has no space to break at: unfolded on one line,
// a few of them widened the payees table past the screen and pushed the onboarding link out of reach.
import { labelled, listed } from '@/lib/i18n/format';
import { requirementGroupsDue, type RequirementGroup } from '@/lib/connect/requirement-groups';

export type PayeeRequirementsLabels = {
  requirements: string;
  none: string;
  groups: Record<RequirementGroup, string>;
  /** Formatted with the number of codes: "Stripe's field codes (4)". */
  codes: string;
};

export function PayeeRequirements({ codes, labels, locale }: { codes: readonly string[]; labels: PayeeRequirementsLabels; locale: string }) {
  if (codes.length === 0) return <span className="block text-xs text-slate-600">{labelled(labels.requirements, labels.none, locale)}</span>;
  const groups = requirementGroupsDue(codes).map((group) => labels.groups[group]);
  return (
    <div className="text-xs text-slate-600" data-testid="payee-requirements">
      <span className="block">{labelled(labels.requirements, listed(groups, locale), locale)}</span>
      <details className="mt-0.5 text-slate-500">
        <summary className="cursor-pointer">{labels.codes}</summary>
        <p className="mt-0.5 font-mono [overflow-wrap:anywhere]">{codes.join(', ')}</p>
      </details>
    </div>
  );
}
