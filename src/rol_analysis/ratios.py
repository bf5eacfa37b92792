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

  Truncation: an exact rate written with at least one decimal also stands for a value
  *cut* to it (:func:`truncates`): up to one unit of its last decimal above it. Some
  reports cut every share (140/151 = 92.715% written 92.71%, 16/151 = 10.596% written
  10.59%), some only a rate that rounding would lift to 100% (58810/58816 = 99.99%
  written 99.9%), and some cut one rate among rounded ones, so the reading is per rate,
  not per report. A whole percent is never read as cut ("96%" for 96.9% is as likely a
  rough figure, and one point is too wide to pair counts by), nor a rate qualified
  以上/以下/约. The status stays ``consistent``; :func:`cut_only` tells such rows apart
  and the brief marks them 截尾 (cut). Pairing counts from the wording accepts a
  quotient that only cuts to the rate when its whole is no count another rate is
  stated of (:func:`_pair`), as the wider net would otherwise catch a sibling item.
  Growth against an earlier value, a change in points and a multiple stay rounded only.
  The catalogue's relations read rates the same way: no catalogue status changes on
  any gold set, and a cut rate is no error of the report for a reviewer to chase.
- Rates the catalogue cannot check (no relation, or a claim without its counts) are
  paired with counts from the report's wording by :func:`infer_ratios` when a
  ``mentions`` table is given: rows with ``basis = inferred`` and a status ending in
  " (inferred)" (``consistent (inferred)``, ``mismatch (inferred)``,
  ``computed_only (inferred)``), never mixed up with the catalogue's own findings.
- ``intensity`` relations give per-unit figures (disputes per mediator, ...).
- ``le`` and ``sum`` relations give part/whole checks.
- The year's other published regions under ``<root>/data/processed`` give the
  cross-region panel (:func:`region_panel`). The region's earlier years, read by the same
  :func:`published_history`, give the year-over-year tables: module :mod:`yoy`.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import fileio, layout, numbers, yoy
from .catalogue import Catalogue, load
from .exceptions import InputError
from .mentions import CLAUSE_MARKS
from .statuses import (
    BASIS_CATALOGUE,
    BASIS_INFERRED,
    CHECK_OK,
    CHECK_UNCERTAIN,
    CHECK_VIOLATED,
    CLAIM_ONLY,
    COMPUTED_ONLY,
    CONSISTENT,
    EPS,
    INFERRED_SUFFIX,
    MISMATCH,
    STATUS_ZH,
)
from .tables import number_cell, string_cell, text_cell
from .wording import (
    NOT_COUNTS,
    POINTS_UNITS,
    Number,
    Text,
    clause_breaks,
    half_unit,
    is_count,
    stated_decimals,
    text_of,
    unit_class,
)

RATIO_COLUMNS = [
    "region", "year", "ratio_id", "zh_name", "en_name", "severity", "rate_id",
    "numerator_id", "denominator_id", "reported", "qualifier", "decimals", "numerator",
    "denominator", "recomputed", "difference", "tolerance", "status", "rate_text",
    "rate_sentence", "numerator_sentence", "denominator_sentence", "basis", "method",
    "numerator_text", "denominator_text", "numerator_measure", "denominator_measure",
    "evidence",
]
INTENSITY_COLUMNS = [
    "ratio_id", "zh_name", "en_name", "numerator_id", "denominator_id", "numerator",
    "denominator", "value", "numerator_sentence", "denominator_sentence",
]
CHECK_COLUMNS = [
    "check_id", "type", "zh_name", "en_name", "severity", "indicators", "left", "right",
    "status", "part_text", "part_sentence",
]
_TEXT_COLUMNS = [
    "ratio_id", "zh_name", "en_name", "severity", "rate_id", "numerator_id",
    "denominator_id", "qualifier", "status", "rate_text", "rate_sentence",
    "numerator_sentence", "denominator_sentence", "basis", "method", "numerator_text",
    "denominator_text", "numerator_measure", "denominator_measure", "evidence",
]


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
        This year against the latest earlier year of the same region
        (:func:`yoy.year_over_year`); empty when there is no earlier year.
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
    #: slug -> kind of issuer: a regions.csv level, else township/department/government
    region_kinds: dict = field(default_factory=dict)
    #: the indicators one of the two years compared names and the other does not
    #: (:func:`yoy.unpaired`; None: not computed, as empty)
    unpaired: object = None
    #: changes the report states for figures no indicator names, checked against the
    #: year before (:func:`yoy.unnamed_changes`; None: not computed, as empty)
    unnamed_changes: object = None
    #: the two years' figures of one indicator or measure that are not one measure (the
    #: year's new ones against a total: :func:`yoy.unlike`), so not compared; None: not
    #: computed, as empty
    unlike: object = None

    def counts(self) -> dict:
        """Number of rates per status, every status present (0 when none)."""
        found = self.ratios["status"].value_counts().to_dict() if len(self.ratios) else {}
        return {s: int(found.get(s, 0)) for s in STATUS_ZH}

    def _repr_html_(self) -> str:  # shown when notebook 03 ends a cell with the analysis
        from html import escape

        c = self.counts()
        parts = ", ".join(f"{escape(STATUS_ZH[s])} {n}" for s, n in c.items())
        return (
            f"<p>{escape(self.region_names.get(self.region) or self.region)} {self.year}: "
            f"{len(self.indicators)} 项指标, {len(self.ratios)} 项比率 ({parts}), "
            f"{len(self.intensities)} 项人均/单位强度, {len(self.checks)} 项部分/整体校验, "
            f"{len(self.yoy)} 项同比.</p>"
        )


# ----------------------------------------------------------------------- helpers


def _lookup(indicators) -> dict:
    """indicator_id -> row dict (first row wins; ids are unique per the contract)."""
    rows = {}
    for rec in indicators.to_dict("records"):
        rows.setdefault(rec["indicator_id"], rec)
    return rows


def rate_status(reported: float, recomputed: float, *, decimals: int = 0,
                qualifier: str = "exact", tolerance: float = 0.5, cut: bool = True) -> str:
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
    cut : bool
        Whether an exact rate may also be the recomputed value cut to its decimals
        (:func:`truncates`); False: rounded only.

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
    allowed = min(tolerance, 0.5 * 10 ** (-decimals)) + EPS
    if qualifier == "at_least":
        ok = recomputed >= reported - allowed
    elif qualifier == "at_most":
        ok = recomputed <= reported + allowed
    elif qualifier == "approx":
        ok = abs(recomputed - reported) <= tolerance + EPS
    else:
        ok = (abs(recomputed - reported) <= allowed
              or (cut and truncates(reported, recomputed, decimals=decimals,
                                    tolerance=tolerance)))
    return CONSISTENT if ok else MISMATCH


def truncates(reported: float, recomputed: float, *, decimals: int,
              tolerance: float = 0.5) -> bool:
    """True when an exact rate written with at least one decimal is the recomputed value
    cut (not rounded) to that many decimals: 92.71% for 140/151 = 92.715%, 99.9% for
    58810/58816 = 99.99% (rounded it would read 100.0%).

    Some reports cut their shares, and some cut only a rate that rounding would lift to
    100%, so a stated rate stands for a quotient that rounds *or* cuts to it: up to one
    unit of its last decimal above it (capped by ``tolerance``). A whole percent is not
    read so: "96%" for 96.9% is as likely a rough figure as a cut one, and one point is
    too wide to pair counts by.
    """
    if decimals < 1:
        return False
    unit = min(tolerance, 10.0 ** -decimals)
    return reported - EPS <= recomputed < reported + unit - EPS


def cut_only(row: dict) -> bool:
    """True when a ``ratios.csv`` row is consistent only as a rate cut to its decimals
    (:func:`truncates`), not rounded: its recomputed value lies more than half a unit of
    the rate's last decimal above it (92.71% for 92.715%). The brief marks such rows."""
    if str(row.get("status", "")).removesuffix(INFERRED_SUFFIX) != CONSISTENT:
        return False
    decimals = int(row.get("decimals") or 0)
    reported, recomputed = row.get("reported"), row.get("recomputed")
    if (decimals < 1 or (row.get("qualifier") or "exact") != "exact"
            or not isinstance(reported, float) or not isinstance(recomputed, float)
            or math.isnan(reported) or math.isnan(recomputed)):
        return False
    return recomputed - reported > 0.5 * 10.0 ** -decimals + EPS


def quotient_range(n: Number, d: Number) -> tuple[float, float]:
    """The lowest and highest n / d (in %) the two numbers allow, each as far from its
    written value as its last digit lets it be (:func:`wording.half_unit`): 28.29万 of
    29.52万 is 95.80%..95.87%; two counts written out in full give one value."""
    hn, hd = half_unit(n), half_unit(d)
    if d.value - hd <= 0:
        return -math.inf, math.inf
    return (n.value - hn) / (d.value + hd) * 100, (n.value + hn) / (d.value - hd) * 100


def status_in_range(rate: Number, lo: float, hi: float, **kw) -> str:
    """:func:`rate_status` of a stated rate against a recomputed value known only to lie
    in ``lo``..``hi``: the value in that range closest to the rate is compared, so a
    rate that rounded counts allow is not called a mismatch ("平均由4.62件压缩至2.16件，
    压缩比达53.18%": 53.25% from the written averages, 53.09%..53.41% from what they
    round)."""
    closest = min(max(rate.value if rate.value >= 0 else -rate.value, lo), hi)
    return rate_status(abs(rate.value), closest, decimals=stated_decimals(rate.text),
                       qualifier=rate.qualifier, **kw)


# ----------------------------------------------------------------------- tables


def shown_sections(indicators, mentions=None, catalogue: Catalogue | None = None) -> dict:
    """The section each indicator of a region-year is shown under (brief, charts).

    An indicator's own section (the ``indicators`` table's ``section``), unless its
    number stands under a heading of a section the catalogue lists in its ``shown_in``
    (送法入企 under a 普法 heading): then that one, where the report states it.

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table of one region-year.
    mentions : pandas.DataFrame, optional
        The ``mentions`` table, whose ``section`` is the heading's; without it every
        indicator keeps its own section.
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.

    Returns
    -------
    dict
        indicator id -> section id.
    """
    cat = catalogue or load()
    heading = {}
    if mentions is not None and len(mentions) and "section" in mentions.columns:
        heading = {(r["indicator_id"], int(r["char_start"])): r["section"]
                   for r in mentions[["indicator_id", "char_start", "section"]]
                   .to_dict("records") if r["indicator_id"] and isinstance(r["section"], str)}
    out = {}
    for rec in indicators[["indicator_id", "section", "char_start"]].to_dict("records"):
        iid = rec["indicator_id"]
        ind = cat.indicators.get(iid)
        own = rec["section"] if isinstance(rec["section"], str) and rec["section"] else (
            ind.section if ind else "")
        try:
            at = heading.get((iid, int(rec["char_start"])), "")
        except (TypeError, ValueError):
            at = ""
        out[iid] = at if ind is not None and at in ind.shown_in else own
    return out


