-- The committed lookup seeds carry Matomo 5.0.2's labels for codes the recordings never show
-- (read in plugins/*/lang/en.json and DeviceDetector's Parser/OperatingSystem.php).
-- Returns the expected rows whose seed label differs or is missing.
with expected (lookup, code, label) as (

    values
    ('country', 'xx', 'Unknown'),
    ('country', 'eu', 'Unknown'),
    ('country', 'ap', 'Unknown'),
    ('country', 'a1', 'Anonymous proxy'),
    ('country', 'ti', 'China'),
    ('country', 'gb', 'United Kingdom'),
    ('country', 'no', 'Norway'),
    ('country', 'na', 'Namibia'),
    ('country', 'ci', 'Côte d’Ivoire'),
    ('language', 'xx', 'Unknown'),
    ('language', 'zh', 'Chinese'),
    ('language', 'no', 'Norwegian'),
    ('language', 'bh', 'Language code bh'),
    ('os', 'WIN', 'Windows'),
    ('os', 'W10', 'Windows'),
    ('os', 'IPA', 'iOS'),
    ('os', 'UBT', 'GNU/Linux'),
    ('os', 'MAC', 'Mac'),
    ('os', 'WII', 'Console'),
    ('os', 'BOT', 'Bot'),
    ('os', 'UNK', 'Unknown')

),

seeded as (

    select 'country' as lookup, country_code as code, country_name as label
    from {{ ref('matomo_country_names') }}
    union all
    select 'language', language_code, language_name from {{ ref('matomo_language_names') }}
    union all
    select 'os', os_code, os_family from {{ ref('matomo_os_families') }}

)

select e.lookup, e.code, e.label as expected_label, s.label as seeded_label
from expected as e
left join seeded as s on s.lookup = e.lookup and s.code = e.code
where s.label is null or s.label <> e.label
