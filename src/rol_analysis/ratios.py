"""Ratio analysis: reported rates against the counts behind them, and related figures.

Everything here is driven by the catalogue's relations (``catalogue/indicators.toml``):

- ``ratio`` relations give each rate's definition. For every rate the report states, or
  whose two counts it states, :func:`compare_ratios` shows the reported value, the value
  recomputed from the counts, the difference and a status:

  ``consistent``     the counts give the stated rate (within rounding, see below);
  ``mismatch``       they do not: a finding for the reviewer;
  ``claim_only``     a rate is stated without the counts that would prove it (reports
                     often claim 100% with nothing behind it);
  ``computed_only``  both counts are stated but the rate is not; we compute it.

  A catalogue rate indicator that no relation defines is shown as ``claim_only`` too:
  nothing in the report can support it.

  Rounding: a rate written with *d* decimals stands for anything that rounds to it, so
  the allowed gap is half a unit of its last decimal, capped by the relation's
  tolerance (0.5 points in the packaged catalogue). "96%" for 2369/2474 = 95.75% is
  consistent; "95.87%" is a mismatch. "99%以上" (at least) only needs the recomputed
  value not to fall below 99%; "约" (approx) gets the full tolerance.
- ``intensity`` relations give per-unit figures (disputes per mediator, ...).
- ``le`` and ``sum`` relations give part/whole checks.
- Other published years and regions under ``<root>/data/processed`` give the
  year-over-year table and the cross-region panel.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import fileio, layout
from .catalogue import Catalogue, load
from .exceptions import InputError

CONSISTENT = "consistent"
MISMATCH = "mismatch"
CLAIM_ONLY = "claim_only"
COMPUTED_ONLY = "computed_only"
#: Status -> Chinese label used in the brief and charts.
STATUS_ZH = {
    CONSISTENT: "一致",
    MISMATCH: "不一致",
    CLAIM_ONLY: "仅有声明",
    COMPUTED_ONLY: "仅可推算",
}
STATUS_EN = {
    CONSISTENT: "consistent",
    MISMATCH: "mismatch",
    CLAIM_ONLY: "claim only",
    COMPUTED_ONLY: "computed only",
}
CHECK_OK, CHECK_VIOLATED, CHECK_UNCERTAIN = "ok", "violated", "uncertain"

RATIO_COLUMNS = [
    "region", "year", "ratio_id", "zh_name", "en_name", "severity", "rate_id",
    "numerator_id", "denominator_id", "reported", "qualifier", "decimals", "numerator",
    "denominator", "recomputed", "difference", "tolerance", "status", "rate_text",
    "rate_sentence", "numerator_sentence", "denominator_sentence",
]
INTENSITY_COLUMNS = [
    "ratio_id", "zh_name", "en_name", "numerator_id", "denominator_id", "numerator",
    "denominator", "value", "numerator_sentence", "denominator_sentence",
]
CHECK_COLUMNS = [
    "check_id", "type", "zh_name", "en_name", "severity", "indicators", "left", "right",
    "status",
]
YOY_COLUMNS = [
    "indicator_id", "zh_name", "en_name", "kind", "unit", "previous_year", "previous",
    "value", "change", "change_pct",
]
_EPS = 1e-9
_DIGITS = re.compile(r"\d+(?:\.(\d+))?")


@dataclass
class Analysis:
    """Everything notebook 03 shows and the brief reads, for one region-year.

    Attributes
    ----------
    region, year : str, int
    meta : dict
        ``report.json`` of the build (title, issuer, source_sha256, ...).
    validation : dict or None
        ``validation.json`` when step 02 wrote one.
    indicators, mentions : pandas.DataFrame
        The processed tables of this build.
    ratios : pandas.DataFrame
        One row per rate (columns ``RATIO_COLUMNS``), see :func:`compare_ratios`.
    intensities : pandas.DataFrame
        Per-unit figures (``INTENSITY_COLUMNS``).
    checks : pandas.DataFrame
        Part/whole and ordering checks (``CHECK_COLUMNS``).
    history : pandas.DataFrame
        Long table ``region, year, indicator_id, value`` of every published region-year
        plus this build (this build replaces its own published copy).
    yoy : pandas.DataFrame
        This year against the latest earlier year of the same region (``YOY_COLUMNS``);
        empty when there is no earlier year.
    panel : pandas.DataFrame
        Wide table of every region with data for this year (one row per region); only
        this region's row when no other region is published.
    """

    region: str
    year: int
    meta: dict
    validation: dict | None
    indicators: object
    mentions: object
    ratios: object
    intensities: object
    checks: object
    history: object
    yoy: object
    panel: object
    region_names: dict = field(default_factory=dict)

    def counts(self) -> dict:
        """Number of rates per status, every status present (0 when none)."""
        found = self.ratios["status"].value_counts().to_dict() if len(self.ratios) else {}
        return {s: int(found.get(s, 0)) for s in STATUS_ZH}

    def _repr_html_(self) -> str:  # shown when notebook 03 ends a cell with the analysis
        from html import escape

        c = self.counts()
        parts = ", ".join(f"{escape(STATUS_ZH[s])} {n}" for s, n in c.items())
        return (
            f"<p>{escape(self.meta.get('region_name') or self.region)} {self.year}: "
            f"{len(self.indicators)} 项指标, {len(self.ratios)} 项比率 ({parts}), "
            f"{len(self.intensities)} 项人均/单位强度, {len(self.checks)} 项部分/整体校验, "
            f"{len(self.yoy)} 项同比.</p>"
        )


# ----------------------------------------------------------------------- helpers


def _stated_decimals(text) -> int:
    """Decimals written in a rate's text ("95.87%" -> 2, "百分之百" -> 0)."""
    if not isinstance(text, str):
        return 0
    m = _DIGITS.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


