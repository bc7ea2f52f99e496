-- Indexes for the agents' memory (docs/runtime/memory.md): pruning by capacity keeps the newest
-- entries of an agent by (created_at, id), and recall reads one conversation newest first. Both
-- start with tenant_id (the rule of V2__memory_entries.sql). The new agent index extends the one
-- V2 created, which it replaces.
CREATE INDEX memory_entries_tenant_agent_created_at_id_idx
    ON greenlang.memory_entries (tenant_id, agent, created_at, id);
DROP INDEX greenlang.memory_entries_tenant_agent_created_at_idx;

CREATE INDEX memory_entries_tenant_agent_conversation_idx
    ON greenlang.memory_entries (tenant_id, agent, conversation, created_at, id);
