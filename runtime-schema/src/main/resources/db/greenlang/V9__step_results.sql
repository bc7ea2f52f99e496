-- The stored result of every pipeline step attempt a worker ran (docs/runtime/worker.md): the
-- record of what a step produced, with its provenance, written once per task and never changed.
--
-- Tenant-owned, following the rule of V2__memory_entries.sql (docs/runtime/schema.md). The key is
-- the idempotency key of a task, (run, step, attempt, compensation), prefixed by tenant_id: a
-- redelivered task finds its stored row instead of writing a second one, and as the key includes
-- tenant_id a conflict never tells one tenant about another's run.
CREATE TABLE greenlang.step_results (
    tenant_id       text        NOT NULL DEFAULT greenlang.current_tenant(),
    run_uid         text        NOT NULL,
    step            text        NOT NULL,
    attempt         integer     NOT NULL CHECK (attempt >= 1),
    compensation    boolean     NOT NULL,
    task_id         text        NOT NULL,
    namespace       text,
    pipeline_run    text,
    agent           text        NOT NULL,
    tool            text,
    outcome         text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'DEAD_LETTERED')),
    outputs         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    output_hash     text,
    provenance      jsonb,
    provenance_hash text,
    tokens          bigint      NOT NULL DEFAULT 0 CHECK (tokens >= 0),
    cost_usd        numeric     NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    reason          text,
    message         text,
    worker          text        NOT NULL,
    started_at      timestamptz NOT NULL,
    completed_at    timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, run_uid, step, attempt, compensation)
);

ALTER TABLE greenlang.step_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.step_results FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.step_results
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.step_results FROM PUBLIC;

-- Tenants get SELECT and INSERT only (RuntimeSchema.grantTenant reads this comment).
COMMENT ON TABLE greenlang.step_results IS
    'greenlang:append-only: the record of what each pipeline step attempt produced; a PipelineRun''s status and provenance root hash refer to it';

-- Not even the table owner rewrites a result: UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION greenlang.step_results_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'greenlang.step_results is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION greenlang.step_results_refuse_change() FROM PUBLIC;

CREATE TRIGGER step_results_refuse_update_delete
    BEFORE UPDATE OR DELETE ON greenlang.step_results
    FOR EACH ROW EXECUTE FUNCTION greenlang.step_results_refuse_change();
CREATE TRIGGER step_results_refuse_truncate
    BEFORE TRUNCATE ON greenlang.step_results
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.step_results_refuse_change();
