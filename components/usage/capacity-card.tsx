// Devices in use this hour against the plan's capacity (usageLimitsFor), in whole devices: the hour's device-hours
// rounded up, with the device-hours themselves when they are not whole. Over the limit it says so (usage that
// happened is recorded, never refused) rather than "3 of 1". The free year's end and a pass's when they apply.
import { getTranslations } from '@/lib/i18n/server';
import { formatDate, formatQuantity } from '@/lib/i18n/format';
import type { UsageLimits } from '@/lib/usage/limits';

export async function CapacityCard(props: { limits: UsageLimits; locale: string; timeZone: string }) {
  const t = await getTranslations('usage');
  const { limits } = props;
  const devices = limits.devicesInUse;
  const share = limits.capacity ? Math.min(1, devices / limits.capacity) : devices > 0 ? 1 : 0;
  return (
    <section className="card" aria-labelledby="capacity-title" data-testid="usage-capacity">
      <h2 id="capacity-title" className="card-title">
        {t('capacityTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{limits.plan ? t('capacityPlan', { plan: limits.plan.productName }) : t('capacityNoPlan')}</p>
      <p className="mt-3 text-2xl font-semibold tabular-nums text-slate-900" data-testid="usage-capacity-value">
        {limits.capacity === null
          ? t('capacityUnlimited', { inUse: devices })
          : limits.overCapacity
            ? t('capacityOver', { inUse: devices, capacity: limits.capacity })
            : t('capacityInUse', { inUse: devices, capacity: limits.capacity })}
      </p>
      {limits.capacity !== null ? (
        <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className={`h-full ${share >= 1 ? 'bg-red-600' : 'bg-indigo-600'}`} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
      {limits.inUse !== devices ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="usage-capacity-hours">
          {t('capacityDeviceHours', { hours: formatQuantity(limits.inUse, props.locale) })}
        </p>
      ) : null}
      {limits.overCapacity ? (
        <p className="alert-error mt-2 text-sm" data-testid="usage-capacity-over">
          {t('capacityOverNote')}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{limits.allowed ? t('capacityRemaining', { remaining: limits.remaining ?? '∞' }) : t('capacityFull')}</p>
      )}
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
