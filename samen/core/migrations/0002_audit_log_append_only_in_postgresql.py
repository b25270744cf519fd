"""On PostgreSQL, make the audit log append-only in the database itself, not just in the ORM.

The one update allowed is clearing `actor_id` when an account is erased; `actor_label` keeps
who acted. TRUNCATE (used by test flushes and never by the app) is not a row trigger.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.actor_id IS NULL
       AND (NEW.id, NEW.created_at, NEW.actor_label, NEW.action, NEW.target_type,
            NEW.target_id, NEW.target_label, NEW.reason, NEW.data::text)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.created_at, OLD.actor_label, OLD.action, OLD.target_type,
            OLD.target_id, OLD.target_label, OLD.reason, OLD.data::text)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditentry_append_only
    BEFORE UPDATE OR DELETE ON core_auditentry
    FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry;
DROP FUNCTION IF EXISTS core_auditentry_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_audit_log")]

    operations = [migrations.RunPython(forwards, backwards)]
