// GET /admin/payees — payees (Stripe Connect accounts) with their status and outstanding requirements, filters,
// the onboarding link, adding a payee, and the split rule of each one-time price. Admins (admin:connect:manage)
// change things; support reads.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { PayeeStatusBadge } from '@/components/admin/connect/connect-badges';
import { AddPayeeForm } from '@/components/admin/connect/add-payee-form';
import { ADD_PAYEE_ERROR_CODES, type AddPayeeErrorMessages } from '@/components/admin/connect/connect-form-errors';
import { PayeeRequirements, type PayeeRequirementsLabels } from '@/components/admin/connect/payee-requirements';
import { SplitRuleForm } from '@/components/admin/connect/split-rule-form';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOneTimePrices } from '@/db/queries/catalog';
import { listPayees, listSplitRules, type PayeeStatus } from '@/db/queries/payees';
import { requireOperator } from '@/lib/auth/session';
import { PAYEE_COUNTRIES, PAYEE_ROLES, type PayeeCountry } from '@/lib/connect/payee-roles';
import { REQUIREMENT_GROUPS, type RequirementGroup } from '@/lib/connect/requirement-groups';
import { shareAmounts } from '@/lib/connect/split';
import { formatMoney, minorUnitDigits } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('connect.payees');

const statuses: readonly PayeeStatus[] = ['onboarding', 'restricted', 'enabled'];

