"""``data/raw/regions.csv``: region slug -> Chinese name, city, province and level.

``level`` is the tier of government, or the kind of issuer below it: ``province`` (省级),
``city`` (地级/市级), ``county`` (县级: counties, districts and county-level cities),
``township`` (乡级: 乡, 镇 and 街道) or ``department`` (部门: a department of a
government, such as a 司法局, whose report covers its own work, not a whole place); the
Chinese words are accepted too. The brief's regions table shows it, and marks a region
whose kind is not the report's (:func:`same_kind`) there and in the regions chart, so
that a department's or a 镇's figures are not read as a county's. It is optional: older files
without the column still work, and an empty cell or a missing column means unknown (None
in :func:`metadata`, NULL in the panel, 未知 unknown in the index). Any other level is an
error naming the line. The level is not part of the data fingerprint (``row_for``): it
describes the region, not what its report says; the brief fingerprint holds it (the
region's own, and its peers' through ``ratios.shown_regions``) wherever a regions table
shows it.

An optional ``compare`` column limits the regions a region's brief compares it with in
its regions table (and the regions chart): ``same-city`` (同市) the year's other regions
whose row gives the same city and province, ``same-province`` (同省) the same province,
``all`` (全部) or empty every region of the year, as without the column. The brief says
how it was limited under the table; its fingerprint holds the value (and the peers'
city and province, which the table shows), so a change rebuilds it
(:func:`compared_with`).

The table is the region register, the one source of a region's name: a region without
a row is not built (:func:`require_row`), and the briefs name a peer without one by its
slug, marked 未登记 (``ratios.shown_regions``), never by what its report's title says.

One reader for everything that needs the table (extraction's region check, the index,
the build fingerprints), so that every problem in the file is reported the same way:
the file, the line, what is wrong and how to fix it (exit code 2), never a traceback
from deep inside a notebook. The encoding is detected as for text reports (UTF-8 with
or without BOM, UTF-16 with BOM, GB18030/GBK), since the file is often saved by Excel
or WPS on a Chinese system.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .exceptions import InputError

COLUMNS = ("region", "zh_name", "city", "province")
HEADER_HINT = "region,zh_name,city,province,level"
LEVELS = ("province", "city", "county", "township", "department")
#: Chinese words an analyst may type for a level -> the level.
LEVEL_WORDS = {
    "省": "province", "省级": "province",
    "市": "city", "地级": "city", "市级": "city", "地级市": "city",
    "县": "county", "县级": "county", "区": "county", "县区": "county", "县级市": "county",
    "乡": "township", "乡级": "township", "镇": "township", "乡镇": "township",
    "街道": "township", "乡镇街道": "township", "镇街": "township",
    "部门": "department", "政府部门": "department",
    # English words a user writes for a tier (trial 5 F13: `town` was refused)
    "town": "township", "subdistrict": "township", "district": "county",
    "prefecture": "city", "dept": "department",
}

#: Province-level names an analyst may write without their suffix (省, 市, 自治区,
#: 特别行政区), and the autonomous regions' full names, which do not end in 自治区 alone.
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门", "广西壮族自治区", "宁夏回族自治区", "新疆维吾尔自治区",
)
PROVINCE_SUFFIXES = ("省", "市", "自治区", "特别行政区")
#: A province's full name inside a city cell: the province typed into the city column
#: (``广州市广东省``: a comma missing). The four municipalities are left out, as a
#: district of Beijing has 北京市 for its city.
_PROVINCE_IN_CITY = tuple(
    [f"{p}省" for p in PROVINCES[:27] if p not in ("北京", "天津", "上海", "重庆")]
    + ["内蒙古", "广西壮族", "西藏自治区", "宁夏回族", "新疆维吾尔", "特别行政区"])
FULL_WIDTH_COMMAS = "，、"
#: The ``compare`` column: how far a region's brief looks for regions to compare with.
#: Not ``city``/``province``: a ``level`` shifted one cell to the right would read as one.
COMPARE = ("same-city", "same-province", "all")
COMPARE_WORDS = {"同市": "same-city", "同省": "same-province", "全部": "all"}

_CACHE: dict = {}


def default_path(root) -> Path:
    """Where a project keeps its region table."""
    return Path(root) / "data" / "raw" / "regions.csv"


def find_for(file) -> Path | None:
    """The ``regions.csv`` of the project a raw report belongs to, or None.

    Looks in the ``data/raw/`` folder among the file's own ancestors (a report at
    ``P/data/raw/weibin/2023.txt`` uses ``P/data/raw/regions.csv``), so the answer
    does not depend on the folder the command is run from.
    """
    root = project_of(file)
    candidate = root / "data" / "raw" / "regions.csv" if root is not None else None
    return candidate if candidate is not None and candidate.is_file() else None


def project_of(file) -> Path | None:
    """The project root whose ``data/raw/`` folder holds ``file`` (the nearest among its
    ancestors), or None."""
    for parent in Path(file).resolve().parents:
        if parent.name == "raw" and parent.parent.name == "data":
            return parent.parent.parent
    return None


def read(path) -> dict[str, dict]:
    """The rows of ``path`` keyed by slug; each row also records its ``line``.

    Parameters
    ----------
    path : path-like
        A ``regions.csv`` with the header ``region,zh_name,city,province``.

    Returns
    -------
    dict
        ``slug -> {"region", "zh_name", "city", "province", "line"}`` in file order.

    Raises
    ------
    InputError
        The file cannot be read or decoded, a quote is not closed, the header lacks
        ``region``/``zh_name``, a slug is not a slug, or a slug appears twice; or a row
        is mistyped (:func:`_cell`; trial 4): a full-width comma or a level word in a
        name cell, a province cell that is no province-level name, or a city cell that
        holds a province (a comma missing or typed full-width shifts cells into the
        wrong column).
    """
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key in _CACHE:
            return _CACHE[key]
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: the region list cannot be read ({exc.strerror or exc}). Create it "
            f"with the header {HEADER_HINT}, one row per region folder under data/raw/."
        ) from None
    rows = _parse(data, path)
    _CACHE.clear()  # one project at a time is read; keep the cache small
    _CACHE[key] = rows
    return rows


def _parse(data: bytes, path: Path) -> dict[str, dict]:
    from . import layout
    from .reading import decode_text

    if not data.strip():
        return {}
    text, _ = decode_text(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    try:
        while True:
            start = reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                break
            records.append((start, fields))
    except csv.Error as exc:
        raise InputError(
            f"{path}, line {start}: {exc} (a quote \" opened on this line is never closed, "
            "or a quoted field has text after its closing quote). Remove the stray quote "
            "or close it, and save the file again."
        ) from None
    if not records:
        return {}
    header = [h.strip() for h in records[0][1]]
    if not {"region", "zh_name"} <= set(header):
        raise InputError(
            f"{path}, line 1: the region list lacks the columns 'region' and 'zh_name' "
            f"(it has {', '.join(header) or 'nothing'}). Use the header {HEADER_HINT}."
        )
    rows: dict[str, dict] = {}
    for line, fields in records[1:]:
        if not any(f.strip() for f in fields):
            continue
        row = {h: (fields[i].strip() if i < len(fields) else "") for i, h in enumerate(header)}
        slug = row.get("region", "")
        if not layout.REGION_RE.match(slug):
            raise InputError(
                f"{path}, line {line}: {slug!r} is not a region slug (lower-case letters, "
                f"digits and hyphens, at most {layout.MAX_REGION_LEN} characters). Write "
                "the slug of the region's folder under data/raw/ in the first column."
            )
        if slug in rows:
            raise InputError(
                f"{path}, lines {rows[slug]['line']} and {line}: the region {slug!r} "
                "appears twice. Keep one row per region (merge the two) and save again."
            )
        for column in ("zh_name", "city", "province"):
            _cell(column, row.get(column, ""), path, line, slug)
        # A row shorter than the header is read with its last cells empty (unknown): a
        # row written by hand without the level (weibin,卫滨区,新乡市,河南省 under a
        # header with level) is common and means "level unknown". A comma missing
        # INSIDE the row shifts a cell into the wrong column, which _cell refuses: a
        # province or a level in the city cell, a level in the province cell.
        rows[slug] = {**{c: row.get(c, "") for c in COLUMNS},
                      "level": _level(row.get("level", ""), path, line, slug),
                      "compare": _compare(row, path, line, slug), "line": line}
    return rows


def _compare(row: dict, path: Path, line: int, slug: str) -> str:
    """One of :data:`COMPARE` but ``all`` (every region: ""), or InputError for another
    value or for a limit the row cannot apply (same-city without a city)."""
    value = row.get("compare", "")
    norm = COMPARE_WORDS.get(value, value.lower())
    if norm not in COMPARE + ("",):
        raise InputError(
            f"{path}, line {line} ({slug}): compare {value!r} is not one of "
            f"{', '.join(COMPARE)} (or 同市/同省/全部). Write same-city or same-province "
            "to compare the region's brief with the regions of its own city or province "
            "only, or leave the cell empty to compare it with every region of the year."
        )
    for need, cells in (("same-city", ("city", "province")),
                        ("same-province", ("province",))):
        empty = [c for c in cells if norm == need and not row.get(c)]
        if empty:
            raise InputError(
                f"{path}, line {line} ({slug}): compare is {need} but the "
                f"{' and '.join(empty)} cell{'s are' if len(empty) > 1 else ' is'} empty, "
                f"so no region can be found to be in the same one. Fill in "
                f"{' and '.join(empty)}, or leave compare empty."
            )
    return "" if norm == "all" else norm


def compared_with(root, region: str, slugs) -> list[str]:
    """The regions of ``slugs`` a brief of ``region`` compares it with, by the
    ``compare`` cell of its ``regions.csv`` row (all of them without a limit).

    A region the limit keeps is one whose row gives the same city and province
    (``same-city``) or the same province (``same-province``); a region with no row or an
    empty cell is not known to be in it and is left out.
    """
    rows = metadata(root)
    own = rows.get(region) or {}
    scope = own.get("compare")
    if not scope:
        return list(slugs)
    keys = ("city", "province") if scope == "same-city" else ("province",)
    want = tuple(own.get(k) for k in keys)
    return [s for s in slugs if tuple((rows.get(s) or {}).get(k) for k in keys) == want]


def _cell(column: str, value: str, path: Path, line: int, slug: str) -> None:
    """Refuse a name cell that shows a mistyped row: a full-width comma, a level word,
    a province cell that is no province-level name, a city cell holding a province."""
    where = f"{path}, line {line} ({slug})"
    if not value:
        return  # unknown: allowed
    comma = next((c for c in FULL_WIDTH_COMMAS if c in value), None)
    if comma:
        raise InputError(
            f"{where}: the {column} cell {value!r} contains the full-width comma "
            f"{comma!r}, so the cells after it are read as one. Separate the cells with "
            "ASCII commas (,), e.g. liwan,荔湾区,广州市,广东省,county, and save again."
        )
    # a Chinese place name holds no Latin level word; a Chinese level word alone
    # (县级, 部门) is no place name
    level = next((w for w in LEVELS if w in value.lower()), None) or (
        value if value in LEVEL_WORDS else None)
    if level:
        raise InputError(
            f"{where}: the {column} cell {value!r} holds the level {level!r}, so a comma "
            f"is missing or one too many before it and the cells are shifted. Write the row as "
            f"{HEADER_HINT} (e.g. liwan,荔湾区,广州市,广东省,county) and save again."
        )
    if column == "province" and not (
            value.endswith(PROVINCE_SUFFIXES) or value in PROVINCES):
        raise InputError(
            f"{where}: the province cell {value!r} is not a province-level name (one "
            f"ending in {'/'.join(PROVINCE_SUFFIXES)}, or a name such as 广东 or 内蒙古), "
            "so the row's cells are likely shifted. Write the province (e.g. 广东省), or "
            "leave the cell empty when it is unknown, and save again."
        )
    if column == "city" and (value in PROVINCES[4:] or any(
            p in value for p in _PROVINCE_IN_CITY)):
        if value.startswith(PROVINCES[4:]):
            # nothing before the province: the cells are shifted or swapped, no comma
            # is missing (trial 5 F13: guilin,桂林市,广西壮族自治区,,city)
            raise InputError(
                f"{where}: the city cell {value!r} is a province's name; the province "
                "goes in the next cell (province), the city in this one. Write the "
                "prefecture-level city in city (for a city-level region its own name, "
                "e.g. guilin,桂林市,桂林市,广西壮族自治区,city) and save again."
            )
        raise InputError(
            f"{where}: the city cell {value!r} holds a province's name, so a comma is "
            "likely missing between city and province. Write the city and the province "
            "in their own cells (e.g. 广州市,广东省), and save again."
        )


def _level(value: str, path: Path, line: int, slug: str) -> str:
    """One of :data:`LEVELS` or "" (unknown); InputError for anything else."""
    if not value:
        return ""
    norm = LEVEL_WORDS.get(value, LEVEL_WORDS.get(value.lower(), value.lower()))
    if norm not in LEVELS:
        raise InputError(
            f"{path}, line {line} ({slug}): level {value!r} is not one of "
            f"{', '.join(LEVELS)} (or town, district, 省级/市级/县级/乡镇/街道/部门). "
            "Correct it, or leave the cell empty when the level is unknown."
        )
    return norm


def metadata(root) -> dict[str, dict]:
    """Slug -> ``{"zh_name", "city", "province", "level", "compare"}`` for a project,
    unknown values (and ``compare`` without a limit) as None; empty when the project has
    no ``regions.csv``."""
    path = default_path(root)
    if not path.is_file():
        return {}
    return {slug: {k: (row.get(k) or None)
                   for k in ("zh_name", "city", "province", "level", "compare")}
            for slug, row in read(path).items()}


#: The tiers :func:`validate.report_kind`'s ``government`` may be: its title names a
#: people's government, not which tier.
GOVERNMENT_LEVELS = ("province", "city", "county")


def same_kind(kind, other) -> bool:
    """Whether two issuers' figures are of one kind, for a comparison side by side.

    Parameters
    ----------
    kind, other : str or None
        A ``level`` (``LEVELS``) or :func:`validate.report_kind`'s ``government``;
        None when unknown.

    Returns
    -------
    bool
        False when the two are known to differ: a township's or a department's figures
        beside a government's (or each other's), or two tiers of government. A
        ``government`` of unknown tier matches any tier, and an unknown kind matches
        anything: a difference is only claimed where it is known.
    """
    if not kind or not other or kind == other:
        return True
    tiers = {kind, other}
    return "government" in tiers and len(tiers - {"government"} - set(GOVERNMENT_LEVELS)) == 0


def row_for(path, slug: str) -> dict | None:
    """The row of ``slug`` without its line number, or None (no file or no row)."""
    path = Path(path)
    if not path.is_file():
        return None
    row = read(path).get(slug)
    return None if row is None else {c: row[c] for c in COLUMNS}


def unlisted(root, slugs) -> list[str]:
    """Warnings for the region folders (``slugs``, each with a raw report) that have no
    row in ``regions.csv`` (or when there is no ``regions.csv``): ``rol list`` says
    before any build that ``rol build`` stops on their reports (:func:`require_row`)."""
    path = default_path(root)
    listed = read(path) if path.is_file() else {}
    where = ("data/raw/regions.csv" if path.is_file()
             else "data/raw/regions.csv (there is no such file yet)")
    return [f"data/raw/{slug}/: region {slug!r} has no row in {where}, so `rol build` "
            f"stops on its reports (the register is where the briefs, the index and the "
            f"panel take a region's name, city, province and level from); add a row "
            f"{slug},<zh_name>,<city>,<province>,<level>"
            for slug in sorted(set(slugs)) if slug not in listed]


def suggested_row(slug: str, meta: dict) -> str:
    """The ``regions.csv`` line to add for ``slug``, filled from what its report says.

    The name, city and province are those the report's title or signature writes
    (``sections.report_metadata``), the level only where the title tells it (a 镇 or
    街道: township; a department such as a 司法局: department); a cell the report does
    not tell is left empty, which the register reads as unknown, so the line is valid
    as printed. A name that is already another row's is not offered: the report naming
    it is likely that region's, and two rows of one name are two places only when their
    city or province differ.
    """
    from .sections import place_of
    from .validate import report_kind

    kind = report_kind(meta)
    # a name of the register found in the report is another row's (this region has
    # none): the report is likely that region's, and its place is not this one's
    name, city, province = (None, None, None) if meta.get("listed_name") else place_of(
        meta.get("title"), meta.get("issuer"))
    cells = [name or "", city or "", province or "",
             kind if kind in ("township", "department") else ""]
    for i, column in enumerate(("zh_name", "city", "province")):
        try:
            _cell(column, cells[i], Path("regions.csv"), 0, slug)
        except InputError:
            cells[i] = ""  # what the title gave would not read as this column
    return ",".join([slug, *cells])


def require_row(root, region: str, year: int, raw, meta: dict,
                command: str = "build") -> None:
    """Stop a build of a region that has no row in ``data/raw/regions.csv``.

    The register is the one source of a region's name, city, province and level: the
    brief's heading and charts, the other regions' briefs (the regions table and
    chart), the index and the panel all take them from its row. Without one, a build
    would publish the region under a name read from its report's title, which nobody
    checked (a title split badly gives a place that does not exist), and the other
    briefs would show that name. So the build stops (exit 2, nothing published), and
    the message gives the line to add (:func:`suggested_row`) as a command.

    ``command`` ``"review"``: ``rol review`` stops with the same message and row, and
    writes no worksheet: its decisions could not be built into a brief until the row is
    added (a reviewer filled in a worksheet of a region the build then refused).

    Raises
    ------
    InputError
        No ``regions.csv``, or no row for ``region`` in it.
    """
    path = default_path(root).absolute()  # the command is run from anywhere
    line = suggested_row(region, meta)
    filled = (" (the cells are what the report's title and signature say, an empty one "
              "unknown: check them, and fill in what you know; data/raw/README.md says "
              "what each cell holds)")
    if not path.is_file():
        problem = ("there is no data/raw/regions.csv, the region register that gives every "
                   "region its name, city, province and level")
        fix = (f"create it with the header and the region's row: printf "
               f"'{HEADER_HINT}\\n{line}\\n' > {path}{filled}")
    elif region in read(path):
        return
    else:
        problem = (f"region {region!r} has no row in data/raw/regions.csv, the region "
                   "register that gives every region its name, city, province and level")
        data = path.read_bytes()
        newline = "" if not data or data.endswith(b"\n") else "\\n"
        fix = f"add its row: printf '{newline}{line}\\n' >> {path}{filled}"
    again, done = (("run `rol review` again", f"No worksheet was written or refreshed for "
                    f"{region}/{year}: `rol build` refuses the region until it has its row.")
                   if command == "review" else
                   ("build again", f"Nothing was published for {region}/{year}."))
    raise InputError(
        f"{Path(raw).absolute()}: {problem}, so its brief would show a name nobody "
        f"checked, and so would the other regions' briefs. Fix: {fix}; then {again}. "
        f"{done}"
    )


def renamed(root, raw_years: dict[str, set[int]], gone_years: dict[str, set[int]]) -> list[str]:
    """Warnings for one region filed under two slugs (renamed between years).

    Two slugs whose rows in ``regions.csv`` give the same ``zh_name``, city and province
    and whose raw reports share no year are taken for one place: the briefs then compare
    no year with the other slug's and the panel holds two short series. Two places of
    one name stay allowed when their city or province tells them apart, or when both
    slugs have a raw report of one year (two issuers).

    Parameters
    ----------
    root : path-like
        The project folder (its ``data/raw/regions.csv`` is read).
    raw_years, gone_years : dict
        Slug -> years with a raw report, and years published whose raw report is gone.

    Returns
    -------
    list of str
        One warning per pair, naming both slugs, the shared name and the fix.
    """
    path = default_path(root)
    if not path.is_file():
        return []
    by_place: dict[tuple, list[str]] = {}
    for slug, row in read(path).items():
        if row["zh_name"] and (raw_years.get(slug) or gone_years.get(slug)):
            by_place.setdefault((row["zh_name"], row["city"], row["province"]), []).append(slug)
    out = []
    for (name, city, province), slugs in by_place.items():
        for i, a in enumerate(slugs):
            for b in slugs[i + 1:]:
                ra, rb = raw_years.get(a, set()), raw_years.get(b, set())
                if ra & rb:
                    continue  # a report of one year under each: two issuers, not a rename
                # the slug whose reports start later is taken to be the new one
                old, new = sorted((a, b), key=lambda s: (
                    min(raw_years.get(s, set()) | gone_years.get(s, set())), s))
                years = sorted(raw_years.get(old, set()) | gone_years.get(old, set()))
                where = "、".join(dict.fromkeys(x for x in (province, city) if x)) or (
                    "no city or province")
                out.append(
                    f"{old} and {new}: regions.csv names both {name} ({where}) and their raw "
                    f"reports share no year ({old}: {_years(raw_years.get(old))}"
                    f"{_gone(gone_years.get(old))}; {new}: {_years(raw_years.get(new))}"
                    f"{_gone(gone_years.get(new))}), so one region seems filed under two "
                    f"slugs: its briefs compare no year with the other slug's and the panel "
                    f"holds two series. Fix: "
                    + (f"move data/raw/{old}/<year>.* and data/reviews/{old}/* to "
                       f"data/raw/{new}/ and data/reviews/{new}/, " if raw_years.get(old)
                       else f"put {old}'s earlier reports in data/raw/{new}/ (and its "
                            f"review files in data/reviews/{new}/), ")
                    + f"run `rol remove --region {old} --year <year>` for each of "
                    f"{', '.join(map(str, years))} that was published, "
                    f"delete its regions.csv row and run `rol build --all`. If they are two "
                    f"places, give each its own city/province in regions.csv.")
    return out


def _years(years) -> str:
    return ", ".join(map(str, sorted(years))) if years else "no raw report"


def _gone(years) -> str:
    return f" (published, raw report gone: {', '.join(map(str, sorted(years)))})" if years else ""
