"""Regenerate the dbt lookup seeds (country, language, OS family labels) from Matomo's sources.

Matomo labels UserCountry.getCountry, UserLanguage.getLanguage and DevicesDetection.getOsFamilies
rows with English names; Live only gives the codes. This script reads Matomo's own tables from
git clones of matomo-org/matomo and matomo-org/device-detector (the device-detector version is
the one the Matomo release pins in its composer.lock) and writes the derived CSVs, applying
Matomo's label functions exactly:

- countryTranslate   plugins/UserCountry/functions.php
- languageTranslate  plugins/UserLanguage/functions.php
- getOSFamilyFullName plugins/DevicesDetection/functions.php (+ DeviceDetector
  OperatingSystem::getOsFamily, Parser/OperatingSystem.php)

Usage (dev only; the CSVs are committed, Matomo's code is not):
    python scripts/build_lookup_seeds.py --matomo-git DIR --device-detector-git DIR \
        [--matomo-ref 5.0.2] [--out pipelines/dbt_project/seeds]
DIR is a clone or bare git directory (e.g. what the `fetch` tool gives:
/work/.mirror/matomo-org+matomo/repo).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipelines" / "dbt_project" / "seeds"
PHP_KEY = re.compile(r"^\s*'([a-z]+)'\s*=>", re.MULTILINE)
PHP_PAIR = re.compile(r"'([^']+)'\s*=>\s*'([^']*)'")
PHP_LIST = re.compile(r"'([^']+)'\s*=>\s*\[([^\]]*)\]")
PHP_STR = re.compile(r"'([^']+)'")
PHP_COMMENT = re.compile(r"//[^\n]*")


def git_show(git_dir: str, ref: str, path: str) -> str:
    cmd = ["git", "--git-dir", git_dir, "show", f"{ref}:{path}"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def php_block(source: str, name: str) -> str:
    """The text of `protected static $name = [ ... ];`."""
    start = source.index(f"${name} = [")
    return PHP_COMMENT.sub("", source[start : source.index("];", start)])


class Matomo:
    """English translations and data tables of one Matomo release."""

    def __init__(self, git_dir: str, ref: str):
        self.git_dir, self.ref = git_dir, ref
        self.strings: dict[str, str] = {}
        for path in (
            "lang/en.json",
            "plugins/Intl/lang/en.json",
            "plugins/UserCountry/lang/en.json",
            "plugins/UserLanguage/lang/en.json",
            "plugins/DevicesDetection/lang/en.json",
        ):
            for plugin, keys in json.loads(self.show(path)).items():
                self.strings.update({f"{plugin}_{k}": v for k, v in keys.items()})

    def show(self, path: str) -> str:
        return git_show(self.git_dir, self.ref, path)

    def translate(self, key: str) -> str:
        """Piwik::translate: the key itself when there is no English string."""
        return self.strings.get(key, key)

    def php_keys(self, path: str) -> list[str]:
        return PHP_KEY.findall(self.show(path))

    def device_detector_version(self) -> str:
        lock = json.loads(self.show("composer.lock"))
        return next(p["version"] for p in lock["packages"] if p["name"] == "matomo/device-detector")


def country_rows(m: Matomo) -> list[dict]:
    """UserCountry countryTranslate for every code Matomo knows (countries + internal codes)."""
    codes = set(m.php_keys("core/Intl/Data/Resources/countries.php"))
    codes |= set(m.php_keys("core/Intl/Data/Resources/countries-extra.php"))
    codes |= {k[len("Intl_Country_") :].lower() for k in m.strings if k.startswith("Intl_Country_")}
    codes |= {k[len("UserCountry_country_") :] for k in m.strings if "UserCountry_country_" in k}
    codes |= {"xx", "ti"}
    rows = []
    for code in sorted(codes):
        key = "General_Unknown"
        if code != "xx":
            looked_up = "cn" if code == "ti" else code  # Tibet is shown as China
            for candidate in (f"Intl_Country_{looked_up.upper()}", f"UserCountry_country_{code}"):
                if candidate in m.strings:
                    key = candidate
                    break
        rows.append({"country_code": code, "country_name": m.translate(key), "matomo_key": key})
    return rows


def language_rows(m: Matomo) -> list[dict]:
    """UserLanguage languageTranslate for every valid language code (languages.php) and xx."""
    rows = [{"language_code": "xx", "language_name": m.translate("General_Unknown")}]
    rows[0]["matomo_key"] = "General_Unknown"
    for code in sorted(set(m.php_keys("core/Intl/Data/Resources/languages.php"))):
        candidates = (f"Intl_Language_{code}", f"UserLanguage_Language_{code}")
        key = next((k for k in candidates if k in m.strings), None)
        name = m.translate(key) if key else f"{m.translate('UserLanguage_LanguageCode')} {code}"
        rows.append({"language_code": code, "language_name": name, "matomo_key": key or ""})
    return rows


def legacy_os_codes(m: Matomo) -> dict[str, str]:
    """_mapLegacyOsShortCodes (plugins/DevicesDetection/functions.php)."""
    source = m.show("plugins/DevicesDetection/functions.php")
    start = source.index("function _mapLegacyOsShortCodes")
    body = PHP_COMMENT.sub("", source[start : source.index("];", start)])
    return dict(PHP_PAIR.findall(body))


def os_rows(m: Matomo, dd_git: str) -> list[dict]:
    """getOSFamilyFullName for every OS short code DeviceDetector and Matomo know."""
    dd_ref = m.device_detector_version()
    parser = git_show(dd_git, dd_ref, "Parser/OperatingSystem.php")
    names = dict(PHP_PAIR.findall(php_block(parser, "operatingSystems")))
    family_block = php_block(parser, "osFamilies")
    families = {fam: PHP_STR.findall(codes) for fam, codes in PHP_LIST.findall(family_block)}
    legacy = legacy_os_codes(m)
    codes = set(names) | {c for cs in families.values() for c in cs} | set(legacy) | {"BOT", "UNK"}
    rows = []
    for code in sorted(codes):
        mapped = legacy.get(code, code)
        rows.append(
            {
                "os_code": code,
                "os_name": names.get(mapped, ""),
                "os_family": os_family(m, code, mapped, names, families),
                "device_detector_version": dd_ref,
            }
        )
    return rows


def os_family(m: Matomo, code: str, mapped: str, names: dict, families: dict) -> str:
    if code == "BOT":
        return "Bot"
    label = mapped
    if label in names.values():  # getOsFamily accepts a name: first code with that name
        label = next(c for c, n in names.items() if n == label)
    family = next((f for f, codes in families.items() if label in codes), None)
    if family == "Gaming Console":
        return m.translate("DevicesDetection_Console")
    return family if family is not None else m.translate("General_Unknown")


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--matomo-git", required=True, help="git dir of matomo-org/matomo")
    ap.add_argument("--device-detector-git", required=True, help="git dir of device-detector")
    ap.add_argument("--matomo-ref", default="5.0.2", help="Matomo tag (default 5.0.2)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    m = Matomo(args.matomo_git, args.matomo_ref)
    write(args.out / "matomo_country_names.csv", country_rows(m))
    write(args.out / "matomo_language_names.csv", language_rows(m))
    write(args.out / "matomo_os_families.csv", os_rows(m, args.device_detector_git))


if __name__ == "__main__":
    main()
