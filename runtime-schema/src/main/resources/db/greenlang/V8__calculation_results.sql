-- Calculation runs and their results with provenance (docs/runtime/calculations.md). A run is one
-- calculation or one batch; its results form a hash chain whose last link is the run's root hash.
-- The results and the run row are written in one transaction, the run row last. Both tables follow
-- the rule of V2__memory_entries.sql and are append-only (a recalculation is a new run): tenants get
-- SELECT and INSERT, and the trigger of V7 refuses UPDATE, DELETE and TRUNCATE.

CREATE TABLE greenlang.calculation_runs (
    tenant_id    text        NOT NULL DEFAULT greenlang.current_tenant(),
    run_id       uuid        NOT NULL,
    formula      text        NOT NULL,
    mode         text        NOT NULL CHECK (mode IN ('single', 'batch')),
    row_count    bigint      NOT NULL CHECK (row_count >= 0),
    result_count bigint      NOT NULL CHECK (result_count >= 0),
    error_count  bigint      NOT NULL CHECK (error_count >= 0),
    root_hash    text        NOT NULL,
    totals       jsonb       NOT NULL,
    errors       jsonb       NOT NULL,
    code_version text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, run_id)
);
CREATE INDEX calculation_runs_tenant_created_at_idx
    ON greenlang.calculation_runs (tenant_id, created_at);

-- provenance is the canonical JSON text whose SHA-256 is result_hash, byte for byte.
CREATE TABLE greenlang.calculation_results (
    tenant_id     text        NOT NULL DEFAULT greenlang.current_tenant(),
    run_id        uuid        NOT NULL,
    sequence      bigint      NOT NULL CHECK (sequence > 0),
    source_row    bigint,
    formula       text        NOT NULL,
    result_hash   text        NOT NULL,
    previous_hash text        NOT NULL,
    chain_hash    text        NOT NULL,
    provenance    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, run_id, sequence)
);

ALTER TABLE greenlang.calculation_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.calculation_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.calculation_runs
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.calculation_runs FROM PUBLIC;
COMMENT ON TABLE greenlang.calculation_runs IS
    'greenlang:append-only: a calculation run and its root hash are evidence; a recalculation is a new run';
CREATE TRIGGER calculation_runs_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON greenlang.calculation_runs
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.calculation_records_are_append_only();

ALTER TABLE greenlang.calculation_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.calculation_results FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.calculation_results
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.calculation_results FROM PUBLIC;
COMMENT ON TABLE greenlang.calculation_results IS
    'greenlang:append-only: calculation results with provenance are evidence and never changed';
CREATE TRIGGER calculation_results_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON greenlang.calculation_results
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.calculation_records_are_append_only();
