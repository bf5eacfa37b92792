"""The national panel: every published region-year in one queryable dataset.

``build(root)`` (``rol panel``, also run at the end of ``rol build --all``) writes
``data/processed/panel/``:

- ``indicators.parquet/``: one row per region-year and catalogue indicator;
- ``mentions.parquet/``: every statistic found, with or without an indicator;
- ``ratios.parquet/``: reported vs recomputed rates (each brief's ``ratios.csv``);
- ``region_years.parquet/``: one row per region-year: metadata, validation, review state;
- ``panel.duckdb``: DuckDB database with the views ``indicators``, ``wide`` (one column
  per indicator), ``ratios``, ``region_years`` and ``mentions`` (see :data:`VIEWS`);
- ``panel.xlsx``: one sheet per view but ``mentions`` (:data:`SHEETS`), Chinese header
  row above the English one (written by default up to :data:`XLSX_AUTO_CELLS` cells;
  ``xlsx=True`` always);
- ``manifest.json``: per region-year digests of the files read, per fragment the
  regions it holds and a signature of its inputs, for incremental runs.

Each ``*.parquet`` is a dataset folder (``pandas.read_parquet`` and DuckDB read it as one
table) of fragments: a fragment holds a run of consecutive regions (sorted by slug), all
their years; a region starts a new fragment when its slug's hash says so (one in
:data:`FRAGMENT_EVERY`), so the cut points depend on nothing but the slugs and a change
to one region-year rewrites one fragment per table. Fragments are named after their
first region, with a ``+`` that sorts before any slug character, so reading the folder
in name order gives the rows sorted by region, year and their order in the report.

Incremental: a region-year whose published files have the same size and modification
time as recorded (in ``.rol-cache/panel-stat.json``, not in the manifest: two builds of
the same inputs write the same manifest) is not read again; when they differ, their
sha256 decides. Only
changed region-years are read; a fragment whose region-years and region metadata
(``data/raw/regions.csv``) are unchanged is kept as it is, and in one that changed the
unchanged region-years' rows come from the previous fragment. ``panel.duckdb`` holds the
same tables and is updated by deleting and inserting the rewritten fragments' regions.

Everything is written into a hidden staging folder (kept fragments are hard links) and
renamed into place, so readers see the old panel or the new one, never a mix. The
parquet files and the xlsx are byte-identical across runs on the same inputs, whether
written from scratch or incrementally; ``panel.duckdb`` is not (DuckDB's file format
carries free-block layout), but its query results are.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import shutil
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, layout, regions
from .exceptions import InputError
from .fileio import read_json, sha256_file, write_bytes, write_text

PANEL = "panel"
FORMAT = 10  # bump when the panel's columns or layout change: the next run starts afresh
KEYS = ["region", "year"]
META = ["region_name", "province", "level"]
TABLES = ("indicators", "mentions", "ratios", "region_years")
#: A region starts a new fragment when the first byte of its slug's sha256 is a
#: multiple of this: fragments of about this many regions (all their years).
FRAGMENT_EVERY = 8
#: panel.xlsx is written by default when its sheets hold at most this many cells
#: (a 3,000-region-year panel is ~4.5 M cells: minutes of openpyxl); beyond, only with
#: ``xlsx=True``.
XLSX_AUTO_CELLS = 1_000_000

INDICATOR_COLUMNS = [
    "region", "region_name", "province", "level", "year", "indicator_id", "measure",
    "zh_name", "en_name", "kind", "section", "value", "unit", "qualifier", "scope",
    "validation", "review", "reviewed", "text", "sentence", "char_start", "char_end",
]
MENTION_COLUMNS = [
    "region", "region_name", "province", "level", "year", "indicator_id", "part_of", "measure",
    "value", "unit", "qualifier", "kind", "scope", "section", "review", "reviewed", "text",
    "sentence", "char_start", "char_end", "candidates",
]
RATIO_COLUMNS = [
    "region", "region_name", "province", "level", "year", "ratio_id", "zh_name", "en_name",
    "severity", "rate_id", "numerator_id", "denominator_id", "reported", "qualifier",
    "decimals", "numerator", "denominator", "recomputed", "difference", "tolerance",
    "status", "rate_text", "rate_sentence", "numerator_sentence", "denominator_sentence",
]
REGION_YEAR_COLUMNS = [
    "region", "region_name", "city", "province", "level", "year", "title", "issuer",
    "issuer_kind", "report_kind", "date", "source_file", "source_path", "source_sha256",
    "validation", "n_failures", "n_warnings",
    "review_state", "n_reviewed", "n_excluded", "n_new", "n_mentions", "n_indicators",
    "n_unconfirmed", "has_brief",
]
COLUMNS = {"indicators": INDICATOR_COLUMNS, "mentions": MENTION_COLUMNS,
           "ratios": RATIO_COLUMNS, "region_years": REGION_YEAR_COLUMNS}
BOOLS = {"reviewed", "has_brief"}
FLOATS = {"value", "reported", "numerator", "denominator", "recomputed", "difference",
          "tolerance"}
INTS = {"year", "char_start", "char_end", "decimals", "n_failures", "n_warnings",
        "n_reviewed", "n_excluded", "n_new", "n_mentions", "n_indicators", "n_unconfirmed"}

#: Column -> Chinese header (the xlsx's first header row).
ZH = {
    "region": "地区代码", "region_name": "地区", "city": "所属市", "province": "省份",
    "level": "层级", "year": "年度", "indicator_id": "指标代码", "part_of": "所属总量指标",
    "measure": "统计对象",
    "zh_name": "名称", "en_name": "英文名称", "kind": "类型", "section": "章节",
    "value": "数值", "unit": "单位", "qualifier": "限定", "scope": "范围",
    "validation": "校验状态", "review": "审核", "text": "原文数字", "sentence": "原句",
    "char_start": "原文起始位置", "char_end": "原文结束位置", "ratio_id": "比率代码",
    "severity": "规则级别", "rate_id": "比率指标", "numerator_id": "分子指标",
    "denominator_id": "分母指标", "reported": "报告值", "decimals": "小数位数",
    "numerator": "分子", "denominator": "分母", "recomputed": "复算值", "difference": "差值",
    "tolerance": "容差", "status": "状态", "rate_text": "比率原文", "rate_sentence": "比率原句",
    "numerator_sentence": "分子原句", "denominator_sentence": "分母原句", "title": "报告标题",
    "issuer": "发布机关", "issuer_kind": "发布机关类别", "report_kind": "报告主体类别",
    "date": "发布日期",
    "source_file": "原始文件", "source_path": "原始文件路径", "reviewed": "已复核",
    "candidates": "候选指标",
    "source_sha256": "原始文件 sha256", "n_failures": "关键规则未通过数",
    "n_warnings": "提示数", "review_state": "审核状态", "n_reviewed": "已审核数字数",
    "n_excluded": "复核排除数字数", "n_new": "需新增指标数字数",
    "n_mentions": "统计数字数", "n_indicators": "指标数", "n_unconfirmed": "未确认指标名称数",
    "has_brief": "已发布简报",
}

#: View -> its documentation (also stored in the database with COMMENT ON VIEW).
VIEWS = {
    "indicators": "One row per region-year and catalogue indicator: value, unit, "
                  "qualifier, validation status, review (reviewed: a reviewer confirmed, "
                  "set or added the name), source sentence and offsets into "
                  "the text of region_years.source_path (for a PDF or .docx, the text "
                  "decoded from it).",
    "wide": "One row per region-year, one column per catalogue indicator (its value; NULL "
            "when the report does not state it). The value alone, as indicators.value: "
            "money in 元, rates in %, counts in the report's own unit, without unit or "
            "qualifier, so one column can mix 人 and 人次 and 400余人次 is 400.0 here: "
            "take unit and qualifier from indicators before comparing. A value whose name "
            "no reviewer confirmed is included like a confirmed one: see "
            "indicators.reviewed (true when its review begins confirm, set or add) and "
            "region_years.n_unconfirmed.",
    "ratios": "Reported rates against the counts behind them, one row per region-year and "
              "rate (status consistent / mismatch / claim_only / computed_only).",
    "region_years": "One row per region-year: name, province, level, report metadata "
                    "(report_kind: whose report it is, township, department or "
                    "government, from its title, else its issuer, as the briefs read it; "
                    "issuer_kind: the kind of the body that signed it, from the issuer's "
                    "name alone: a district's report signed by its 司法局 is a government's "
                    "report with a department as issuer), "
                    "validation status, review_state (fully: every number of the report "
                    "decided, not only every indicator name; partly; not_reviewed), "
                    "n_new (numbers a reviewer marked new: a statistic no catalogue "
                    "indicator fits, the brief's 需新增指标 N) and "
                    "n_unconfirmed (indicator names no reviewer confirmed, set or added).",
    "mentions": "Every statistic found in the reports, with or without a catalogue "
                "indicator; part_of names the indicator of the total a part (其中…, one "
                "item of a breakdown) belongs to; candidates, for a number left unnamed "
                "between two indicators that fit it equally, their ids joined by |; "
                "reviewed, whether a reviewer decided it.",
}
SHEETS = ("indicators", "wide", "ratios", "region_years")
XLSX_MAX_ROWS = 1_048_576 - 2  # Excel's sheet limit, minus the two header rows
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

#: Under ``.rol-cache``: each region-year's files' size and mtime when last digested.
STAT_CACHE = "panel-stat.json"

# The files of a region-year the panel reads, by the name the manifest gives them.
_PROCESSED_FILES = {"indicators.parquet": "indicators", "mentions.parquet": "mentions",
                    "report.json": "report"}
_REPORT_FILES = {"ratios.csv": "ratios", "validation.json": "validation",
                 "validation-failed.json": "validation-failed", "build.json": "brief",
                 "brief.html": "brief.html"}


@dataclass
class PanelResult:
    """What a panel run did."""

    folder: Path
    region_years: int = 0
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    rows: int = 0
    seconds: float = 0.0
    written: bool = False
    fragments: int = 0
    rewritten: int = 0
    xlsx: str = ""

    def summary(self) -> str:
        if not self.written:
            return (f"panel: up to date ({self.region_years} region-years) -> {self.folder}"
                    + (f"; {self.xlsx}" if self.xlsx else ""))
        return (f"panel: {self.region_years} region-years, {self.rows} indicator rows "
                f"({len(self.changed)} read, {len(self.removed)} removed; "
                f"{self.rewritten} of {self.fragments} fragments written) in "
                f"{self.seconds:.1f} s -> {self.folder}"
                + (f"; {self.xlsx}" if self.xlsx else ""))


# --------------------------------------------------------------------------- inputs


def _scan(root: Path) -> dict[tuple[str, int], dict[str, tuple[str, int, int]]]:
    """``(region, year) -> {file name: (path, size, mtime_ns)}`` of every published
    region-year's files the panel reads: one directory listing per folder, no glob,
    plain strings (pathlib costs more than the listing at 3,000 region-years)."""
    found: dict = {}
    for top, wanted in (("data/processed", _PROCESSED_FILES), ("reports", _REPORT_FILES)):
        try:
            regions_ = sorted(os.scandir(root / top), key=lambda e: e.name)
        except FileNotFoundError:
            continue
        for r in regions_:
            if (r.name in layout.RESERVED or not layout.REGION_RE.match(r.name)
                    or not r.is_dir()):
                continue
            for y in os.scandir(r.path):
                if not (len(y.name) == 4 and y.name.isdigit() and y.is_dir()):
                    continue
                files = {}
                for f in os.scandir(y.path):
                    name = wanted.get(f.name)
                    if name and f.is_file():
                        st = f.stat()
                        files[name] = (f.path, st.st_size, st.st_mtime_ns)
                if files:
                    found.setdefault((r.name, int(y.name)), {}).update(files)
    return found


def _inputs(files: dict) -> dict:
    """The files a region-year contributes: the latest validation attempt (a failed one
    is published beside the passing one), its build record, its tables."""
    out = {k: v for k, v in files.items()
           if k not in ("validation-failed", "brief.html", "validation")}
    v = files.get("validation-failed") or files.get("validation")
    if v:
        out["validation"] = v
    return out


def region_years(root) -> list[tuple[str, int]]:
    """Every region-year with published tables or a published validation report."""
    return sorted(k for k, files in _scan(Path(root)).items()
                  if {"indicators", "validation", "validation-failed"} & set(files))


def _digest(files: dict, has_brief: bool) -> str:
    h = hashlib.sha256()
    for name, (p, _, _) in sorted(files.items()):
        h.update(f"{name}:{sha256_file(p)}\n".encode())
    h.update(f"has_brief:{has_brief}\n".encode())
    return h.hexdigest()


def _validation_state(validation: dict | None) -> tuple[str, set, int, int]:
    """(status, indicators named by warnings, n_failures, n_warnings)."""
    if not validation:
        return "not_validated", set(), 0, 0
    fails, warns = validation.get("failures") or [], validation.get("warnings") or []
    warned = {i for w in warns for i in (w.get("indicators") or []) if i}
    if not validation.get("success", True):
        status = "failed"
    else:
        status = "warnings" if warns else "passed"
    return status, warned, len(fails), len(warns)


def _region_year_row(region: str, year: int, files: dict, has_brief: bool) -> dict:
    from .reviews import excluded_numbers
    from .validate import issuer_kind, report_kind

    report = (read_json(files["report"][0]) if "report" in files else None) or {}
    validation = read_json(files["validation"][0]) if "validation" in files else None
    status, warned, n_fail, n_warn = _validation_state(validation)
    return {
        "region": region, "year": year,
        "title": report.get("title"), "issuer": report.get("issuer"),
        # whose report it is, as the title and issuer say (township, department,
        # government): a 司法局's or a 镇's figures are not a district's, even where
        # level is unknown; and who signed it, which for a district's report is often
        # its 司法局 (a department issuing a government's report)
        "report_kind": report_kind(report) if report else None,
        "issuer_kind": issuer_kind(report.get("issuer")),
        "date": report.get("date"), "source_file": report.get("source_file"),
        # where the report is, relative to the project: what a reader of the panel opens
        # to check a sentence at char_start (raw files live in data/raw/<region>/)
        "source_path": (f"data/raw/{region}/{report['source_file']}"
                        if report.get("source_file") else None),
        "source_sha256": report.get("source_sha256"),
        "region_name_report": report.get("region_name"),
        "validation": status, "warned": sorted(warned), "n_failures": n_fail,
        "n_warnings": n_warn, "has_brief": has_brief,
        "n_excluded": len(excluded_numbers(report)),
    }


# ------------------------------------------------------------------------ fragments


def _starts_fragment(region: str) -> bool:
    return hashlib.sha256(region.encode()).digest()[0] % FRAGMENT_EVERY == 0


def _fragments(region_list: list[str]) -> dict[str, list[str]]:
    """Fragment file name -> its regions (sorted), for sorted ``region_list``."""
    out: dict[str, list[str]] = {}
    current = None
    for r in region_list:
        if current is None or _starts_fragment(r):
            # "+" sorts before "-" and every slug character: "a+" < "a-b+" < "ab+"
            current = f"{r}+.parquet"
            out[current] = []
        out[current].append(r)
    return out


def _signature(obj) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()
                          ).hexdigest()


# ------------------------------------------------------------------------- reading


def _connect(path=None, read_only=False):
    """A DuckDB connection without the terminal progress bar, keeping row order."""
    import duckdb

    con = duckdb.connect(str(path) if path else ":memory:", read_only=read_only)
    with contextlib.suppress(duckdb.Error):
        # inside a Jupyter kernel DuckDB refuses the setting without ipywidgets
        con.execute("SET enable_progress_bar = false")
    con.execute("SET preserve_insertion_order = true")
    return con


def _arrow(con, sql: str, params=None):
    """The result of ``sql`` as an Arrow table (DuckDB 1.x and 2.x spell it apart)."""
    try:
        rel = con.sql(sql, params=params)
    except TypeError:  # an older DuckDB without parameters on relations
        return con.execute(sql, params).fetch_arrow_table()
    fetch = getattr(rel, "to_arrow_table", None) or rel.fetch_arrow_table
    return fetch()


def _sql_type(col: str) -> str:
    if col in FLOATS:
        return "DOUBLE"
    if col in INTS:
        return "BIGINT"
    if col in BOOLS:
        return "BOOLEAN"
    return "VARCHAR"


def _arrow_schema(table: str):
    import pyarrow as pa

    types = {"DOUBLE": pa.float64(), "BIGINT": pa.int64(), "BOOLEAN": pa.bool_(),
             "VARCHAR": pa.string()}
    return pa.schema([(c, types[_sql_type(c)]) for c in COLUMNS[table]])


def _create(con, name: str, table: str) -> None:
    cols = ", ".join(f'"{c}" {_sql_type(c)}' for c in COLUMNS[table])
    con.execute(f"CREATE TABLE {name} ({cols}, _row BIGINT)")


def _empty(table: str):
    """No rows, the table's columns and ``_row``, as Arrow."""
    import pyarrow as pa

    return _arrow_schema(table).append(pa.field("_row", pa.int64())).empty_table()


