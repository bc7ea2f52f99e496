-- Tenancy: which PostgreSQL login role acts for which tenant (docs/runtime/schema.md).
-- Flyway creates schema greenlang, owned by the migrating role, before this script runs.

REVOKE ALL ON SCHEMA greenlang FROM PUBLIC;

-- One row per tenant login role, written by RuntimeSchema.grantTenant and removed by revokeTenant.
-- Tenants never read it: greenlang.current_tenant() does, with its owner's privileges.
CREATE TABLE greenlang.tenant_roles (
    role_name  text        PRIMARY KEY,
    tenant_id  text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON TABLE greenlang.tenant_roles FROM PUBLIC;

-- The tenant of the role the calling statement runs as, or NULL for a role that is no tenant's.
-- Inside a SECURITY DEFINER function current_user is the function's owner, so the caller is read
-- from the role setting (SET ROLE) and, while no SET ROLE is active, from session_user: PostgreSQL
-- only accepts either when the login role may become that role. The fixed search_path (pg_temp
-- last) and the qualified names stop a caller from shadowing tenant_roles with a temporary table.
CREATE FUNCTION greenlang.current_tenant() RETURNS text
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, greenlang, pg_temp
AS $$
    SELECT r.tenant_id
      FROM greenlang.tenant_roles r
     WHERE r.role_name = COALESCE(
               NULLIF(pg_catalog.current_setting('role'), 'none'),
               SESSION_USER::text)
$$;
REVOKE ALL ON FUNCTION greenlang.current_tenant() FROM PUBLIC;

-- PostgreSQL 15 and later no longer let every role create objects in schema public; older servers
-- do, and a tenant could plant functions or tables there. Revoke it where it is still granted, and
-- stop the migration when the migrating role cannot (it must own schema public or be a superuser).
DO $$
BEGIN
    IF EXISTS (SELECT 1
                 FROM pg_catalog.pg_namespace n,
                      pg_catalog.aclexplode(COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) a
                WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        -- A role that neither owns schema public nor is a superuser only gets a warning from REVOKE.
        IF EXISTS (SELECT 1
                     FROM pg_catalog.pg_namespace n,
                          pg_catalog.aclexplode(COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner))) a
                    WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') THEN
            RAISE EXCEPTION 'PUBLIC may still create objects in schema public of database %', pg_catalog.current_database()
                USING HINT = 'Migrate as the owner of schema public or as a superuser, or run REVOKE CREATE ON SCHEMA public FROM PUBLIC as one first.';
        END IF;
    END IF;
END
$$;
