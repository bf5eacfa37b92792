"""Charts of an :class:`~rol_analysis.ratios.Analysis`, with Chinese labels.

Every chart is drawn with the packaged Noto Sans SC (see :mod:`rol_analysis.fonts`), on
a bare :class:`matplotlib.figure.Figure` (no pyplot state, so a notebook shows each
chart once and nothing leaks between charts), and saved as PNG with fixed size, dpi and
metadata: the same analysis gives the same bytes on every machine.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass
from html import escape

from .catalogue import load
from .fonts import use_in_matplotlib
from .ratios import shown_sections
from .regions import same_kind
from .render import LEVEL_LABELS
from .yoy import relative_change_text

DPI = 110
#: A region's kind of issuer as the regions table and chart name it: the index's level
#: labels (regions.csv), and "government" when only the report's title and issuer tell
#: that it is no township or department (validate.report_kind).
KIND_LABELS = {**{k: v for k, v in LEVEL_LABELS.items() if k != "unknown"},
               "government": "政府 government"}
#: The hatching of a peer's bars whose kind of issuer differs from the report's.
OTHER_KIND_HATCH = "///"
KIND_ZH = {"count": "数量", "amount": "金额", "rate": "比率", "change": "变化"}
KIND_COLOURS = {"count": "#4C72B0", "amount": "#DD8452", "rate": "#55A868", "change": "#8172B3"}
STATUS_COLOURS = {
    "consistent": "#2E7D32", "mismatch": "#C62828", "claim_only": "#EF6C00",
    "computed_only": "#1565C0",
    # pairs inferred from the wording (ratios.infer_ratios); the label says "推断"
    "consistent (inferred)": "#2E7D32", "mismatch (inferred)": "#C62828",
    "computed_only (inferred)": "#1565C0",
}


@dataclass(frozen=True)
class Chart:
    """A rendered chart: PNG bytes plus the text that describes it.

    Shown as an image in a notebook (``_repr_png_``); :meth:`img_tag` gives the inline
    ``<img>`` the brief embeds.
    """

    name: str
    title: str
    png: bytes
    width: int
    height: int

    def _repr_png_(self) -> bytes:
        return self.png

    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    def img_tag(self) -> str:
        """An escaped, self-contained ``<img>`` element (data URI, alt text, size)."""
        return (
            f'<img class="chart" src="{self.data_uri()}" alt="{escape(self.title)}" '
            f'width="{self.width}" height="{self.height}">'
        )


def _figure(width: float, height: float, layout: str | None = None):
    # A bare Figure with its own Agg canvas: pyplot's backend (inline in a notebook) is
    # left alone and the figure is never registered with pyplot.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    use_in_matplotlib()
    fig = Figure(figsize=(width, height), dpi=DPI, layout=layout)
    FigureCanvasAgg(fig)
    return fig


def _finish(fig, name: str, title: str) -> Chart:
    buf = io.BytesIO()
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    # metadata: no "Software" stamp, so a matplotlib upgrade alone does not change bytes
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    w, h = fig.canvas.get_width_height()
    return Chart(name=name, title=title, png=buf.getvalue(), width=w, height=h)


def _fingerprint(analysis) -> str:
    """A digest of everything a chart may draw from ``analysis``."""
    import pandas as pd

    h = hashlib.sha256(repr((analysis.region, analysis.year, analysis.meta.get("region_name"),
                             sorted(analysis.region_names.items()),
                             sorted(analysis.region_kinds.items(), key=str))).encode())
    for name in ("indicators", "ratios", "yoy", "panel", "history"):
        df = getattr(analysis, name)
        h.update(name.encode())
        h.update(repr(list(df.columns)).encode())
        h.update(pd.util.hash_pandas_object(df, index=False).values.tobytes())
    # the sections chart reads the mentions' heading sections too (shown_sections)
    h.update(repr(sorted(shown_sections(analysis.indicators, analysis.mentions).items()))
             .encode())
    return h.hexdigest()


_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 32


def _memo(fn):
    """Keep recent charts by content: notebook 04 shows the charts notebook 03 drew.

    A warm kernel runs 03 and 04 one after the other; drawing is the dearest part of
    both, and the same data always gives the same PNG, so a cache hit is exact.
    """

    @functools.wraps(fn)
    def wrapper(analysis):
        key = (fn.__name__, _fingerprint(analysis))
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
        chart = _CACHE[key] = fn(analysis)
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
        return chart

    return wrapper


def _place(analysis) -> str:
    return f"{analysis.region_names.get(analysis.region) or analysis.region} {analysis.year}年"


def _count_ticks(ax) -> None:
    """Whole-number ticks on a count axis: with one or two indicators a section,
    matplotlib would otherwise mark 0.5 and 1.5, counts no report can have."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def region_labels(analysis) -> dict:
    """Region slug -> how the panel (table and chart) names it: its Chinese name, with
    the slug added when two regions of the panel share that name (two 新城区 are two
    places, and rows with one name could not be told apart).

    Parameters
    ----------
    analysis : ratios.Analysis

    Returns
    -------
    dict
        One label per region of ``analysis.panel``; a region without a name is its slug.
    """
    slugs = [] if analysis.panel is None else list(analysis.panel["region"])
    names = {r: analysis.region_names.get(r) or r for r in slugs}
    shared = Counter(names.values())
    return {r: f"{n}（{r}）" if shared[n] > 1 and n != r else n for r, n in names.items()}