def compare_ratios(indicators, catalogue: Catalogue | None = None, mentions=None):
    """Reported against recomputed rates for one region-year.

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table of one region-year (contract columns).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.
    mentions : pandas.DataFrame, optional
        The ``mentions`` table. When given, rates the catalogue cannot check are paired
        with counts from their wording (:func:`infer_ratios`): a catalogue rate left
        ``claim_only`` takes the inferred pair, and rates outside the catalogue get rows
        of their own. Such rows have ``basis = inferred`` and a status ending in
        " (inferred)".

    Returns
    -------
    pandas.DataFrame
        Columns ``RATIO_COLUMNS``, one row per rate: catalogue rates in catalogue order
        (relations first, then rate indicators no relation defines), then rates found
        only by inference in report order.
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
        reported = number_cell(rate["value"]) if rate else math.nan
        n = number_cell(num["value"]) if num else math.nan
        d = number_cell(den["value"]) if den else math.nan
        recomputed = n / d * 100 if (not math.isnan(n) and d and not math.isnan(d)) else math.nan
        if math.isnan(reported) and math.isnan(recomputed):
            continue
        qualifier = (rate or {}).get("qualifier") or "exact"
        decimals = stated_decimals((rate or {}).get("text"))
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
            "numerator_text": (num or {}).get("text") or "",
            "denominator_text": (den or {}).get("text") or "",
            "_start": (rate or {}).get("char_start"),
        })
    # Rates the catalogue knows but no relation defines: a claim by construction.
    for ind in cat.indicators.values():
        if ind.kind != "rate" or ind.id in defined or ind.id not in found:
            continue
        rate = found[ind.id]
        rows.append({
            "ratio_id": ind.id, "zh_name": ind.zh_name, "en_name": ind.en_name,
            "severity": "warn", "rate_id": ind.id, "numerator_id": "", "denominator_id": "",
            "reported": number_cell(rate["value"]), "qualifier": rate.get("qualifier") or "exact",
            "decimals": stated_decimals(rate.get("text")), "numerator": math.nan,
            "denominator": math.nan, "recomputed": math.nan, "difference": math.nan,
            "tolerance": math.nan, "status": CLAIM_ONLY, "rate_text": rate.get("text") or "",
            "rate_sentence": rate.get("sentence") or "", "numerator_sentence": "",
            "denominator_sentence": "", "_start": rate.get("char_start"),
        })
    for row in rows:
        row.update(basis=BASIS_CATALOGUE, method="ratio")
    if mentions is not None and len(mentions):
        # gathered once, at the first claim whose denominator is stated: most have none
        stated_parts = functools.cache(lambda: _stated_parts(mentions))
        for row in rows:
            if row["status"] == CLAIM_ONLY and row["numerator_id"]:
                row.update(_summed_numerator(row, stated_parts,
                                             found.get(row["denominator_id"])))
        rows = _merge_inferred(rows, mentions)
    for row in rows:
        row.pop("_start", None)
    out = pd.DataFrame(rows, columns=RATIO_COLUMNS[2:])
    for col in _TEXT_COLUMNS:
        out[col] = [text_cell(v) for v in out[col]]
    out.insert(0, "year", year)
    out.insert(0, "region", region)
    return out.astype({"decimals": "int64"})


#: An inferred row whose numerator is the sum of its stated parts (:func:`_summed_numerator`).
PARTS_SUM = "parts_sum"
PARTS_SUM_EVIDENCE = "the numerator's parts, summed"


def _stated_parts(mentions) -> dict[str, list[dict]]:
    """The counts of ``mentions`` stated as parts of a whole, by the whole's indicator
    (``part_of``), in table order: :func:`_summed_numerator`'s candidates, gathered once
    for every claim of a region-year."""
    out: dict[str, list[dict]] = {}
    if "part_of" not in mentions.columns:
        return out
    for rec in mentions.to_dict("records"):
        if ((whole := string_cell(rec.get("part_of"))) and rec.get("kind") == "count"
                and not math.isnan(number_cell(rec.get("value")))):
            out.setdefault(whole, []).append(rec)
    return out


def _summed_numerator(row: dict, stated_parts, den: dict | None) -> dict:
    """A stated rate whose numerator the report states only as its parts (审结136件，其中
    …撤销10件、确认违法4件、责令履行2件，综合纠错率11.8%): the parts summed (16) over the
    stated denominator, as an inferred row (``parts_sum``) when they give the rate; ``{}``
    (the row stays a claim) otherwise.

    The parts are the numbers ``part_of`` the numerator's indicator (``stated_parts()``:
    :func:`_stated_parts` of the mentions) in one sentence, the rate's or the
    denominator's, two or more, counts in one unit. A sum that does not give the rate is
    no finding: a report may list only some of the parts (其中撤销10件 of 16
    corrections), and a sum short of its whole read as the whole would be a false 不一致.
    """
    if den is None:
        return {}
    d = number_cell(den["value"])
    if math.isnan(d) or not d:
        return {}
    parts = stated_parts().get(row["numerator_id"], [])
    wanted = {string_cell(row.get("rate_sentence")), string_cell(den.get("sentence"))} - {""}
    groups: dict[str, list[dict]] = {}
    for rec in parts:
        if string_cell(rec.get("sentence")) in wanted:
            groups.setdefault(rec["sentence"], []).append(rec)
    for sentence, group in groups.items():
        group = sorted(group, key=lambda r: int(r["char_start"]))
        if len(group) < 2 or len({string_cell(r.get("unit")) for r in group}) > 1:
            continue
        n = sum(number_cell(r["value"]) for r in group)
        recomputed = n / d * 100
        status = rate_status(row["reported"], recomputed, decimals=row["decimals"],
                             qualifier=row["qualifier"], tolerance=INFERRED_TOLERANCE)
        if status != CONSISTENT:
            continue
        return _inferred_columns(
            numerator=n, denominator=d, recomputed=recomputed,
            difference=round(row["reported"] - recomputed, 4), status=CONSISTENT,
            numerator_sentence=sentence, denominator_sentence=den.get("sentence") or "",
            method=PARTS_SUM, numerator_text="|".join(string_cell(r.get("text")) for r in group),
            denominator_text=den.get("text") or "", numerator_measure="",
            denominator_measure="", evidence=PARTS_SUM_EVIDENCE)
    return {}


def _merge_inferred(rows: list[dict], mentions) -> list[dict]:
    """Catalogue rows plus :func:`infer_ratios`' pairs (see :func:`compare_ratios`)."""
    # a rate checked by the catalogue's counts or by its numerator's parts is no rate
    # for the wording to pair again
    checked = {int(r["_start"]) for r in rows
               if r["status"] in (CONSISTENT, MISMATCH) or r.get("method") == PARTS_SUM
               if _is_start(r["_start"])}
    by_rate: dict[int, Inferred] = {}
    extra = []
    for inf in infer_ratios(mentions, skip=checked):
        if inf.rate is not None:
            by_rate[inf.rate.start] = inf
        extra.append(inf)
    taken = set()
    for row in rows:
        start = int(row["_start"]) if _is_start(row["_start"]) else None
        if row["status"] == CLAIM_ONLY and start in by_rate:
            row.update(_inferred_fields(by_rate[start]))
            taken.add(start)
        elif row["status"] == COMPUTED_ONLY and (inf := _stated_of(row, extra, taken)):
            # the catalogue's two counts, and the wording ties a stated rate no indicator
            # names to them (486件，占审结总数的28.6%): one row, that rate checked, not a
            # "no rate stated" beside an inferred row of the same rate (trial 24)
            row.update(_inferred_fields(inf), rate_id=inf.rate.indicator_id,
                       reported=abs(inf.rate.value), qualifier=inf.rate.qualifier,
                       decimals=stated_decimals(inf.rate.text), rate_text=inf.rate.text,
                       rate_sentence=inf.rate.sentence)
            taken.add(inf.rate.start)
    for inf in extra:
        if inf.rate is not None and inf.rate.start in taken:
            continue
        rows.append({
            "ratio_id": f"inferred_{(inf.rate or inf.denominator).start}",
            "zh_name": inf.name,
            "en_name": INFERRED_EN.get(inf.method, "rate, inferred from the text"),
            "severity": "warn", "rate_id": inf.rate.indicator_id if inf.rate else "",
            "reported": abs(inf.rate.value) if inf.rate else math.nan,
            "qualifier": inf.rate.qualifier if inf.rate else "",
            "decimals": stated_decimals(inf.rate.text) if inf.rate else 0,
            "rate_text": inf.rate.text if inf.rate else "",
            "rate_sentence": inf.rate.sentence if inf.rate else "",
            **_inferred_fields(inf),
        })
    return rows


def _stated_of(row: dict, inferred: list[Inferred], taken: set) -> Inferred | None:
    """The inferred pair of a stated rate whose two numbers are a computed-only
    catalogue row's numerator and denominator (same texts, same sentences), if any."""
    for inf in inferred:
        if (inf.rate is not None and inf.rate.start not in taken and inf.method == "ratio"
                and (inf.numerator.text, inf.numerator.sentence, inf.denominator.text,
                     inf.denominator.sentence)
                == (row["numerator_text"], row["numerator_sentence"], row["denominator_text"],
                    row["denominator_sentence"])):
            return inf
    return None


