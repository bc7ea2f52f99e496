-- Monthly partitions of greenlang.audit_events and their 7-year retention
-- (docs/runtime/audit-ledger.md, "Partitions and retention").
--
-- A partition covers one calendar month in UTC and is named audit_events_yYYYYmMM. Entries get the
-- database's time when appended, so the current month's partition must exist: the migration creates
-- the current and the next 12 months, and AuditPartitions.ensureAhead (called by RuntimeSchema.migrate,
-- by the runtime at start when it owns the schema, and by the operator) keeps that horizon.
-- Both functions are for the schema's owner only (PUBLIC holds no EXECUTE).

-- Creates the missing monthly partitions from the month of first_month to the month of last_month
-- (inclusive) and returns how many it created. Idempotent.
CREATE FUNCTION greenlang.create_audit_partitions(first_month date, last_month date) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    month_start date := date_trunc('month', first_month)::date;
    partition_name text;
    created integer := 0;
BEGIN
    IF first_month IS NULL OR last_month IS NULL THEN
        RAISE EXCEPTION 'first_month and last_month are required' USING ERRCODE = '22004';
    END IF;
    IF last_month - first_month > 3660 THEN
        RAISE EXCEPTION 'at most 10 years of audit partitions at a time, not % to %', first_month, last_month
            USING ERRCODE = '22023';
    END IF;
    WHILE month_start <= last_month LOOP
        partition_name := format('audit_events_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(format('greenlang.%I', partition_name)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE greenlang.%I PARTITION OF greenlang.audit_events FOR VALUES FROM (%L) TO (%L)',
                partition_name,
                to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
                to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
            -- Row triggers come from the parent; a TRUNCATE of the partition itself needs its own.
            EXECUTE format(
                'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON greenlang.%I'
                || ' FOR EACH STATEMENT EXECUTE FUNCTION greenlang.audit_refuse_change()',
                partition_name);
            EXECUTE format('REVOKE ALL ON TABLE greenlang.%I FROM PUBLIC', partition_name);
            created := created + 1;
        END IF;
        month_start := (month_start + interval '1 month')::date;
    END LOOP;
    RETURN created;
END
$$;
REVOKE ALL ON FUNCTION greenlang.create_audit_partitions(date, date) FROM PUBLIC;

-- The only way audit entries ever leave the database: dropping whole partitions whose every entry
-- is older than the retention period, which is never shorter than 7 years (shared/DOMAIN.md).
-- Returns the names of the partitions it dropped.
CREATE FUNCTION greenlang.drop_expired_audit_partitions(retention interval DEFAULT interval '7 years')
    RETURNS SETOF text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    expired record;
BEGIN
    IF retention IS NULL OR now() - retention > now() - interval '7 years' THEN
        RAISE EXCEPTION 'audit entries are kept at least 7 years, not %', retention
            USING ERRCODE = '22023';
    END IF;
    FOR expired IN
        SELECT c.relname,
               substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']+)''\)')::timestamptz AS upper_bound
          FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'greenlang.audit_events'::regclass
         ORDER BY 2
    LOOP
        IF expired.upper_bound <= now() - retention THEN
            EXECUTE format('DROP TABLE greenlang.%I', expired.relname);
            RETURN NEXT expired.relname;
        END IF;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION greenlang.drop_expired_audit_partitions(interval) FROM PUBLIC;

-- Months in UTC, whatever the session's time zone.
DO $$
BEGIN
    PERFORM greenlang.create_audit_partitions(
        (now() AT TIME ZONE 'UTC')::date, ((now() AT TIME ZONE 'UTC') + interval '12 months')::date);
END
$$;
