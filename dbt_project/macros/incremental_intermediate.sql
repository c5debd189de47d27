{#-
  Incremental intermediate models (int_matomo__actions, int_matomo__time_on_page,
  int_matomo__pageviews, int_matomo__visits) re-process whole visits: every visit that has a
  row in one of `relations` written by a load newer than the newest load id already in the
  model ({{ this }}). Their rows are pure functions of the visit's own raw rows, and the loader
  rewrites a visit (row and actions) with a new load id whenever it re-reads it, so this is
  exactly the set of visits whose rows can differ; delete+insert on (id_site, id_visit)
  replaces them. (Site timezones and goal settings are metadata: changing them needs
  `--full-refresh`.)

  relations: relations with id_site, id_visit, dlt_load_id.
  Returns a SELECT of distinct (id_site, id_visit).
-#}
{% macro matomo_changed_visits(relations) -%}
    {%- for relation in relations %}
    select id_site, id_visit from {{ relation }}
    where dlt_load_id > {{ matomo_seen_load_id() }}
    {{ 'union' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The newest load id already in {{ this }}, as SQL; '' (everything is new) when the
    relation has no dlt_load_id column yet (a table built before the column existed). -#}
{% macro matomo_seen_load_id() -%}
    {%- set ns = namespace(has_column=false) -%}
    {%- if execute and is_incremental() -%}
        {%- for col in adapter.get_columns_in_relation(this) -%}
            {%- if col.name | lower == 'dlt_load_id' %}{% set ns.has_column = true %}{% endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if ns.has_column -%}
        (select coalesce(max(seen.dlt_load_id), '') from {{ this }} as seen)
    {%- else -%}
        ''
    {%- endif -%}
{%- endmacro %}