function pick<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export default async function PayeesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireOperator();
  const query = await searchParams;
  const status = pick(query.status, statuses);
  const payeeRole = pick(query.role, PAYEE_ROLES);
  const locale = await getLocale();
  const [payees, prices, rules, t, tErrors] = await Promise.all([
    listPayees({ status, role: payeeRole }),
    listOneTimePrices({ locale }),
    listSplitRules(),
    getTranslations('connect'),
    getTranslations('errors'),
  ]);
  const canManage = operatorCan(role, 'admin:connect:manage');
  const roleNames = Object.fromEntries(PAYEE_ROLES.map((r) => [r, t(`roles.${r}`)])) as Record<(typeof PAYEE_ROLES)[number], string>;
  const splitRuleLabels = (currency: string) => ({
    shares: Object.fromEntries(PAYEE_ROLES.map((r) => [r, { legend: t('rules.share', { role: roleNames[r] }), value: t('rules.value', { role: roleNames[r] }) }])) as Record<
      (typeof PAYEE_ROLES)[number],
      { legend: string; value: string }
    >,
    kind: t('rules.kind'),
    fixed: t('rules.fixed', { currency: currency.toUpperCase() }),
    percent: t('rules.percent'),
    notInRule: t('rules.notInRule'),
    save: t('rules.save'),
    saved: t('rules.saved'),
    noShares: t('errors.no_shares'),
    checkField: t.raw('errors.check_field') as string,
    invalidInput: tErrors('invalid_input'),
  });
  const requirementLabels = (count: number): PayeeRequirementsLabels => ({
    requirements: t('payees.requirements'),
    none: t('payees.requirementsNone'),
    groups: Object.fromEntries(REQUIREMENT_GROUPS.map((g) => [g, t(`payees.requirementGroups.${g}`)])) as Record<RequirementGroup, string>,
    codes: t('payees.requirementCodes', { count }),
  });
  return (
    <>
      <PageHeader title={t('payees.title')} description={t('payees.lead')} />
      {canManage ? (
        <section className="card mb-6" aria-labelledby="add-payee-title">
          <h2 id="add-payee-title" className="mb-3 text-base font-semibold">
            {t('payees.add.title')}
          </h2>
          <AddPayeeForm
            labels={{
              name: t('payees.name'),
              email: t('payees.email'),
              role: t('payees.role'),
              country: t('payees.country'),
              submit: t('payees.add.submit'),
              added: t.raw('payees.add.added') as string,
              invalidInput: tErrors('invalid_input'),
              errors: {
                ...(Object.fromEntries(ADD_PAYEE_ERROR_CODES.map((code) => [code, t(`errors.${code}`)])) as Omit<AddPayeeErrorMessages, 'checkField'>),
                checkField: t.raw('errors.check_field') as string,
              },
              roles: roleNames,
              countries: Object.fromEntries((Object.keys(PAYEE_COUNTRIES) as PayeeCountry[]).map((c) => [c, t(`countries.${c}`)])) as Record<PayeeCountry, string>,
            }}
          />
        </section>
      ) : null}

      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <div>
          <label htmlFor="filter-status" className="label">
            {t('payees.filterStatus')}
          </label>
          <select id="filter-status" name="status" className="input" defaultValue={status ?? ''}>
            <option value="">{t('payees.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-role" className="label">
            {t('payees.filterRole')}
          </label>
          <select id="filter-role" name="role" className="input" defaultValue={payeeRole ?? ''}>
            <option value="">{t('payees.all')}</option>
            {PAYEE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('payees.filter')}
        </button>
      </form>

      <section className="card relative mb-6 overflow-x-auto">
        {payees.length === 0 ? (
          <EmptyState title={t('payees.empty')} />
        ) : (
          <table className="table" data-testid="payees">
            <thead>
              <tr>
                <th scope="col">{t('payees.name')}</th>
                <th scope="col" className="hidden sm:table-cell">
                  {t('payees.role')}
                </th>
                <th scope="col">{t('payees.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('payees.onboardingLink')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {payees.map((payee) => (
                <tr key={payee.id} data-testid={`payee-${payee.email}`}>
                  <td className="max-w-[16rem] whitespace-normal">
                    <span className="font-medium">{payee.name}</span>
                    <span className="block break-all text-xs text-slate-600">{payee.email}</span>
                    <span className="block font-mono text-xs text-slate-500">{payee.stripeAccountId}</span>
                  </td>
                  <td className="hidden sm:table-cell">
                    {t(`roles.${payee.role as (typeof PAYEE_ROLES)[number]}`)}
                    <span className="block text-xs text-slate-600">{t(`countries.${payee.country as 'JP' | 'US'}`)}</span>
                  </td>
                  <td className="min-w-[12rem] whitespace-normal">
                    <span data-testid="payee-status">
                      <PayeeStatusBadge status={payee.status} />
                    </span>
                    <PayeeRequirements codes={payee.requirementsDue} labels={requirementLabels(payee.requirementsDue.length)} locale={locale} />
                  </td>
                  <td>
                    {canManage && payee.status !== 'enabled' ? (
                      <a href={`/admin/payees/${payee.id}/onboarding`} title={t('payees.onboardingHint')}>
                        {t('payees.onboardingLink')}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="split-rules-title">
        <h2 id="split-rules-title" className="mb-1 text-base font-semibold">
          {t('rules.title')}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t('rules.lead')}</p>
        {prices.length === 0 ? <p className="text-sm">{t('rules.noPrices')}</p> : null}
        <ul className="divide-y divide-slate-100" data-testid="split-rules">
          {prices.map((price) => {
            const rule = rules.find((r) => r.scope === 'price' && r.targetId === price.id) ?? rules.find((r) => r.scope === 'product' && r.targetId === price.productId);
            const digits = minorUnitDigits(price.currency);
            const current = (rule?.shares ?? []).map((s) => ({
              role: s.role,
              kind: s.kind,
              value: s.kind === 'fixed' ? (s.value / 10 ** digits).toFixed(digits) : String(s.value / 100),
            }));
            const paidOut = rule && price.unitAmount !== null ? shareAmounts(rule.shares, price.unitAmount).reduce((sum, s) => sum + s.amount, 0) : null;
            return (
              <li key={price.id} className="py-4">
                <p className="mb-2 font-medium">
                  {price.productName} · {price.unitAmount !== null ? formatMoney(price.unitAmount, price.currency, locale) : '—'}
                </p>
                <p className="mb-2 text-sm text-slate-600" data-testid={`split-rule-summary-${price.id}`}>
                  {rule && paidOut !== null && price.unitAmount !== null
                    ? t('rules.platformKeeps', { amount: formatMoney(price.unitAmount - paidOut, price.currency, locale), price: formatMoney(price.unitAmount, price.currency, locale) })
                    : t('rules.none')}
                </p>
                {canManage ? <SplitRuleForm priceId={price.id} current={current} labels={splitRuleLabels(price.currency)} /> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
