-- Tenant factor tables: emission factors, grid factors, CBAM benchmarks and default values, prices, a
-- tenant adds through the API (docs/runtime/calculations.md, "Tenant tables"). A table is published
-- in versions; a published version is never edited in place, a correction is the next version. Both
-- tables follow the rule of V2__memory_entries.sql and are append-only: tenants get SELECT and
-- INSERT, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone, the owner included.

-- Raised by the triggers of the append-only calculation tables (this migration and V8).
CREATE FUNCTION greenlang.calculation_records_are_append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'greenlang.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Published factor tables and calculation results are never changed; add a new version or run.';
END
$$;
REVOKE ALL ON FUNCTION greenlang.calculation_records_are_append_only() FROM PUBLIC;

-- One row per published version of a tenant's table. content_hash is the SHA-256 of the canonical
-- JSON of the version's rows, computed by the runtime when it publishes the version.
CREATE TABLE greenlang.factor_tables (
    tenant_id    text        NOT NULL DEFAULT greenlang.current_tenant(),
    table_id     text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    title        text        NOT NULL,
    description  text,
    row_count    integer     NOT NULL CHECK (row_count > 0),
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, table_id, version)
);

-- The rows of a version: what a calculation's provenance cites by table id, version and row id.
CREATE TABLE greenlang.factor_rows (
    tenant_id    text    NOT NULL DEFAULT greenlang.current_tenant(),
    table_id     text    NOT NULL,
    version      integer NOT NULL,
    row_id       text    NOT NULL,
    quantity     text    NOT NULL,
    subject      text    NOT NULL,
    value        numeric NOT NULL,
    unit         text    NOT NULL,
    source       text    NOT NULL,
    edition      text    NOT NULL,
    source_table text    NOT NULL,
    licence      text    NOT NULL,
    valid_from   date,
    valid_to     date,
    PRIMARY KEY (tenant_id, table_id, version, row_id),
    FOREIGN KEY (tenant_id, table_id, version) REFERENCES greenlang.factor_tables (tenant_id, table_id, version),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX factor_rows_tenant_lookup_idx
    ON greenlang.factor_rows (tenant_id, table_id, version, quantity, subject);

ALTER TABLE greenlang.factor_tables ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.factor_tables FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.factor_tables
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.factor_tables FROM PUBLIC;
COMMENT ON TABLE greenlang.factor_tables IS
    'greenlang:append-only: a published factor table version is cited by calculation provenance and never edited in place';
CREATE TRIGGER factor_tables_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON greenlang.factor_tables
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.calculation_records_are_append_only();

ALTER TABLE greenlang.factor_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.factor_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.factor_rows
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.factor_rows FROM PUBLIC;
COMMENT ON TABLE greenlang.factor_rows IS
    'greenlang:append-only: factor rows are cited by calculation provenance and never edited in place';
CREATE TRIGGER factor_rows_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON greenlang.factor_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.calculation_records_are_append_only();