def _num(x) -> float:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return math.nan
    return x


def _lookup(indicators) -> dict:
    """indicator_id -> row dict (first row wins; ids are unique per the contract)."""
    rows = {}
    for rec in indicators.to_dict("records"):
        rows.setdefault(rec["indicator_id"], rec)
    return rows


def rate_status(reported: float, recomputed: float, *, decimals: int = 0,
                qualifier: str = "exact", tolerance: float = 0.5) -> str:
    """Status of one rate given what is known of it.

    Parameters
    ----------
    reported : float
        The stated rate in percent, NaN when not stated.
    recomputed : float
        numerator / denominator * 100, NaN when a count is missing.
    decimals : int
        Decimals the report wrote the rate with.
    qualifier : str
        ``exact``, ``at_least``, ``at_most`` or ``approx``.
    tolerance : float
        The relation's tolerance in percentage points (caps the rounding allowance;
        the full allowance for ``approx``).

    Returns
    -------
    str
        One of ``consistent``, ``mismatch``, ``claim_only``, ``computed_only`` (or ""
        when neither value is known).
    """
    has_rep, has_rec = not math.isnan(reported), not math.isnan(recomputed)
    if has_rep and not has_rec:
        return CLAIM_ONLY
    if has_rec and not has_rep:
        return COMPUTED_ONLY
    if not has_rep:
        return ""
    allowed = min(tolerance, 0.5 * 10 ** (-decimals)) + _EPS
    if qualifier == "at_least":
        ok = recomputed >= reported - allowed
    elif qualifier == "at_most":
        ok = recomputed <= reported + allowed
    elif qualifier == "approx":
        ok = abs(recomputed - reported) <= tolerance + _EPS
    else:
        ok = abs(recomputed - reported) <= allowed
    return CONSISTENT if ok else MISMATCH


# ----------------------------------------------------------------------- tables