def _cast(col: str, src: str) -> str:
    """SQL turning ``src`` into the column's type the way the panel stores it: an
    empty string is NULL, a number that does not parse is NULL."""
    t = _sql_type(col)
    if t == "VARCHAR":
        return f"NULLIF(CAST({src} AS VARCHAR), '')"
    if t == "BIGINT":
        return f"CAST(TRY_CAST(NULLIF(CAST({src} AS VARCHAR), '') AS DOUBLE) AS BIGINT)"
    return f"TRY_CAST(NULLIF(CAST({src} AS VARCHAR), '') AS {t})"


def _reviewed_sql(src: str) -> str:
    """SQL for ``reviewed``: whether a reviewer decided the row, read from its review
    mark (``action | reviewer …``): a name confirmed, set or added
    (:data:`reviews.NAMING`, the rule of ``wide``'s comment and ``n_unconfirmed``) or a
    number marked ``new``. Never NULL, so ``WHERE NOT reviewed`` finds the rest."""
    from .reviews import NAMING, NEW, SEP

    actions = ", ".join(f"'{a}'" for a in (*NAMING, NEW))
    return (f"coalesce(split_part(CAST({src} AS VARCHAR), '{SEP}', 1) IN ({actions}), "
            "false)")


def _unreadable(p, why: str) -> InputError:
    p = Path(p)
    region, year = p.parent.parent.name, p.parent.name
    return InputError(f"{p}: cannot be read for the panel ({why}). Rebuild it with "
                      f"`rol build --region {region} --year {year} --force`.")


