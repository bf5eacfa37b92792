"""Region metadata from ``data/raw/regions.csv``: Chinese name, city, province, level.

Columns: ``region`` (the slug), ``zh_name``, ``city``, ``province`` and ``level``.
``level`` says which tier of government the region is: ``province`` (省级), ``city``
(地级/市级) or ``county`` (县级: counties, districts and county-level cities); the
Chinese words are accepted too. Older files without ``province`` or ``level`` still
work, and so does a region that is not listed at all: what is unknown is empty (None),
which the panel stores as NULL and the index shows as 未知 unknown. A level that is
none of these is an error naming the file and row, never a guess.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .exceptions import InputError

LEVELS = ("province", "city", "county")
#: Chinese words an analyst may type for a level -> the level.
LEVEL_WORDS = {
    "省": "province", "省级": "province",
    "市": "city", "地级": "city", "市级": "city", "地级市": "city",
    "县": "county", "县级": "county", "区": "county", "县区": "county", "县级市": "county",
}
LEVEL_ZH = {"province": "省级", "city": "市级", "county": "县级"}
FIELDS = ("zh_name", "city", "province", "level")


def regions_csv(root) -> Path:
    return Path(root) / "data" / "raw" / "regions.csv"


def read(root) -> dict[str, dict]:
    """Slug -> ``{"zh_name", "city", "province", "level"}`` (each a str or None).

    Returns an empty mapping when the file is missing.

    Raises
    ------
    InputError
        When the file cannot be decoded, has no ``region`` column, or a row's ``level``
        is not one of :data:`LEVELS` (or a Chinese word for one).
    """
    path = regions_csv(root)
    if not path.is_file():
        return {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = rows and list(rows[0]) or []
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot be read as a UTF-8 CSV file ({exc}); save it as "
                         "UTF-8 with the header region,zh_name,city,province,level.") from None
    if rows and "region" not in header:
        raise InputError(f"{path}: no 'region' column in the header; the first line must be "
                         "region,zh_name,city,province,level (see data/raw/README.md).")
    out = {}
    for n, row in enumerate(rows, start=2):
        slug = (row.get("region") or "").strip()
        if not slug:
            continue
        rec = {k: ((row.get(k) or "").strip() or None) for k in FIELDS}
        level = rec["level"]
        if level is not None:
            norm = LEVEL_WORDS.get(level, level.lower())
            if norm not in LEVELS:
                raise InputError(
                    f"{path}, line {n} ({slug}): level {level!r} is not one of "
                    f"{', '.join(LEVELS)} (or 省级/市级/县级); correct it or leave it empty "
                    "for unknown.")
            rec["level"] = norm
        out[slug] = rec
    return out
