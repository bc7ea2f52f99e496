-- The agents' long-term (episodic) memory: the first tenant-owned table.
--
-- THE RULE for every tenant-owned table in schema greenlang (docs/runtime/schema.md):
--   1. a column   tenant_id text NOT NULL DEFAULT greenlang.current_tenant()
--   2. ALTER TABLE ... ENABLE ROW LEVEL SECURITY and ALTER TABLE ... FORCE ROW LEVEL SECURITY
--   3. one policy  tenant_isolation FOR ALL USING (tenant_id = greenlang.current_tenant())
--                                   WITH CHECK (tenant_id = greenlang.current_tenant())
--   4. REVOKE ALL ... FROM PUBLIC; RuntimeSchema.grantTenant grants SELECT, INSERT, UPDATE, DELETE
--      on every table of the schema with a tenant_id column, and refuses to grant at all while one
--      of them does not force row level security
--   5. identity columns, not serial: inserting then needs no privilege on a sequence
--   6. indexes start with tenant_id; unique constraints and foreign keys include tenant_id (their
--      checks ignore row level security, so a conflict would tell one tenant about another's row)
-- Only tenant_roles may have a tenant_id column without being tenant-owned.

-- The key includes tenant_id (rule 6): INSERT ... OVERRIDING SYSTEM VALUE lets any inserter choose
-- id, and with id alone as the key a tenant could probe for other tenants' ids or take the ids the
-- identity hands out next, making other tenants' inserts fail.
CREATE TABLE greenlang.memory_entries (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id    text        NOT NULL DEFAULT greenlang.current_tenant(),
    agent        text        NOT NULL,
    conversation text,
    content      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX memory_entries_tenant_agent_created_at_idx
    ON greenlang.memory_entries (tenant_id, agent, created_at);

ALTER TABLE greenlang.memory_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE greenlang.memory_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON greenlang.memory_entries
    FOR ALL
    USING (tenant_id = greenlang.current_tenant())
    WITH CHECK (tenant_id = greenlang.current_tenant());
REVOKE ALL ON TABLE greenlang.memory_entries FROM PUBLIC;
