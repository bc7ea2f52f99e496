-- Every call the LLM gateway made or refused for a tenant (docs/runtime/llm-gateway.md, "Usage
-- records"): one row per attempt at one provider, so retries and failovers stay visible. It is the
-- record the tenant is billed from, so it follows the rule of V2__memory_entries.sql and is
-- append-only: tenants get SELECT and INSERT (TenantGrants reads the comment), and a trigger
-- refuses UPDATE, DELETE and TRUNCATE to everyone, the owner included.

CREATE TABLE greenlang.llm_usage (
    id                  bigint        GENERATED ALWAYS AS IDENTITY,
    tenant_id           text          NOT NULL DEFAULT greenlang.current_tenant(),
    agent               text          NOT NULL,
    request_id          uuid          NOT NULL,
    attempt             integer       NOT NULL CHECK (attempt >= 1),
    operation           text          NOT NULL CHECK (operation IN ('chat', 'stream', 'embed')),
    link                text          NOT NULL,
    endpoint            text          NOT NULL,
    provider            text          NOT NULL,
    model               text          NOT NULL,
    input_tokens        bigint        NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens       bigint        NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    -- true when the provider reported no token counts and the gateway's upper bound was billed
    tokens_estimated    boolean       NOT NULL DEFAULT false,
    -- US dollars, exact: prices have at most 6 decimals per 1,000 tokens (9 per token)
    cost_usd            numeric(24,9) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    -- cost_usd plus half of the part above the tenant's budget: overage is billed at 1.5x
    billed_usd          numeric(24,10) NOT NULL DEFAULT 0 CHECK (billed_usd >= cost_usd),
    price_table_version text,
    latency_ms          bigint        NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
    status              text          NOT NULL CHECK (status IN ('succeeded', 'failed', 'refused')),
    error_kind          text,
    error_message       text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'succeeded') = (error_kind IS NULL))
);
CREATE INDEX llm_usage_tenant_created_at_idx
    ON greenlang.llm_usage (tenant_id, created_at);
CREATE INDEX llm_usage_tenant_agent_created_at_idx
    ON greenlang.llm_usage (tenant_id, agent, created_at);
CREATE INDEX llm_usage_tenant_request_idx
    ON greenlang.llm_usage (tenant_id, request_id);

ALTER TABLE greenlang.llm_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.llm_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.llm_usage
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.llm_usage FROM PUBLIC;
COMMENT ON TABLE greenlang.llm_usage IS
    'greenlang:append-only: the record of LLM calls tenants are billed from';

-- Not even the owner may rewrite the record: only dropping the table (a migration) removes rows.
CREATE FUNCTION greenlang.llm_usage_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'greenlang.llm_usage is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION greenlang.llm_usage_refuse_change() FROM PUBLIC;
CREATE TRIGGER llm_usage_append_only
    BEFORE UPDATE OR DELETE ON greenlang.llm_usage
    FOR EACH ROW EXECUTE FUNCTION greenlang.llm_usage_refuse_change();
CREATE TRIGGER llm_usage_no_truncate
    BEFORE TRUNCATE ON greenlang.llm_usage
    FOR EACH STATEMENT EXECUTE FUNCTION greenlang.llm_usage_refuse_change();
