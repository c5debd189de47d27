{#-
  Incremental processing. The window (what each incremental model re-processes) is computed
  once per run by int_matomo__incremental_window; these macros only read it or describe a
  model's state to it. Each returns a SQL fragment (or, for incremental_relation, a relation).
-#}

{#- The relation of model `model_name` as it exists in the database: none when not built
    yet, on --full-refresh (every model rebuilds everything) and at parse time. Read by name,
    not ref(): the window model runs before it. -#}
{% macro incremental_relation(model_name) -%}
    {%- if not execute or flags.FULL_REFRESH -%}{{ return(none) }}{%- endif -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.name == model_name -%}
        {{ return(adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias)) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

{#- The newest load id already in each of `relations` (a list of (model name, relation)), read
    now, in one query: a dict model name -> load id; '' (everything is new) when the model has
    no rows or no dlt_load_id column (a table built before the column existed). -#}
{% macro seen_load_ids(relations) -%}
    {%- set selects = [] -%}
    {%- for model_name, relation in relations -%}
        {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
        {%- set newest = 'max(dlt_load_id)' if 'dlt_load_id' in columns else 'null' -%}
        {%- do selects.append("select '" ~ model_name ~ "' as model_name, cast(" ~ newest ~ " as "
            ~ dbt.type_string() ~ ") as load_id from " ~ relation) -%}
    {%- endfor -%}
    {%- set seen = {} -%}
    {%- if selects -%}
        {%- for row in run_query(selects | join('\nunion all\n')).rows -%}
            {%- do seen.update({row[0]: row[1] or ''}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(seen) }}
{%- endmacro %}

{#- SELECT of this model's rows of kind `window_kind` in the window: (id_site, id_visit) for
    changed_visit, (id_site, day) for since_day and reprocess_day. Reads the model's CTE
    `incremental_window` (its rows of int_matomo__incremental_window). -#}
{% macro incremental_window(window_kind) -%}
    {%- set columns = 'id_site, id_visit' if window_kind == 'changed_visit' else 'id_site, day' -%}
    select {{ columns }} from incremental_window where window_kind = '{{ window_kind }}'
{%- endmacro %}

{#- Visit-grained marts: the visits (alias `alias` of int_matomo__visits) to re-process: those
    changed since the mart's newest load id and those within the lookback days. -#}
{% macro incremental_visit_filter(alias='v') -%}
    (
        ({{ alias }}.id_site, {{ alias }}.id_visit) in ({{ incremental_window('changed_visit') }})
        or {{ alias }}.visit_date >= (
            select w.day from ({{ incremental_window('since_day') }}) as w where w.id_site = {{ alias }}.id_site
        )
    )
{%- endmacro %}

{#- Metric marts: int_metrics__periods rows (site_id, period, date, day) to (re)build: all of
    them on a full build; incrementally, every period (day, week, month) containing a day of
    the window, with all its days. -#}
{% macro metrics_periods() -%}
    select p.* from {{ ref('int_metrics__periods') }} as p
    {%- if is_incremental() %}
    where (p.site_id, p.period, p.date) in (
        select q.site_id, q.period, q.date
        from {{ ref('int_metrics__periods') }} as q
        where (q.site_id, q.day) in ({{ incremental_window('reprocess_day') }})
    )
    {%- endif %}
{%- endmacro %}

{#- The newest load id of a metric mart's inputs, stored in its dlt_load_id. -#}
{% macro metrics_load_id() -%}
    (select max(load_id) from (
        select max(dlt_load_id) as load_id from {{ ref('stg_matomo__load_audit') }}
        union all
        select max(dlt_load_id) from {{ ref('int_matomo__visits') }}
        union all
        select max(dlt_load_id) from {{ ref('int_matomo__actions') }}
    ) as input_load_ids)
{%- endmacro %}
