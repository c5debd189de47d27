{#-
  Custom dimension values as Live gives them, long: one row per (visit, dimension) for visit
  scope (Live visit field `dimension<id>`) and per (action, dimension) for action scope
  (actionDetails[].`dimension<id>`). The raw columns `dimension1`, `dimension2`... exist only
  for ids the loader saw a value of: they are discovered when the model runs. A NULL (the
  visit or action never got a value) gives no row; '' (an empty value was tracked) is kept.
  No joins.
-#}
{%- set sources = [('visits', 'visit'), ('visit_actions', 'action')] -%}
{%- set parts = [] -%}
{%- for table, scope in sources -%}
    {%- set relation = existing_relation(source('matomo_raw', table)) -%}
    {%- if relation is not none -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- set name = col.name | lower -%}
            {%- if modules.re.fullmatch('dimension[0-9]+', name) -%}
                {%- do parts.append((table, scope, name, name[9:])) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{%- endfor %}

with source as (

    {%- for table, scope, column, dimension_id in parts %}
    select
        cast(id_site as {{ dbt.type_bigint() }}) as id_site,
        cast(id_visit as {{ dbt.type_bigint() }}) as id_visit,
        {%- if scope == 'action' %}
        cast(position as {{ dbt.type_bigint() }}) as action_position,
        {%- else %}
        cast(null as {{ dbt.type_bigint() }}) as action_position,
        {%- endif %}
        '{{ scope }}' as dimension_scope,
        cast({{ dimension_id }} as {{ dbt.type_bigint() }}) as dimension_id,
        cast({{ adapter.quote(column) }} as {{ dbt.type_string() }}) as dimension_value,
        cast(_dlt_load_id as {{ dbt.type_string() }}) as dlt_load_id
    from {{ source('matomo_raw', table) }}
    where {{ adapter.quote(column) }} is not null
    union all
    {%- endfor %}
    select
        cast(null as {{ dbt.type_bigint() }}) as id_site,
        cast(null as {{ dbt.type_bigint() }}) as id_visit,
        cast(null as {{ dbt.type_bigint() }}) as action_position,
        cast(null as {{ dbt.type_string() }}) as dimension_scope,
        cast(null as {{ dbt.type_bigint() }}) as dimension_id,
        cast(null as {{ dbt.type_string() }}) as dimension_value,
        cast(null as {{ dbt.type_string() }}) as dlt_load_id
    where 1 = 0

)

select * from source