def _lookup(name: str, columns: dict[str, tuple[str, list]]) -> str:
    """A lookup table as SQL over list parameters (``$<name>_<column>``): DuckDB's
    ``register`` of an Arrow table would import pandas (half a second)."""
    cols = ", ".join(f"unnest(CAST(${name}_{c} AS {t}[])) AS {c}"
                     for c, (t, _) in columns.items())
    return f"(SELECT {cols})"


def _lookup_params(name: str, columns: dict[str, tuple[str, list]]) -> dict:
    return {f"{name}_{c}": values for c, (_, values) in columns.items()}


def _load_parquet(con, table: str, files: dict[str, tuple[str, int]], schema_file: Path,
                  status: dict, warned: list):
    """The rows of many region-years' parquet tables as one Arrow table, read in one
    DuckDB scan; region and year from each file's folder, ``_row`` its row number.

    ``schema_file`` (no rows, every column the panel takes, read with the others by
    name) makes every column exist even when no table has it. A file DuckDB cannot
    read is named in the error.
    """
    import duckdb

    if not files:
        return _empty(table)
    paths = list(files)
    exprs = []
    for c in COLUMNS[table]:
        if c == "region":
            exprs.append("f._region")
        elif c == "year":
            exprs.append("f._year")
        elif c in META or c == "validation":
            exprs.append(f"NULL::{_sql_type(c)}")  # joined later
        elif c == "reviewed":
            exprs.append(_reviewed_sql('t."review"'))
        else:
            exprs.append(_cast(c, f't."{c}"'))
    params = {"files": [*paths, str(schema_file)]}
    lookups = {"f": {"filename": ("VARCHAR", paths),
                     "_region": ("VARCHAR", [r for r, _ in files.values()]),
                     "_year": ("BIGINT", [y for _, y in files.values()])}}
    joins = ""
    if table == "indicators":
        # A row's validation: the region-year's status, narrowed to the indicators a
        # broken warning rule names; tables kept from an earlier build after the latest
        # validation failed are "superseded".
        exprs[COLUMNS[table].index("validation")] = (
            "CASE WHEN s.status = 'failed' THEN 'superseded' "
            "WHEN w.indicator_id IS NOT NULL THEN 'warning' "
            "WHEN s.status IN ('passed', 'warnings') THEN 'passed' ELSE s.status END")
        lookups["s"] = {"region": ("VARCHAR", [r for r, _ in status]),
                        "year": ("BIGINT", [y for _, y in status]),
                        "status": ("VARCHAR", list(status.values()))}
        lookups["w"] = {"region": ("VARCHAR", [w[0] for w in warned]),
                        "year": ("BIGINT", [w[1] for w in warned]),
                        "indicator_id": ("VARCHAR", [w[2] for w in warned])}
        joins = (f" LEFT JOIN {_lookup('s', lookups['s'])} s"
                 " ON s.region = f._region AND s.year = f._year"
                 f" LEFT JOIN {_lookup('w', lookups['w'])} w"
                 " ON w.region = f._region AND w.year = f._year"
                 " AND w.indicator_id = t.indicator_id")
    for name, cols in lookups.items():
        params |= _lookup_params(name, cols)
    named = ", ".join(f'{e} AS "{c}"' for e, c in zip(exprs, COLUMNS[table]))
    sql = (f"SELECT {named}, t.file_row_number AS _row FROM read_parquet($files, "
           "union_by_name = true, filename = true, file_row_number = true) t "
           f"JOIN {_lookup('f', lookups['f'])} f ON f.filename = t.filename{joins}")
    try:
        return _arrow(con, sql, params).cast(_empty(table).schema)
    except duckdb.Error as exc:
        for p in paths:  # find and name the file that breaks the batch
            try:
                con.execute("SELECT * FROM read_parquet($f)", {"f": [p]}).fetchall()
            except duckdb.Error as one:
                raise _unreadable(p, str(one).splitlines()[0]) from None
        raise InputError(f"the panel could not read the published {table} tables "
                         f"({str(exc).splitlines()[0]}).") from None