def compare_ratios(indicators, catalogue: Catalogue | None = None):
    """Reported against recomputed rates for one region-year.

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table of one region-year (contract columns).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.

    Returns
    -------
    pandas.DataFrame
        Columns ``RATIO_COLUMNS``, one row per catalogue rate the report touches, in
        catalogue order (relations first, then rate indicators no relation defines).
    """
    import pandas as pd

    cat = catalogue or load()
    found = _lookup(indicators)
    region, year = _region_year(indicators)
    rows = []
    defined = set()
    for rel in cat.relations:
        if rel.type != "ratio":
            continue
        defined.add(rel.rate)
        rate, num, den = found.get(rel.rate), found.get(rel.numerator), found.get(rel.denominator)
        reported = _num(rate["value"]) if rate else math.nan
        n = _num(num["value"]) if num else math.nan
        d = _num(den["value"]) if den else math.nan
        recomputed = n / d * 100 if (not math.isnan(n) and d and not math.isnan(d)) else math.nan
        if math.isnan(reported) and math.isnan(recomputed):
            continue
        qualifier = (rate or {}).get("qualifier") or "exact"
        decimals = _stated_decimals((rate or {}).get("text"))
        rows.append({
            "ratio_id": rel.id, "zh_name": rel.zh_name, "en_name": rel.en_name,
            "severity": rel.severity, "rate_id": rel.rate, "numerator_id": rel.numerator,
            "denominator_id": rel.denominator, "reported": reported,
            "qualifier": qualifier if rate else "", "decimals": decimals if rate else 0,
            "numerator": n, "denominator": d,
            "recomputed": round(recomputed, 4) if not math.isnan(recomputed) else math.nan,
            "difference": (round(reported - recomputed, 4)
                           if not (math.isnan(reported) or math.isnan(recomputed)) else math.nan),
            "tolerance": rel.tolerance,
            "status": rate_status(reported, recomputed, decimals=decimals,
                                  qualifier=qualifier, tolerance=rel.tolerance),
            "rate_text": (rate or {}).get("text") or "",
            "rate_sentence": (rate or {}).get("sentence") or "",
            "numerator_sentence": (num or {}).get("sentence") or "",
            "denominator_sentence": (den or {}).get("sentence") or "",
        })
    # Rates the catalogue knows but no relation defines: a claim by construction.
    for ind in cat.indicators.values():
        if ind.kind != "rate" or ind.id in defined or ind.id not in found:
            continue
        rate = found[ind.id]
        rows.append({
            "ratio_id": ind.id, "zh_name": ind.zh_name, "en_name": ind.en_name,
            "severity": "warn", "rate_id": ind.id, "numerator_id": "", "denominator_id": "",
            "reported": _num(rate["value"]), "qualifier": rate.get("qualifier") or "exact",
            "decimals": _stated_decimals(rate.get("text")), "numerator": math.nan,
            "denominator": math.nan, "recomputed": math.nan, "difference": math.nan,
            "tolerance": math.nan, "status": CLAIM_ONLY, "rate_text": rate.get("text") or "",
            "rate_sentence": rate.get("sentence") or "", "numerator_sentence": "",
            "denominator_sentence": "",
        })
    out = pd.DataFrame(rows, columns=RATIO_COLUMNS[2:])
    out.insert(0, "year", year)
    out.insert(0, "region", region)
    return out.astype({"decimals": "int64"})


def intensities(indicators, catalogue: Catalogue | None = None):
    """Per-unit figures of the catalogue's ``intensity`` relations where both numbers exist.

    Returns
    -------
    pandas.DataFrame
        Columns ``INTENSITY_COLUMNS``, catalogue order.
    """
    import pandas as pd

    cat = catalogue or load()
    found = _lookup(indicators)
    rows = []
    for rel in cat.relations:
        if rel.type != "intensity":
            continue
        num, den = found.get(rel.numerator), found.get(rel.denominator)
        if not num or not den:
            continue
        n, d = _num(num["value"]), _num(den["value"])
        if math.isnan(n) or math.isnan(d) or d == 0:
            continue
        rows.append({
            "ratio_id": rel.id, "zh_name": rel.zh_name, "en_name": rel.en_name,
            "numerator_id": rel.numerator, "denominator_id": rel.denominator,
            "numerator": n, "denominator": d, "value": round(n / d, 4),
            "numerator_sentence": num.get("sentence") or "",
            "denominator_sentence": den.get("sentence") or "",
        })
    return pd.DataFrame(rows, columns=INTENSITY_COLUMNS)


