{#- Generic test: every (columns) combination of the model exists as (to_columns) in `to`
    (relationships for composite keys). NULLs in any column are skipped. -#}
{% test relationships_combination(model, columns, to, to_columns) %}
select child.*
from {{ model }} as child
where {% for c in columns %}child.{{ c }} is not null{{ " and " if not loop.last }}{% endfor %}
  and not exists (
    select 1
    from {{ to }} as parent
    where {% for c in columns %}parent.{{ to_columns[loop.index0] }} = child.{{ c }}{{ " and " if not loop.last }}{% endfor %}
  )
{% endtest %}
