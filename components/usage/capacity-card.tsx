// Devices in use this hour against the plan's capacity (usageLimitsFor), and the free year's end when on the free tier.
import { getTranslations } from '@/lib/i18n/server';
import { formatDate } from '@/lib/i18n/format';
import type { UsageLimits } from '@/lib/usage/limits';

export async function CapacityCard(props: { limits: UsageLimits; locale: string; timeZone: string }) {
  const t = await getTranslations('usage');
  const { limits } = props;
  const share = limits.capacity ? Math.min(1, limits.inUse / limits.capacity) : 0;
  return (
    <section className="card" aria-labelledby="capacity-title" data-testid="usage-capacity">
      <h2 id="capacity-title" className="card-title">
        {t('capacityTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{limits.plan ? t('capacityPlan', { plan: limits.plan.productName }) : t('capacityNoPlan')}</p>
      <p className="mt-3 text-2xl font-semibold tabular-nums text-slate-900" data-testid="usage-capacity-value">
        {limits.capacity === null ? t('capacityUnlimited', { inUse: limits.inUse }) : t('capacityInUse', { inUse: limits.inUse, capacity: limits.capacity })}
      </p>
      {limits.capacity !== null ? (
        <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className={`h-full ${share >= 1 ? 'bg-red-600' : 'bg-indigo-600'}`} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
      <p className="mt-2 text-sm text-slate-700">{limits.allowed ? t('capacityRemaining', { remaining: limits.remaining ?? '∞' }) : t('capacityFull')}</p>
      {limits.passValidUntil ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="usage-pass">
          {t('passValidUntil', { date: formatDate(limits.passValidUntil, props.locale, props.timeZone) })}
        </p>
      ) : null}
      {limits.freeTierEndsAt ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="usage-free-year">
          {t('freeYearEnds', { date: formatDate(limits.freeTierEndsAt, props.locale, props.timeZone) })}
        </p>
      ) : null}
    </section>
  );
}