def _is_start(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and x != ""


def _inferred_fields(inf: Inferred) -> dict:
    """The columns an inferred pair fills (the rate's own columns stay as they are)."""
    reported = abs(inf.rate.value) if inf.rate else math.nan
    return {
        "numerator_id": inf.numerator.indicator_id,
        "denominator_id": inf.denominator.indicator_id,
        **_inferred_columns(
            numerator=inf.numerator.value, denominator=inf.denominator.value,
            recomputed=inf.recomputed,
            difference=round(reported - inf.recomputed, 4) if inf.rate else math.nan,
            status=inf.status, numerator_sentence=inf.numerator.sentence,
            denominator_sentence=inf.denominator.sentence, method=inf.method,
            numerator_text=inf.numerator.text, denominator_text=inf.denominator.text,
            numerator_measure=inf.numerator.measure,
            denominator_measure=inf.denominator.measure, evidence=inf.evidence),
    }


def _inferred_columns(*, numerator, denominator, recomputed, difference, status: str,
                      numerator_sentence: str, denominator_sentence: str, method: str,
                      numerator_text: str, denominator_text: str, numerator_measure: str,
                      denominator_measure: str, evidence: str) -> dict:
    """The columns of a row checked by an inferred pair (:func:`_inferred_fields`) or by
    a numerator's parts summed (:func:`_summed_numerator`): the inferred tolerance,
    basis and status suffix, whichever found the pair."""
    return {
        "numerator": numerator, "denominator": denominator,
        "recomputed": round(recomputed, 4), "difference": difference,
        "tolerance": INFERRED_TOLERANCE, "status": status + INFERRED_SUFFIX,
        "numerator_sentence": numerator_sentence, "denominator_sentence": denominator_sentence,
        "basis": BASIS_INFERRED, "method": method,
        "numerator_text": numerator_text, "denominator_text": denominator_text,
        "numerator_measure": numerator_measure, "denominator_measure": denominator_measure,
        "evidence": evidence,
    }


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
        n, d = number_cell(num["value"]), number_cell(den["value"])
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


# Stages of one flow of cases: parts that name two of them may count the same case twice
# (其中受理30件、办结25件 of 40件), so their sum says nothing about the whole.
_STAGE_RE = re.compile(r"受理|收到|新收|立案|审结|办结|结案|纠错|调解|撤回|终止|答复|办理")
# An average (平均办理时间20.86天, 日均办理30件) is no share of a total: averages do not add.
_AVERAGE_RE = re.compile(r"平均|[日月年人户件]均")


def _adds_up(rec: dict) -> bool:
    """Whether a part is a count or an amount that parts of one whole add up to: not a
    duration, a rate or an area (wording.NOT_COUNTS), nor an average. The two ends of
    one cut (平均办理时间20.86天提速到6.44天) are no two parts of a time limit."""
    from .wording import NOT_COUNTS

    words = string_cell(rec.get("measure")) + string_cell(rec.get("text"))
    return (string_cell(rec.get("unit")) not in NOT_COUNTS
            and not _AVERAGE_RE.search(words))


def _breakdown_sums(breakdowns: dict, found: dict, cat: Catalogue) -> list[dict]:
    """One ``parts`` check per breakdown: two or more parts of one stated whole, in one
    sentence and its unit (市级312件、县级548件 of 860件), summed against the whole. A part
    alone may fit its whole while the items together exceed it: a figure is wrong or an
    item is counted twice. Parts that name different stages of one flow (受理/办结) may
    overlap and are not summed, nor are durations, rates and averages (:func:`_adds_up`):
    only counts and amounts add; a sentence the report repeats is one breakdown per place."""
    out = []
    for (iid, sentence), items in breakdowns.items():
        groups, last = [], None
        for item in items:  # a repeated sentence: a far part starts another breakdown
            at = int(item[0]["char_start"])
            if last is None or at - last > max(len(sentence), 1):
                groups.append([])
            groups[-1].append(item)
            last = at
        for group in groups:
            stages = {st for rec, _v, _q in group
                      for st in _STAGE_RE.findall(string_cell(rec.get("measure"))
                                                  or string_cell(rec.get("text")))}
            if len(group) < 2 or len(stages) > 1 or not all(_adds_up(r) for r, _v, _q in group):
                continue
            whole = found[iid]
            left, right = sum(v for _r, v, _q in group), number_cell(whole["value"])
            inexact = any(q for _r, _v, q in group) or \
                string_cell(whole.get("qualifier")) not in ("", "exact")
            status = (CHECK_OK if left <= right + EPS
                      else CHECK_UNCERTAIN if inexact else CHECK_VIOLATED)
            ind = cat.indicators.get(iid)
            zh = ind.zh_name if ind is not None else iid
            en = ind.en_name if ind is not None else iid
            out.append({
                "check_id": f"parts.{iid}.{int(group[0][0]['char_start'])}", "type": "parts",
                "zh_name": f"各部分之和不超过{zh}",
                "en_name": f"The parts together do not exceed {en}",
                "severity": "warn", "indicators": iid, "left": left, "right": right,
                "status": status,
                "part_text": "|".join(string_cell(rec.get("text")) for rec, _v, _q in group),
                "part_sentence": sentence,
            })
    return out


def part_whole(indicators, catalogue: Catalogue | None = None, mentions=None):
    """Ordering (``le``) and part/whole (``sum``) checks whose numbers are all stated,
    and, with ``mentions``, that each part (``part_of``) does not exceed its stated whole.

    A check that fails while one of its numbers is qualified ("余", "约", ...) is
    ``uncertain`` rather than ``violated``: the report did not give the exact count.
    A part is checked when its whole's indicator is stated in the same unit and both
    are counts or amounts (a part's rate or change may exceed the whole's).

    Returns
    -------
    pandas.DataFrame
        Columns ``CHECK_COLUMNS``; ``left`` is the smaller side (or the parts' sum, or the
        part) and ``right`` the larger side (or the whole). A part's check (``type``
        ``part``) names the whole's indicator in ``indicators`` and the part's number
        as written and its sentence in ``part_text`` and ``part_sentence``. A
        breakdown's check (``type`` ``parts``, :func:`_breakdown_sums`) has the parts'
        sum in ``left`` and their numbers, joined by ``|``, in ``part_text``.
    """
    import pandas as pd

    cat = catalogue or load()
    found = _lookup(indicators)
    rows = []
    breakdowns: dict[tuple[str, str], list] = {}  # (whole, sentence): the parts, in order
    if mentions is not None and "part_of" in mentions.columns and len(mentions):
        for rec in mentions.sort_values("char_start", kind="stable").to_dict("records"):
            whole = found.get(string_cell(rec.get("part_of")))
            if (whole is None or rec.get("kind") not in ("count", "amount")
                    or rec.get("kind") != whole.get("kind")
                    or string_cell(rec.get("unit")) != string_cell(whole.get("unit"))):
                continue
            ind = cat.indicators.get(rec["part_of"])
            left, right = number_cell(rec["value"]), number_cell(whole["value"])
            inexact = any(string_cell(r.get("qualifier")) not in ("", "exact")
                          for r in (rec, whole))
            status = (CHECK_OK if left <= right + EPS
                      else CHECK_UNCERTAIN if inexact else CHECK_VIOLATED)
            zh = ind.zh_name if ind is not None else rec["part_of"]
            en = ind.en_name if ind is not None else rec["part_of"]
            measure = string_cell(rec.get("measure")) or string_cell(rec.get("text"))
            breakdowns.setdefault((rec["part_of"], string_cell(rec.get("sentence"))), []).append(
                (rec, left, inexact))
            rows.append({
                "check_id": f"part.{rec['part_of']}.{int(rec['char_start'])}", "type": "part",
                "zh_name": f"{measure}不超过{zh}", "en_name": f"A part does not exceed {en}",
                "severity": "warn", "indicators": rec["part_of"], "left": left,
                "right": right, "status": status, "part_text": string_cell(rec.get("text")),
                "part_sentence": string_cell(rec.get("sentence")),
            })
    rows += _breakdown_sums(breakdowns, found, cat)
    for rel in cat.relations:
        if rel.type == "le":
            ids, lefts, rights = [rel.left, rel.right], [rel.left], [rel.right]
        elif rel.type == "sum":
            ids, lefts, rights = [*rel.parts, rel.whole], list(rel.parts), [rel.whole]
        else:
            continue
        if not all(i in found for i in ids):
            continue
        left = sum(number_cell(found[i]["value"]) for i in lefts)
        right = sum(number_cell(found[i]["value"]) for i in rights)
        holds = left <= right + EPS if rel.type == "le" else abs(left - right) <= EPS
        inexact = any((found[i].get("qualifier") or "exact") != "exact" for i in ids)
        status = CHECK_OK if holds else (CHECK_UNCERTAIN if inexact else CHECK_VIOLATED)
        rows.append({
            "check_id": rel.id, "type": rel.type, "zh_name": rel.zh_name,
            "en_name": rel.en_name, "severity": rel.severity, "indicators": "|".join(ids),
            "left": left, "right": right, "status": status, "part_text": "",
            "part_sentence": "",
        })
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def published_history(root, region: str, year: int, current=None):
    """Indicators of the published peers of a region-year under ``<root>/data/processed``.

    Peers are the region's latest earlier year (year-over-year) and the year's other
    regions (the cross-region panel), see :func:`layout.brief_peers`: exactly the
    region-years whose tables a build records in its fingerprint, so a brief changes
    when, and only when, one of them does.

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
        Columns ``region, year, indicator_id, value, unit, qualifier, text, review,
        measure, sentence`` (``text``: the number as the report wrote it; ``review``: a
        reviewer's decision, empty when nobody confirmed the name; ``measure``: the label
        of the number's clause, which :func:`yoy.unpaired` looks for in the other year;
        ``sentence``: its source sentence, which the brief links to in that region-year's
        brief), sorted by region, year and catalogue order. A peer's figure whose name
        its reviewer has taken away since its last build (``reviews.withdrawn``) is left
        out.
    """
    import pandas as pd

    from .reviews import withdrawn, withdrawn_name

    cols = ["region", "year", "indicator_id", "value", "unit", "qualifier", "text", "review",
            "measure", "sentence"]
    frames = []
    for reg, yr, path in layout.brief_peers(root, region, year):
        df = layout.read_peer(path, reg, yr)
        # a name the peer's reviewer has taken away since its last build is not shown
        # (its review file is in the brief fingerprint: peer_reviews)
        gone = withdrawn(root, reg, yr)
        if gone and {"char_start", "text"} <= set(df.columns):
            df = df[[not withdrawn_name(gone, r) for r in df.to_dict("records")]]
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


def region_panel(history, year: int, catalogue: Catalogue | None = None):
    """Cross-region panel for ``year``: one row per region, one column per indicator.

    Indicator columns no region states are dropped, so the panel stays readable.
    """
    from .tables import wide

    table = wide(history[history["year"] == int(year)], catalogue)
    keep = ["region", "year"] + [c for c in table.columns[2:] if table[c].notna().any()]
    return table[keep].sort_values("region", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------- inferred pairs
#
# Reports often state a rate beside the two counts it comes from ("审结52件，其中纠错4件，
# 纠错率7.7%") while the catalogue knows neither count. These functions pair them from
# the text alone (its numbers by sentence: :func:`wording.text_of`); every row they give
# has ``basis = inferred`` (see compare_ratios).

#: English names of the inferred rows by method (see :class:`Inferred`).
INFERRED_EN = {
    "ratio": "rate, inferred from the text",
    "reduction": "reduction, inferred from the text",
    "change": "change, inferred from the text",
    "change_by": "change, inferred from the text",
    "points": "change in points, inferred from the text",
    "target": "share of a target, inferred from the text",
    "multiple": "multiple, inferred from the text",
}
#: Tolerance in percentage points of an inferred rate (as the packaged relations).
INFERRED_TOLERANCE = 0.5
# A rate written as a share of a whole ("占比", "比例达", "占全部…的").
_SHARE_RE = re.compile(r"占|比例|比重")
_CHANGE_RE = re.compile(r"增长|增加|上升|提高|提升|下降|减少|降低|压缩|缩短|精简|压减|缩减|"
                        r"减幅|降幅|增幅|同比|环比|比上年|较上年")
_SHARE_WORD_RE = re.compile(r"率|比例|比重|占")
_CUT_VERBS = "压缩|缩短|减少|降低|下降|压减|缩减|精简|减|降"
#: 由 (从) before the value before a cut, with a time it held ("由迁建时的164个",
#: "由改革前的"): words ending in 时 or 前, no number or clause break among them.
_CUT_BEFORE_RE = re.compile(r"(?:由|从)(?:原来的?|原先的?|原|过去的?|以前的?"
                            r"|[^\d，,。；;：:、由从]{1,6}(?:时|前)的?)?$")


def _between_cut(verbs: str) -> re.Pattern:
    """What stands between the two values of a cut: one of ``verbs`` then 到/至/为
    ("压缩至", "，缩短为"), or 到/至 alone."""
    return re.compile(rf"[，,]?(?:{verbs})了?(?:到|至|为)|到|至")


_CUT_BETWEEN_RE = _between_cut(_CUT_VERBS)
#: Between two items of a list: 、, after the counted noun at most ("18个部门、75项").
_LIST_GAP_RE = re.compile(r"[^\d，,。；;：:！？!?、]{0,4}、")
_CHANGE_TAIL_RE = re.compile(r"(?:了|幅度|率|比例)?(?:达到|达|为|约|近)?$")
_RATE_TAIL_RE = re.compile(r"(?:均|都|全部|全)?(?:达到|达|为|是|保持在|保持|实现|超过)?$")
_CUT_RATE_RE = re.compile(
    rf"(?:{_CUT_VERBS}|减幅|降幅)(?:了|率|比例|比|幅度)?(?:达到|达|为|超过|约)?$")


def _names_change(clause: str) -> bool:
    """True when a rate's clause names a change, not a share: a change word after the
    last share word ("办理效率提升30%", "精简申报材料40%以上", but "减时限比例达86.61%");
    a change word before 到/至 gives a level ("提高到95%"), not a change."""
    changes = [m for m in _CHANGE_RE.finditer(clause)
               if not re.match(r"了?(?:到|至)", clause[m.end():])]
    if not changes:
        return False
    share = max((m.end() for m in _SHARE_WORD_RE.finditer(clause)), default=-1)
    return changes[-1].start() >= share


def _stem(clause: str) -> str:
    """The two characters naming a rate: 纠错 in "纠错率为" ("" when none)."""
    at = clause.rfind("率")
    return clause[max(0, at - 2):at] if at >= 2 else ""


@dataclass
class Inferred:
    """One rate recomputed from numbers paired by their wording, not by the catalogue.

    ``method`` is ``ratio`` (numerator / denominator), ``reduction`` (a cut from
    ``before`` to ``after``: (before - after) / before; the numerator is the value after
    the cut, the denominator the value before it), ``change`` (a count's growth or fall:
    numerator after, denominator before), ``change_by`` (from a stated difference:
    numerator the difference, denominator the value it changed to) or ``points`` (a
    rate's change in points: numerator the rate after, denominator the rate before).
    """

    method: str
    rate: Number | None
    numerator: Number
    denominator: Number
    recomputed: float
    status: str
    evidence: str
    name: str = ""


def _cuts_to(before: Number, after: Number) -> bool:
    """Whether ``after`` can be what a count or amount ``before`` was cut to: the same
    kind of unit, and lower, not below zero."""
    return (unit_class(before.unit) == unit_class(after.unit)
            and before.kind in ("count", "amount") and 0 <= after.value < before.value)


def _cut_share(before: Number, after: Number) -> float:
    """How much of ``before`` a cut to ``after`` took off, in %."""
    return (before.value - after.value) / before.value * 100


def _cut_range(before: Number, after: Number) -> tuple[float, float]:
    """The least and most a cut can have taken off (in %) given how its two values are
    rounded: 100 less the range of what is left (:func:`quotient_range`)."""
    left_lo, left_hi = quotient_range(after, before)
    return 100 - left_hi, 100 - left_lo


def _reductions(text: Text, used: set) -> list[Inferred]:
    """Cuts written "由18.5天压缩至7.2天(, 压缩56.1%)", with the stated rate if any.

    Lists cut item by item pair by position and unit: "由原来的18个部门、75项，精简为
    14个部门、46项" gives 18 -> 14 and 75 -> 46; a stated rate after such a list is
    given to the one cut it fits (to none when none fits, as the wording cannot say
    which it is)."""
    out = []
    nums = text.numbers
    for i, first in enumerate(nums[:-1]):
        if (first.pos < 0
                or not _CUT_BEFORE_RE.search(text.sentences[first.group][:first.pos])):
            continue
        befores = [first]
        j = i + 1
        while j < len(nums) and _list_gap(text.between(nums[j - 1], nums[j])):
            befores.append(nums[j])
            j += 1
        if j >= len(nums):
            continue
        gap = text.between(befores[-1], nums[j])
        if gap is None or not _CUT_BETWEEN_RE.fullmatch(gap):
            continue
        afters = [nums[j]]
        while (len(afters) < len(befores) and j + 1 < len(nums)
               and _list_gap(text.between(nums[j], nums[j + 1]))):
            j += 1
            afters.append(nums[j])
        cuts = [(b, a) for b, a in zip(befores, afters) if _cuts_to(b, a)]
        if not cuts:
            continue
        # The stated cut follows in the same sentence, its clause naming a cut.
        rate = None
        for r in nums[j + 1:]:
            if r.group != afters[-1].group or r.unit != "%":
                break  # another cut may follow: its rate is not this one's
            if r.start not in used and _CUT_RATE_RE.search(text.clause_before(r)):
                rate = r
                break
        # A rate named otherwise (窗口整合率) right after the cut, in the next clause
        # with no number between, is the cut's only when it agrees with it: its name
        # alone does not say it measures the cut.
        loose = rate is None and _next_rate(text, j)
        if loose:
            rate = nums[j + 1]
        found = []
        for before, after in cuts:
            recomputed = _cut_share(before, after)
            status = COMPUTED_ONLY if rate is None else status_in_range(
                rate, *_cut_range(before, after), tolerance=INFERRED_TOLERANCE)
            found.append([before, after, recomputed, status])
        if rate is not None and (len(found) > 1 or loose):
            fits = [f for f in found if f[3] == CONSISTENT]
            for f in found:
                if not (len(fits) == 1 and f is fits[0]):
                    f[3] = COMPUTED_ONLY
        for before, after, recomputed, status in found:
            stated = rate if status != COMPUTED_ONLY else None
            if stated is not None:
                used.add(stated.start)
            used.update((before.start, after.start))
            out.append(Inferred("reduction", stated, after, before, recomputed, status,
                                "由…至… before/after"))
    return out


# A cut's two ends for the brief's word on a rate it cannot check (sentence_cut): the
# cut verbs and 提速 (法定平均办理时间20.86天提速到6.44天), then 到/至/为.
_SAID_CUT_RE = _between_cut(_CUT_VERBS + "|提速")


def sentence_cut(mentions, sentence: str) -> tuple[Number, Number, float] | None:
    """The first cut ``X…提速到Y`` (two adjacent numbers of one kind of unit, Y < X, a
    cut word and 到/至/为 between them) in ``sentence``, with (X - Y) / X in %: for the
    brief to say that a rate the catalogue cannot check has a pair beside it, and what
    the pair gives (trial 5 F11), without taking it for the rate. None without one."""
    if not isinstance(sentence, str) or not sentence or mentions is None or not len(mentions):
        return None
    text = text_of(mentions)
    nums = [n for n in text.numbers if n.sentence == sentence]
    for before, after in zip(nums, nums[1:]):
        gap = text.between(before, after)
        if (gap is not None and _SAID_CUT_RE.fullmatch(gap)
                and after.kind == before.kind and _cuts_to(before, after)):
            return before, after, _cut_share(before, after)
    return None


def _next_rate(text: Text, j: int) -> bool:
    """True when the number after ``text.numbers[j]`` (a cut's value after) is an exact
    stated rate in the next clause of its sentence, naming no change of its own."""
    if j + 1 >= len(text.numbers):
        return False
    after, r = text.numbers[j], text.numbers[j + 1]
    gap = text.between(after, r)
    return (gap is not None and r.unit == "%" and r.kind == "rate"
            and r.qualifier == "exact" and r.value > 0
            and clause_breaks(gap) == 1
            and "率" in gap and not _names_change(text.clause_before(r)))


def _list_gap(gap: str | None) -> bool:
    return gap is not None and bool(_LIST_GAP_RE.fullmatch(gap))


#: What a change's before value is compared with: 与2022年的558件(相比), 比上年的60件.
_BEFORE_MARK_RE = re.compile(
    r"(?:比|较|与|同)(?:上一?年|去年|前一年|上年同期|去年同期|\d{4}年(?:同期)?)(?:的)?$")
#: A stated difference: 较2019年多出842件, 比2019年增加了1325件, 同比减少83起.
_DIFF_MARK_RE = re.compile(
    r"(?:(?:比|较)(?:上一?年|去年|前一年|上年同期|去年同期|\d{4}年(?:同期)?)|相比|同比)"
    r"(?:多出?|增加了?|增长了?|减少了?|下降了?|少了?)$")
#: An earlier item of the list a stated difference stands in: the verb before the list
#: changes every item (同比减少83起、107人), or the item has its own verb (同比减少1起、
#: 多死亡4人).
_DIFF_ITEM_RE = re.compile(r"\d[\d.]*[^\d、，,。；;]{0,3}、"
                           r"(?:(?:多出?|少|增加了?|减少了?)[\u4e00-\u9fff]{0,2})?$")
_DOWN_RE = re.compile(r"下降|减少|降低|少|减|降")


def _changes(text: Text, used: set) -> list[Inferred]:
    """Stated changes recomputed from the two values the report gives, consistent ones
    only (the wording alone does not tie a change to its values strongly enough to
    call a disagreement):

    - a rate's change in points ("得分率66.31%，较2015年上升4.57%", "…6.88%，同比下降
      3.95个百分点"): the rate right before the change, against an earlier rate of the
      same name (the two characters before 率) in that sentence or the one before;
    - a count's growth against its marked earlier value ("1113件，与2022年的558件相比
      …同比增长99.5%");
    - a count's growth from a stated difference ("5422件，较2019年多出842件，增幅为
      18.38%": 842 / (5422 - 842)).
    """
    out = []
    nums = text.numbers
    for k, c in enumerate(nums):
        if (c.start in used or c.unit not in ("%", *POINTS_UNITS)
                or math.isnan(c.value) or c.value == 0
                or not (c.kind == "change" or (c.kind == "rate"
                                               and _names_change(text.clause_before(c))))):
            continue
        down = c.value < 0 or bool(_DOWN_RE.search(_CHANGE_TAIL_RE.sub(
            "", text.clause_before(c))[-4:]))
        found = (_points(text, k, down)
                 or (None if c.unit in POINTS_UNITS else _growth(text, k, down)))
        if found is not None:
            used.add(c.start)
            out.append(found)
    return out


#: Between the two values of a rise: 增加/增长/提高/提升/扩大 then 到/至/为 ("由39家增加到
#: 72家").
_RAISE_BETWEEN_RE = re.compile(r"[，,]?(?:增加|增长|提高|提升|扩大|增)了?(?:到|至|为)")


def _raises(text: Text, used: set) -> list[Inferred]:
    """Rises written "由X增加到Y" with the growth stated after them in the sentence, one
    rate per rise, by position ("部门由39家增加到72家，事项由1279项增加到2429项，分别提升
    84.6%、89.9%": 72 / 39 - 1 = 84.6%, 2429 / 1279 - 1 = 89.9%). Consistent ones only,
    every rise agreeing with its rate (as for other changes, the wording does not tie
    them strongly enough to call a disagreement); numerator the value after, denominator
    the value before."""
    nums = text.numbers
    rises: dict = {}  # group -> [(before, after, index of after)]
    for i, b in enumerate(nums[:-1]):
        a = nums[i + 1]
        gap = text.between(b, a)
        if (gap is None or not _RAISE_BETWEEN_RE.fullmatch(gap)
                or not _CUT_BEFORE_RE.search(text.sentences[b.group][:b.pos])
                or b.kind not in ("count", "amount") or a.kind != b.kind
                or unit_class(a.unit) != unit_class(b.unit) or not 0 < b.value < a.value):
            continue
        rises.setdefault(b.group, []).append((b, a, i + 1))
    out = []
    for pairs in rises.values():
        group = pairs[-1][1].group
        rates = _rate_run(text, pairs[-1][2] + 1,
                          lambda n, group=group: n.group == group and n.value > 0)
        first_gap = text.between(pairs[-1][1], rates[0]) if rates else None
        if (not rates or len(rates) != len(pairs) or first_gap is None
                or clause_breaks(first_gap) > 1 or any(r.start in used for r in rates)
                or not _names_change(text.clause_before(rates[0]))
                or (len(rates) > 1 and "分别" not in text.clause_before(rates[0]))):
            continue
        rows = [(b, a, r, (a.value / b.value - 1) * 100) for (b, a, _), r in zip(pairs, rates)]
        if all(abs(q - r.value) <= _allowed(r) for _, _, r, q in rows):
            for b, a, r, q in rows:
                used.add(r.start)
                out.append(Inferred("change", r, a, b, q, CONSISTENT,
                                    "由…增加到… before/after"))
    return out


def _allowed(c: Number) -> float:
    return 0.5 * 10 ** (-stated_decimals(c.text)) + EPS


def _points(text: Text, k: int, down: bool) -> Inferred | None:
    """A rate's change in points: see :func:`_changes`."""
    c = text.numbers[k]
    after = text.numbers[k - 1] if k else None
    if (after is None or after.group != c.group or after.unit != "%"
            or after.kind != "rate"):
        return None
    stem = _stem(text.clause_before(after))
    if not stem:
        return None
    first = text.lead[c.group]
    if first and text.adjacent[first]:
        first = text.lead[first - 1]
    for before in reversed(text.numbers[:k - 1]):
        if before.group < first:
            break
        if (before.unit != "%" or before.kind != "rate"
                or stem not in text.clause_before(before)):
            continue
        diff = after.value - before.value
        if (diff < 0) == down and abs(abs(diff) - abs(c.value)) <= _allowed(c):
            return Inferred("points", c, after, before, abs(diff), CONSISTENT,
                            "the rate before and after: difference in points")
    return None


def _difference_item(clause: str) -> int | None:
    """Where a stated difference stands in its list, from its clause before it: 0 for
    the first (同比减少83起), 1 for the next (同比减少83起、107人: the verb changes every
    item; 同比减少1起、多死亡4人: an item with its own verb); None when the clause
    states no difference."""
    i = 0
    while not _DIFF_MARK_RE.search(clause):
        m = _DIFF_ITEM_RE.search(clause)
        if m is None:
            return None
        clause = clause[:m.start()]
        i += 1
    return i


def _listed_value(text: Text, same: list[Number], i: int, item: int) -> Number | None:
    """The value a listed difference ``same[i]`` (``item`` of its list) changed: the
    value at its place in the list of as many values right before the differences
    (1244起、死亡1318人、受伤354人，同比减少83起、107人、124人: 107人 is 1318人's), or None
    when no such list stands there (its own counting word must match)."""
    first = i - item
    if first < 0:
        return None
    n = item + 1
    for j in range(i + 1, len(same)):
        if _difference_item(text.clause_before(same[j])) != j - first:
            break
        n += 1
    values = [x for x in same[:first] if is_count(x)]
    if len(values) < n:
        return None
    a = values[len(values) - n + item]
    return a if unit_class(a.unit) == unit_class(same[i].unit) else None


def _growth(text: Text, k: int, down: bool) -> Inferred | None:
    """A count's growth from its earlier value or from a stated difference."""
    c = text.numbers[k]
    same = [n for n in text.numbers[:k] if n.group == c.group and n.pos >= 0]
    for i, b in enumerate(same):
        # a stated difference may be read as a change itself ("减少46人": -46)
        difference = (b.kind == "change" and b.unit not in NOT_COUNTS
                      and b.qualifier == "exact" and not math.isnan(b.value))
        if not (is_count(b) or difference):
            continue
        clause = text.clause_before(b)
        earlier = [a for a in same[:i] if is_count(a)
                   and unit_class(a.unit) == unit_class(b.unit)]
        if not earlier or b.value == 0:
            continue
        a = earlier[-1]
        if _BEFORE_MARK_RE.search(clause) and not difference:
            change = (a.value - b.value) / b.value * 100
            method, after, base = "change", a, b
        elif (item := _difference_item(clause)) is not None:
            a = _listed_value(text, same, i, item) or a
            size = abs(b.value)
            base_value = a.value + size if down else a.value - size
            if base_value <= 0:
                continue
            change = (-size if down else size) / base_value * 100
            method, after, base = "change_by", b, a
        else:
            continue
        if (change < 0) == down and abs(abs(change) - abs(c.value)) <= _allowed(c):
            evidence = ("the value and its earlier value" if method == "change"
                        else "the value and its stated difference")
            return Inferred(method, c, after, base, abs(change), CONSISTENT, evidence)
    return None


# ----------------------------------------------------------------------- multiples

#: What a 倍 number's qualifier words mean (the mention's own qualifier wins when it
#: has one: 近3倍 is read at_most by extraction; 3倍多 and 约为…的4倍 are not).
_TIMES_QUALIFIERS = {"近": "at_most", "将近": "at_most", "接近": "at_most",
                     "不到": "at_most", "不足": "at_most", "约": "approx", "大约": "approx",
                     "超过": "at_least", "超": "at_least", "逾": "at_least"}
#: The same words as one alternation, longest first (将近 before 近).
_TIMES_Q = "|".join(sorted(_TIMES_QUALIFIERS, key=len, reverse=True))
_GROW = "增长|增加|提高|提升|上升|扩大"
#: The words right before N倍 that say growth "by" N times (比上年的60件增长了近3倍,
#: 同比增长3倍多, 比上年多3倍): read as the increase, after = (N + 1) x before.
_TIMES_BY_RE = re.compile(rf"(?:{_GROW}|多)了?(?P<q>{_TIMES_Q})?$")
#: ... and the words that say N times "of" or growth "to" N times (是上年40件的3倍,
#: 是2022年（60件）的3.9倍, 增长到原来的3倍): after = N x before, no ambiguity.
_TIMES_OF_RE = re.compile(rf"(?:的|(?:{_GROW})(?:到|至|为)了?(?:原来的|其)?)(?P<q>{_TIMES_Q})?$")
#: An earlier value: a year or period word right before it (比上年的60件, 上年同期为60件,
#: 是2022年（60件, 由上年的60件), or 由/从 before a value that grew (由60件增加到236件).
_EARLIER_RE = re.compile(r"(?:上一?年|去年|前一年|上年同期|去年同期|\d{4}年(?:同期)?)"
                         r"(?:的|为|是|有|共)?[（(]?$")
#: The evidence of a multiple, by reading and by what gave the earlier value (the brief
#: says which): growth "by" N times or N times "of"; the earlier value stated, or the
#: value less the stated difference (the row's denominator is then the difference).
TIMES_BY_EVIDENCE = "增长N倍 read as an increase of N times the earlier value"
TIMES_BY_DIFF_EVIDENCE = ("增长N倍 read as an increase of N times the earlier value "
                          "(the value less the stated difference)")
TIMES_OF_EVIDENCE = "N times the earlier value (是…的N倍, 增长到N倍)"
TIMES_OF_DIFF_EVIDENCE = ("N times the earlier value (是…的N倍, 增长到N倍; the value less "
                          "the stated difference)")
#: After N倍: 3倍多, 3倍以上 (at least); 3倍左右 (about).
_TIMES_TAIL_RE = re.compile(r"(?P<least>多|余|以上|有余)|(?P<about>左右)")


def _times_qualifier(c: Number, head: str, tail: str) -> str:
    """The qualifier of a stated multiple: its own, else a qualifier word before it (in
    the words before it, or before the verb: 约为上年40件的4倍), else what follows it
    (3倍多, 3倍左右)."""
    if c.qualifier != "exact":
        return c.qualifier
    m = re.search(rf"({_TIMES_Q})$", head) or re.search(
        rf"({_TIMES_Q})(?:是|为|相当于|达|比|较|与)", head)
    if m:
        return _TIMES_QUALIFIERS[m.group(1)]
    m = _TIMES_TAIL_RE.match(tail)
    if m:
        return "at_least" if m.group("least") else "approx"
    return "exact"


def multiple_fits(stated: float, recomputed: float, *, decimals: int = 0,
                  qualifier: str = "exact") -> bool:
    """True when a recomputed multiple fits a stated one ("3倍", "近3倍", "约4倍", "超3倍").

    An exact multiple stands for anything that rounds to it (3倍: 2.5..3.5; 2.5倍:
    2.45..2.55). A qualified one is a range, never one value: 近 (at_most) N - w..N,
    约 (approx) N - w..N + w, 超/多/以上 (at_least) N..N + max(one unit of its last digit,
    w), where w = max(half a unit of the last digit, 10% of N): 近3倍 is 2.5..3, 超3倍
    3..4, 约10倍 9..11.

    Parameters
    ----------
    stated : float
        The multiple the report states (N of N倍).
    recomputed : float
        The multiple recomputed from the two values.
    decimals : int
        Decimal places N is written with (2.5倍: 1).
    qualifier : str
        ``exact``, ``at_most`` (近), ``approx`` (约) or ``at_least`` (超, 多, 以上).

    Returns
    -------
    bool
    """
    half = 0.5 * 10 ** (-decimals)
    w = max(half, 0.1 * stated)
    if qualifier == "at_most":
        return stated - w - EPS <= recomputed <= stated + EPS
    if qualifier == "approx":
        return abs(recomputed - stated) <= w + EPS
    if qualifier == "at_least":
        return stated - EPS <= recomputed <= stated + max(2 * half, w) + EPS
    return abs(recomputed - stated) <= half + EPS


def _earlier(text: Text, n: Number) -> bool:
    """True when ``n``'s words mark it as the earlier value of a change (上年的…, 由…)."""
    head = text.clause_before(n)
    return bool(_EARLIER_RE.search(head) or _CUT_BEFORE_RE.search(head))


def _multiples(text: Text, used: set) -> list[Inferred]:
    """Stated multiples (N倍) recomputed from the value after and the earlier value,
    consistent ones only (as for changes, the wording does not tie a multiple to its
    values strongly enough to call a disagreement).

    The earlier value is a count in the multiple's sentence (its parts split at ； count
    as one) whose words mark it as earlier (:data:`_EARLIER_RE`: 比上年的60件, 上年同期为
    60件, （上年为60件）; or 由60件增加到…); the value after is a larger count of the same
    kind of unit there, not so marked. Or the sentence states the difference
    (比上年增加176件, :data:`_DIFF_MARK_RE`) after the value: the earlier value is their
    difference. Exactly one pair of values must fit; else nothing.

    - growth "by" N times (增长了近3倍, 同比增长3倍多, 多3倍): read as the increase,
      after / before - 1 (the reading taught in Chinese statistics: 增长3倍 = four times
      as many). When a pair fits the other reading (after / before = N) too, or only
      it, the multiple is left unchecked: the wording is ambiguous, and an unchecked
      rate is better than a false finding;
    - N times "of" or growth "to" N times (是上年40件的3倍, 增长到原来的3倍):
      after / before.
    """
    out = []
    for c in text.numbers:
        if (c.start in used or c.unit != "倍" or c.pos < 0 or math.isnan(c.value)
                or c.value <= 0):
            continue
        head = text.clause_before(c)
        by, of = _TIMES_BY_RE.search(head), _TIMES_OF_RE.search(head)
        if by is None and of is None:
            continue
        lead = text.lead[c.group]
        same = [n for n in text.numbers if text.lead[n.group] == lead and n.pos >= 0
                and n is not c]
        pairs = []  # (after, before, before's value)
        for b in same:
            if is_count(b) and b.value > 0 and _earlier(text, b):
                pairs += [(a, b, b.value) for a in same
                          if a is not b and is_count(a) and not _earlier(text, a)
                          and unit_class(a.unit) == unit_class(b.unit)
                          and a.value > b.value]
            elif (b.kind == "change" and b.unit not in NOT_COUNTS and b.value > 0
                  and b.qualifier == "exact" and b.start < c.start
                  and _DIFF_MARK_RE.search(text.clause_before(b))):
                before_b = [a for a in same if a.start < b.start and is_count(a)
                            and unit_class(a.unit) == unit_class(b.unit)]
                if before_b and before_b[-1].value > b.value:
                    a = before_b[-1]
                    pairs.append((a, b, a.value - b.value))
        if not pairs:
            continue
        qualifier = _times_qualifier(c, head, text.sentences[c.group][c.end:c.end + 2])
        decimals = stated_decimals(c.text)

        def fitting(shift: float, pairs=pairs, c=c, qualifier=qualifier,
                    decimals=decimals) -> dict:
            return {(a.value, base): (a, b, a.value / base - shift) for a, b, base in pairs
                    if multiple_fits(c.value, a.value / base - shift, decimals=decimals,
                                     qualifier=qualifier)}

        if by is not None:
            fits = fitting(1.0)
            if fitting(0.0):
                continue  # a pair fits "N times as many": ambiguous, left unchecked
        else:
            fits = fitting(0.0)
        if len(fits) != 1:
            continue
        a, b, recomputed = next(iter(fits.values()))
        diff = b.kind == "change"
        evidence = ((TIMES_BY_DIFF_EVIDENCE if diff else TIMES_BY_EVIDENCE) if by is not None
                    else (TIMES_OF_DIFF_EVIDENCE if diff else TIMES_OF_EVIDENCE))
        stated = c if qualifier == c.qualifier else replace(c, qualifier=qualifier)
        used.add(c.start)
        out.append(Inferred("multiple", stated, a, b, recomputed, CONSISTENT, evidence))
    return out


#: Counts nearest a rate that are tried as its numerator and denominator: bounds the
#: pairs tried per rate in a long sentence (a table flattened into one line).
MAX_CANDIDATES = 16


def _pair_candidates(text: Text, rate: Number) -> list[Number]:
    """Counts in the rate's sentence or the sentence right before it (the nearest
    ``MAX_CANDIDATES``), in text order. A sentence runs to 。！？: its parts split at
    semicolons count as one (after the rate, only its own part)."""
    g = rate.group
    first = text.lead[g]
    if first and text.adjacent[first]:
        first = text.lead[first - 1]
    lo = bisect.bisect_left(text.starts, rate.start) - 1
    out = []
    # the numbers of groups first..g lie around the rate in text order
    i = lo
    while i >= 0 and text.numbers[i].group >= first:
        out.append(text.numbers[i])
        i -= 1
    i = lo + 2
    while i < len(text.numbers) and text.numbers[i].group == g:
        out.append(text.numbers[i])
        i += 1
    cands = [n for n in out if is_count(n)]
    cands = sorted(cands, key=lambda n: (abs(n.start - rate.start), n.start))[:MAX_CANDIDATES]
    return sorted(cands, key=lambda n: n.start)


def _names_part(text: Text, n: Number, stem: str) -> bool:
    """True when what a rate calls itself (the two characters before 率) is in its part's
    words, character by character ("网办率" and "网上办理2369件"; not "满意率" and
    "办结118件")."""
    words = text.clause_before(n) + n.measure
    return all(ch in words for ch in stem)


def _rate_between(text: Text, n: Number, rate: Number) -> bool:
    """True when another stated rate stands between ``n`` and ``rate``."""
    lo = bisect.bisect_right(text.starts, n.start)
    hi = bisect.bisect_left(text.starts, rate.start)
    return any(x.unit == "%" for x in text.numbers[lo:hi])


def _names_all(text: Text, n: Number, rate: Number, stem: str) -> bool:
    """Whether the part of a 100% names what the rate counts: the two characters before
    率 in its clause (办结 in "办结25件，办结率100%"), or two characters in a row of the
    rate's longer name, up to four before 率 (出庭 of 出庭应诉 in "负责人出庭837件，负责人
    出庭应诉率为100%"): equal counts and that name tie them."""
    clause = text.clause_before(n)
    if stem in clause:
        return True
    before = text.clause_before(rate)
    name = re.sub(r"^.*[的之]", "", before[:before.rfind("率")])[-4:]
    return any(name[i:i + 2] in clause for i in range(len(name) - 1))


def _nearest_count(text: Text, rate: Number) -> Number | None:
    """The count written last before the rate in its sentence or the one before (any
    qualifier: "2200多项" too), or None."""
    first = text.lead[rate.group]
    if first and text.adjacent[first]:
        first = text.lead[first - 1]
    i = bisect.bisect_left(text.starts, rate.start) - 1
    while i >= 0 and text.numbers[i].group >= first:
        n = text.numbers[i]
        if n.kind in ("count", "amount") and n.unit not in NOT_COUNTS:
            return n
        i -= 1
    return None


def _pair(text: Text, rate: Number) -> Inferred | None:
    """The closest pair of counts whose quotient rounds (or cuts, :func:`truncates`) to
    the stated rate; else, in this
    order, a whole, part and rate written in a row that agree (:func:`_chain`), a precise
    share's one whole anywhere in the report (:func:`_far_whole`), a mismatching pair the
    wording links (:func:`_linked_mismatch`: 其中 …, then the rate naming it) or, last,
    such a row tied unambiguously that does not agree.

    A rate follows one of its counts: the count written last before it must be in the
    pair ("…事项达2200多项，…占到90%" is no share of two sums of money stated before).
    A 100% is all of a whole: its two counts are equal and the part's clause names
    what the rate counts (办结 in "办结25件，办结率100%").
    """
    if rate.qualifier == "at_most":
        # A ceiling (控制在15%以内, 不足5%) is a limit or a target, and any smaller
        # quotient meets it: nothing ties a pair of counts to it.
        return None
    cands = _pair_candidates(text, rate)
    last = _nearest_count(text, rate)
    whole = rate.value == 100 and rate.qualifier == "exact"
    stem = _stem(text.clause_before(rate))
    if last is not None and stem and _rate_between(text, last, rate):
        # Another rate after the last count is that count's ("按时结案597件，超时办理4件，
        # 结案率100%，按时结案率99%"): this one names its part instead, and the part's
        # words must hold that name (below).
        last = None
    fits = []  # (key, numerator, denominator) of every pair that gives the rate
    for d in cands:
        if d.value <= 0:
            continue
        for n in cands:
            if n is d or n.value > d.value or unit_class(n.unit) != unit_class(d.unit):
                continue
            if last is not None and last is not n and last is not d:
                continue
            if whole and (n.value != d.value or not stem
                          or not _names_all(text, n, rate, stem)):
                continue
            if stem and not whole and not _names_part(text, n, stem):
                continue
            lo, hi = quotient_range(n, d)
            if status_in_range(rate, lo, hi, tolerance=INFERRED_TOLERANCE,
                               cut=False) != CONSISTENT and (
                    _rated(text, d, rate) or status_in_range(
                        rate, lo, hi, tolerance=INFERRED_TOLERANCE) != CONSISTENT):
                # a quotient that only cuts to the rate (:func:`truncates`) is a wider
                # net: its whole may not be a count another rate is stated of
                # ("满意2120件，占比95.45%；不满意5件，占比0.23%": 5/2120 = 0.236% cuts
                # to 0.23%, but the whole is the 2221 both shares are of)
                continue
            fits.append(((int(n.group != rate.group) + int(d.group != rate.group),
                          abs(rate.start - n.start) + abs(rate.start - d.start), d.start,
                          n.start), n, d))
    if fits:
        _, n, d = min(fits, key=lambda f: f[0])
        d = _whole_of_equals(text, rate, d, [x for _, m, x in fits if m is n])
        return Inferred("ratio", rate, n, d, n.value / d.value * 100, CONSISTENT,
                        "quotient rounds to the stated rate")
    chain = _chain(text, rate)
    if chain is not None and chain.status == CONSISTENT:
        return chain
    return _far_whole(text, rate, last) or _linked_mismatch(text, rate, cands) or chain


def _rated(text: Text, n: Number, rate: Number) -> bool:
    """True when the number written right after ``n`` is another rate in its sentence
    (a share, a growth of ``n``): ``n`` is what that rate is stated of."""
    k = bisect.bisect_right(text.starts, n.start)
    if k >= len(text.numbers):
        return False
    nxt = text.numbers[k]
    return nxt is not rate and nxt.kind == "rate" and nxt.group == n.group


def _part_of_next_rate(text: Text, n: Number, rate: Number) -> bool:
    """True when ``n`` is the part of another rate written right after it, its clause
    naming that rate ("负责人出庭应诉58件，出庭应诉率100%": the 58 is the appearances
    the 100% counts, not cases a loss rate could be a share of)."""
    k = bisect.bisect_right(text.starts, n.start)
    if k >= len(text.numbers):
        return False
    nxt = text.numbers[k]
    if nxt is rate or nxt.kind != "rate" or nxt.group != n.group:
        return False
    own = _stem(text.clause_before(nxt))
    return bool(own) and _names_part(text, n, own)


def _whole_of_equals(text: Text, rate: Number, d: Number, wholes: list) -> Number:
    """The denominator of a pair whose quotient fits, when counts of the same value could
    each be it (``wholes``, ``d`` the closest): the one that is not another rate's part
    (:func:`_part_of_next_rate`); when that does not tell them apart, ``d`` with no
    indicator and a measure naming each (…或…), as a wrong name is worse than none
    ("一审行政诉讼案件58件，行政机关负责人出庭应诉58件，…；败诉4件，败诉率6.9%": the loss
    rate's whole is the cases, not the appearances; trial 5 F10)."""
    same = list({x.start: x for x in wholes if x.value == d.value}.values())
    if len(same) < 2:
        return d
    free = [x for x in same if not _part_of_next_rate(text, x, rate)]
    if len(free) == 1:
        return free[0]
    names = "或".join(dict.fromkeys(x.measure for x in same if x.measure))
    return replace(d, measure=names, indicator_ids=())


#: A rate stated this precisely (half its last digit over its value) may find its whole
#: anywhere in the report: 40.94% of 2220 admits only 5422 (±0.012%). Simulated on the
#: six gold sets (every exact count as a part, fake rates 17.0%..99.9%), a random rate
#: finds a unique false whole 0.1% of the time.
FAR_PRECISION = 0.003
#: A rate that calls itself a share (占, 比例, 比重) may be rougher (31%, 38%) when its
#: whole comes before it, as a share refers back to a whole already stated: fake
#: integer rates of 25%..99% find a false whole 0.5% of the time that way.
FAR_SHARE_PRECISION = 0.02


def _far_whole(text: Text, rate: Number, last: Number | None) -> Inferred | None:
    """The whole of a precisely stated share, anywhere in the report.

    The part is the count written right before the rate in its clause chain (not a list
    item); the whole is the one count value in the report, of the same kind of unit and
    not smaller, whose quotient rounds to the rate ("仅武汉市就收到复议申请2220件，在全省
    新收申请中占40.94%", the province's 5422件 stated paragraphs before). Two values that
    fit, or a rate stated too roughly (``FAR_PRECISION``; ``FAR_SHARE_PRECISION`` for a
    share whose whole is stated before it), give nothing.
    """
    if (last is None or not is_count(last) or last.group != rate.group
            or _in_list(text, last) or rate.qualifier != "exact" or rate.value <= 0):
        return None
    decimals = stated_decimals(rate.text)
    spread = 0.5 * 10 ** (-decimals) / rate.value
    share = bool(_SHARE_RE.search(text.clause_before(rate)))
    if spread > (FAR_SHARE_PRECISION if share else FAR_PRECISION):
        return None
    n = last
    stem = _stem(text.clause_before(rate))
    if stem and not _names_part(text, n, stem):
        return None
    values, counts = text.counts_by_unit(unit_class(n.unit))
    # only wholes near n / rate can round to it: a window of the sorted values
    lo = n.value * 100 / (rate.value + 1)
    hi = n.value * 100 / max(rate.value - 1, EPS)
    fits = [d for d in counts[bisect.bisect_left(values, lo):bisect.bisect_right(values, hi)]
            if d is not n and d.value >= n.value and d.value > 0
            and rate_status(rate.value, n.value / d.value * 100, decimals=decimals,
                            tolerance=INFERRED_TOLERANCE) == CONSISTENT]
    if spread > FAR_PRECISION and any(d.start > rate.start for d in fits):
        return None
    if len({d.value for d in fits}) != 1:
        return None
    d = min(fits, key=lambda x: abs(x.start - rate.start))
    return Inferred("ratio", rate, n, d, n.value / d.value * 100, CONSISTENT,
                    "the one whole in the report that gives the stated rate")


def _clause_of(text: Text, n: Number) -> str:
    """``n``'s whole clause, before and after it (its verb often follows it: "2331项纳入
    …管理")."""
    sent = text.sentences[n.group]
    tail = sent[n.end:]
    cut = min((tail.find(c) for c in CLAUSE_MARKS if c in tail), default=len(tail))
    return text.clause_before(n) + n.measure + tail[:cut]


def _chain(text: Text, rate: Number) -> Inferred | None:
    """A share written as whole, part, rate: three numbers in a row in one sentence, at
    most one clause break between each two, nothing else numeric between them.

    "法院引调诉讼案件35件，调解成功26件，调撤率为74%", "全县2418项事项里有2331项纳入
    …，事项入驻率为96.4%", "全年办理复议案件141件，通过调解结案75件，调解率为60.5%".
    The order ties the three together where the rate's own name abbreviates its part
    (调撤, 入驻): the part's clause must hold at least one character of what the rate
    calls itself (the two characters before 率), the whole must be a count of the same
    kind of unit not smaller than the part, neither an item of a list. A quotient that
    rounds to the rate is ``consistent``. A quotient that does not is a ``mismatch``
    only when the tie is unambiguous: the part's clause names the rate fully (each
    character of its name), the whole's clause does not (else it is a peer of the part,
    not its whole), and the rate is not 100% (all of a whole the text does not count).
    """
    if rate.pos < 0 or rate.qualifier != "exact" or rate.value <= 0:
        return None
    k = bisect.bisect_left(text.starts, rate.start)
    if k < 2:
        return None
    d, n = text.numbers[k - 2], text.numbers[k - 1]
    if not (d.group == n.group == rate.group and is_count(d) and is_count(n)
            and unit_class(d.unit) == unit_class(n.unit) and d.value >= n.value > 0
            and d.pos >= 0 and n.pos >= 0):
        return None
    for gap in (text.between(d, n), text.between(n, rate)):
        if clause_breaks(gap) > 1 or "、" in gap:
            return None
    if _in_list(text, d) or _in_list(text, n):
        return None
    stem = _stem(text.clause_before(rate))
    part_words = _clause_of(text, n)
    if not stem or not any(ch in part_words for ch in stem):
        return None
    q = n.value / d.value * 100
    if status_in_range(replace(rate, qualifier="exact"), *quotient_range(n, d),
                       tolerance=INFERRED_TOLERANCE) == CONSISTENT:
        return Inferred("ratio", rate, n, d, q, CONSISTENT,
                        "whole, part, then the rate naming the part")
    whole_words = _clause_of(text, d)
    if (rate.value == 100 or not all(ch in part_words for ch in stem)
            or all(ch in whole_words for ch in stem)):
        return None
    return Inferred("ratio", rate, n, d, q, MISMATCH,
                    "whole, part, then the rate naming the part")


def _in_list(text: Text, n: Number) -> bool:
    """True when ``n`` is an item of a list ("3595件、3125件", "分别为…"), also when its
    items are named around them: the next or the previous number of its sentence is
    joined to it by one 、 with no clause break ("广告违法行为（147.6万件）、侵害消费者
    权益行为（46.6万件）")."""
    if n.pos < 0:
        return True
    sent = text.sentences[n.group]
    if (sent[n.pos - 1:n.pos] == "、" or sent[n.end:n.end + 1] == "、"
            or "分别" in text.clause_before(n)):
        return True
    k = bisect.bisect_left(text.starts, n.start)
    for j in (k - 1, k + 1):
        if 0 <= j < len(text.numbers):
            a, b = sorted((n, text.numbers[j]), key=lambda x: x.start)
            if _next_item(text.between(a, b)):
                return True
    return False


def _next_item(gap: str | None) -> bool:
    """Whether ``gap``, the words between two numbers, joins them as items of one list:
    one 、, no clause break, the next item's name at most a few words ("件、举报",
    "万件）、侵害消费者权益行为（")."""
    return bool(gap) and gap.count("、") == 1 and not clause_breaks(gap) and len(gap) <= 16


def _linked_mismatch(text: Text, rate: Number, cands: list[Number]) -> Inferred | None:
    """A pair the wording ties to the rate even though the quotient disagrees.

    Strong evidence only. The numerator is the count right before the rate, in its
    sentence, with no count between, and either

    - opens with 其中 while the rate calls itself a share (占, 比例, 比重 in its clause)
      or names it (the two characters before 率 occur in the count's clause: 纠错 in
      "审结52件，其中纠错4件，纠错率8.5%"); or
    - stands in the clause right before a share ("共836项，网上可办的有659项，网办比例
      达88.52%", "办理2474件，网上办理2369件，占比95.87%"), neither number being an
      item of a list;

    and the denominator is the closest earlier count of the same kind of unit, not
    smaller than the numerator. A stated 100% is never linked: the pair found here is
    unequal (else it would have been consistent), so the rate counts another whole.
    """
    before = [n for n in cands if n.start < rate.start]
    if not before:
        return None
    n = before[-1]
    if n.group != rate.group or n.pos < 0 or rate.pos < 0:
        return None
    # A stated 100% says the part is all of its whole; a count linked to it that is less
    # than the count before it ("共公开43条，其中主动公开2条，主动公开率100%") means the
    # rate's whole is another one (what was due), not stated: no pair at all.
    if rate.value == 100 and rate.qualifier == "exact":
        return None
    # Another rate between them is that count's, or ends the count's run of words: the
    # count is no longer the part this rate speaks of ("全市事项3373项（其中许可事项1198
    # 项），跑零次实现率95.4%，即办事项比例83.01%"). Nor is the last item of a list: a
    # rate after a list may be of the list's sum ("…（147.6万件）、…（29.4万件）三类合计
    # 占比为66.4%").
    k = bisect.bisect_left(text.starts, rate.start)
    if text.numbers[k - 1] is not n or _in_list(text, n):
        return None
    clause_n, clause_r = text.clause_before(n), text.clause_before(rate)
    share = bool(_SHARE_RE.search(clause_r))
    stem = _stem(clause_r)
    gap = text.sentences[n.group][n.end:rate.pos]
    if "其中" in clause_n and (share or (stem and stem in clause_n)):
        evidence = "其中 … then the rate of that part"
    elif share and clause_breaks(gap) <= 1 and not _in_list(text, n):
        evidence = "a share right after its part"
    else:
        return None
    # A sentence that opens with 其中 continues the one before it: its whole may be there
    # ("共受理诉求284406件。其中，咨询类诉求124599件，占63.72%").
    groups = {n.group}
    if re.match(r"其中", text.sentences[n.group]) and n.group and text.adjacent[n.group]:
        groups.add(n.group - 1)
    dens = [d for d in before[:-1]
            if unit_class(d.unit) == unit_class(n.unit) and d.value > 0
            and d.value >= n.value and not _in_list(text, d) and d.group in groups]
    if not dens:
        return None
    d = dens[-1]
    # a rate between them belongs to d: d is a peer of n, not its whole
    # ("…有13件，占总量的38%；…有12件，占总量的35%")
    if any(x.unit == "%" and d.start < x.start < n.start for x in text.numbers[
            bisect.bisect_left(text.starts, d.start):bisect.bisect_left(text.starts, n.start)]):
        return None
    q = n.value / d.value * 100
    status = status_in_range(rate, *quotient_range(n, d), tolerance=INFERRED_TOLERANCE)
    return Inferred("ratio", rate, n, d, q, status, evidence)


# ----------------------------------------------------------------------- targets

#: A rate of a target met, actual / target (above 100% when the target is exceeded):
#: named by a completion word (完成率, 达成率, 执行率, 兑现率, 到位率, 完成比例), or
#: written as a share of a target ("为年度目标3万平方米的103.3%", "完成全年任务的112%").
#: A coverage rate (覆盖率) is one too when a plan states what it was to cover: its part
#: (已检查企业34家) never names 覆盖, so the pair rule's own-name test cannot tie it.
_TARGET_RATE_RE = re.compile(r"(?:完成|达成|执行|兑现|到位)(?:率|比例|进度)|覆盖率"
                             r"|(?:目标|任务|计划|预算)[^，,。；;：:]{0,12}的$")
#: A target's value, marked after it ("6万平方米年度目标", "1.5万平方米的年度任务"), or
#: the counted noun put into a plan after it ("34家企业列入计划", "纳入年度检查计划")...
_TARGET_AFTER_RE = re.compile(r"的?(?:年度|全年|本年度|工作|考核|下达的?)?(?:目标|任务|计划)"
                              r"|[^\d，,。；;：:、]{0,6}?(?:列入|纳入)[^\d，,。；;：:、]{0,6}?计划")
#: ... or before it, in its clause ("年度目标3万平方米", "年度目标为拆除违建6万平方米",
#: "下达拆违任务6万平方米", "计划培训500人次", "预算资金1000万元", "全年目标（6万平方米）",
#: "目标任务：6万平方米").
_TARGET_BEFORE_RE = re.compile(r"(?:目标|任务|计划|预算|指标|下达|安排)[：:]?"
                               r"[^，,。；;：:\d]{0,8}$")
#: What was done against a target, in the actual's clause (实际组织…, 完成…, 累计拆除…).
_ACTUAL_RE = re.compile(r"实际|完成|实现|累计|共计|共")
#: Where a target's label stops: a clause mark, but not a colon (目标任务：6万平方米).
_LABEL_BREAKS = CLAUSE_MARKS.replace("：", "").replace(":", "")
#: A number in a sentence, for targets that are no mention (extraction drops a target:
#: it is what a plan sets, not a statistic).
_SENTENCE_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:千万|百万|十万|万|亿|千)?")


def _is_quantity(n: Number) -> bool:
    """An exact amount of anything (counts, money, areas, hours): what a target sets."""
    return (n.kind in ("count", "amount") and n.unit not in ("%", *POINTS_UNITS, "倍")
            and n.qualifier == "exact" and not math.isnan(n.value) and n.value > 0)


def _targets(text: Text, groups: range, same_units: frozenset) -> list[Number]:
    """The targets of one kind of unit stated in ``groups``: numbers whose words mark
    them as a target, mentions or not (a number extraction dropped as a target is read
    here from the sentence, with its raw offset estimated from a mention beside it: the
    mentions table keeps no sentence offsets, and nothing shows the estimate, since a
    target's row is named by its rate's offset and keeps no offset of the target)."""
    out = []
    units = sorted(same_units, key=len, reverse=True)
    for g in groups:
        sent = text.sentences[g]
        mine = [n for n in text.numbers if n.group == g]
        ref = next((n for n in mine if n.pos >= 0), None)
        if ref is None:
            continue
        for m in _SENTENCE_NUMBER_RE.finditer(sent):
            unit = next((u for u in units if sent.startswith(u, m.end())), None)
            if unit is None:
                continue
            end = m.end() + len(unit)
            # its clause before it; a label before a colon ("目标任务：6万平方米") or a
            # bracket ("全年目标（6万平方米）") still names it
            head = sent[:m.start()].rstrip("（(")
            head = head[max(head.rfind(ch) for ch in _LABEL_BREAKS) + 1:]
            after = _TARGET_AFTER_RE.match(sent, end)
            before = _TARGET_BEFORE_RE.search(head)
            if after is None and before is None:
                continue
            known = next((n for n in mine if n.pos == m.start()), None)
            if known is not None:
                if _is_quantity(known):
                    out.append(known)
                continue
            try:
                value = numbers.parse_number(m.group())
            except ValueError:
                continue
            words = (after.group().lstrip("的") if after is not None
                     else before.group())
            out.append(Number(
                start=ref.start - ref.pos + m.start(), value=value, unit=unit,
                qualifier="exact", kind="count", text=sent[m.start():end],
                sentence=ref.sentence, measure=words, indicator_ids=(), group=g,
                pos=m.start(), end=end))
    return out


def _target_share(text: Text, rate: Number) -> Inferred | None:
    """A rate of a target met: the actual over the target ("…存量违建…62301.03平方米；
    …下达的6万平方米年度目标…，完成率为103.84%": 62301.03 / 60000).

    The rate names a completion or a coverage (:data:`_TARGET_RATE_RE`: 覆盖率 of
    "将34家企业列入计划…已检查企业34家" is 34 / 34); the target is a number its
    words mark as one (:data:`_TARGET_AFTER_RE`, :data:`_TARGET_BEFORE_RE`), in the
    rate's sentence or the one before, whether extraction kept it or not; the actual is
    an exact amount of the same kind of unit written before the rate in those
    sentences, not itself a target. One (target, actual) pair of values whose quotient
    rounds to the rate: ``consistent``. None that does, with exactly one target and one
    actual of that unit, the actual the count written last before the rate with words
    of what was done (实际, 完成, 累计…; no 其中), and a rate that is not 100%:
    ``mismatch`` (the completion word, the target's mark, the unit and the actual's
    words tie them). Anything else: no row.
    """
    if rate.pos < 0 or rate.value <= 0 or not _TARGET_RATE_RE.search(
            text.clause_before(rate)):
        return None
    g = rate.group
    first = text.lead[g]
    if first and text.adjacent[first]:
        first = text.lead[first - 1]
    groups = range(first, g + 1)
    quantities = [n for n in text.numbers
                  if first <= n.group <= g and n.start < rate.start and _is_quantity(n)]
    decimals = stated_decimals(rate.text)
    fits, tried = {}, []
    for cls in {unit_class(n.unit) for n in quantities}:
        targets = _targets(text, groups, cls)
        target_at = {(t.group, t.pos) for t in targets}
        actuals = [n for n in quantities if unit_class(n.unit) == cls
                   and (n.group, n.pos) not in target_at]
        for t in targets:
            for a in actuals:
                q = a.value / t.value * 100
                tried.append((a, t, q))
                if rate_status(rate.value, q, decimals=decimals, qualifier=rate.qualifier,
                               tolerance=INFERRED_TOLERANCE) == CONSISTENT:
                    fits.setdefault((a.value, t.value), (a, t, q))
    if len(fits) == 1:
        a, t, q = next(iter(fits.values()))
        return Inferred("target", rate, a, t, q, CONSISTENT,
                        "the actual over the target the sentence states")
    if not fits and len(tried) == 1 and not (rate.value == 100 and rate.qualifier == "exact"):
        a, t, q = tried[0]
        # a disagreement needs the actual tied to the rate: the count written last
        # before it, its clause saying it is what was done (实际…, 完成…), not a part
        words = text.clause_before(a)
        if (a is not _nearest_count(text, rate) or "其中" in words
                or not _ACTUAL_RE.search(words)):
            return None
        status = rate_status(rate.value, q, decimals=decimals, qualifier=rate.qualifier,
                             tolerance=INFERRED_TOLERANCE)
        return Inferred("target", rate, a, t, q, status,
                        "the one actual and the one target the sentence states")
    return None


def infer_ratios(mentions, skip: set | None = None) -> list[Inferred]:
    """Rates recomputed from numbers the wording pairs, without a catalogue relation.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The ``mentions`` table of one region-year (a ``measure`` column is used when
        present).
    skip : set of int, optional
        ``char_start`` of rates already checked through the catalogue.

    Returns
    -------
    list of Inferred
        In report order. Rules (docs/reports.md "Inferred rates"):

        - reduction: ``由 X 压缩至 Y`` (also 缩短/减少/降低…, 从…到…), X and Y of the
          same kind of unit and Y < X, gives (X - Y) / X; a stated cut (压缩56.1%,
          减少…%) later in the sentence is compared with it (consistent or mismatch),
          else the cut is ``computed_only``.
          A list cut item by item pairs by position and unit.
        - changes (:func:`_changes`, consistent ones only): a rate's change in points
          against the earlier rate of the same name; a count's growth or fall against
          its marked earlier value or from a stated difference.
        - multiples (:func:`_multiples`, consistent ones only): N倍 against the value
          after and its marked earlier value; 增长N倍 is growth by N times, 是…的N倍
          N times; 近/约/超 a range (:func:`multiple_fits`).
        - a target met (:func:`_target_share`, tried first for a rate that names a
          completion or a coverage): actual / target, over 100% too, the target marked
          by its words (a plan's listed count for a 覆盖率).
        - ratio: a stated rate (kind rate, its clause naming no change) and two exact
          counts of the same kind of unit in its sentence or the sentence right before,
          numerator <= denominator, whose quotient rounds to the rate as
          :func:`rate_status` reads it (stated decimals, 以上 = at least), or cuts to
          it (:func:`truncates`) when the whole is no count another rate is stated
          of (``_rated``); the count
          written last before the rate is one of them, a rate that names itself
          (纠错率) has those characters in the numerator's words, and a 100% needs
          equal counts. The closest such pair wins (same sentence first). Failing
          that, a precisely stated share takes the one whole in the report that gives
          it (``_far_whole``). A pair that does not give the rate is not reported,
          since nothing says they belong together, except when the wording links them
          (see ``_linked_mismatch``): then it is a ``mismatch``.
    """
    text = text_of(mentions)
    used = set(skip or ())
    out = _reductions(text, used)
    out += _listed_shares(text, used)
    out += _raises(text, used)
    out += _changes(text, used)
    out += _multiples(text, used)
    for rate in text.numbers:
        if (rate.kind != "rate" or rate.unit != "%" or rate.start in used
                or _names_change(text.clause_before(rate))):
            continue
        found = _target_share(text, rate) or _pair(text, rate)
        if found is not None:
            out.append(found)
    for inf in out:
        inf.name = _inferred_name(text, inf)
    return sorted(out, key=lambda x: (x.rate or x.denominator).start)


#: Between two rates of a list (分别占比23.5%、17.3%): 、 or a joining word.
_RATE_LIST_GAP_RE = re.compile(r"、|和|及|与")
#: A rate list that gives each listed count its share (分别占比…, 分别占…的…).
_EACH_SHARE_RE = re.compile(r"分别(?:占|为|是)?[^，,。；;：:]{0,6}(?:占|比例|比重)|分别占")


def _rate_run(text: Text, j: int, fits=lambda n: True) -> list[Number]:
    """The rates from ``text.numbers[j]`` on that form one list: percentages that ``fits``
    accepts, each joined to the one before by 、 or a joining word (分别提升84.6%、89.9%;
    分别占比23.39%、4.22%和0.07%)."""
    nums = text.numbers
    run: list[Number] = []
    while j < len(nums) and nums[j].unit == "%" and fits(nums[j]):
        if run and not _RATE_LIST_GAP_RE.fullmatch(text.between(run[-1], nums[j]) or "-"):
            break
        run.append(nums[j])
        j += 1
    return run


def _count_list(text: Text, i: int, k: int) -> list[Number] | None:
    """The ``k`` numbers right before ``text.numbers[i]`` when they are a list of exact
    counts of one kind of unit in its sentence: each two joined by 、 with no clause
    break or other number between, their names (in parentheses or not) around them
    ("投诉7836件、举报1415件", "质量问题（213.9万件）、售后服务（157.9万件）"). None else."""
    if i < k:
        return None
    items = text.numbers[i - k:i]
    rate = text.numbers[i]
    if any(not is_count(n) or n.group != rate.group or n.pos < 0 for n in items):
        return None
    if len({unit_class(n.unit) for n in items}) != 1:
        return None
    if not all(_next_item(text.between(a, b)) for a, b in zip(items, items[1:])):
        return None
    return items


def _listed_shares(text: Text, used: set) -> list[Inferred]:
    """Shares listed with 分别 after a list of counts, each count over the whole stated
    before the list: "共接收诉求33508件。其中投诉7836件、举报1415件、咨询24234件、表扬23件，
    分别占比23.39%、4.22%、72.32%、0.07%" (7836 / 33508 = 23.39%, …); "受理投诉911万件，
    …，其中质量问题（213.9万件）、…、广告问题（39.5万件）等…，分别占比23.5%、…、4.3%".

    The positions tie each rate to its count; the whole is the nearest earlier count of
    the same kind of unit, in the list's sentence or the one before, not smaller than
    any item. Only when every quotient rounds to its rate are the rows given
    (``consistent``): one that does not says the list is read wrongly, not that the
    report is wrong, so nothing is given then.
    """
    out = []
    nums = text.numbers
    i = 0
    while i < len(nums):
        r = nums[i]
        if (r.unit != "%" or r.kind != "rate" or r.pos < 0 or r.qualifier != "exact"
                or not _EACH_SHARE_RE.search(text.clause_before(r))):
            i += 1
            continue
        rates = _rate_run(text, i)
        k = len(rates)
        items = _count_list(text, i, k) if k >= 2 else None
        if items is None or clause_breaks(text.between(items[-1], r) or "") > 2:
            i += k
            continue
        whole = _whole_before(text, items)
        if whole is not None:
            rows = [(n, rate, n.value / whole.value * 100) for n, rate in zip(items, rates)]
            if all(rate.start not in used and status_in_range(
                    rate, *quotient_range(n, whole), tolerance=INFERRED_TOLERANCE)
                    == CONSISTENT for n, rate, q in rows):
                for n, rate, q in rows:
                    used.add(rate.start)
                    out.append(Inferred("ratio", rate, n, whole, q, CONSISTENT,
                                        "分别: each listed count over the whole before the list"))
        i += k
    return out


def _whole_before(text: Text, items: list[Number]) -> Number | None:
    """The nearest count before the first of ``items``, in its sentence or the one
    before, of their kind of unit and not smaller than any of them (other numbers,
    such as a growth rate, may stand between)."""
    first = items[0]
    top = text.lead[first.group]
    if top and text.adjacent[top]:
        top = text.lead[top - 1]
    biggest = max(n.value for n in items)
    cls = unit_class(first.unit)
    j = bisect.bisect_left(text.starts, first.start) - 1
    while j >= 0 and text.numbers[j].group >= top:
        d = text.numbers[j]
        if is_count(d) and unit_class(d.unit) == cls:
            return d if d.value >= biggest and d.value > 0 else None
        j -= 1
    return None


def _inferred_name(text: Text, inf: Inferred) -> str:
    """A Chinese name for an inferred rate: the rate's measure, else its own words
    ("纠错率" from "纠错率为8%"); for a cut, what was cut ("办理时限压缩幅度"), else the
    measure of the value before the cut; for a count's change, the count's measure
    with 增幅 or 降幅; for a multiple, the value's measure with 增长倍数 (增长N倍) or
    倍数 (是…的N倍); for a change in points, the rate's measure with 变化."""
    if inf.method == "reduction":
        # The words before 由 name what was cut better than a measure built around
        # the cut's verbs ("企业开办时间由18.5天压缩至…"; "事项由原来的18个部门、75项…").
        before = inf.denominator
        what = re.sub(r"(?:由|从).*$", "", text.clause_before(before))[-12:] or before.measure
        return f"{what}压缩幅度" if what else "压缩幅度"
    if inf.method in ("change", "change_by"):
        value = inf.numerator if inf.method == "change" else inf.denominator
        word = "降幅" if inf.rate.value < 0 else "增幅"
        what = re.sub(r"数$", "", value.measure)
        return f"{what}{word}" if what else word
    if inf.method == "multiple":
        # what grew, from the value after ("办理法律援助案件数" -> …增长倍数)
        what = re.sub(r"数$", "", inf.numerator.measure)
        word = "增长倍数" if inf.evidence in (TIMES_BY_EVIDENCE, TIMES_BY_DIFF_EVIDENCE) \
            else "倍数"
        return f"{what[-12:]}{word}"
    if inf.method == "points":
        what = inf.numerator.measure or _RATE_TAIL_RE.sub("", text.clause_before(inf.numerator))
        return f"{what[-12:]}变化" if what else "比率变化"
    rate = inf.rate
    if rate.measure:
        return rate.measure
    words = _RATE_TAIL_RE.sub("", text.clause_before(rate))[-12:]
    return words or "比率"


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


#: report.json (by fileio.stat_key) -> its kind of issuer (validate.report_kind)
_REPORT_KINDS: dict = {}


def shown_regions(root, region: str, year: int, stage=None, peers=None) -> dict[str, dict]:
    """How a brief of ``region``/``year`` names the year's other regions, and where from.

    The panel's other rows are the year's other published regions (the same-year peers
    of :func:`layout.brief_peers`). Each is named by ``regions.csv``'s ``zh_name``, the
    register being the one source of names (a report whose title names no place,
    鹤龙街… or 区司法局关于…, or whose title splits into a place that does not exist,
    takes the name the analyst gave it, as the index does), else by its slug, marked
    未登记 when the region has no row (``listed`` False: published before ``rol build``
    refused such a region, or its row deleted since); its kind of issuer is
    ``regions.csv``'s ``level``
    (province … township, department), else what its title and issuer say
    (:func:`validate.report_kind`: township, department or government), so a 司法局 is
    not read as a 镇 or a district beside them.

    The one rule for both the analysis (:func:`analyse`) and the brief's fingerprint
    (``pipeline.brief_fingerprint``): what the brief shows of its peers' names and
    kinds is what the fingerprint records, so a change to either source rebuilds it
    and a change to anything else (another region's line in ``regions.csv``) does not.

    Parameters
    ----------
    root : path-like
        Project root.
    region, year : str, int
        The region-year whose brief this is (left out of the result).
    stage : path-like, optional
        As for :func:`layout.published`: a build's view, with its new tables.
    peers : list, optional
        ``(region, year, report.json path)`` of :func:`layout.brief_peers`, when the
        caller has listed them already (``stage`` is then not used).

    Returns
    -------
    dict
        Slug -> ``{"name", "name_from", "kind", "kind_from", "city", "province",
        "listed"}``; ``name_from`` is ``"regions.csv"`` or None (no name: the slug is
        shown), ``kind_from`` ``"regions.csv"`` or ``"report"``; city and province are
        ``regions.csv``'s (None when unknown); ``listed`` whether it has a row.
    """
    from . import regions
    from .validate import report_kind

    rows = regions.metadata(root)
    out = {}
    if peers is None:
        peers = layout.brief_peers(root, region, year, "report.json", stage=stage)
    for slug, yr, path in peers:
        if slug == region or yr != int(year):
            continue
        try:
            key = fileio.stat_key(path)
        except OSError:  # tables without a report.json: the analysis lists it not either
            continue
        if key not in _REPORT_KINDS:  # `rol list` reads each peer's once, not per brief
            if len(_REPORT_KINDS) > 100_000:
                _REPORT_KINDS.clear()
            # an unreadable file leaves the kind to the title-less default
            _REPORT_KINDS[key] = report_kind(fileio.read_json(path, {}))
        report_kind_ = _REPORT_KINDS[key]
        row = rows.get(slug)
        listed = row is not None
        row = row or {}
        # the register names a region, never its report's title: a title split badly
        # (红旗 for 红旗区) or a region with no row would show a name nobody checked
        name, name_from = ((row["zh_name"], "regions.csv") if row.get("zh_name")
                           else (None, None))
        kind, kind_from = ((row["level"], "regions.csv") if row.get("level")
                           else (report_kind_, "report"))
        # the regions table's 市/省 columns: regions.csv's, as in the index
        out[slug] = {"name": name, "name_from": name_from, "kind": kind,
                     "kind_from": kind_from, "city": row.get("city"),
                     "province": row.get("province"), "listed": listed}
    return out


def _region_names(root: Path, meta: dict, region: str, year: int) -> tuple[dict, dict]:
    """Region slug -> Chinese name, and slug -> kind of issuer, for the year's regions.

    The other regions as :func:`shown_regions` names them, a region without a
    ``regions.csv`` row as its slug marked （未登记） (unregistered); this region by its
    ``regions.csv`` row (in its data fingerprint) as well, its kind by its
    ``regions.csv`` level (in its brief fingerprint), else by ``meta``.
    """
    from . import regions
    from .validate import report_kind

    names, kinds = {}, {}
    for slug, shown in shown_regions(root, region, year).items():
        if shown["name"]:
            names[slug] = shown["name"]
        elif not shown["listed"]:
            names[slug] = unregistered_label(slug)
        kinds[slug] = shown["kind"]
    rows = regions.metadata(root)
    row = rows.get(region) or {}
    if row.get("zh_name"):
        names[region] = row["zh_name"]
    elif region not in rows:  # notebooks run on their own: the build stops before
        names[region] = unregistered_label(region)
    kinds[region] = row.get("level") or report_kind(meta)
    return names, kinds


#: How a region with no ``regions.csv`` row is named: its slug, marked as unregistered.
UNREGISTERED = "未登记"


def unregistered_label(slug: str) -> str:
    """``wuxing（未登记）``: a region the register has no row for, by its folder name."""
    return f"{slug}（{UNREGISTERED}）"


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
    # the build's staging folder's; the published one for notebooks run on their own
    validation = (_read_json(paths.report / "validation.json", required=False)
                  or _read_json(paths.report_final / "validation.json", required=False))
    history = published_history(paths.root, paths.region, paths.year, indicators)
    names, kinds = _region_names(Path(paths.root), meta, paths.region, paths.year)
    # the earlier year's unnamed numbers: a figure one year names, or states a change of,
    # may be unnamed there (pipeline.brief_fingerprint records its mentions table)
    before = yoy.previous_mentions(paths.root, paths.region, paths.year)
    before_year = yoy.earlier_year(history, paths.region, paths.year)
    unpaired, unlike = yoy.uncompared(history, paths.region, paths.year, cat, mentions, before)
    return Analysis(
        region=paths.region, year=paths.year, meta=meta, validation=validation,
        indicators=indicators, mentions=mentions,
        ratios=compare_ratios(indicators, cat, mentions), intensities=intensities(indicators, cat),
        checks=part_whole(indicators, cat, mentions), history=history,
        yoy=yoy.year_over_year(history, paths.region, paths.year, cat, indicators, mentions),
        panel=region_panel(history, paths.year, cat),
        region_names=names, region_kinds=kinds,
        unpaired=unpaired,
        unnamed_changes=yoy.unnamed_changes(mentions, before, paths.year, before_year),
        unlike=unlike,
    )


#: The stated changes checked against the year before (yoy.stated_checks), beside
#: ratios.csv in a report's folder.
CHANGES_FILE = "changes.csv"


def run(paths, catalogue: Catalogue | None = None) -> Analysis:
    """Notebook 03: analyse the build and write ``ratios.csv`` and ``changes.csv``
    (:func:`yoy.stated_checks`) into ``paths.report``.

    Returns
    -------
    Analysis
    """
    analysis = analyse(paths, catalogue)
    fileio.write_csv(paths.report / "ratios.csv", analysis.ratios)
    # the stated changes the year before checks, for the index's 不一致 count
    fileio.write_csv(paths.report / CHANGES_FILE,
                     yoy.stated_checks(analysis.yoy, analysis.unnamed_changes))
    return analysis