def _schema_file(folder: Path, table: str) -> Path:
    """A parquet file without rows holding every column the panel takes from the
    published ``table`` files (see :func:`_load_parquet`)."""
    import pyarrow.parquet as pq

    path = folder / f"{table}.parquet"
    schema = _arrow_schema(table)
    pq.write_table(schema.empty_table().select(
        [c for c in schema.names if c not in (*META, "validation")]), path)
    return path


def _number(value, kind: str):
    """A CSV cell as the panel stores it: empty or unparsable -> None."""
    if value is None or value == "":
        return None
    if kind == "VARCHAR":
        return value
    try:
        f = float(value)
    except ValueError:
        return None
    if kind == "BIGINT":
        return int(round(f)) if f == f and abs(f) != float("inf") else None
    return f


def _load_csvs(files: dict[str, tuple[str, int]]):
    """Many small ratios.csv files (UTF-8 with BOM) as one Arrow table.

    Python's csv module: DuckDB's CSV reader sniffs every file (~20 ms each), and
    pyarrow's starts a reader per file (~2 ms each).
    """
    import pyarrow as pa

    if not files:
        return _empty("ratios")
    kinds = {c: _sql_type(c) for c in RATIO_COLUMNS if c not in ("region", "year", *META)}
    cols = {c: [] for c in [*RATIO_COLUMNS, "_row"]}
    for p, (r, y) in files.items():
        try:
            with open(p, encoding="utf-8-sig", newline="") as fh:
                for i, rec in enumerate(csv.DictReader(fh)):
                    for c, kind in kinds.items():
                        cols[c].append(_number(rec.get(c), kind))
                    cols["region"].append(r)
                    cols["year"].append(y)
                    cols["_row"].append(i)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise _unreadable(p, str(exc)) from None
    n = len(cols["_row"])
    for c in META:
        cols[c] = [None] * n
    return pa.table(cols, schema=_empty("ratios").schema)


