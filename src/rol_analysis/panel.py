"""The national panel: every published region-year in one queryable dataset.

``build(root)`` (``rol panel``, also run at the end of ``rol build --all``) writes
``data/processed/panel/``:

- ``indicators.parquet``: one row per region-year and catalogue indicator;
- ``mentions.parquet``: every statistic found, with or without an indicator;
- ``ratios.parquet``: reported vs recomputed rates (each brief's ``ratios.csv``);
- ``region_years.parquet``: one row per region-year: metadata, validation, review state;
- ``panel.duckdb``: DuckDB database with the views ``indicators``, ``wide`` (one column
  per indicator), ``ratios``, ``region_years`` and ``mentions`` (see :data:`VIEWS`);
- ``panel.xlsx``: one sheet per view, Chinese header row above the English one;
- ``manifest.json``: per region-year digests of the files read, for incremental runs.

Incremental: a region-year whose published files have the same size and modification
time as recorded is not read again; when they differ, their sha256 decides. Only
changed region-years are read; the others' rows come from the previous panel. Region
metadata (name, province, level) is joined from ``data/raw/regions.csv`` on every run.

Everything is written into a hidden staging folder and renamed into place, so readers
see the old panel or the new one, never a mix. The parquet files and the xlsx are
byte-identical across runs on the same inputs; ``panel.duckdb`` is not (DuckDB's file
format carries free-block layout), but its query results are.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, layout, regions
from .exceptions import InputError
from .fileio import read_json, sha256_file, write_bytes, write_json, write_parquet

PANEL = "panel"
FORMAT = 1  # bump when the panel's columns change: the next run starts from scratch
KEYS = ["region", "year"]
META = ["region_name", "province", "level"]

INDICATOR_COLUMNS = [
    "region", "region_name", "province", "level", "year", "indicator_id", "measure",
    "zh_name", "en_name", "kind", "section", "value", "unit", "qualifier", "scope",
    "validation", "review", "text", "sentence", "char_start", "char_end",
]
MENTION_COLUMNS = [
    "region", "region_name", "province", "level", "year", "indicator_id", "measure",
    "value", "unit", "qualifier", "kind", "scope", "section", "review", "text", "sentence",
    "char_start", "char_end",
]
RATIO_COLUMNS = [
    "region", "region_name", "province", "level", "year", "ratio_id", "zh_name", "en_name",
    "severity", "rate_id", "numerator_id", "denominator_id", "reported", "qualifier",
    "decimals", "numerator", "denominator", "recomputed", "difference", "tolerance",
    "status", "rate_text", "rate_sentence", "numerator_sentence", "denominator_sentence",
]
REGION_YEAR_COLUMNS = [
    "region", "region_name", "city", "province", "level", "year", "title", "issuer", "date",
    "source_file", "source_sha256", "validation", "n_failures", "n_warnings",
    "review_state", "n_reviewed", "n_mentions", "n_indicators", "has_brief",
]
FLOATS = {"value", "reported", "numerator", "denominator", "recomputed", "difference",
          "tolerance"}
INTS = {"year", "char_start", "char_end", "decimals", "n_failures", "n_warnings",
        "n_reviewed", "n_mentions", "n_indicators"}

#: Column -> Chinese header (the xlsx's first header row).
ZH = {
    "region": "地区代码", "region_name": "地区", "city": "所属市", "province": "省份",
    "level": "层级", "year": "年度", "indicator_id": "指标代码", "measure": "统计对象",
    "zh_name": "名称", "en_name": "英文名称", "kind": "类型", "section": "章节",
    "value": "数值", "unit": "单位", "qualifier": "限定", "scope": "范围",
    "validation": "校验状态", "review": "审核", "text": "原文数字", "sentence": "原句",
    "char_start": "原文起始位置", "char_end": "原文结束位置", "ratio_id": "比率代码",
    "severity": "规则级别", "rate_id": "比率指标", "numerator_id": "分子指标",
    "denominator_id": "分母指标", "reported": "报告值", "decimals": "小数位数",
    "numerator": "分子", "denominator": "分母", "recomputed": "复算值", "difference": "差值",
    "tolerance": "容差", "status": "状态", "rate_text": "比率原文", "rate_sentence": "比率原句",
    "numerator_sentence": "分子原句", "denominator_sentence": "分母原句", "title": "报告标题",
    "issuer": "发布机关", "date": "发布日期", "source_file": "原始文件",
    "source_sha256": "原始文件 sha256", "n_failures": "关键规则未通过数",
    "n_warnings": "提示数", "review_state": "审核状态", "n_reviewed": "已审核数字数",
    "n_mentions": "统计数字数", "n_indicators": "指标数", "has_brief": "已发布简报",
}

#: View -> its documentation (also stored in the database with COMMENT ON VIEW).
VIEWS = {
    "indicators": "One row per region-year and catalogue indicator: value, unit, "
                  "qualifier, validation status, review, source sentence and offsets.",
    "wide": "One row per region-year, one column per catalogue indicator (its value; NULL "
            "when the report does not state it).",
    "ratios": "Reported rates against the counts behind them, one row per region-year and "
              "rate (status consistent / mismatch / claim_only / computed_only).",
    "region_years": "One row per region-year: name, province, level, report metadata, "
                    "validation status and review state.",
    "mentions": "Every statistic found in the reports, with or without a catalogue "
                "indicator.",
}
SHEETS = ("indicators", "wide", "ratios", "region_years")
XLSX_MAX_ROWS = 1_048_576 - 2  # Excel's sheet limit, minus the two header rows
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


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

    def summary(self) -> str:
        if not self.written:
            return (f"panel: up to date ({self.region_years} region-years) -> {self.folder}")
        return (f"panel: {self.region_years} region-years, {self.rows} indicator rows "
                f"({len(self.changed)} read, {len(self.removed)} removed) in "
                f"{self.seconds:.1f} s -> {self.folder}")


# --------------------------------------------------------------------------- inputs


def _inputs(root: Path, region: str, year: int) -> dict[str, Path]:
    """The published files of one region-year the panel reads (those that exist)."""
    processed = root / "data" / "processed" / region / str(year)
    report = root / "reports" / region / str(year)
    files = {
        "indicators": processed / "indicators.parquet",
        "mentions": processed / "mentions.parquet",
        "report": processed / "report.json",
        "ratios": report / "ratios.csv",
        # the latest attempt: a failed one is published beside the passing one
        "validation": (report / "validation-failed.json"
                       if (report / "validation-failed.json").is_file()
                       else report / "validation.json"),
        "brief": report / "build.json",
    }
    return {k: p for k, p in files.items() if p.is_file()}


def region_years(root) -> list[tuple[str, int]]:
    """Every region-year with published tables or a published validation report."""
    found = {(r, y) for r, y, _ in layout.published(root, "data/processed",
                                                    "indicators.parquet")}
    for name in ("validation.json", "validation-failed.json"):
        found |= {(r, y) for r, y, _ in layout.published(root, "reports", name)}
    return sorted(found)


def _stat(files: dict[str, Path]) -> list:
    out = []
    for name, p in sorted(files.items()):
        st = p.stat()
        out.append([name, st.st_size, st.st_mtime_ns])
    return out


def _digest(files: dict[str, Path]) -> str:
    h = hashlib.sha256()
    for name, p in sorted(files.items()):
        h.update(f"{name}:{sha256_file(p)}\n".encode())
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


# ------------------------------------------------------------------------- reading


def _read_many(con, files: list[Path]):
    """Read many parquet files at once with DuckDB; a pandas DataFrame.

    Adds ``_row`` (the row's position in its file) so the original order survives
    (DuckDB keeps the files' order and their rows' order: ``preserve_insertion_order``).
    A file DuckDB cannot read is named in the error.
    """
    if not files:
        return None
    sql = ("SELECT *, filename AS _file FROM read_parquet($files, union_by_name = true, "
           "filename = true)")
    try:
        df = con.execute(sql, {"files": [str(p) for p in files]}).df()
    except Exception:  # noqa: BLE001 - find and name the file that breaks the batch
        for p in files:
            try:
                con.execute(sql, {"files": [str(p)]}).fetchone()
            except Exception as exc:  # noqa: BLE001
                raise _unreadable(p, str(exc).splitlines()[0]) from None
        raise
    df["_row"] = df.groupby("_file", sort=False).cumcount()
    return df.drop(columns=["_file", "filename"], errors="ignore")


def _read_csvs(files: list[Path]):
    """Many small CSV files (UTF-8 with BOM) as one DataFrame of strings, with ``_row``.

    Python's csv module: DuckDB's reader sniffs every file, ~20 ms each.
    """
    import csv

    import pandas as pd

    if not files:
        return None
    rows = []
    for p in files:
        try:
            with open(p, encoding="utf-8-sig", newline="") as fh:
                rows += [{**r, "_row": i} for i, r in enumerate(csv.DictReader(fh))]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise _unreadable(p, str(exc)) from None
    return pd.DataFrame(rows)


def _unreadable(p: Path, why: str) -> InputError:
    region, year = p.parent.parent.name, p.parent.name
    return InputError(f"{p}: cannot be read for the panel ({why}). Rebuild it with "
                      f"`rol build --region {region} --year {year} --force`.")


def _normalise(df, columns):
    """``df`` with exactly ``columns`` (missing ones empty) and stable dtypes."""
    import pandas as pd

    if df is None:
        df = pd.DataFrame(columns=columns)
    for c in columns:
        if c not in df.columns:
            df[c] = None
    df = df[columns].copy()
    for c in columns:
        if c in FLOATS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        elif c in INTS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
        elif c == "has_brief":
            df[c] = df[c].astype("bool")
        else:
            df[c] = df[c].astype("string").replace("", pd.NA)
    return df


def _connect(path=None, read_only=False):
    """A DuckDB connection without the terminal progress bar, keeping row order."""
    import duckdb

    con = duckdb.connect(str(path) if path else ":memory:", read_only=read_only)
    con.execute("SET enable_progress_bar = false")
    con.execute("SET preserve_insertion_order = true")
    return con


def _read_changed(root: Path, keys: list[tuple[str, int]], entries: dict):
    """The indicator, mention and ratio rows of ``keys`` (region metadata not joined)."""
    import pandas as pd

    con = _connect()
    try:
        ind = _read_many(con, [root / "data/processed" / r / str(y) / "indicators.parquet"
                               for r, y in keys
                               if "indicators" in entries[f"{r}/{y}"]["files"]])
        men = _read_many(con, [root / "data/processed" / r / str(y) / "mentions.parquet"
                               for r, y in keys
                               if "mentions" in entries[f"{r}/{y}"]["files"]])
    finally:
        con.close()
    rat = _read_csvs([root / "reports" / r / str(y) / "ratios.csv" for r, y in keys
                      if "ratios" in entries[f"{r}/{y}"]["files"]])
    if ind is not None and len(ind):
        # A row's validation: the region-year's status, narrowed to the indicators a
        # broken warning rule names; tables kept from an earlier build after the latest
        # validation failed are "superseded".
        import numpy as np

        metas = {(r, y): entries[f"{r}/{y}"]["meta"] for r, y in keys}
        status = pd.DataFrame([(r, y, m["validation"]) for (r, y), m in metas.items()],
                              columns=["region", "year", "_status"])
        warned = pd.DataFrame([(r, y, i, True) for (r, y), m in metas.items()
                               for i in m["warned"]],
                              columns=["region", "year", "indicator_id", "_warned"])
        ind["year"] = ind["year"].astype("int64")
        ind["region"] = ind["region"].astype(object)
        ind["indicator_id"] = ind["indicator_id"].astype(object)
        merged = ind[["region", "year", "indicator_id"]].merge(
            status, on=KEYS, how="left").merge(
            warned, on=["region", "year", "indicator_id"], how="left")
        st = merged["_status"].to_numpy(dtype=object)
        ind["validation"] = np.select(
            [st == "failed", merged["_warned"].fillna(False).to_numpy(dtype=bool),
             (st == "passed") | (st == "warnings")],
            ["superseded", "warning", "passed"], default=st)
    return ind, men, rat


def _region_year_row(root: Path, region: str, year: int, files: dict) -> dict:
    report = read_json(files["report"]) if "report" in files else {}
    validation = read_json(files["validation"]) if "validation" in files else None
    status, warned, n_fail, n_warn = _validation_state(validation)
    return {
        "region": region, "year": year,
        "title": (report or {}).get("title"), "issuer": (report or {}).get("issuer"),
        "date": (report or {}).get("date"), "source_file": (report or {}).get("source_file"),
        "source_sha256": (report or {}).get("source_sha256"),
        "region_name_report": (report or {}).get("region_name"),
        "validation": status, "warned": sorted(warned), "n_failures": n_fail,
        "n_warnings": n_warn,
        "has_brief": (root / "reports" / region / str(year) / "brief.html").is_file(),
    }


def _sort(df):
    df = df.copy()
    df["year"] = df["year"].astype("int64")
    df["_row"] = df["_row"].astype("int64")
    return df.sort_values(KEYS + ["_row"], kind="mergesort").reset_index(drop=True)


# ------------------------------------------------------------------------- writing


def _join_meta(df, region_meta: dict, columns):
    """Add region_name, province and level from regions.csv (None when unknown)."""
    df = df.copy()
    for col, key in (("region_name", "zh_name"), ("province", "province"),
                     ("level", "level")):
        df[col] = df["region"].map({r: m.get(key) for r, m in region_meta.items()})
    return _normalise(df, columns)


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


def _indicator_ids(indicators) -> list[str]:
    """Every catalogue indicator in catalogue order (a stable set of columns), then any
    id an older build used that the catalogue no longer has, alphabetically."""
    from .catalogue import load

    ordered = list(load().indicators)
    present = set(indicators["indicator_id"].dropna())
    return ordered + sorted(present - set(ordered))


def _write_duckdb(path: Path, stage: Path, ids: list[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    con = _connect(tmp)
    try:
        con.execute("CREATE SCHEMA data")
        for name in ("indicators", "mentions", "ratios", "region_years"):
            src = str(stage / f"{name}.parquet").replace("'", "''")
            con.execute(f"CREATE TABLE data.{name} AS SELECT * FROM read_parquet('{src}')")
        for name in ("indicators", "mentions", "ratios", "region_years"):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM data.{name}")
        con.execute(f"CREATE VIEW wide AS {_wide_sql(ids)}")
        for name, doc in VIEWS.items():
            con.execute(f"COMMENT ON VIEW {name} IS '{doc}'")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, path)


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


# --------------------------------------------------------------------------- build


def build(root=".", xlsx: bool = True, force: bool = False) -> PanelResult:
    """Write or update ``data/processed/panel/`` from the published region-years.

    Parameters
    ----------
    root : path-like
        Project folder holding ``data/`` and ``reports/``.
    xlsx : bool
        Also write ``panel.xlsx`` (the slowest output: ~10 µs per cell).
    force : bool
        Read every region-year again, ignoring the manifest.

    Returns
    -------
    PanelResult

    Raises
    ------
    InputError
        When ``regions.csv`` or a published table cannot be read (the file is named).
    """
    t0 = time.perf_counter()
    root = Path(root)
    final = root / "data" / "processed" / PANEL
    result = PanelResult(final)
    with _locked(root):
        region_meta = regions.metadata(root)
        keys = region_years(root)
        result.region_years = len(keys)
        manifest = read_json(final / "manifest.json") or {}
        outputs = ["indicators.parquet", "mentions.parquet", "ratios.parquet",
                   "region_years.parquet", "panel.duckdb"] + (["panel.xlsx"] if xlsx else [])
        usable = (not force and manifest.get("format") == FORMAT
                  and manifest.get("version") == __version__
                  and all((final / n).is_file() for n in outputs))
        before = manifest.get("region_years", {}) if usable else {}
        entries, changed = {}, []
        for r, y in keys:
            k = f"{r}/{y}"
            files = _inputs(root, r, y)
            stat = _stat(files)
            prev = before.get(k)
            if prev and prev["stat"] == stat:
                entries[k] = prev
                continue
            digest = _digest(files)
            if prev and prev["digest"] == digest:
                entries[k] = {**prev, "stat": stat}
                continue
            entries[k] = {"stat": stat, "digest": digest, "files": sorted(files),
                          "meta": _region_year_row(root, r, y, files)}
            changed.append((r, y))
        removed = sorted(set(before) - set(entries))
        result.changed, result.removed = [f"{r}/{y}" for r, y in changed], removed
        regions_digest = hashlib.sha256(repr(sorted(region_meta.items())).encode()).hexdigest()
        if (usable and not changed and not removed
                and manifest.get("regions") == regions_digest):
            # nothing to do; refresh the stat cache only if it moved
            if entries != before:
                manifest["region_years"] = entries
                write_json(final / "manifest.json", manifest)
            return result

        import pandas as pd  # not before: an up-to-date panel costs a few stat() calls

        # regions.csv first; a region it does not list keeps the name its report gives
        meta_for = {r: dict(region_meta.get(r, {})) for r, _ in keys}
        for r, y in keys:
            if not meta_for[r].get("zh_name"):
                meta_for[r]["zh_name"] = entries[f"{r}/{y}"]["meta"].get("region_name_report")
        ind, men, rat = _read_changed(root, changed, entries)
        drop = {tuple(k.split("/")) for k in result.changed + removed}
        tables = {}
        for name, new, cols in (("indicators", ind, INDICATOR_COLUMNS),
                                ("mentions", men, MENTION_COLUMNS),
                                ("ratios", rat, RATIO_COLUMNS)):
            parts = []
            if usable:
                old = pd.read_parquet(final / f"{name}.parquet")
                keep = [(r, str(y)) not in drop for r, y in zip(old["region"], old["year"])]
                old = old[keep]
                old["_row"] = old.groupby(KEYS, sort=False).cumcount()
                parts.append(old)
            if new is not None and len(new):
                parts.append(new)
            base = pd.concat(parts, ignore_index=True) if parts else None
            if base is None or not len(base):
                tables[name] = _normalise(None, cols)
            else:
                tables[name] = _join_meta(_sort(base), meta_for, cols)

        ry = []
        for r, y in keys:
            e = entries[f"{r}/{y}"]["meta"]
            meta = meta_for[r]
            ry.append({**{c: e.get(c) for c in REGION_YEAR_COLUMNS if c in e},
                       "region_name": meta.get("zh_name"),
                       "city": meta.get("city"), "province": meta.get("province"),
                       "level": meta.get("level")})
        ry = _normalise(pd.DataFrame(ry, columns=REGION_YEAR_COLUMNS), REGION_YEAR_COLUMNS)
        ry = _review_counts(ry, tables["mentions"], tables["indicators"])
        tables["region_years"] = ry

        stage = final.with_name(f".{PANEL}.building")
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        try:
            for name, df in tables.items():
                write_parquet(stage / f"{name}.parquet", df)
            ids = _indicator_ids(tables["indicators"])
            _write_duckdb(stage / "panel.duckdb", stage, ids)
            if xlsx:
                con = _connect(stage / "panel.duckdb", read_only=True)
                try:
                    frames = {v: con.execute(f"SELECT * FROM {v}").df() for v in SHEETS}
                finally:
                    con.close()
                frames["indicators"] = tables["indicators"]  # same rows, no round trip
                from .catalogue import load

                zh_ids = {i: spec.zh_name for i, spec in load().indicators.items()}
                _write_xlsx(stage / "panel.xlsx", frames, zh_ids)
            write_json(stage / "manifest.json", {
                "format": FORMAT, "version": __version__, "regions": regions_digest,
                "region_years": entries,
            })
            _swap(stage, final)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        result.rows = len(tables["indicators"])
        result.written = True
        result.seconds = time.perf_counter() - t0
    return result


def _review_counts(ry, mentions, indicators):
    """Counts and review state per region-year (from the mentions' ``review`` column)."""
    import pandas as pd

    n_ind = indicators.groupby(KEYS, sort=False).size()
    ry["n_indicators"] = pd.array([int(n_ind.get((r, y), 0))
                                   for r, y in zip(ry["region"], ry["year"])], dtype="Int64")
    reviewed = mentions.assign(_r=mentions["review"].notna()).groupby(
        KEYS, sort=False).agg(n=("_r", "size"), done=("_r", "sum"))
    n = [reviewed["n"].get((r, y), 0) for r, y in zip(ry["region"], ry["year"])]
    done = [reviewed["done"].get((r, y), 0) for r, y in zip(ry["region"], ry["year"])]
    ry["n_mentions"] = pd.array(n, dtype="Int64")
    ry["n_reviewed"] = pd.array(done, dtype="Int64")
    ry["review_state"] = pd.array(
        ["fully" if t and d == t else "partly" if d else "not_reviewed"
         for t, d in zip(n, done)], dtype="string")
    return ry


def _swap(stage: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(stage, final)
    shutil.rmtree(old, ignore_errors=True)
