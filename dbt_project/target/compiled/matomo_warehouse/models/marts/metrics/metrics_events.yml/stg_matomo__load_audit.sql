
-- Fixture for stg_matomo__load_audit
select cast(null as BIGINT) as "id_site", cast(null as DATE) as "visit_date", cast(null as BOOLEAN) as "is_final", cast(null as BIGINT) as "api_pages", cast(null as BIGINT) as "visits", cast(null as BIGINT) as "actions", cast(null as BIGINT) as "duplicate_visits", cast(null as BIGINT) as "other_day_visits", cast(null as BIGINT) as "truncated_visits", cast(null as TIMESTAMP) as "loaded_at", cast(null as character varying(256)) as "dlt_load_id"
    limit 0