-- The audit ledger: one SHA-256 hash chain per tenant (docs/runtime/audit-ledger.md).
--
-- greenlang.audit_events holds the entries. It is tenant-owned (the rule in V2__memory_entries.sql)
-- and append-only: tenants get SELECT and INSERT only (its comment below), and triggers refuse
-- UPDATE, DELETE and TRUNCATE to every role, the owner included. Only a superuser (or the owner,
-- who may disable its own triggers) can change an entry, and verification then finds it.
--
-- greenlang.audit_chain_heads holds each tenant's chain head (last sequence and hash). The insert
-- trigger of audit_events locks it, checks that the new entry continues the chain (sequence, previous
-- hash, time, hash over the canonical form) and advances it. The head is the database-level
-- guarantee that sequences are unique and gapless: a primary key on the partitioned ledger must
-- include the partition key (recorded_at), so it cannot make (tenant_id, sequence) unique alone.
--
-- The canonical form hashed here and recomputed by io.greenlang.runtime.schema.audit.AuditCanonicalForm
-- (UTF-8, every field followed by a line feed):
--   greenlang-audit-v1, id, tenant, sequence, time (UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ), actor,
--   event type, target, outcome, details (canonical JSON), previous hash
-- Text fields therefore refuse control characters, so that a line feed always ends a field.

-- The event types of shared/DOMAIN.md ("Audit event types") with their category: all 62 it lists
-- (its heading says 59).
CREATE TABLE greenlang.audit_event_types (
    event_type text PRIMARY KEY,
    category   text NOT NULL
);
INSERT INTO greenlang.audit_event_types (event_type, category) VALUES
    ('user.login', 'authentication'),
    ('user.logout', 'authentication'),
    ('user.login_failed', 'authentication'),
    ('user.password_reset', 'authentication'),
    ('user.mfa_enabled', 'authentication'),
    ('user.session_timeout', 'authentication'),
    ('user.created', 'user_management'),
    ('user.updated', 'user_management'),
    ('user.deleted', 'user_management'),
    ('user.role_changed', 'user_management'),
    ('user.permissions_changed', 'user_management'),
    ('user.suspended', 'user_management'),
    ('user.reactivated', 'user_management'),
    ('data.read', 'data_access'),
    ('data.export', 'data_access'),
    ('data.import', 'data_access'),
    ('data.download', 'data_access'),
    ('data.print', 'data_access'),
    ('data.email', 'data_access'),
    ('data.created', 'data_changes'),
    ('data.updated', 'data_changes'),
    ('data.deleted', 'data_changes'),
    ('data.bulk_update', 'data_changes'),
    ('data.bulk_delete', 'data_changes'),
    ('agent.created', 'agents'),
    ('agent.updated', 'agents'),
    ('agent.deleted', 'agents'),
    ('agent.executed', 'agents'),
    ('agent.deployed', 'agents'),
    ('agent.stopped', 'agents'),
    ('agent.version_changed', 'agents'),
    ('application.created', 'applications'),
    ('application.deployed', 'applications'),
    ('application.updated', 'applications'),
    ('application.deleted', 'applications'),
    ('application.access', 'applications'),
    ('report.generated', 'reports_and_calculations'),
    ('report.exported', 'reports_and_calculations'),
    ('report.submitted', 'reports_and_calculations'),
    ('calculation.performed', 'reports_and_calculations'),
    ('calculation.recalculated', 'reports_and_calculations'),
    ('config.updated', 'configuration'),
    ('integration.configured', 'configuration'),
    ('tenant.settings_changed', 'configuration'),
    ('sla.updated', 'configuration'),
    ('security.unauthorized_access', 'security'),
    ('security.permission_denied', 'security'),
    ('security.api_key_created', 'security'),
    ('security.api_key_revoked', 'security'),
    ('security.secret_accessed', 'security'),
    ('security.encryption_key_rotated', 'security'),
    ('compliance.audit_started', 'compliance'),
    ('compliance.audit_completed', 'compliance'),
    ('compliance.policy_accepted', 'compliance'),
    ('compliance.data_deletion_request', 'compliance'),
    ('compliance.data_portability_request', 'compliance'),
    ('compliance.breach_detected', 'compliance'),
    ('admin.user_impersonated', 'admin'),
    ('admin.system_setting_changed', 'admin'),
    ('admin.feature_flag_toggled', 'admin'),
    ('admin.database_backup', 'admin'),
    ('admin.database_restore', 'admin');
REVOKE ALL ON TABLE greenlang.audit_event_types FROM PUBLIC;
COMMENT ON TABLE greenlang.audit_event_types IS
    'The audit event types of shared/DOMAIN.md and their categories; the CHECK constraint audit_events_event_type_check admits exactly these.';

-- Refuses the statement it fires for: the ledger is never changed, whoever asks.
CREATE FUNCTION greenlang.audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% on greenlang.% is refused: the audit ledger is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'GL001',
              HINT = 'Audit entries are never changed or removed; partitions older than 7 years are dropped whole (docs/runtime/audit-ledger.md).';
