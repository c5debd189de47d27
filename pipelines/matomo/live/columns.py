"""Column schemas of the Live tables, declared up front.

Matomo sends money as ints in one row and floats in the next (dlt would split such a column
into `x` and `x__v_double`), counts as strings or numbers: the declared types settle it.
The `*_ARROW_COLUMNS` add the other Live fields as dlt infers them from real Matomo 5
responses, so the arrow tables reproduce the schema dlt's row path would create.
"""

from __future__ import annotations

from typing import Any

from dlt.common.schema.utils import dlt_id_column

_MONEY = {"data_type": "decimal", "precision": 38, "scale": 9}
_INT = {"data_type": "bigint"}
_TEXT = {"data_type": "text"}
_DATE = {"data_type": "date"}
_JSON = {"data_type": "json"}


def _cols(kind: dict[str, Any], *names: str, nullable: bool = True) -> dict[str, dict[str, Any]]:
    return {n: {"name": n, **kind, "nullable": nullable} for n in names}


VISIT_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", nullable=False),
    **_cols(_DATE, "visit_date", nullable=False),
    **_cols({"data_type": "timestamp", "timezone": True}, "first_action_at", "last_action_at"),
    **_cols(
        _INT,
        "last_action_timestamp",
        "first_action_timestamp",
        "server_timestamp",
        "visit_duration",
        "actions",
        "interactions",
        "searches",
        "events",
        "goal_conversions",
        "visit_converted",
        "visit_count",
        "days_since_first_visit",
        "seconds_since_first_visit",
        "days_since_last_visit",
        "seconds_since_last_visit",
        "days_since_last_ecommerce_order",
        "seconds_since_last_ecommerce_order",
        "total_ecommerce_conversions",
        "total_ecommerce_items",
        "total_abandoned_carts",
        "total_abandoned_carts_items",
        "referrer_keyword_position",
        "truncated_actions_count",
    ),
    **_cols(_MONEY, "total_ecommerce_revenue", "total_abandoned_carts_revenue"),
    **_cols({"data_type": "double"}, "latitude", "longitude"),
    **_cols(
        _TEXT,
        "visitor_id",
        "user_id",
        "fingerprint",
        "visit_ip",
        "site_timezone",
        "visit_server_hour",
        "visit_local_hour",
        "visit_local_time",
        "referrer_type",
        "referrer_name",
        "referrer_keyword",
        "referrer_url",
        "device_type",
        "country_code",
        "region_code",
        "city",
        "region",
        "country",
        "continent_code",
        "language_code",
        "browser_name",
        "browser_code",
        "operating_system_name",
        "operating_system_code",
        "device_brand",
        "device_model",
        "resolution",
        "site_name",
        "site_currency",
        "visit_ecommerce_status",
        "visitor_type",
        "server_date",
    ),
    **_cols(_JSON, "plugins_icons"),
}

ACTION_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", "position", nullable=False),
    **_cols(_TEXT, "type", nullable=False),
    **_cols(
        _INT,
        "timestamp",
        "page_id_action",
        "page_id",
        "pageview_position",
        "time_spent",
        "page_load_time_milliseconds",
        "site_search_count",
        "goal_id",
        "goal_page_id",
        "items",
    ),
    **_cols(
        _MONEY,
        "event_value",
        "revenue",
        "revenue_sub_total",
        "revenue_tax",
        "revenue_shipping",
        "revenue_discount",
        "product_view_price",
    ),
    **_cols(
        _TEXT,
        "url",
        "page_title",
        "idpageview",
        "event_category",
        "event_action",
        "event_name",
        "site_search_keyword",
        "site_search_category",
        "goal_name",
        "order_id",
        "content_name",
        "content_piece",
        "content_target",
        "content_interaction",
        "product_view_sku",
        "product_view_name",
        "referrer_type",
        "referrer_name",
        "referrer_keyword",
        "title",
        "subtitle",
    ),
    **_cols(_JSON, "product_view_categories", "custom_variables"),
}

ITEM_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", "id_visit", "position", "item_position", nullable=False),
    **_cols(_TEXT, "action_type", "order_id", "item_sku", "item_name", "item_category"),
    **_cols(_MONEY, "price"),
    **_cols(_INT, "quantity"),
    **_cols(_JSON, "categories"),
}

GOAL_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "idsite", "idgoal", nullable=False),
    **_cols(_MONEY, "revenue"),
    **_cols(_TEXT, "name", "match_attribute", "pattern", "pattern_type"),
    **_cols(_INT, "case_sensitive", "allow_multiple", "deleted"),
}

QUARANTINE_COLUMNS: dict[str, dict[str, Any]] = {
    **_cols(_INT, "id_site", nullable=False),
    **_cols(_DATE, "visit_date", nullable=False),
    **_cols({"data_type": "timestamp", "timezone": True}, "loaded_at", nullable=False),
    **_cols(_INT, "seq", nullable=False),
    **_cols(_INT, "id_visit", "position", "item_position"),
    **_cols(_TEXT, "table_name", "field", "raw_value", "reason", "outcome"),
}


_VISIT_OBSERVED: dict[str, dict[str, Any]] = {
    **_cols({"data_type": "timestamp", "timezone": True}, "last_action_date_time"),
    **_cols(
        _TEXT,
        "site_currency_symbol",
        "server_time_pretty",
        "server_date_pretty",
        "server_date_pretty_first_action",
        "server_time_pretty_first_action",
        "visit_duration_pretty",
        "referrer_type_name",
        "language",
        "device_type_icon",
        "operating_system",
        "operating_system_icon",
        "operating_system_version",
        "browser_family",
        "browser_family_description",
        "browser",
        "browser_icon",
        "browser_version",
        "continent",
        "country_flag",
        "location",
        "plugins",
        "visitor_type_icon",
        "referrer_search_engine_url",
        "referrer_search_engine_icon",
        "visit_converted_icon",
        "visit_ecommerce_status_icon",
        "referrer_social_network_url",
        "referrer_social_network_icon",
    ),
}
_ACTION_OBSERVED: dict[str, dict[str, Any]] = _cols(
    _TEXT, "server_time_pretty", "page_load_time", "time_spent_pretty"
)

# dlt's row id, made with the arrow tables: dlt's normalize would rewrite every parquet file
# of a load to add it (`normalize.parquet_normalizer.add_dlt_id` is off, see the runner)
ROW_ID: dict[str, dict[str, Any]] = {"_dlt_id": dlt_id_column()}

VISIT_ARROW_COLUMNS = {**VISIT_COLUMNS, **_VISIT_OBSERVED, **ROW_ID}
ACTION_ARROW_COLUMNS = {**ACTION_COLUMNS, **_ACTION_OBSERVED, **ROW_ID}
ITEM_ARROW_COLUMNS = {**ITEM_COLUMNS, **ROW_ID}

# A visit as Live.getLastVisitsDetails returns it.
Visit = dict[str, Any]
