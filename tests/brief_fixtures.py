"""Fixture builders shared by the ratio/chart/brief/render/browser tests.

They turn the hand-checked gold table of the seed report into the files step 01 and 02
hand to steps 03 and 04 (the data contract), so analysis and rendering are tested
without depending on extraction.
"""

from __future__ import annotations

import csv as _csv
import io
import re
from pathlib import Path

import pandas as pd

from rol_analysis import fileio, layout
from rol_analysis.tables import INDICATOR_COLUMNS, MENTION_COLUMNS  # the contract's columns

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "weibin_2023.gold.tsv"
RAW = REPO / "data" / "raw" / "weibin" / "2023.txt"
NOTEBOOKS = REPO / "notebooks"

def gold_indicators(region: str = "weibin", year: int = 2023) -> pd.DataFrame:
    """The gold table as an ``indicators`` frame (sentence = the gold anchor; section =
    the indicator's catalogue section, as extraction writes it: the gold's section is
    the heading's, which an item inside a paragraph may name otherwise)."""
    from rol_analysis.catalogue import load

    cat = load()
    gold = pd.read_csv(GOLD, sep="\t", dtype={"value": float})
    raw = RAW.read_text(encoding="utf-8")
    rows = []
    for rec in gold.to_dict("records"):
        anchor = rec["anchor"]
        # the anchor's number of this value (308批589人次 has two)
        found = list(re.finditer(r"\d[\d.,]*\s*(万)?\s*%?", anchor))
        m = next((f for f in found if float(re.sub(r"[^\d.]", "", f.group(0)))
                  * (1e4 if f.group(1) else 1) == rec["value"]), found[0] if found else None)
        text = m.group(0).strip() if m else str(rec["value"])
        pos = raw.find(anchor)
        start = (pos + anchor.find(text)) if pos >= 0 and m else 0
        rows.append({
            "region": region, "year": year, "indicator_id": rec["id"],
            "zh_name": rec["zh_name"], "en_name": rec["en_name"], "kind": rec["kind"],
            "section": cat.indicator(rec["id"]).section, "value": float(rec["value"]),
            "unit": rec["unit"],
            "qualifier": rec["qualifier"], "scope": "annual", "text": text,
            "char_start": start, "char_end": start + len(text), "sentence": anchor,
            "measure": rec["zh_name"],
        })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def mentions_from(indicators: pd.DataFrame) -> pd.DataFrame:
    df = indicators.reindex(columns=MENTION_COLUMNS)
    return df.sort_values(["char_start", "indicator_id"], kind="stable").reset_index(drop=True)