END
$$;
REVOKE ALL ON FUNCTION greenlang.audit_refuse_change() FROM PUBLIC;

-- One row per tenant: where its chain ends. Tenant-owned (the rule), so tenant roles hold SELECT,
-- INSERT, UPDATE, DELETE on it; the triggers below narrow that to what appending needs: inserting
-- the genesis head and, from inside the ledger's insert trigger only, advancing it by one entry.
CREATE TABLE greenlang.audit_chain_heads (
    tenant_id        text        NOT NULL DEFAULT greenlang.current_tenant(),
    last_sequence    bigint      NOT NULL DEFAULT 0,
    last_hash        text        NOT NULL DEFAULT repeat('0', 64),
    last_recorded_at timestamptz,
    PRIMARY KEY (tenant_id)
);
ALTER TABLE greenlang.audit_chain_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.audit_chain_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.audit_chain_heads
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.audit_chain_heads FROM PUBLIC;
-- greenlang:retained: its rows outlive their tenant like the ledger's (the operator's tenant
-- deletion leaves them, docs/runtime/schema.md); it is not append-only, tenants keep UPDATE on it.
COMMENT ON TABLE greenlang.audit_chain_heads IS
    'greenlang:retained: head (last sequence and hash) of each tenant''s audit chain, kept with the ledger; advanced only by the insert trigger of greenlang.audit_events, never deleted';

-- A head starts at the genesis (sequence 0, 64 zeros), moves one entry at a time and only from the
-- ledger's insert trigger (trigger depth 2: tenants cannot create triggers), and is never deleted:
-- a head reset or removed would let the chain start over, a fork.
CREATE FUNCTION greenlang.audit_chain_heads_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.last_sequence <> 0 OR NEW.last_hash <> repeat('0', 64) OR NEW.last_recorded_at IS NOT NULL THEN
            RAISE EXCEPTION 'an audit chain head starts at sequence 0 with the genesis hash'
                USING ERRCODE = 'GL002';
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF pg_trigger_depth() < 2
           OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
           OR NEW.last_sequence IS DISTINCT FROM OLD.last_sequence + 1 THEN
            RAISE EXCEPTION 'the audit chain head of tenant % moves only when an entry is appended', OLD.tenant_id
                USING ERRCODE = 'GL002';
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% on greenlang.audit_chain_heads is refused: a chain head is never removed', TG_OP
        USING ERRCODE = 'GL001';
END
$$;
REVOKE ALL ON FUNCTION greenlang.audit_chain_heads_guard() FROM PUBLIC;
CREATE TRIGGER audit_chain_heads_guard
    BEFORE INSERT OR UPDATE OR DELETE ON greenlang.audit_chain_heads
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_chain_heads_guard();
CREATE TRIGGER audit_chain_heads_no_truncate
    BEFORE TRUNCATE ON greenlang.audit_chain_heads
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.audit_refuse_change();

-- The ledger, partitioned by month of recorded_at (V6 creates the partitions). The key includes
-- tenant_id (rule 6) and must include the partition key; the head makes (tenant_id, sequence) unique.
CREATE TABLE greenlang.audit_events (
    id            uuid        NOT NULL,
    tenant_id     text        NOT NULL DEFAULT greenlang.current_tenant(),
    sequence      bigint      NOT NULL,
    recorded_at   timestamptz NOT NULL,
    actor         text        NOT NULL,
    event_type    text        NOT NULL,
    target        text        NOT NULL,
    outcome       text        NOT NULL,
    details       text        NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL,
    PRIMARY KEY (tenant_id, sequence, recorded_at),
    CONSTRAINT audit_events_sequence_check CHECK (sequence >= 1),
    CONSTRAINT audit_events_tenant_id_check
        CHECK (length(tenant_id) BETWEEN 1 AND 253 AND tenant_id !~ '[\u0001-\u001f\u007f-\u009f]'),
    CONSTRAINT audit_events_actor_check
        CHECK (length(actor) BETWEEN 1 AND 256 AND actor !~ '[\u0001-\u001f\u007f-\u009f]'),
    CONSTRAINT audit_events_target_check
        CHECK (length(target) BETWEEN 1 AND 1024 AND target !~ '[\u0001-\u001f\u007f-\u009f]'),
    CONSTRAINT audit_events_outcome_check CHECK (outcome IN ('success', 'failure', 'denied')),
    -- Canonical JSON has no raw control characters: they are escaped inside strings.
    CONSTRAINT audit_events_details_check
        CHECK (octet_length(details) <= 65536 AND details !~ '[\u0001-\u001f]'
               AND json_typeof(details::json) = 'object'),
    CONSTRAINT audit_events_previous_hash_check CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_events_hash_check CHECK (hash ~ '^[0-9a-f]{64}$')
) PARTITION BY RANGE (recorded_at);

