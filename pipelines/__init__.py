"""matomo-warehouse: Matomo Live + Reporting API -> DuckDB -> dbt marts."""
