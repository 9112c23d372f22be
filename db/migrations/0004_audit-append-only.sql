-- The audit log is append-only: the database itself refuses UPDATE and DELETE of its rows, whatever the
-- application does. TRUNCATE (test resets) does not fire row triggers. Deleting an organization that has
-- audit rows is refused too (its FK would set organization_id to null): history outlives its subject.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