-- The known event types as a CHECK built from greenlang.audit_event_types, not as a foreign key:
-- a foreign key check locks the type's row (FOR KEY SHARE) on every append, which all tenants'
-- concurrent appends of one type would contend on. A later migration adding types adds a wider
-- CHECK ... NOT VALID (no scan of the partitions) and drops this one.
DO $$
BEGIN
    EXECUTE format(
        'ALTER TABLE greenlang.audit_events ADD CONSTRAINT audit_events_event_type_check CHECK (event_type IN (%s))',
        (SELECT string_agg(quote_literal(event_type), ', ' ORDER BY event_type) FROM greenlang.audit_event_types));
END
$$;

ALTER TABLE greenlang.audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.audit_events
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.audit_events FROM PUBLIC;
COMMENT ON TABLE greenlang.audit_events IS
    'greenlang:append-only: the tenant audit ledger, one SHA-256 hash chain per tenant, kept 7 years; removed only by dropping partitions older than that (docs/runtime/audit-ledger.md)';

-- Checks that a new entry continues its tenant's chain and advances the head, under the head's row
-- lock, so concurrent appends of one tenant queue and the chain never forks; computes the hash when
-- the insert leaves it out, and refuses a given hash that differs. It runs as the inserting role: a
-- tenant role needs (and has) SELECT, INSERT, UPDATE on its own head row.
CREATE FUNCTION greenlang.audit_events_link() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    head record;
    computed text;
BEGIN
    IF NEW.tenant_id IS NULL THEN
        RAISE EXCEPTION 'tenant_id is required: the inserting role acts for no tenant'
            USING ERRCODE = 'GL002';
    END IF;
    SELECT h.last_sequence, h.last_hash, h.last_recorded_at INTO head
      FROM greenlang.audit_chain_heads h
     WHERE h.tenant_id = NEW.tenant_id
       FOR UPDATE;
    IF NOT FOUND THEN
        -- The tenant's first entry: start its chain at the genesis (a concurrent first append
        -- inserts it too; ON CONFLICT waits for it and the SELECT then locks that row).
        INSERT INTO greenlang.audit_chain_heads (tenant_id) VALUES (NEW.tenant_id)
            ON CONFLICT (tenant_id) DO NOTHING;
        SELECT h.last_sequence, h.last_hash, h.last_recorded_at INTO head
          FROM greenlang.audit_chain_heads h
         WHERE h.tenant_id = NEW.tenant_id
           FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the audit chain head of tenant % is not visible to this role', NEW.tenant_id
                USING ERRCODE = 'GL002';
        END IF;
    END IF;
    IF NEW.sequence IS DISTINCT FROM head.last_sequence + 1 THEN
        RAISE EXCEPTION 'the audit chain of tenant % continues at sequence %, not %',
            NEW.tenant_id, head.last_sequence + 1, NEW.sequence
            USING ERRCODE = 'GL002';
    END IF;
    IF NEW.previous_hash IS DISTINCT FROM head.last_hash THEN
        RAISE EXCEPTION 'previous_hash of entry % of tenant % must be %, the hash of entry %',
            NEW.sequence, NEW.tenant_id, head.last_hash, head.last_sequence
            USING ERRCODE = 'GL002';
    END IF;
    IF NEW.recorded_at > clock_timestamp() OR NEW.recorded_at < head.last_recorded_at THEN
        RAISE EXCEPTION 'recorded_at % of entry % of tenant % is in the future or before the previous entry (%)',
            NEW.recorded_at, NEW.sequence, NEW.tenant_id, head.last_recorded_at
            USING ERRCODE = 'GL002';
    END IF;
    computed := encode(sha256(convert_to(
        'greenlang-audit-v1' || E'\n'
        || NEW.id::text || E'\n'
        || NEW.tenant_id || E'\n'
        || NEW.sequence::text || E'\n'
        || to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
        || NEW.actor || E'\n'
        || NEW.event_type || E'\n'
        || NEW.target || E'\n'
        || NEW.outcome || E'\n'
        || NEW.details || E'\n'
        || NEW.previous_hash || E'\n', 'UTF8')), 'hex');
    IF NEW.hash IS NULL THEN
        NEW.hash := computed;
    ELSIF NEW.hash <> computed THEN
        RAISE EXCEPTION 'hash of entry % of tenant % is not the SHA-256 of its canonical form (%)',
            NEW.sequence, NEW.tenant_id, computed
            USING ERRCODE = 'GL002';
    END IF;
    UPDATE greenlang.audit_chain_heads
       SET last_sequence = NEW.sequence, last_hash = NEW.hash, last_recorded_at = NEW.recorded_at
     WHERE tenant_id = NEW.tenant_id;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION greenlang.audit_events_link() FROM PUBLIC;
CREATE TRIGGER audit_events_link
    BEFORE INSERT ON greenlang.audit_events
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_events_link();
CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON greenlang.audit_events
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_refuse_change();
-- Statement triggers are not cloned to partitions: V6 adds this one to every partition it creates.
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON greenlang.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.audit_refuse_change();
