// Deployment-wide settings (notification moments, sender branding): one JSON value per key, for no organization.
import { eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { appSettings } from '@/db/schema';

export async function getAppSetting(params: { key: string }, tx: Tx = db): Promise<Record<string, unknown> | null> {
  const [row] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, params.key)).limit(1);
  return row?.value ?? null;
}

/** When the setting was last saved (null: never): a version of it, for keys that must differ between saves. */
export async function getAppSettingSavedAt(params: { key: string }, tx: Tx = db): Promise<Date | null> {
  const [row] = await tx.select({ updatedAt: appSettings.updatedAt }).from(appSettings).where(eq(appSettings.key, params.key)).limit(1);
  return row?.updatedAt ?? null;
}

export async function saveAppSetting(params: { key: string; value: Record<string, unknown> }, tx: Tx = db): Promise<void> {
  await tx
    .insert(appSettings)
    .values({ key: params.key, value: params.value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: params.value, updatedAt: new Date() } });
}
