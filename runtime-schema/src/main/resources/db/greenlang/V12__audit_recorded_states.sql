-- What the operator last recorded in a tenant's audit chain about a subject (the Tenant itself, or one
-- of its Agents): the audited projection of its spec, as JSON. The operator compares it with the
-- resource on every reconcile and appends events only for real transitions, in the same transaction
-- as it updates this row, so each transition is recorded exactly once, across reconciles and operator
-- restarts (docs/runtime/audit-ledger.md, "Who records what").
--
-- Operator bookkeeping, not tenant data: a tenant that could change its row could make the operator
-- skip recording a change (say, a member added). Hence no tenant_id column (that would make it
-- tenant-owned, docs/runtime/schema.md) and nothing for PUBLIC: only the schema's owner reads and
-- writes it. It lives in the database that holds the tenant's chain, and goes with it.
CREATE TABLE greenlang.audit_recorded_states (
    tenant        text        NOT NULL,
    subject       text        NOT NULL,
    state         jsonb       NOT NULL,
    last_sequence bigint      NOT NULL CHECK (last_sequence >= 0),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant, subject)
);
REVOKE ALL ON TABLE greenlang.audit_recorded_states FROM PUBLIC;
COMMENT ON TABLE greenlang.audit_recorded_states IS
    'Operator bookkeeping: the state of each tenant and agent as last recorded in the tenant''s audit chain, and that entry''s sequence; tenants hold no privilege on it';