def kind_zh(kind) -> str:
    """A kind of issuer's Chinese label (乡镇街道, 部门, 县级 …); "" when unknown."""
    return KIND_LABELS[kind].split(" ")[0] if kind in KIND_LABELS else ""


def other_kinds(analysis) -> dict:
    """Region slug -> its kind of issuer (``KIND_LABELS`` key), for the regions of the
    panel whose kind differs from the report's own (:func:`regions.same_kind`).

    A 司法局's or a 镇's figures beside a district's are not the same measure of a place:
    the regions table and chart mark these rows. Empty when every region is of the
    report's kind (or of an unknown one), and then nothing is marked.

    Parameters
    ----------
    analysis : ratios.Analysis

    Returns
    -------
    dict
    """
    slugs = [] if analysis.panel is None else list(analysis.panel["region"])
    own = analysis.region_kinds.get(analysis.region)
    return {r: analysis.region_kinds[r] for r in slugs
            if r != analysis.region and analysis.region_kinds.get(r) in KIND_LABELS
            and not same_kind(own, analysis.region_kinds[r])}


@_memo
def by_section(analysis) -> Chart:
    """Bar chart: indicators found per report section, stacked by kind.

    Every catalogue section is listed in report order with its count, so an empty
    section shows as "0" rather than as a gap a reader might take for missing data.
    """
    return _finish(*_by_section_figure(analysis))


#: Height of the sections chart besides its bars: title, axis label and the legend row
#: under them.
SECTIONS_FIXED_IN = 1.7