def part_whole(indicators, catalogue: Catalogue | None = None):
    """Ordering (``le``) and part/whole (``sum``) checks whose numbers are all stated.

    A check that fails while one of its numbers is qualified ("余", "约", ...) is
    ``uncertain`` rather than ``violated``: the report did not give the exact count.

    Returns
    -------
    pandas.DataFrame
        Columns ``CHECK_COLUMNS``; ``left`` is the smaller side (or the parts' sum) and
        ``right`` the larger side (or the whole).
    """
    import pandas as pd

    cat = catalogue or load()
    found = _lookup(indicators)
    rows = []
    for rel in cat.relations:
        if rel.type == "le":
            ids, lefts, rights = [rel.left, rel.right], [rel.left], [rel.right]
        elif rel.type == "sum":
            ids, lefts, rights = [*rel.parts, rel.whole], list(rel.parts), [rel.whole]
        else:
            continue
        if not all(i in found for i in ids):
            continue
        left = sum(_num(found[i]["value"]) for i in lefts)
        right = sum(_num(found[i]["value"]) for i in rights)
        holds = left <= right + _EPS if rel.type == "le" else abs(left - right) <= _EPS
        inexact = any((found[i].get("qualifier") or "exact") != "exact" for i in ids)
        status = CHECK_OK if holds else (CHECK_UNCERTAIN if inexact else CHECK_VIOLATED)
        rows.append({
            "check_id": rel.id, "type": rel.type, "zh_name": rel.zh_name,
            "en_name": rel.en_name, "severity": rel.severity, "indicators": "|".join(ids),
            "left": left, "right": right, "status": status,
        })
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def published_history(root, region: str, year: int, current=None):
    """Indicators of the published peers of a region-year under ``<root>/data/processed``.

    Peers are the region's other years (year-over-year) and the year's other regions
    (the cross-region panel): exactly the region-years whose tables a build records in
    its fingerprint, so a brief changes when, and only when, one of them does.

    Parameters
    ----------
    root : path-like
        Project root.
    region, year : str, int
        The region-year being built; its published copy (if any) is replaced by
        ``current``.
    current : pandas.DataFrame, optional
        This build's indicators table.

    Returns
    -------
    pandas.DataFrame
        Columns ``region, year, indicator_id, value, unit, qualifier``, sorted by
        region, year and catalogue order.
    """
    import pandas as pd

    cols = ["region", "year", "indicator_id", "value", "unit", "qualifier"]
    frames = []
    for reg, yr, path in layout.published(root, "data/processed", "indicators.parquet"):
        if (reg == region) == (yr == int(year)):
            continue  # this region-year itself (replaced by ``current``) or not a peer
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises many types for a bad file
            raise InputError(
                f"{path}: cannot be read as a parquet table ({exc}). Rebuild that "
                f"region-year with `rol build --region {reg} --year {yr} --force` or "
                "delete the folder."
            ) from None
        df = df.reindex(columns=cols)
        df["region"], df["year"] = reg, int(yr)
        frames.append(df)
    if current is not None and len(current):
        cur = current.reindex(columns=cols).copy()
        cur["region"], cur["year"] = region, int(year)
        frames.append(cur)
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    out = out[out["indicator_id"].notna() & (out["indicator_id"] != "")]
    order = {k: n for n, k in enumerate(load().indicators)}
    out = out.assign(_o=out["indicator_id"].map(order).fillna(len(order)))
    out = out.sort_values(["region", "year", "_o", "indicator_id"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True).astype({"year": "int64"})


def year_over_year(history, region: str, year: int, catalogue: Catalogue | None = None):
    """This year's indicators against the latest earlier published year of the region.

    Returns
    -------
    pandas.DataFrame
        Columns ``YOY_COLUMNS`` for indicators stated in both years (catalogue order);
        ``change_pct`` is NaN when the earlier value is 0. Empty without an earlier year.
    """
    import pandas as pd

    cat = catalogue or load()
    mine = history[history["region"] == region]
    earlier = sorted(y for y in mine["year"].unique() if y < int(year))
    if not earlier:
        return pd.DataFrame(columns=YOY_COLUMNS)
    prev_year = int(earlier[-1])
    now = mine[mine["year"] == int(year)].drop_duplicates("indicator_id").set_index("indicator_id")
    prev = mine[mine["year"] == prev_year].drop_duplicates("indicator_id").set_index("indicator_id")
    rows = []
    for iid, ind in cat.indicators.items():
        if iid not in now.index or iid not in prev.index or ind.kind == "change":
            continue
        v, p = _num(now.at[iid, "value"]), _num(prev.at[iid, "value"])
        rows.append({
            "indicator_id": iid, "zh_name": ind.zh_name, "en_name": ind.en_name,
            "kind": ind.kind, "unit": now.at[iid, "unit"], "previous_year": prev_year,
            "previous": p, "value": v, "change": round(v - p, 4),
            "change_pct": round((v - p) / p * 100, 2) if p else math.nan,
        })
    return pd.DataFrame(rows, columns=YOY_COLUMNS)


def region_panel(history, year: int, catalogue: Catalogue | None = None):
    """Cross-region panel for ``year``: one row per region, one column per indicator.

    Indicator columns no region states are dropped, so the panel stays readable.
    """
    from .tables import wide

    table = wide(history[history["year"] == int(year)], catalogue)
    keep = ["region", "year"] + [c for c in table.columns[2:] if table[c].notna().any()]
    return table[keep].sort_values("region", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------- I/O


def _region_year(indicators) -> tuple[str, int]:
    if len(indicators):
        return str(indicators["region"].iloc[0]), int(indicators["year"].iloc[0])
    return "", 0


def _read_table(folder: Path, name: str):
    import pandas as pd

    path = folder / f"{name}.parquet"
    if not path.is_file():
        raise InputError(
            f"{path}: the {name} table is missing, so there is nothing to analyse. Run "
            "step 01 (notebook 01_clean, or `rol build`) for this region-year first."
        )
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many types for a bad file
        raise InputError(f"{path}: cannot be read as a parquet table ({exc}); rerun step "
                         "01 to rewrite it.") from None


def _read_json(path: Path, required: bool) -> dict | None:
    if not path.is_file():
        if required:
            raise InputError(f"{path}: missing; run step 01 (notebook 01_clean) to write it.")
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc}); rerun the step that writes it.") \
            from None


