// Setting and removing a meter's budget (owner and billing roles, checked by the action client); each change is
// audited with what it was before and after, and checked at once so a budget set below this period's usage
// alerts now rather than at the next report.
import { listCatalogMeters } from '@/db/queries/catalog';
import { deleteUsageBudget, saveUsageBudget } from '@/db/queries/usage-dashboard';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { checkBudgetAlerts } from './budget-alerts';

async function requireCatalogMeter(meter: string): Promise<void> {
  const meters = await listCatalogMeters();
  if (!meters.some((m) => m.eventName === meter)) {
    throw new AppError('invalid_input', `unknown meter ${meter}`, { reason: 'unknown_meter', userMessageKey: { key: 'usage.errors.unknownMeter' } });
  }
}

export async function setUsageBudget(params: { organizationId: string; meter: string; budget: number; thresholds: number[]; actor: AuditActor & { type: 'user' } }): Promise<void> {
  await requireCatalogMeter(params.meter);
  const before = await saveUsageBudget({ ...params, userId: params.actor.id });
  await recordAudit({
    organizationId: params.organizationId,
    actor: params.actor,
    action: 'usage.budget_set',
    target: { type: 'meter', id: params.meter },
    data: { before: before ? { budget: before.budget, thresholds: before.thresholds } : null, after: { budget: params.budget, thresholds: params.thresholds } },
  });
  await checkBudgetAlerts(params.organizationId);
}

export async function removeUsageBudget(params: { organizationId: string; meter: string; actor: AuditActor }): Promise<boolean> {
  const before = await deleteUsageBudget(params);
  if (!before) return false;
  await recordAudit({
    organizationId: params.organizationId,
    actor: params.actor,
    action: 'usage.budget_removed',
    target: { type: 'meter', id: params.meter },
    data: { before: { budget: before.budget, thresholds: before.thresholds }, after: null },
  });
  return true;
}