def _load_fresh(con, keys: list, files_of: dict, rows: dict, tmp: Path) -> dict:
    """Arrow tables with the rows of the region-years ``keys`` read from their
    published files (region metadata not joined yet)."""
    import pyarrow as pa

    new = {}
    status = {k: rows[k]["validation"] for k in keys}
    warned = [(r, y, i) for r, y in keys for i in rows[(r, y)]["warned"]]
    for t in ("indicators", "mentions"):
        new[t] = _load_parquet(con, t, {str(files_of[k][t][0]): k for k in keys
                                        if t in files_of[k]},
                               _schema_file(tmp, t), status, warned)
    new["ratios"] = _load_csvs({files_of[k]["ratios"][0]: k for k in keys
                                if "ratios" in files_of[k]})
    # region_years: the report records, then counts from the tables just read
    n_ind = _counts(new["indicators"])
    n_men = _counts(new["mentions"])
    n_num = _numbers(new["mentions"])
    from .reviews import review_state
    n_unc = _unconfirmed(new["indicators"])
    cols = {c: [] for c in [*REGION_YEAR_COLUMNS, "_row"]}
    for k in keys:
        # the brief's rule: numbers (not rows: a shared value is one number read by
        # several names) and the ones a reviewer excluded, decided but out of the
        # tables; n_reviewed is the brief's 已复核 N, so a "fully" reviewed report's
        # n_reviewed is all its numbers (it counted rows with a mark, not numbers)
        numbers, decided, needing = n_num.get(k, (0, 0, 0))
        state, reviewed, _ = review_state(numbers, decided, rows[k]["n_excluded"])
        values = {**rows[k], "n_indicators": n_ind.get(k, 0), "n_mentions": n_men.get(k, 0),
                  "n_new": needing,
                  "n_unconfirmed": n_unc.get(k, 0),
                  "n_reviewed": reviewed,
                  "review_state": state,
                  "_row": 0}
        for c in cols:
            cols[c].append(None if c in (*META, "city") else values.get(c))
    new["region_years"] = pa.table(cols, schema=_empty("region_years").schema)
    return new


def _unconfirmed(table) -> dict:
    """(region, year) -> indicator names no reviewer decided on, by the rule the brief's
    ○ count and the index use (:func:`reviews.unconfirmed`): a mark that is not a
    confirm, set or add (an empty one, say) decides no name."""
    from .reviews import unconfirmed

    if not len(table):
        return {}
    marks: dict = {}
    for r, y, m in zip(table["region"].to_pylist(), table["year"].to_pylist(),
                       table["review"].to_pylist(), strict=True):
        marks.setdefault((r, y), []).append(m)
    return {k: unconfirmed(v) for k, v in marks.items()}


def _numbers(table) -> dict:
    """(region, year) -> (numbers, numbers with a review decision, numbers marked
    ``new``): distinct ``char_start``, as the brief counts them (its 已复核 N and
    需新增指标 N)."""
    from .reviews import NEW, parse_mark

    if not len(table):
        return {}
    decided: dict = {}
    for r, y, c, m in zip(table["region"].to_pylist(), table["year"].to_pylist(),
                          table["char_start"].to_pylist(), table["review"].to_pylist(),
                          strict=True):
        key = (r, y, c)
        done, new = decided.get(key, (False, False))
        decided[key] = (done or (isinstance(m, str) and bool(m)),
                        new or parse_mark(m)[0] == NEW)
    out: dict = {}
    for (r, y, _), (d, new) in decided.items():
        n, done, needing = out.get((r, y), (0, 0, 0))
        out[(r, y)] = (n + 1, done + d, needing + new)
    return out


def _counts(table) -> dict:
    """(region, year) -> rows."""
    if not len(table):
        return {}
    g = table.group_by(["region", "year"]).aggregate([("region", "count")])
    return {(r, y): n for r, y, n in zip(
        g["region"].to_pylist(), g["year"].to_pylist(), g["region_count"].to_pylist(),
        strict=True)}


