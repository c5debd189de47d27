{#- Generic test: the combination of `columns` is unique (composite keys).
    Usage on a model:  data_tests: [{unique_combination: {columns: [id_site, id_visit]}}] -#}
{% test unique_combination(model, columns) %}
select
    {{ columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