def with_rows(indicators: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    """``indicators`` with some rows replaced or added (by indicator_id)."""
    from rol_analysis.catalogue import load

    cat = load()
    df = indicators.copy()
    for row in rows:
        ind = cat.indicator(row["indicator_id"])
        full = {c: "" for c in INDICATOR_COLUMNS}
        full.update({
            "region": df["region"].iloc[0], "year": int(df["year"].iloc[0]),
            "zh_name": ind.zh_name, "en_name": ind.en_name, "kind": ind.kind,
            "section": ind.section, "unit": ind.units[0], "qualifier": "exact",
            "scope": "annual", "char_start": 0, "char_end": 0, "measure": ind.zh_name,
            "text": f"{row['value']:g}{'%' if ind.kind == 'rate' else ind.units[0]}",
        })
        full.update(row)
        full.setdefault("sentence", full["text"])
        if not full["sentence"]:
            full["sentence"] = full["text"]
        df = df[df["indicator_id"] != row["indicator_id"]]
        df = pd.concat([df, pd.DataFrame([full], columns=INDICATOR_COLUMNS)], ignore_index=True)
    order = {k: n for n, k in enumerate(cat.indicators)}
    df = df.assign(_o=df["indicator_id"].map(order)).sort_values("_o", kind="stable")
    return df.drop(columns="_o").reset_index(drop=True)


def report_meta(region="weibin", year=2023, **extra) -> dict:
    meta = {
        "region": region, "year": year, "region_name": "卫滨区",
        "title": "2023 年度卫滨区法治政府建设工作情况 专项报告",
        "issuer": "卫滨区司法局", "date": "2023-12-29", "source_file": "2023.txt",
        "source_sha256": fileio.sha256_file(RAW), "format": "txt", "encoding": "utf-8",
        "n_chars": 9000, "n_mentions": 56, "n_indicators": 56,
    }
    meta.update(extra)
    return meta


def validation_doc(warnings=None, failures=None) -> dict:
    warnings = warnings if warnings is not None else [{
        "rule": "core_indicators_present", "suite": "completeness", "severity": "warn",
        "zh": "缺少核心指标：行政复议审结数",
        "en": "Core indicator missing: reconsideration cases closed",
        "indicators": ["admin_reconsideration_closed"], "values": [None], "sentences": [],
    }]
    failures = failures or []
    return {"success": not failures, "evaluated": 40, "passed": 40 - len(warnings) - len(failures),
            "failures": failures, "warnings": warnings}


def register(root, region: str, name: str | None) -> None:
    """Give ``region`` a row in ``root``'s regions.csv (``region,name,,,``: city,
    province and level unknown) unless it has one: a region-year is published only
    with a row (``regions.require_row``), so a published one has it."""
    csv = Path(root) / "data" / "raw" / "regions.csv"
    csv.parent.mkdir(parents=True, exist_ok=True)
    text = csv.read_text(encoding="utf-8") if csv.is_file() else (
        "region,zh_name,city,province,level\n")
    if any(line.split(",")[0] == region for line in text.splitlines()):
        return
    if not text.endswith("\n"):
        text += "\n"
    row = io.StringIO()
    _csv.writer(row, lineterminator="\n").writerow([region, name or "", "", "", ""])
    csv.write_text(text + row.getvalue(), encoding="utf-8")


def stage(root, region="weibin", year=2023, indicators=None, meta=None, validation=None,
          mentions=None, listed=True):
    """Fill ``region``/``year`` under ``root`` as the data phase (steps 01-02) leaves it:
    tables published in ``processed_final``, validation.json in the report's staging folder.
    ``mentions`` defaults to the indicators' own rows. ``listed``: the region has a row
    in regions.csv (:func:`register`, named as its report.json's ``region_name``).

    Returns the :class:`layout.BuildPaths`.
    """
    meta = meta if meta is not None else report_meta(region, year)
    if listed:
        register(root, region, meta.get("region_name"))
    paths = layout.build_paths(root, region, year)
    ind = gold_indicators(region, year) if indicators is None else indicators
    fileio.write_parquet(paths.processed_final / "indicators.parquet", ind)
    fileio.write_csv(paths.processed_final / "indicators.csv", ind)
    men = mentions_from(ind) if mentions is None else mentions
    fileio.write_parquet(paths.processed_final / "mentions.parquet", men)
    fileio.write_csv(paths.processed_final / "mentions.csv", men)
    fileio.write_json(paths.processed_final / "report.json", meta)
    fileio.write_json(paths.report / "validation.json",
                      validation if validation is not None else validation_doc())
    return paths


def publish(root, region, year, indicators, region_name=None, listed=True):
    """Write a published (final) processed folder, as a finished earlier build leaves it
    (with a regions.csv row named ``region_name`` unless not ``listed``)."""
    if listed:
        register(root, region, region_name or region)
    paths = layout.build_paths(root, region, year)
    ind = indicators.assign(region=region, year=year)
    fileio.write_parquet(paths.processed_final / "indicators.parquet", ind)
    fileio.write_json(paths.processed_final / "report.json",
                      report_meta(region, year, region_name=region_name or region))
    return paths


_EXECUTED: dict = {}


def executed_brief(tmp_path_factory, indicators=None, key="seed"):
    """Execute notebooks/03 and 04 on a staged fixture root; cached per test session.

    Returns
    -------
    (BuildPaths, Path)
        The paths and the executed 04 notebook.
    """
    if key in _EXECUTED:
        return _EXECUTED[key]
    import papermill as pm
    from conftest import keep_kernel_warm

    from rol_analysis import engine

    keep_kernel_warm()  # the session's one warm kernel, as `rol build` runs notebooks
    root = tmp_path_factory.mktemp(f"brief-{key}")
    paths = stage(root, indicators=indicators)
    out = paths.report / "notebooks"
    out.mkdir(parents=True, exist_ok=True)
    # as rol build runs them: the fixture plays the runner's staging
    params = {"region": "weibin", "year": 2023, "root": str(root), "standalone": False}
    for name in ("03_analyze", "04_brief"):
        pm.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(out / f"{name}.ipynb"),
                            parameters=params, engine_name=engine.ENGINE_NAME,
                            kernel_name=engine.KERNEL_NAME, progress_bar=False,
                            kernel_cwd=str(root))
    _EXECUTED[key] = (paths, out / "04_brief.ipynb")
    return _EXECUTED[key]


def mixed_kinds(root, year=2023):
    """weibin (a district: regions.csv ``county``) staged beside peers of every sort the
    regions table and chart must tell apart, each stating a few of the seed's figures:

    - hongqi 红旗区, ``county`` in regions.csv, and muye 牧野区, with no level and a
      government's title: the report's own kind, not marked;
    - xiaodian 小店镇, with no level: a township by its title only;
    - wb-sfj 卫滨区司法局, ``部门`` in regions.csv: a department;
    - xinxiang 新乡市, ``市级`` in regions.csv: another tier of government.

    Returns the weibin build's :class:`layout.BuildPaths`.
    """
    raw = Path(root) / "data" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "regions.csv").write_text(
        "region,zh_name,city,province,level\nweibin,卫滨区,新乡市,河南省,county\n"
        "hongqi,红旗区,新乡市,河南省,县级\nwb-sfj,卫滨区司法局,新乡市,河南省,部门\n"
        "xinxiang,新乡市,新乡市,河南省,市级\n", encoding="utf-8")
    seed = gold_indicators()
    for n, (slug, name) in enumerate([("hongqi", "红旗区"), ("muye", "牧野区"),
                                      ("xiaodian", "小店镇"), ("wb-sfj", "卫滨区司法局"),
                                      ("xinxiang", "新乡市")]):
        paths = publish(root, slug, year, seed.head(4 + 3 * n), name)
        meta = fileio.read_json(paths.processed_final / "report.json")
        meta["title"] = f"{name}{year}年法治政府建设工作情况的报告"
        meta["issuer"] = f"{name}人民政府" if slug != "wb-sfj" else name
        fileio.write_json(paths.processed_final / "report.json", meta)
    return stage(root, "weibin", year)
