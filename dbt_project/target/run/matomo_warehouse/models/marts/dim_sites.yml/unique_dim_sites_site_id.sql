
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    site_id as unique_field,
    count(*) as n_records

from "corrupted"."matomo"."dim_sites"
where site_id is not null
group by site_id
having count(*) > 1



  
  
      
    ) dbt_internal_test