def _assemble(table: str, new, old_files: list[Path], keep: list, meta_for: dict):
    """The rows of the rewritten fragments' regions, sorted by region, year and their
    order in the report, as one Arrow table: the region-years just read (``new``) and
    the unchanged ones (``keep``) from the previous fragments, with region metadata
    joined from ``meta_for``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    schema = _empty(table).schema
    parts = [new]
    if old_files and keep:
        wanted = pa.array([f"{r}/{y}" for r, y in keep], pa.string())
        for p in old_files:
            old = pq.read_table(p).cast(_arrow_schema(table))
            old = old.append_column("_row", pa.array(range(len(old)), pa.int64()))
            key = pc.binary_join_element_wise(old["region"],
                                              pc.cast(old["year"], pa.string()), "/")
            parts.append(old.filter(pc.is_in(key, value_set=wanted)))
    out = pa.concat_tables([p.cast(schema) for p in parts]).sort_by(
        [("region", "ascending"), ("year", "ascending"), ("_row", "ascending")])
    order = sorted(meta_for)
    where = pc.index_in(out["region"], value_set=pa.array(order, pa.string()))
    for col, key in (("region_name", "zh_name"), ("city", "city"),
                     ("province", "province"), ("level", "level")):
        if col in schema.names:
            values = pa.array([meta_for[r].get(key) for r in order], pa.string())
            out = out.set_column(schema.get_field_index(col), col, pc.take(values, where))
    return out.select(COLUMNS[table]).combine_chunks()


def _write_fragment(path: Path, part) -> None:
    """One fragment, the same bytes for the same rows (one chunk, pyarrow's writer)."""
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(part.combine_chunks(), buf)
    write_bytes(path, buf.getvalue())


def _split(table, fragments: dict[str, list[str]]):
    """``(fragment name, rows)`` for each fragment, slicing ``table`` (sorted by region:
    a fragment's rows are contiguous)."""
    import pyarrow.compute as pc

    spans, pos = {}, 0
    if len(table):
        counts = pc.value_counts(table.column("region"))
        for region, n in sorted(zip(counts.field("values").to_pylist(),
                                    counts.field("counts").to_pylist())):
            spans[region] = (pos, n)
            pos += n
    for name, members in fragments.items():
        mine = [spans[r] for r in members if r in spans]
        yield name, (table.slice(mine[0][0], sum(n for _, n in mine)) if mine
                     else table.slice(0, 0))


# ------------------------------------------------------------------------- writing


def _wide_sql(ids: list[str]) -> str:
    cols = ",\n  ".join(
        f"arg_min(i.value, i.char_start) FILTER (WHERE i.indicator_id = '{i}') AS \"{i}\""
        for i in ids)
    return (
        "SELECT ry.region, ry.region_name, ry.province, ry.level, ry.year"
        + (",\n  " + cols if cols else "")
        + "\nFROM data.region_years ry LEFT JOIN data.indicators i "
        "ON i.region = ry.region AND i.year = ry.year\n"
        "GROUP BY ry.region, ry.region_name, ry.province, ry.level, ry.year\n"
        "ORDER BY ry.region, ry.year"
    )


def _indicator_ids(con) -> list[str]:
    """Every catalogue indicator in catalogue order (a stable set of columns), then any
    id an older build used that the catalogue no longer has, alphabetically."""
    from .catalogue import load

    ordered = list(load().indicators)
    present = {r[0] for r in con.execute(
        "SELECT DISTINCT indicator_id FROM data.indicators WHERE indicator_id IS NOT NULL"
    ).fetchall()}
    return ordered + sorted(present - set(ordered))


def _write_duckdb(path: Path, stage: Path, previous: Path | None, drop_regions: list[str],
                  written: list[str]) -> None:
    """``panel.duckdb`` in ``stage``: a copy of the ``previous`` database with the rows
    of ``drop_regions`` replaced by those of the ``written`` fragments, or (without a
    usable previous database) one holding every fragment in ``stage``."""
    import duckdb

    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    fresh = previous is None
    if not fresh:
        shutil.copyfile(previous, tmp)
        try:
            con = _connect(tmp)
        except duckdb.Error:  # another DuckDB version's file: build it again
            tmp.unlink(missing_ok=True)
            fresh = True
    if fresh:
        con = _connect(tmp)
        con.execute("CREATE SCHEMA data")
        for t in TABLES:
            _create(con, f"data.{t}", t)
    try:
        for t in TABLES:
            if fresh:
                files = sorted(str(p) for p in (stage / f"{t}.parquet").glob("*.parquet"))
            else:
                files = [str(stage / f"{t}.parquet" / n) for n in written]
                if drop_regions:
                    con.execute(f"DELETE FROM data.{t} WHERE region IN "
                                "(SELECT unnest(CAST($r AS VARCHAR[])))", {"r": drop_regions})
            if files:
                # the file's columns, then its row number: the table's _row
                con.execute(f"INSERT INTO data.{t} SELECT * FROM "
                            "read_parquet($f, file_row_number = true)", {"f": files})
        for t in TABLES:
            con.execute(f"CREATE OR REPLACE VIEW {t} AS SELECT * EXCLUDE (_row) "
                        f"FROM data.{t} ORDER BY region, year, _row")
        con.execute(f"CREATE OR REPLACE VIEW wide AS {_wide_sql(_indicator_ids(con))}")
        for name, doc in VIEWS.items():
            # a SQL string: a quote in the text (a district's report) is doubled
            quoted = doc.replace("'", "''")
            con.execute(f"COMMENT ON VIEW {name} IS '{quoted}'")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, path)


def _xlsx_frames(db: Path) -> tuple[dict, int]:
    """The sheets' DataFrames from the views, and their number of cells."""
    con = _connect(db, read_only=True)
    try:
        frames = {v: con.execute(f"SELECT * FROM {v}").df() for v in SHEETS}
    finally:
        con.close()
    return frames, sum(df.shape[0] * df.shape[1] for df in frames.values())


