export { recordAudit, type AuditActor, type AuditRecord } from './record-audit';