def _region_names(root: Path, meta: dict, region: str, year: int) -> dict:
    """Region slug -> Chinese name, from the year's published report.json files.

    Only the same year's regions (the panel's rows, all of them peers in the build
    fingerprint) are read, so the names a brief shows change only with its inputs.
    """
    names = {}
    for _, _, path in layout.published(root, "data/processed", "report.json"):
        if path.parent.name != str(year):
            continue
        # a name is a nicety: an unreadable file leaves the panel with the slug
        data = fileio.read_json(path, {})
        if data.get("region_name"):
            names.setdefault(path.parent.parent.name, data["region_name"])
    if meta.get("region_name"):
        names[region] = meta["region_name"]
    return names


def analyse(paths, catalogue: Catalogue | None = None) -> Analysis:
    """Compute the analysis of one region-year (writes nothing).

    Runs in the brief phase of a build, after the data phase has validated the tables:
    they are read from ``paths.tables`` (this build's validated copy, else the
    published one).

    Parameters
    ----------
    paths : layout.BuildPaths
        ``paths.tables`` must hold the indicators/mentions tables and
        report.json; ``paths.report`` (the report's staging folder) may hold
        validation.json.

    Raises
    ------
    InputError
        When a table or report.json is missing or unreadable.
    """
    cat = catalogue or load()
    indicators = _read_table(paths.tables, "indicators")
    mentions = _read_table(paths.tables, "mentions")
    meta = _read_json(paths.tables / "report.json", required=True)
    validation = _read_json(paths.report / "validation.json", required=False)
    history = published_history(paths.root, paths.region, paths.year, indicators)
    return Analysis(
        region=paths.region, year=paths.year, meta=meta, validation=validation,
        indicators=indicators, mentions=mentions,
        ratios=compare_ratios(indicators, cat), intensities=intensities(indicators, cat),
        checks=part_whole(indicators, cat), history=history,
        yoy=year_over_year(history, paths.region, paths.year, cat),
        panel=region_panel(history, paths.year, cat),
        region_names=_region_names(Path(paths.root), meta, paths.region, paths.year),
    )


def run(paths, catalogue: Catalogue | None = None) -> Analysis:
    """Notebook 03: analyse the build and write ``ratios.csv`` into ``paths.report``.

    Returns
    -------
    Analysis
    """
    analysis = analyse(paths, catalogue)
    fileio.write_csv(paths.report / "ratios.csv", analysis.ratios)
    return analysis
