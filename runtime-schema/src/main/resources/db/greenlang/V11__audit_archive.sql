-- The audit archive: chains of tenants whose own database is dropped (deletionPolicy Delete at
-- isolation database and above), kept for the 7-year retention in the Region's shared database
-- (docs/runtime/audit-ledger.md, "Deleting a tenant"). Entries are copied as they were stored, with
-- their ids, sequences, times and hashes, so the archived chain verifies with the same canonical form
-- as in the tenant's database; the archive row records where the chain ended (its head) and whether
-- it verified when it was copied.
--
-- Not tenant-owned: the tenant and its login role are gone when its chain arrives here, and no other
-- tenant of the shared database may read it. Hence the column is "tenant", not "tenant_id" (every
-- table with a tenant_id column is tenant-owned, docs/runtime/schema.md), and PUBLIC holds nothing:
-- only the schema's owner (the operator) reads and writes these tables.
--
-- Append-only like the ledger: UPDATE and TRUNCATE are refused to every role, the owner included;
-- DELETE only of what is older than the retention (an entry recorded, an archive whose last entry was
-- recorded, at least 7 years ago), through greenlang.purge_expired_audit_archives.
CREATE TABLE greenlang.audit_archives (
    archive_id       uuid        PRIMARY KEY,
    tenant           text        NOT NULL CHECK (length(tenant) BETWEEN 1 AND 253),
    source           text        NOT NULL,
    reason           text        NOT NULL,
    archived_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    entries          bigint      NOT NULL CHECK (entries >= 1),
    first_sequence   bigint      NOT NULL CHECK (first_sequence >= 1),
    anchor_hash      text        NOT NULL CHECK (anchor_hash ~ '^[0-9a-f]{64}$'),
    last_sequence    bigint      NOT NULL CHECK (last_sequence >= first_sequence),
    last_hash        text        NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
    last_recorded_at timestamptz NOT NULL,
    intact           boolean     NOT NULL,
    broken_link      text
);
CREATE INDEX audit_archives_tenant ON greenlang.audit_archives (tenant, archived_at);
REVOKE ALL ON TABLE greenlang.audit_archives FROM PUBLIC;
COMMENT ON TABLE greenlang.audit_archives IS
    'Audit chains kept after their tenant''s database was dropped: source, head (last sequence and hash) and verification at copy time; append-only, rows leave only 7 years after their last entry';

-- position is the order the entries had in the source chain (sequence order): a tampered source with a
-- repeated sequence is archived as found, so that verification reports it here too.
CREATE TABLE greenlang.audit_archive_entries (
    archive_id    uuid        NOT NULL
        REFERENCES greenlang.audit_archives (archive_id) DEFERRABLE INITIALLY DEFERRED,
    position      bigint      NOT NULL CHECK (position >= 1),
    id            uuid        NOT NULL,
    tenant        text        NOT NULL,
    sequence      bigint      NOT NULL,
    recorded_at   timestamptz NOT NULL,
    actor         text        NOT NULL,
    event_type    text        NOT NULL,
    target        text        NOT NULL,
    outcome       text        NOT NULL,
    details       text        NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL,
    PRIMARY KEY (archive_id, position)
);
REVOKE ALL ON TABLE greenlang.audit_archive_entries FROM PUBLIC;
COMMENT ON TABLE greenlang.audit_archive_entries IS
    'Entries of archived audit chains, field for field as in greenlang.audit_events (hashes unchanged); append-only, an entry leaves only 7 years after it was recorded';

-- DELETE of an archive entry or archive younger than the retention is refused, whoever asks.
CREATE FUNCTION greenlang.audit_archive_keep_seven_years() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    recorded timestamptz;
BEGIN
    IF TG_TABLE_NAME = 'audit_archives' THEN
        recorded := OLD.last_recorded_at;
    ELSE
        recorded := OLD.recorded_at;
    END IF;
    IF recorded > now() - interval '7 years' THEN
        RAISE EXCEPTION 'DELETE on greenlang.% is refused: archived audit entries are kept 7 years (this one was recorded %)',
            TG_TABLE_NAME, recorded
            USING ERRCODE = 'GL001';
    END IF;
    RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION greenlang.audit_archive_keep_seven_years() FROM PUBLIC;

CREATE TRIGGER audit_archives_no_update
    BEFORE UPDATE ON greenlang.audit_archives
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_refuse_change();
CREATE TRIGGER audit_archives_keep
    BEFORE DELETE ON greenlang.audit_archives
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_archive_keep_seven_years();
CREATE TRIGGER audit_archives_no_truncate
    BEFORE TRUNCATE ON greenlang.audit_archives
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.audit_refuse_change();
CREATE TRIGGER audit_archive_entries_no_update
    BEFORE UPDATE ON greenlang.audit_archive_entries
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_refuse_change();
CREATE TRIGGER audit_archive_entries_keep
    BEFORE DELETE ON greenlang.audit_archive_entries
    FOR EACH ROW EXECUTE FUNCTION greenlang.audit_archive_keep_seven_years();
CREATE TRIGGER audit_archive_entries_no_truncate
    BEFORE TRUNCATE ON greenlang.audit_archive_entries
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.audit_refuse_change();

-- Removes archived entries older than the retention (never shorter than 7 years), then the archives
-- left without entries whose last entry is that old; returns how many entries it removed. For the
-- schema's owner only.
CREATE FUNCTION greenlang.purge_expired_audit_archives(retention interval DEFAULT interval '7 years')
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    removed bigint;
BEGIN
    IF retention IS NULL OR now() - retention > now() - interval '7 years' THEN
        RAISE EXCEPTION 'audit entries are kept at least 7 years, not %', retention
            USING ERRCODE = '22023';
    END IF;
    DELETE FROM greenlang.audit_archive_entries WHERE recorded_at <= now() - retention;
    GET DIAGNOSTICS removed = ROW_COUNT;
    DELETE FROM greenlang.audit_archives a
     WHERE a.last_recorded_at <= now() - retention
       AND NOT EXISTS (SELECT 1 FROM greenlang.audit_archive_entries e WHERE e.archive_id = a.archive_id);
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION greenlang.purge_expired_audit_archives(interval) FROM PUBLIC;