def _by_section_figure(analysis):
    """(figure, name, title) of :func:`by_section`, before it is saved."""
    cat = load()
    sections = list(cat.sections)
    counts = {(s.id, k): 0 for s in sections for k in KIND_ZH}
    # the sections the brief's tables show them under (a shown_in heading's, else their own)
    shown = shown_sections(analysis.indicators, analysis.mentions, cat)
    for rec in analysis.indicators[["indicator_id", "kind"]].to_dict("records"):
        key = (shown[rec["indicator_id"]], rec["kind"])
        if key in counts:
            counts[key] += 1
    title = f"{_place(analysis)}：各部分指标数"
    # The legend goes under the axes, as the regions chart's does (room reserved by
    # constrained layout): inside them, at the lower right, it sat over the closing
    # sections and would cover whatever bar a section there drew.
    fig = _figure(7.5, 0.42 * len(sections) + SECTIONS_FIXED_IN, layout="constrained")
    ax = fig.add_subplot()
    labels = [s.zh_name for s in sections][::-1]
    left = [0] * len(sections)
    for kind, zh in KIND_ZH.items():
        vals = [counts[(s.id, kind)] for s in sections][::-1]
        if not any(vals):
            continue
        ax.barh(labels, vals, left=left, color=KIND_COLOURS[kind], label=zh)
        left = [a + b for a, b in zip(left, vals)]
    for y, total in enumerate(left):
        ax.text(total + 0.15, y, str(total), va="center", fontsize=9,
                color="#333333" if total else "#888888")
    # Explicit ticks: a report with no indicator draws no bar, and the sections (each
    # with its "0") must still be listed.
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlabel("指标数（项）")
    _count_ticks(ax)
    ax.set_title(title)
    ax.set_xlim(0, max(left + [1]) * 1.15 + 0.5)
    if any(left):  # a report with no indicator gets an empty chart, not a legend warning
        handles, kinds = ax.get_legend_handles_labels()
        fig.legend(handles, kinds, loc="outside lower center", ncol=len(kinds), frameon=False,
                   fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, "by_section", title


@_memo
def rates(analysis) -> Chart | None:
    """Dot chart: each rate's reported value (filled) and recomputed value (hollow,
    larger, around it) against the 100% line, coloured by status. ``None`` when the
    report has no rates.
    """
    drawn = _rates_figure(analysis)
    return None if drawn is None else _finish(*drawn)


#: Height of the rates chart: per rate, plus title, axis label and legend, and a floor
#: so that a single rate still gets a readable plot area.
RATE_ROW_IN, RATE_FIXED_IN, RATE_MIN_IN = 0.42, 1.9, 2.8


def _rates_figure(analysis):
    """(figure, name, title) of :func:`rates`, before it is saved; None without rates."""
    from matplotlib.lines import Line2D

    from .statuses import STATUS_ZH

    df = analysis.ratios
    if df is None or not len(df):
        return None
    title = f"{_place(analysis)}：比率——报告值与按数据推算值"
    # Constrained layout reserves room for a legend placed "outside" the axes, so the
    # legend can never be drawn over the axis label, whatever the number of rates.
    fig = _figure(7.5, max(RATE_MIN_IN, RATE_ROW_IN * len(df) + RATE_FIXED_IN),
                  layout="constrained")
    ax = fig.add_subplot()
    labels = df["zh_name"].tolist()[::-1]
    ys = range(len(labels))
    ax.axvline(100, color="#555555", linestyle="--", linewidth=1)
    for y, rec in zip(ys, df.to_dict("records")[::-1]):
        colour = STATUS_COLOURS.get(rec["status"], "#333333")
        rep, rec_v = rec["reported"], rec["recomputed"]
        if not math.isnan(rep) and not math.isnan(rec_v):
            ax.plot([rep, rec_v], [y, y], color=colour, linewidth=1)
        if not math.isnan(rep):
            marker = {"at_least": ">", "at_most": "<"}.get(rec["qualifier"], "o")
            ax.plot(rep, y, marker=marker, color=colour, markersize=7, linestyle="none",
                    zorder=3)
        if not math.isnan(rec_v):
            # Hollow and larger, drawn on top: when both values are equal the reported
            # dot shows inside the diamond instead of being hidden under it.
            ax.plot(rec_v, y, marker="D", markerfacecolor="none", markeredgecolor=colour,
                    markeredgewidth=1.5, markersize=12, linestyle="none", zorder=4)
        ax.text(103, y, STATUS_ZH.get(rec["status"], ""), va="center", fontsize=8, color=colour)
    ax.set_yticks(list(ys), labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlim(-2, 118)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xlabel("百分比（%）；虚线为100%")
    ax.set_title(title)
    handles = [
        Line2D([], [], marker="o", color="#333333", linestyle="none", label="报告值"),
        Line2D([], [], marker=">", color="#333333", linestyle="none", label="报告值（以上）"),
        Line2D([], [], marker="D", markerfacecolor="none", markeredgecolor="#333333",
               markeredgewidth=1.5, markersize=9, linestyle="none",
               label="推算值（分子÷分母）"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False,
               fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, "rates", title


@_memo
def year_over_year(analysis) -> Chart | None:
    """Bar chart of each count's relative change (%) from the latest earlier year.

    Rates change in percentage points, not in %: they stay in the brief's table rather
    than share an axis with relative changes. ``None`` when no earlier year of the
    region is published or no count changed from a non-zero value.
    """
    drawn = _year_over_year_figure(analysis)
    return None if drawn is None else _finish(*drawn)


#: The year-over-year axis spans at least this many percent each side of 0: changes of
#: +0.0% (a count the same in both years) would otherwise get an axis of their own
#: rounding (0 to 1.2 %), and a 0.3% change would fill the chart like a doubling.
YOY_MIN_SPAN_PCT = 5.0
#: A bar beyond this many times the median of the other bars' changes (and beyond
#: YOY_CLIP_FLOOR_PCT) is drawn clipped at that bound and labelled with its value: one
#: outlier (清理规范性文件 23 → 207, +800 %) otherwise squashed every other bar to a line.
YOY_CLIP_TIMES_MEDIAN = 3.0
#: Changes up to a doubling (or a halving) are never clipped.
YOY_CLIP_FLOOR_PCT = 100.0


def _yoy_clip(vals: list[float]) -> float | None:
    """The bound the year-over-year chart's axis is clipped at, None when no bar is an
    outlier: the largest of YOY_CLIP_FLOOR_PCT and YOY_CLIP_TIMES_MEDIAN times the
    median of the changes but the largest (so that two outliers are both clipped)."""
    import statistics

    sizes = sorted(abs(v) for v in vals)
    if len(sizes) < 2:
        return None
    bound = max(YOY_CLIP_FLOOR_PCT, YOY_CLIP_TIMES_MEDIAN * statistics.median(sizes[:-1]))
    return bound if sizes[-1] > bound else None


def _year_over_year_figure(analysis):
    """(figure, name, title) of :func:`year_over_year`, before it is saved; None
    without a relative change to draw."""
    df = analysis.yoy
    if df is None or not len(df):
        return None
    df = df[df["change_pct"].notna() & (df["change_unit"] == "%")]
    if not len(df):
        return None
    prev = int(df["previous_year"].iloc[0])
    title = f"{_place(analysis)}：较{prev}年变化（相对 %，比率除外）"
    fig = _figure(7.5, 0.4 * len(df) + 1.5)
    ax = fig.add_subplot()
    labels = df["zh_name"].tolist()[::-1]
    vals = df["change_pct"].tolist()[::-1]
    # the same text as the brief's table (from the two values, not the rounded pct)
    shown = [relative_change_text(v, p, pct) for v, p, pct in
             zip(df["value"], df["previous"], df["change_pct"])][::-1]
    colours = ["#2E7D32" if v >= 0 else "#C62828" for v in vals]
    clip = _yoy_clip(vals)
    drawn = [max(-clip, min(clip, v)) if clip else v for v in vals]
    bars = ax.barh(labels, drawn, color=colours)
    ax.axvline(0, color="#555555", linewidth=1)
    for y, (v, d, text) in enumerate(zip(vals, drawn, shown)):
        cut = d != v
        if cut:  # hatched and labelled: its length is the axis', not its value's
            bars[y].set_hatch("//")
            bars[y].set_edgecolor("#FFFFFF")
        ax.text(d, y, f" {text}%（轴外） " if cut else f" {text}% ", va="center",
                ha="left" if v >= 0 else "right", fontsize=8,
                fontweight="bold" if cut else "normal")
    span = max(max(abs(v) for v in drawn), YOY_MIN_SPAN_PCT)
    # Both sides when some count fell, or when none changed as shown (every label
    # +0.0%): "no change" reads as a line in the middle of the axis, not at its edge.
    both = min(vals) < 0 or all(text in ("+0.0", "-0.0") for text in shown)
    ax.set_xlim(-span * 1.35 if both else -span * 0.05, span * 1.35)
    ax.set_xlabel(f"相对变化（%），{prev}年 → {analysis.year}年；比率的变化（个百分点）见表"
                  + (f"\n斜线柱超出 ±{clip:.0f}%，画至轴界，标注实际值" if clip else ""))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, "year_over_year", title


@_memo
def panel(analysis) -> Chart | None:
    """Cross-region chart for this year: indicators stated per region, by kind.

    ``None`` when no other region's report for this year is published.
    """
    tbl = analysis.panel
    if tbl is None or len(tbl) < 2:
        return None
    return _finish(*_panel_figure(analysis))


#: Height of the regions chart besides its bars: title, axis label and the legend row
#: under them.
PANEL_FIXED_IN = 1.8


def _panel_figure(analysis):
    """(figure, name, title) of :func:`panel`, before it is saved."""
    from matplotlib.patches import Patch

    tbl = analysis.panel
    cat = load()
    title = f"{analysis.year}年各地区报告所列指标数"
    labels = region_labels(analysis)
    # a peer of another kind of issuer (a 镇 or a 司法局 beside a district) says so in its
    # label and its bars are hatched: its figures measure less than a place's
    other = other_kinds(analysis)
    names = [labels[r] + (f"（{kind_zh(other[r])}）" if r in other else "")
             for r in tbl["region"]]
    # The legend goes under the axes ("outside", room reserved by constrained layout):
    # inside them it sat on the longest bar whenever that bar was at the bottom, and
    # no corner of the axes is free of bars for every panel.
    fig = _figure(7.5, 0.45 * len(tbl) + PANEL_FIXED_IN, layout="constrained")
    ax = fig.add_subplot()
    left = [0] * len(tbl)
    for kind, zh in KIND_ZH.items():
        cols = [c for c in tbl.columns[2:] if cat.indicators[c].kind == kind]
        vals = [int(tbl.loc[i, cols].notna().sum()) for i in tbl.index]
        if not any(vals):
            continue
        bars = ax.barh(names[::-1], vals[::-1], left=left[::-1], color=KIND_COLOURS[kind],
                       label=zh)
        for bar, region in zip(bars, list(tbl["region"])[::-1]):
            if region in other:
                bar.set_hatch(OTHER_KIND_HATCH)
                bar.set_edgecolor("white")  # the hatch's colour, on every bar colour
        left = [a + b for a, b in zip(left, vals)]
    ax.set_xlabel("指标数（项）")
    _count_ticks(ax)
    ax.set_title(title)
    # Handles of their own: a bar's handle would copy its first bar, hatched when that
    # region is of another kind.
    kinds = ax.get_legend_handles_labels()[1]
    zh_kind = {zh: kind for kind, zh in KIND_ZH.items()}
    handles = [Patch(facecolor=KIND_COLOURS[zh_kind[zh]]) for zh in kinds]
    if other:
        own = kind_zh(analysis.region_kinds.get(analysis.region))
        handles.append(Patch(facecolor="#888888", edgecolor="white", hatch=OTHER_KIND_HATCH))
        kinds.append(f"斜线：报告主体类别与本报告（{own}）不同")
    fig.legend(handles, kinds, loc="outside lower center", ncol=len(kinds), frameon=False,
               fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, "panel", title


def all_charts(analysis) -> list[Chart]:
    """Every chart that applies to ``analysis``, in brief order."""
    found = [by_section(analysis), rates(analysis), year_over_year(analysis), panel(analysis)]
    return [c for c in found if c is not None]