def _xlsx_cells(db: Path) -> int:
    con = _connect(db, read_only=True)
    try:
        n = 0
        for v in SHEETS:
            rows = con.execute(f"SELECT count(*) FROM {v}").fetchone()[0]
            cols = len(con.execute(f"SELECT * FROM {v} LIMIT 0").description)
            n += rows * cols
        return n
    finally:
        con.close()


def _write_xlsx(path: Path, frames: dict, zh_for_ids: dict) -> None:
    """One sheet per view; row 1 Chinese headers, row 2 the English column names."""
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook(write_only=True)
    wb.properties.creator = f"rol-analysis {__version__}"
    wb.properties.created = dt.datetime(2000, 1, 1)
    bold = Font(bold=True)
    for name, df in frames.items():
        cols = list(df.columns)
        zh = [ZH.get(c) or zh_for_ids.get(c) or c for c in cols]
        # Excel cannot hold more rows in a sheet: further rows go on "<name> (2)" etc.
        chunks = range(0, max(len(df), 1), XLSX_MAX_ROWS)
        for k, start in enumerate(chunks):
            ws = wb.create_sheet(name if k == 0 else f"{name} ({k + 1})")
            ws.freeze_panes = "A3"
            for header in (zh, cols):
                cells = []
                for v in header:
                    c = openpyxl.cell.WriteOnlyCell(ws, value=v)
                    c.font = bold
                    cells.append(c)
                ws.append(cells)
            part = df.iloc[start:start + XLSX_MAX_ROWS]
            # plain Python values, empty cells for NULL/NaN
            for row in part.astype(object).where(part.notna(), None).values.tolist():
                ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes(path, _fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The xlsx with fixed timestamps (openpyxl stamps the save time): same bytes
    for the same panel."""
    import re

    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            zi = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, content)
    return out.getvalue()


@contextlib.contextmanager
def _locked(root: Path):
    """One panel run at a time per root (another waits)."""
    lock = root / "data" / "processed" / f".{PANEL}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+") as fh:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows
            pass
        yield


def _write_manifest(path: Path, manifest: dict) -> None:
    """Compact JSON, sorted keys: a machine's record (~0.3 KB per region-year), read
    and written on every run, so no indentation."""
    write_text(path, json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")) + "\n")


def _keep_file(src: Path, dst: Path) -> None:
    """Put an unchanged file of the previous panel into the new one (a hard link)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:  # a filesystem without hard links
        shutil.copy2(src, dst)


# --------------------------------------------------------------------------- build


def build(root=".", xlsx: bool | None = None, force: bool = False) -> PanelResult:
    """Write or update ``data/processed/panel/`` from the published region-years.

    Parameters
    ----------
    root : path-like
        Project folder holding ``data/`` and ``reports/``.
    xlsx : bool or None
        ``panel.xlsx`` (the slowest output: minutes for millions of cells):
        None writes it when its sheets hold at most :data:`XLSX_AUTO_CELLS` cells, True
        always, False never. It is written only when the panel changed; a panel that
        changed without it loses the previous, now outdated, ``panel.xlsx``.
    force : bool
        Read every region-year again and rewrite everything, ignoring the manifest.

    Returns
    -------
    PanelResult

    Raises
    ------
    InputError
        When ``regions.csv`` or a published table cannot be read (the file is named).
    """
    from . import catalogue as _catalogue

    t0 = time.perf_counter()
    root = Path(root)
    _catalogue.use_project(root)  # its names and ratios: the catalogue the build used
    final = root / "data" / "processed" / PANEL
    result = PanelResult(final)
    with _locked(root):
        region_meta = regions.metadata(root)
        scanned = _scan(root)
        keys = sorted(k for k, f in scanned.items()
                      if {"indicators", "validation", "validation-failed"} & set(f))
        result.region_years = len(keys)
        manifest = read_json(final / "manifest.json") or {}
        old_frags = manifest.get("fragments") or {}
        usable = (not force and manifest.get("format") == FORMAT
                  and manifest.get("version") == __version__
                  and (final / "panel.duckdb").is_file()
                  and all((final / f"{t}.parquet" / n).is_file()
                          for n in old_frags for t in TABLES))
        if not usable:
            old_frags = {}
        before = manifest.get("region_years", {}) if usable else {}
        # the files' size and mtime when last digested: a cache, kept out of the
        # manifest so that it depends on the files' content only (trial 25)
        stat_cache = layout.cache_dir(root) / STAT_CACHE
        stats_before = read_json(stat_cache) if usable else None
        stats_before = stats_before if isinstance(stats_before, dict) else {}
        stats = {}

        # which region-years changed: stat first, sha256 when the stat moved
        entries, changed, files_of, rows = {}, [], {}, {}
        for k in keys:
            r, y = k
            s = f"{r}/{y}"
            files = _inputs(scanned[k])
            has_brief = "brief.html" in scanned[k]
            files_of[k] = files
            stat = [[n, size, mtime] for n, (_, size, mtime) in sorted(files.items())]
            stat.append(["brief.html", has_brief])
            stats[s] = stat
            prev = before.get(s)
            if prev is not None:
                prev = {n: v for n, v in prev.items() if n != "stat"}  # an older manifest's
            if prev and stats_before.get(s) == stat:
                entries[s] = prev
                continue
            digest = _digest(files, has_brief)
            if prev and prev["digest"] == digest:
                entries[s] = prev
                continue
            rows[k] = _region_year_row(r, y, files, has_brief)
            entries[s] = {"digest": digest, "files": sorted(files),
                          "name": rows[k]["region_name_report"]}
            changed.append(k)
        removed = sorted(set(before) - set(entries))
        result.changed = [f"{r}/{y}" for r, y in changed]
        result.removed = removed

        # regions.csv first; a region it does not list keeps the name its report gives
        meta_for: dict[str, dict] = {}
        years_of: dict[str, list[int]] = {}
        for r, y in keys:
            if r not in meta_for:
                m = region_meta.get(r, {})
                meta_for[r] = {c: m.get(c) for c in ("zh_name", "city", "province", "level")}
            if not meta_for[r]["zh_name"]:
                meta_for[r]["zh_name"] = entries[f"{r}/{y}"].get("name")
            years_of.setdefault(r, []).append(y)
        frags = _fragments(sorted(years_of))
        sigs = {n: _signature([[r, meta_for[r], [[y, entries[f"{r}/{y}"]["digest"]]
                                                 for y in years_of[r]]] for r in members])
                for n, members in frags.items()}
        dirty = [n for n in frags if old_frags.get(n, {}).get("sig") != sigs[n]]
        catalogue_sig = _catalogue.digest(root)
        xlsx_sig = _signature([sorted(sigs.items()), catalogue_sig])
        xlsx_ok = (usable and manifest.get("xlsx") == xlsx_sig
                   and (final / "panel.xlsx").is_file())
        xlsx_skipped = usable and manifest.get("xlsx_skipped") == xlsx_sig
        xlsx_wanted = xlsx is True or (xlsx is None and not xlsx_skipped)
        if (usable and not dirty and set(frags) == set(old_frags)
                and manifest.get("catalogue") == catalogue_sig
                and (xlsx_ok or not xlsx_wanted)):
            # nothing to do; refresh the stat cache only if it moved (and the manifest
            # once, written by an older version with the stats in it)
            if stats != stats_before:
                write_text(stat_cache, json.dumps(stats, sort_keys=True))
            if entries != before:
                manifest["region_years"] = entries
                _write_manifest(final / "manifest.json", manifest)
            if xlsx_skipped and xlsx is None:
                result.xlsx = manifest.get("xlsx_note", "")
            return result

        stage = final.with_name(f".{PANEL}.building")
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        try:
            frag_meta = _write_tables(final, stage, frags, dirty, sigs, old_frags, keys,
                                      changed, files_of, rows, meta_for)
            drop = sorted({r for n, f in old_frags.items()
                           if n not in frags or n in set(dirty) for r in f["regions"]}
                          | {r for n in dirty for r in frags[n]})
            _write_duckdb(stage / "panel.duckdb", stage,
                          final / "panel.duckdb" if usable else None, drop, dirty)
            state = {"xlsx": None, "xlsx_skipped": None, "xlsx_note": None}
            if xlsx is not False:
                if xlsx_ok:
                    _keep_file(final / "panel.xlsx", stage / "panel.xlsx")
                    state["xlsx"] = xlsx_sig
                else:
                    cells = _xlsx_cells(stage / "panel.duckdb")
                    if xlsx or cells <= XLSX_AUTO_CELLS:
                        from .catalogue import load

                        frames, _ = _xlsx_frames(stage / "panel.duckdb")
                        zh_ids = {i: spec.zh_name for i, spec in load().indicators.items()}
                        _write_xlsx(stage / "panel.xlsx", frames, zh_ids)
                        state["xlsx"] = xlsx_sig
                    else:
                        state["xlsx_skipped"] = xlsx_sig
                        state["xlsx_note"] = result.xlsx = (
                            f"panel.xlsx not written: {cells / 1e6:.1f} M cells (over "
                            f"{XLSX_AUTO_CELLS / 1e6:.0f} M takes minutes); `rol panel "
                            "--xlsx` writes it")
            _write_manifest(stage / "manifest.json", {
                "format": FORMAT, "version": __version__, "catalogue": catalogue_sig,
                "region_years": entries, "fragments": frag_meta, **state})
            _swap(stage, final)
            write_text(stat_cache, json.dumps(stats, sort_keys=True))
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        result.rows = sum(f["rows"]["indicators"] for f in frag_meta.values())
        result.fragments, result.rewritten = len(frags), len(dirty)
        result.written = True
        result.seconds = time.perf_counter() - t0
    return result


def _write_tables(final, stage, frags, dirty, sigs, old_frags, keys, changed, files_of,
                  rows, meta_for) -> dict:
    """Write the ``dirty`` fragments of every table into ``stage`` and link the others
    from ``final``; the manifest's ``fragments`` entry."""
    import tempfile

    frag_meta = {}
    for n in frags:
        if n not in dirty:
            frag_meta[n] = old_frags[n]
            for t in TABLES:
                _keep_file(final / f"{t}.parquet" / n, stage / f"{t}.parquet" / n)
    for t in TABLES:
        (stage / f"{t}.parquet").mkdir(exist_ok=True)
        if not frags:  # nothing published: one empty fragment keeps the columns readable
            _write_fragment(stage / f"{t}.parquet" / "+.parquet",
                            _arrow_schema(t).empty_table())
    if not dirty:
        return frag_meta
    dirty_regions = {r for n in dirty for r in frags[n]}
    changed_set = set(changed)
    keep = [k for k in keys if k[0] in dirty_regions and k not in changed_set]
    old_of = {r: n for n, f in old_frags.items() for r in f["regions"]}
    old_names = sorted({old_of[r] for r, _ in keep})
    con = _connect()
    try:
        with tempfile.TemporaryDirectory(prefix="rol-panel-") as tmp:
            new = _load_fresh(con, changed, files_of, rows, Path(tmp))
    finally:
        con.close()
    wanted = {n: frags[n] for n in dirty}
    for t in TABLES:
        table = _assemble(t, new.pop(t), [final / f"{t}.parquet" / n for n in old_names],
                          keep, {r: meta_for[r] for r in dirty_regions})
        for n, part in _split(table, wanted):
            _write_fragment(stage / f"{t}.parquet" / n, part)
            frag_meta.setdefault(n, {"regions": frags[n], "sig": sigs[n], "rows": {}})
            frag_meta[n]["rows"][t] = len(part)
    return frag_meta


def _swap(stage: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(stage, final)
    shutil.rmtree(old, ignore_errors=True)
