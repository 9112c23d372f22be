// The audit log is append-only in the database itself (migration 0004): an UPDATE or a DELETE of an audit
// row is refused whoever sends it, while appending and the test reset (TRUNCATE) still work.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { recordAudit } from './record-audit';

describe('audit log is append-only', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('refuses UPDATE and DELETE of audit rows and keeps them unchanged', async () => {
    await recordAudit({ organizationId: null, actor: { type: 'operator', id: 'op-1' }, action: 'note.created', data: { after: 'x' } });
    const [row] = await testDb().select().from(auditLog);

    await expect(testDb().update(auditLog).set({ action: 'note.forged' }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(testDb().delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();

    const after = await testDb().select().from(auditLog);
    expect(after).toEqual([row]);
  });

  it('still lets the test reset empty the table', async () => {
    await recordAudit({ organizationId: null, actor: { type: 'system', id: 'job' }, action: 'x.y' });
    await resetDatabase();
    expect(await testDb().select().from(auditLog)).toEqual([]);
  });
});
