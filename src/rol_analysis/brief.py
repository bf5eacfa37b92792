"""The HTML fragments of the brief, one method per cell of notebook 04.

Rules every fragment follows:

- Chinese first; English names beside the Chinese ones in tables.
- Every number taken from the report carries its provenance: hovering shows the source
  sentence (``title``) and a footnote number links to the number itself, marked in its
  sentence in the list of sources at the end (:mod:`footnotes`), whose mark links back
  to the number's row in the tables. Recomputed numbers cite the counts they come from.
- Everything that comes from a report (sentences, titles, issuer, validation messages
  quoting it) is HTML-escaped: a report cannot put markup into the brief.
- No timestamps, no random ids: the same inputs give the same HTML.
- No number is hidden: a number no indicator row shows is listed under "其他统计".
- Rates paired from the report's wording (:func:`ratios.infer_ratios`) are shown apart
  from the catalogue's, marked "推断 inferred", with the numbers that were paired.

The markup is in Jinja2 templates with autoescape (``templates/brief/``: one per cell and
per listing, and the marks of single figures as macros of ``marks.html.j2``); the methods
here gather the values. Values that already hold markup (numbers with their provenance,
from :meth:`Brief._num`) reach a template as ``Markup``; every other value is escaped by
the template, so no sentence of the brief is written as markup in Python (the key
findings are one item of values each, written by ``findings.html.j2``).

:meth:`Brief.header` also carries, as display metadata, what :mod:`rol_analysis.render`
needs for the page title and the footer (``rol_brief`` key).
"""

from __future__ import annotations

import math
import re
from functools import cached_property, lru_cache
from html import escape

from markupsafe import Markup

from . import charts as _charts
from . import footnotes, layout, regions, statuses
from . import ratios as _ratios
from . import yoy as _yoy
from .catalogue import load
from .normalize import compact
from .ocr import LOW_SCORE as LOW_OCR_SCORE
from .reviews import (
    NAMING,
    NEW,
    REVIEW_LABELS,
    against_definition,
    excluded_numbers,
    parse_mark,
    proposed_name,
    review_state,
    unconfirmed,
)
from .tables import _missing, text_cell
from .wording import stated_decimals

#: How the brief marks a number a reviewer decided on (data/reviews/): one mark for each
#: action that decides a name (reviews.NAMING, the rule of the ○ count too).
REVIEW_MARKS = {"confirm": ("✓", "已复核确认", "confirmed by a reviewer"),
                "set": ("✎", "已复核更正", "corrected by a reviewer"),
                "add": ("✎", "复核补充", "added by a reviewer")}
#: How the brief marks a number a reviewer named against its indicator's definition
#: (``set!``/``add!``, reviews.against_definition): the definition excludes it, and a
#: reader of the brief should see that the reviewer overrode it.
AGAINST_MARK = ("✎!", "违背指标定义", "set against the indicator's definition")
#: How the brief marks a number named automatically that no reviewer decided on: the
#: name may be wrong (README "Assumptions and caveats": about 3 in 10 of the names given
#: on reports the catalogue was not written from).
UNCONFIRMED_MARK = ("○", "自动命名，未经复核确认",
                    "named automatically, not confirmed by a reviewer")
QUALIFIER_ZH = {"exact": "", "at_least": "以上（≥）", "at_most": "以下（≤）", "approx": "约"}
QUALIFIER_PREFIX = {"exact": "", "at_least": "≥", "at_most": "≤", "approx": "≈"}
CHECK_ZH = {"ok": "成立", "violated": "不成立", "uncertain": "无法确定（含约数）"}
KIND_ZH = {"count": "数量 count", "amount": "金额 amount", "rate": "比率 rate",
           "change": "变化 change"}
METADATA_KEY = "rol_brief"
#: The regions table's kind of issuer (the chart's too).
KIND_LABELS = _charts.KIND_LABELS
#: The validation report sits beside brief.html (reports/<region>/<year>/).
VALIDATION_HREF = "validation.html"
#: The anchor of a number's row in the tables (section tables, 其他统计, the excluded
#: list), by its char_start: its mark in the sources links back there.
HOME = "num-{at}"


def _start(value) -> int | None:
    """A table's char_start cell as an int (None when empty)."""
    return int(value) if _present(value) else None


def _escaped(value):
    """A template value escaped as :func:`html.escape` escapes (``&#x27;``, ``&quot;``), as
    the charts' alt text is; markup (``__html__``) as it is. Jinja's own escaping writes
    ``&#39;`` and ``&#34;``: one page would spell the same name two ways."""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value), quote=True))


@lru_cache(maxsize=1)
def _templates():
    """The brief's fragment templates (``templates/brief``), autoescaped (every value
    through :func:`_escaped`)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("rol_analysis", "templates/brief"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=False,
        finalize=_escaped)


def _render(name: str, **context) -> str:
    return _templates().get_template(name).render(**context)


@lru_cache(maxsize=1)
def _marks():
    """The macros of ``marks.html.j2`` (looked up once: they run for every figure)."""
    return _templates().get_template("marks.html.j2").module


def _mark(macro: str, *args) -> str:
    """A macro of ``marks.html.j2`` rendered, as a plain string: callers join it with
    other escaped HTML, which Markup's ``+`` would escape a second time."""
    return str(getattr(_marks(), macro)(*args))


def _present(value) -> bool:
    """Not None/NaN/<NA>/"" (a CSV or nullable column's empty cell)."""
    # float() alone: ``value == ""`` on <NA> gives <NA>, whose truth value raises
    try:
        return not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def _present_text(value) -> bool:
    """A non-empty string (a table's text cell; None/NaN/"" are empty)."""
    return isinstance(value, str) and bool(value.strip())


def _stated_unit(unit, ind) -> str:
    """The unit to show a figure of indicator ``ind`` with: ``%`` for a rate, else the
    unit its report stated, else the catalogue's first."""
    if ind.kind == "rate":
        return "%"
    return unit if _present_text(unit) else ind.units[0]


def _html(body: str, metadata: dict | None = None):
    from IPython.display import HTML

    return HTML(body, metadata=metadata) if metadata else HTML(body)


def format_number(value: float, unit: str = "", kind: str = "count", decimals: int = 0) -> str:
    """A value as a reader expects it: ``212,386 个``, ``1,628 万元``, ``95.87%``.

    Parameters
    ----------
    value : float
    unit : str
        Counting word (``%`` for rates).
    kind : str
        Catalogue kind; amounts in yuan are shown in 万元/亿元.
    decimals : int
        Decimals for rates (as the report wrote them).
    """
    if _missing(value):
        return "—"
    # a change shows its direction either way: "9.5%" beside a section's "-23.5%" read
    # as a level or a rise nobody could tell from a fall (trial 24)
    sign = "+" if kind == "change" and value > 0 else ""
    if kind == "rate" or unit == "%":
        return f"{sign}{value:.{decimals}f}%"
    if unit == "元" and abs(value) >= 1e4:
        scale, word = (1e8, "亿元") if abs(value) >= 1e8 else (1e4, "万元")
        return sign + f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    text = (f"{value:,.0f}" if float(value).is_integer()
            else f"{value:,.2f}".rstrip("0").rstrip("."))
    return f"{sign}{text} {unit}".strip()


def signed_text(text: str, value, kind) -> str:
    """A number's text as its sentence writes it, a change's with its direction: the
    sentence says it in words (同比下降9.2%, 较上年减少6卷) that a table of numbers
    leaves behind, and mentions hold it as the value's sign."""
    if kind != "change" or _missing(value) or not value or text[:1] in "+-−":
        return text
    return ("+" if value > 0 else "-") + text


def as_stated(value, unit="", kind="count", qualifier="exact", text=None) -> str:
    """A number as the report stated it: its qualifier kept (``≥120 次``) and a rate's
    decimals as written (``99.5%`` stays ``99.5%``)."""
    prefix = QUALIFIER_PREFIX.get(qualifier or "exact", "")
    return prefix + format_number(value, unit or "", kind, stated_decimals(text))


def _worded(value, unit="", kind="count", qualifier="exact", text=None) -> str:
    """A number as stated with its qualifier in words (``240 天以上``, ``约30 件``), for a
    side of a comparison, where ``≥240 天`` would read ``≤ ≥240 天``."""
    shown = format_number(value, unit or "", kind, stated_decimals(text))
    q = qualifier or "exact"
    return ("约" + shown if q == "approx" else shown + "以上" if q == "at_least"
            else shown + "以下" if q == "at_most" else shown)


def _approx(rec: dict) -> str:
    """``≈`` when either year's figure is stated with a qualifier (余, 以上, 约): a change
    computed from it is not known exactly."""
    return "≈" if {rec.get("qualifier"), rec.get("previous_qualifier")} - {"exact", None} else ""


def _previous_as_stated(rec: dict) -> str:
    """A year-over-year record's earlier figure as that report stated it."""
    return as_stated(rec["previous"], rec["unit"], rec["kind"], rec["previous_qualifier"],
                     rec["previous_text"])


#: An English name's base unit, as the catalogue counts amounts (元): the brief shows an
#: amount as its report states it (1,098.2 万元), so the name leaves the unit to the
#: figure rather than head 万元 values with "(yuan)" (trial 23).
_BASE_UNIT_RE = re.compile(r"\s*\(yuan\)$")
#: The change shown for two equal figures (100% and 100%): "+0.0 个百分点" read as a
#: rounded change (trial 23).
UNCHANGED = "持平 unchanged"


#: Decimals of a rate the report does not state, computed from two figures, in the key
#: findings: one, as reports write their rates (95.7% beside 98.6%; trial 23 read
#: 95.65% as more precise than the stated ones). Where a computed rate is checked
#: against a stated one (the ratio tables, a mismatch) it keeps two, to show the
#: rounding it was checked within.
COMPUTED_DECIMALS = 1


def shown_en_name(en_name) -> str:
    """An indicator's English name as the brief heads its figures: without the base
    unit the catalogue counts amounts in (``(yuan)``), which the figure beside it, as
    stated, need not be in."""
    return _BASE_UNIT_RE.sub("", en_name) if isinstance(en_name, str) else en_name


def change_text(rec: dict) -> str:
    """A year-over-year change: rates in 个百分点 (pp), other indicators in relative %;
    ``持平 unchanged`` when the two figures are equal.

    ``≈`` marks a change computed from a number stated with a qualifier (余, 以上, 约):
    the true change is not known exactly.
    """
    approx = _approx(rec)
    if rec.get("change_unit") == "pp":
        d = rec["change"]
        if _missing(d):
            return "—"
        if d == 0:
            return f"{approx}{UNCHANGED}"
        decimals = max(stated_decimals(rec.get("text")),
                       stated_decimals(rec.get("previous_text")), 1)
        return f"{approx}{d:+.{decimals}f} 个百分点"
    pct = rec.get("change_pct")
    if _missing(pct):
        return "—"
    if pct == 0:
        return f"{approx}{UNCHANGED}"
    return f"{approx}{_yoy.relative_change_text(rec.get('value'), rec.get('previous'), pct)}%"


def stated_recomputed_text(rec: dict) -> str:
    """The change the two years' figures give, in the unit the report stated its own
    (``stated_unit``): relative % and points as the change column writes them, a
    count's change in its counting word (``-3 卷``)."""
    unit = rec.get("stated_unit")
    if unit in ("%", "pp"):
        return change_text(rec)
    d = rec.get("stated_recomputed")
    if _missing(d):
        return "—"
    approx = _approx(rec)
    return f"{approx}{'+' if d > 0 else ''}{format_number(d, unit or '')}"


def _against_said(against: str) -> str:
    """What a ``set!``/``add!`` overrode, as a tooltip or footnote says it (both
    languages: ``against`` is the reviews module's short bilingual note)."""
    return f"{AGAINST_MARK[1]}：{against} / {AGAINST_MARK[2]}"


def _name_mark(action: str, who: str, against: str = "") -> str:
    """The mark after a figure shown as an indicator's: ✓/✎ with the reviewer's name on
    hover for a reviewer's ``action`` (✎! and what the reviewer overrode, ``against``,
    for a ``set!``/``add!``), else ○ (a name no reviewer decided on)."""
    if action in NAMING:
        sym, zh, en = REVIEW_MARKS[action]
        if against and action in ("set", "add"):
            return _mark("name_mark", "review-mark review-against",
                         f"{zh}（{who}）/ {en}\n{_against_said(against)}", AGAINST_MARK[0])
        return _mark("name_mark", "review-mark", f"{zh}（{who}）/ {en}", sym)
    sym, zh, en = UNCONFIRMED_MARK
    return _mark("name_mark", "unconfirmed-mark", f"{zh} / {en}", sym)


def _direction_mark(way: str) -> str:
    """The mark a regions-table cell carries when its column's figures go opposite ways
    (:func:`yoy.direction`): 接收 or 报送, with the English on hover."""
    zh, en = _yoy.DIRECTIONS[way]
    return f'<span class="direction" title="{en}">（{zh}）</span>'


def _catalogue_line() -> str:
    """The footer's catalogue: the packaged one's version, the project's extension
    files, and a short sha256 of them together (what build.json records whole)."""
    from . import catalogue

    return catalogue.describe()


class Brief:
    """The brief of one region-year.

    Parameters
    ----------
    paths : layout.BuildPaths
        The build's paths: the tables are read from ``paths.tables``,
        validation.json from the report's staging folder.
    analysis : ratios.Analysis, optional
        Reuse an analysis already computed (tests); computed from ``paths`` otherwise.

    Notes
    -----
    Footnote numbers follow the order of the sentences in the report (then validation
    sentences), so they do not depend on which cell cites a sentence first.
    """

    def __init__(self, paths, analysis=None):
        from . import __version__

        self.paths = paths
        self.analysis = analysis if analysis is not None else _ratios.analyse(paths)
        self.meta = self.analysis.meta or {}
        self.validation = self.analysis.validation
        self.version = __version__
        self.catalogue = load()
        ind = self.analysis.indicators.sort_values(["char_start", "indicator_id"], kind="stable")
        self._rows = {r["indicator_id"]: r for r in ind.to_dict("records")}
        #: the report's indicator names that no reviewer confirmed, set or added
        self.n_unconfirmed = unconfirmed(r.get("review") for r in self._rows.values())
        self._notes: dict[str, int] = {}
        # source sentence -> what reviewers corrected in it (shown in its footnote)
        self._corrections: dict[str, list[str]] = {}
        for rec in ind.to_dict("records"):
            action, who, original = parse_mark(rec.get("review"))
            if action in ("set", "add"):
                zh = (self.catalogue.indicators[rec["indicator_id"]].zh_name
                      if rec["indicator_id"] in self.catalogue.indicators else "")
                note = (f"复核更正（{who}）：{zh} 原读作 {original}" if action == "set"
                        else f"复核补充（{who}）：{zh}")
                if against := against_definition(rec.get("review")):
                    note += f"；{_against_said(against)}"
                self._corrections.setdefault(rec["sentence"], []).append(note)
        # A number a reviewer un-named (or corrected while leaving it unnamed) is in no
        # indicator row: its correction would otherwise leave no trace beside 其他统计.
        mentions = self.analysis.mentions
        unnamed = ({} if mentions is None or not len(mentions) else
                   {int(r["char_start"]): r for r in mentions.to_dict("records")
                    if not isinstance(r.get("indicator_id"), str) or not r["indicator_id"]})
        named_at = {int(r["char_start"]) for r in ind.to_dict("records")}
        for start, rec in sorted(unnamed.items()):
            action, who, original = parse_mark(rec.get("review"))
            if start in named_at:  # its named reading's footnote says it already
                continue
            if action == NEW:
                name = proposed_name(rec.get("review"))
                self._corrections.setdefault(rec["sentence"], []).append(
                    f"复核（{who}）：{rec.get('text')} 需新增指标"
                    + (f"（提议名称：{name}）" if name else "") + f"，原读作 {original}")
                continue
            if action != "set":
                continue
            whole = self._whole_of(rec)
            now = (f"{rec.get('text')} 作为{whole.zh_name}的分项" if whole is not None
                   else f"{rec.get('text')} 不归入指标")
            self._corrections.setdefault(rec["sentence"], []).append(
                f"复核更正（{who}）：{now} 原读作 {original}")
        #: numbers a reviewer excluded (report.json ``excluded``, see reviews.apply):
        #: gone from the tables, shown in the header's count and their own list
        self.excluded = excluded_numbers(self.meta)
        for e in self.excluded:
            note = f"复核排除（{e.get('reviewer') or '?'}）：{e.get('text')} 不计为统计数字"
            note += f"，原读作 {e['reading']}" if e.get("reading") else ""
            note += f"；说明：{e['note']}" if e.get("note") else ""
            self._corrections.setdefault(e.get("sentence"), []).append(note)
        # the rule other briefs link into this one's sources by (footnotes.peer_notes)
        self._notes.update(footnotes.numbered(mentions, ind, self.excluded))
        #: sentence -> its numbers (char_start, text), whose places in it are marked
        self._numbers = footnotes.cited_numbers(mentions, ind, self.excluded)
        self._marked: dict[str, dict[int, tuple[int, int, int]]] = {}
        cited = (mentions if mentions is not None and len(mentions) else ind)
        # sentence -> (page, lowest recognition score) for numbers read by OCR
        self._scan: dict[str, tuple[int, float]] = {}
        for row in cited.to_dict("records"):
            page, score = row.get("page"), row.get("ocr_score")
            if isinstance(row.get("sentence"), str) and _present(page):
                known = self._scan.get(row["sentence"])
                low = float(score) if _present(score) else 1.0
                self._scan[row["sentence"]] = (int(page), min(low, known[1]) if known else low)
        for finding in self._findings():
            for sentence in finding.get("sentences") or []:
                self._note(sentence)

    # ------------------------------------------------------------------ helpers

    def _note(self, sentence) -> int | None:
        if not isinstance(sentence, str) or not sentence.strip():
            return None
        return self._notes.setdefault(sentence, len(self._notes) + 1)

    def _marks(self, sentence) -> dict[int, tuple[int, int, int]]:
        """The marked numbers of a source sentence (footnotes.marks): char_start ->
        (k, start, end) in the sentence."""
        if not isinstance(sentence, str):
            return {}
        if sentence not in self._marked:
            self._marked[sentence] = footnotes.marks(sentence, self._numbers.get(sentence, []))
        return self._marked[sentence]

    def _at(self, sentence, text) -> int | None:
        """The char_start of the number ``text`` (as the report wrote it) of a sentence,
        for a figure whose table keeps its text and sentence but not its position; None
        when the sentence has no such number, or two in different places (the footnote
        then points at the sentence only)."""
        if not isinstance(text, str) or not text.strip():
            return None
        bare = compact(text)
        marks = self._marks(sentence)
        found = {marks[a][0]: a for a, t in self._numbers.get(sentence, [])
                 if a in marks and compact(t) == bare}
        return next(iter(found.values())) if len(found) == 1 else None

    def _cite(self, sentence, at: int | None = None) -> str:
        n = self._note(sentence)
        if n is None:
            return ""
        mark = self._marks(sentence).get(at) if at is not None else None
        return _mark("cite", n, sentence, mark[0] if mark else None)

    def _num(self, text: str, sentence, review=None, named: bool = False,
             at: int | None = None, said: str | None = None, home: bool = False) -> str:
        """A number with its source sentence on hover and a footnote link. A number a
        reviewer decided on is marked (✓ confirmed, ✎ corrected or added), and a
        ``named`` one (shown as an indicator's figure) that no reviewer decided on is
        marked unconfirmed (○); a number read by OCR with a low recognition score is
        flagged for review.

        The footnote links to the number's own mark in its sentence: ``at`` is its
        ``char_start``; without it, the number is found in its sentence by ``said``,
        its text as the report wrote it (``text`` when not given). ``home``: this is the
        number's row in the tables (section tables, 其他统计, the excluded list), the
        place its mark in the sources links back to (:attr:`_homes`)."""
        tip = sentence if isinstance(sentence, str) and sentence else ""
        if at is None:
            at = self._at(sentence, said if said is not None else text)
        action, who, _ = parse_mark(review)
        against = against_definition(review)
        cls, mark = "num", ""
        if action in NAMING:
            zh = REVIEW_MARKS[action][1]
            cls += f" reviewed reviewed-{action}"
            mark = _name_mark(action, who, against)
            said = f"{zh}（{who}）" + (f"\n{_against_said(against)}" if against else "")
            tip = f"{tip}\n{said}" if tip else said
        elif named:
            cls += " unconfirmed"
            mark = _name_mark(action, who)
        scan = self._scan.get(sentence) if isinstance(sentence, str) else None
        low = scan is not None and scan[1] < LOW_OCR_SCORE and action not in NAMING
        anchor = HOME.format(at=at) if home and at is not None else ""
        return _mark("num", cls, tip, text_cell(text), Markup(mark),
                     Markup(self._cite(sentence, at)), low, anchor)

    def _indicator_value(self, iid: str, compared: bool = False, home: bool = False) -> str:
        """An indicator's figure as stated; ``compared`` (a side of a check's ≤ or ＝)
        writes its qualifier as a word (240 天以上, 约30 件), since a sign there reads as
        a second relation (``≤ ≥240 天``); ``home``: its section table's row."""
        row = self._rows[iid]
        text = (_worded if compared else as_stated)(
            row["value"], row.get("unit"), row.get("kind"), row.get("qualifier"),
            row.get("text"))
        return self._num(text, row.get("sentence"), row.get("review"), named=True,
                         at=_start(row.get("char_start")), home=home)

    def _peer_value(self, text: str, review, region: str | None = None, year: int = 0,
                    iid: str = "", sentence=None) -> str:
        """Another region-year's figure (year over year, the regions table): as stated,
        marked unconfirmed (○) when no reviewer decided on its name there, and linked
        to its number in its source sentence in that region-year's brief
        (footnotes.peer_notes), with the sentence on hover, so that a reviewer checks it
        without opening the other brief first."""
        action, who, _ = parse_mark(review)
        note = self._peer_notes.get(f"{region}/{year}", {}).get(iid) if region else None
        link = None
        if note is not None:
            n, k = note  # the figure's own number of that brief's sentence n
            tip = sentence if _present_text(sentence) else ""
            link = {"href": footnotes.href(region, year, n, k),
                    "title": f"{tip}\n{year} 年{self._region_label(region)}简报来源句 [{n}] / "
                             f"source sentence [{n}] of that brief".lstrip("\n")}
        return _mark("peer", text_cell(text), action not in NAMING,
                     Markup(_name_mark(action, who, against_definition(review))), link)

    @cached_property
    def _peer_notes(self) -> dict[str, dict[str, list]]:
        """The peers' footnote numbers (footnotes.peer_notes) of the tables the
        analysis read: the build's view of them (layout.brief_peers)."""
        a = self.analysis
        return footnotes.peer_notes(layout.brief_peers(self.paths.root, a.region, a.year))

    def _region_label(self, region: str) -> str:
        """A region as the brief names it (its Chinese name, else its slug)."""
        return self.analysis.region_names.get(region) or region

    def _unconfirmed_summary(self) -> str:
        """How many of the report's indicator names no reviewer confirmed."""
        n, u = len(self._rows), self.n_unconfirmed
        if not n:
            # a report whose numbers no indicator names is published (trial 4 F1): the
            # header says so, or an empty section list reads as a report without figures
            k = self._n_numbers()
            en = ("the report's one number is not named by the catalogue" if k == 1 else
                  f"none of the report's {k} numbers is named by the catalogue")
            return (f"报告中的 {k} 个数字均未归入指标目录（列于“其他统计”） · {en} (listed "
                    "under 其他统计)" if k else "")
        sym = UNCONFIRMED_MARK[0]
        if not u:
            return f"{n} 个指标名称均经复核 · all {n} indicator names reviewed"
        return (f"{n} 个指标名称中 {u} 个为自动命名、未经复核确认（{sym}） · {u} of {n} "
                f"indicator names are automatic and not confirmed by a reviewer ({sym})")

    def _n_numbers(self) -> int:
        """How many numbers the report's tables hold: distinct positions of the mentions
        table (a number read twice is one; the header's 已复核 N 个数字 counts them too)."""
        men = self.analysis.mentions
        return int(men["char_start"].nunique()) if men is not None else 0

    def _name(self) -> str:
        a = self.analysis
        # the register's name (ratios._region_names), never the title's reading of it
        return a.region_names.get(a.region) or a.region

    def _findings(self) -> list[dict]:
        v = self.validation or {}
        return list(v.get("failures") or []) + list(v.get("warnings") or [])

    def _status(self) -> tuple[str, str]:
        """(css class, label) of the validation status."""
        v = self.validation
        if v is None:
            return "unknown", "未校验 not validated"
        if not v.get("success", False):
            return "failed", "未通过 failed"
        if v.get("warnings"):
            return "warn", f"通过，{len(v['warnings'])} 项警告 passed with warnings"
        return "passed", "通过 passed"

    def _review_summary(self) -> str:
        """How many of the report's numbers reviewers decided on (data/reviews/)."""
        men = self.analysis.mentions
        if men is None:
            men = self.analysis.indicators.iloc[0:0]
        marks = (men.drop_duplicates("char_start")["review"].astype(object).fillna("")
                 .astype(str) if "review" in men.columns
                 else [""] * men["char_start"].nunique())
        actions = [parse_mark(m)[0] for m in marks if m]
        # an excluded number is one the reviewer decided on too, no longer in the tables
        excluded = len(self.excluded)
        state, done, total = review_state(len(marks), len(actions), excluded)
        if state == "not_reviewed":
            return "未复核 not reviewed"
        n = {a: actions.count(a) for a in ("confirm", "set", "add", NEW)}
        # said only when there are some: a brief without one reads as before
        new = (f"，需新增指标 {n[NEW]}", f", {n[NEW]} needing a new indicator (其他统计)"
               ) if n[NEW] else ("", "")
        # the state in the index's words, by the same rule (every number decided)
        return (f"{REVIEW_LABELS[state]} · 已复核 {done} 个数字（共 {total} 个）：确认 "
                f"{n['confirm']}，更正 {n['set']}，补充 {n['add']}，排除 {excluded}{new[0]} · "
                f"{done} of {total} numbers reviewed (✓ confirmed, ✎ corrected or added, "
                f"{excluded} excluded" + ("; listed under 复核排除的数字" if excluded else "")
                + new[1] + ")")

    def _validation_link(self) -> str:
        """A relative link to the validation report beside the brief (HTML; "" when
        there is no validation report)."""
        return _render("validation_link.html.j2", validated=self.validation is not None,
                       href=VALIDATION_HREF)

    def _finding_rows(self, f: dict) -> str:
        """The indicators a validation finding is about, each with its Chinese and
        English name, value and source sentence (a list; "" when it names none)."""
        ids, values, sentences = (list(f.get(k) or []) for k in
                                  ("indicators", "values", "sentences"))
        rows = []
        for n, iid in enumerate(ids):
            value = values[n] if n < len(values) else None
            sentence = sentences[n] if n < len(sentences) else ""
            sentence = sentence if isinstance(sentence, str) else ""
            spec = self.catalogue.indicators.get(iid) if iid else None
            # the indicator's own number, when the finding quotes its sentence
            own = self._rows.get(iid) if iid else None
            at = (_start(own.get("char_start"))
                  if own and sentence and own.get("sentence") == sentence else None)
            row = {"id": iid, "spec": spec, "sentence": sentence, "value_html": "", "text": "",
                   "quoted": self._quoted(sentence, at)}
            if not _missing(value):
                kind = spec.kind if spec is not None else "count"
                unit = "%" if kind == "rate" else (spec.units[0] if spec is not None else "")
                decimals = 0 if float(value).is_integer() else 2
                row["text"] = format_number(float(value), unit, kind, decimals)
                if sentence:
                    row["value_html"] = Markup(self._num(row["text"], sentence, at=at))
            rows.append(row)
        return _render("finding_indicators.html.j2", rows=rows) if rows else ""

    # ------------------------------------------------------------------ cells

    def header(self):
        """Title block: region, year, issuer, source and validation status."""
        a, m = self.analysis, self.meta
        title = f"{self._name()} {a.year} 年法治政府建设年度报告分析简报"
        css, label = self._status()

        def fact(label, text="", ocr=None, status=None):
            return {"label": label, "text": text, "ocr": ocr, "status": status}

        facts = [
            fact("报告标题 Report title", m.get("title")),
            fact("发布机关 Issuer", m.get("issuer")),
            fact("发布日期 Date", m.get("date")),
            fact("来源文件 Source file", m.get("source_file")),
            fact("文字识别 OCR", ocr=self._ocr_fact()),
            fact("校验状态 Validation", label, status=css),
            fact("人工复核 Review", self._review_summary()),
            fact("指标命名 Names", self._unconfirmed_summary()),
        ]
        body = _render("header.html.j2", title=title, year=a.year, region_name=self._name(),
                       region=a.region, validated=self.validation is not None,
                       href=VALIDATION_HREF,
                       facts=[f for f in facts if f["ocr"] or f["status"] or text_cell(f["text"])])
        meta = {
            "title": title, "region": a.region, "region_name": self._name(), "year": a.year,
            "issuer": m.get("issuer") or "", "source_file": m.get("source_file") or "",
            "source_sha256": m.get("source_sha256") or "", "version": self.version,
            "validation": css,
            # which catalogue named the numbers: a project's own catalogue/*.toml too
            "catalogue": _catalogue_line(),
        }
        return _html(body, {METADATA_KEY: meta})

    def _ocr_fact(self) -> dict | None:
        """What the header says about a scanned report (None for a text report): pages
        read by OCR, the mean score as shown, how many sentences score below the
        threshold that flags them."""
        pages = self.meta.get("ocr_pages") or []
        if not pages:
            return None
        score = self.meta.get("ocr_mean_score")
        return {"pages": len(pages), "score": f"{float(score):.3f}" if _present(score) else "—",
                "low": sum(1 for _, s in self._scan.values() if s < LOW_OCR_SCORE),
                "threshold": LOW_OCR_SCORE}

    def key_findings(self):
        """Key findings written from the data: headline numbers, mismatches, claims
        without evidence, part/whole checks and validation findings.

        Each finding is a dict of values (``kind`` names it); ``findings.html.j2`` writes
        its sentence. Figures with provenance reach it as ``Markup``, names and the
        report's words as text, escaped there.
        """
        a = self.analysis
        items = [{"kind": "count", "n": len(a.indicators),
                  "n_numbers": self._n_numbers(),
                  "n_named": int(a.indicators["char_start"].nunique()),
                  # 其他统计 lists readings: a named number's other, unnamed reading too
                  "n_other": len(self._other_rows()),
                  "n_sections": len(set(self._shown_sections.values())),
                  "n_rates": int((a.indicators["kind"] == "rate").sum()),
                  "n_unnamed": self._rates_unnamed[0]}]
        heads = [iid for iid, ind in self.catalogue.indicators.items()
                 if ind.core and ind.kind != "rate" and iid in self._rows]
        if heads:
            items.append({"kind": "heads", "heads": [
                {"name": self.catalogue.indicator(i).zh_name,
                 "value_html": Markup(self._indicator_value(i))} for i in heads]})
        r = a.ratios
        for rec in r[r["status"] == statuses.MISMATCH].to_dict("records"):
            items.append({
                "kind": "mismatch", "name": rec["zh_name"],
                "reported_html": Markup(self._rate_reported(rec)),
                "num": self._figure(rec["numerator_id"]),
                "den": self._figure(rec["denominator_id"]),
                "recomputed": f"{rec['recomputed']:.2f}",
                "diff": f"{abs(rec['difference']):.2f}"})
        claims = r[r["status"] == statuses.CLAIM_ONLY]
        if len(claims):
            items.append(self._claims_finding(claims))
        for rec in r[r["status"] == statuses.COMPUTED_ONLY].to_dict("records"):
            if (item := self._computed_finding(rec, r)) is not None:
                items.append(item)
        consistent = r[r["status"] == statuses.CONSISTENT]
        if len(consistent):
            items.append({"kind": "consistent", "names": list(consistent["zh_name"])})
        items.extend(self._inferred_findings())
        items.extend(self._yoy_mismatches())
        bad = a.checks[a.checks["status"] != "ok"]
        for rec in bad.to_dict("records"):
            items.append({"kind": "check", "name": rec["zh_name"],
                          "status": CHECK_ZH[rec["status"]],
                          "left": format_number(rec["left"], ""),
                          "right": format_number(rec["right"], "")})
        if len(a.checks) and not len(bad):
            items.append({"kind": "checks_hold", "n": len(a.checks)})
        for f in self._findings():
            items.append({"kind": "validation", "gate": f.get("severity") == "gate",
                          "zh": text_cell(f.get("zh")), "en": text_cell(f.get("en")),
                          "rows_html": Markup(self._finding_rows(f))})
        if self._findings():
            items.append({"kind": "validation_link",
                          "link_html": Markup(self._validation_link())})
        # e.g. the report names another region or year than the folder it is filed in
        for w in a.meta.get("warnings") or []:
            items.append({"kind": "source_warning", "text": text_cell(w)})
        return _html(_render("findings.html.j2", items=items))

    def _computed_finding(self, rec: dict, r) -> dict | None:
        """The key finding of a rate the report does not state, computed from two named
        figures: both figures shown with their marks, and said to be unreviewed while
        either name is (○: a wrong name makes a wrong rate, trial 5 F1's 胜诉率 7.87% of
        a meeting's 41 wins over the county's 521 cases). None, leaving it to the ratio
        table, while a name is unreviewed and the report states a rate of its own over
        the same denominator in the denominator's sentence (败诉率7.29%): the report's
        own rate is the finding there, and a computed one beside it adds only risk."""
        ids = (rec["numerator_id"], rec["denominator_id"])
        unreviewed = [i for i in ids
                      if parse_mark(self._rows[i].get("review"))[0] not in NAMING]
        sentence = rec.get("denominator_sentence")
        own = r[(r["ratio_id"] != rec["ratio_id"]) & r["reported"].notna()
                & (r["denominator_id"] == rec["denominator_id"])
                & (r["rate_sentence"] == sentence)] if _present_text(sentence) else r[:0]
        if unreviewed and len(own):
            return None
        return {"kind": "computed", "name": rec["zh_name"],
                "num": self._figure(ids[0]), "den": self._figure(ids[1]),
                "unreviewed": bool(unreviewed),
                "recomputed": f"{rec['recomputed']:.{COMPUTED_DECIMALS}f}"}

    def _figure(self, iid: str) -> dict:
        """An indicator of a finding: its Chinese name and its figure with provenance."""
        return {"name": self.catalogue.indicator(iid).zh_name,
                "value_html": Markup(self._indicator_value(iid))}

    def _inferred_findings(self) -> list[dict]:
        """Findings on the rates paired from the wording, each marked as inferred
        (``findings.html.j2``'s items)."""
        r = self.analysis.ratios
        if "basis" not in r.columns:
            return []
        inferred = r[r["basis"] == statuses.BASIS_INFERRED]
        items = []
        for rec in inferred[inferred["status"] == statuses.MISMATCH_INFERRED].to_dict("records"):
            row = self._inferred_row(rec)
            items.append({"kind": "inferred_mismatch", "name": rec["zh_name"],
                          "reported_html": row["reported_html"],
                          "paired_html": row["paired_html"],
                          "recomputed": f"{rec['recomputed']:.2f}",
                          "diff": f"{abs(rec['difference']):.2f}"})
        ok = inferred[inferred["status"] == statuses.CONSISTENT_INFERRED]
        # a rate checked against the sum of its numerator's parts says so: "the wording
        # paired two numbers" would hide that the numerator was never stated
        summed = ok["method"] == _ratios.PARTS_SUM
        for rec in ok[summed].to_dict("records"):
            items.append({"kind": "parts_sum", "name": rec["zh_name"],
                          "reported_html": Markup(self._rate_reported(rec)),
                          "paired_html": self._inferred_row(rec)["paired_html"],
                          "recomputed": f"{rec['recomputed']:.2f}"})
        if len(ok[~summed]):
            items.append({"kind": "inferred_consistent", "names": list(ok[~summed]["zh_name"])})
        for rec in inferred[inferred["status"] == statuses.COMPUTED_INFERRED].to_dict("records"):
            items.append({"kind": "inferred_computed", "name": rec["zh_name"],
                          "paired_html": self._inferred_row(rec)["paired_html"],
                          "recomputed": f"{rec['recomputed']:.{COMPUTED_DECIMALS}f}"})
        return items

    def _claims_finding(self, claims) -> dict:
        """The claim-only rates (a ``findings.html.j2`` item), grouped by what the report
        does give: a denominator without the count of successes (``den``), a numerator
        without its base (``num``, naming the base it lacks), neither (``none``), or, for
        a rate the catalogue defines no numerator and denominator for (``norel``), what
        was checked: no relation, and no pair of counts found in its wording; or
        (``unfit``) the cut its sentence states beside it (:func:`ratios.sentence_cut`)
        and what that gives, a pair the wording does not tie to the rate."""
        groups: dict[str, list[dict]] = {"den": [], "num": [], "none": [], "norel": [],
                                         "unfit": []}
        for c in claims.to_dict("records"):
            has_num = c.get("numerator_id") in self._rows
            has_den = c.get("denominator_id") in self._rows
            item = {"name": c["zh_name"], "reported_html": Markup(self._rate_reported(c)),
                    "given": None, "missing": "", "pair": None}
            if not c.get("numerator_id") and not c.get("denominator_id"):
                # "neither given" would claim a check that was not made (trial 4 F7); a
                # cut in its sentence that the wording does not tie to it is said with
                # what it gives, not denied (trial 5 F11: 20.86天→6.44天 beside 65.1%)
                cut = _ratios.sentence_cut(self.analysis.mentions, c.get("rate_sentence"))
                if cut is None:
                    groups["norel"].append(item)
                    continue
                before, after, pct = cut
                item["pair"] = {"before_html": Markup(self._num(before.text, before.sentence,
                                                                at=before.start)),
                                "after_html": Markup(self._num(after.text, after.sentence,
                                                               at=after.start)),
                                "recomputed": f"{pct:.1f}",
                                "agrees": _ratios.rate_status(
                                    abs(c["reported"]), pct,
                                    decimals=int(c.get("decimals") or 0),
                                    qualifier=c.get("qualifier") or "exact",
                                    tolerance=_ratios.INFERRED_TOLERANCE)
                                == statuses.CONSISTENT}
                groups["unfit"].append(item)
            elif has_den and not has_num:
                item["given"] = self._figure(c["denominator_id"])
                groups["den"].append(item)
            elif has_num and not has_den:
                item["given"] = self._figure(c["numerator_id"])
                item["missing"] = self.catalogue.indicator(c["denominator_id"]).zh_name
                groups["num"].append(item)
            else:
                groups["none"].append(item)
        return {"kind": "claims", "n": len(claims),
                "full": int((claims["reported"] >= 100).sum()),
                "groups": [(k, v) for k, v in groups.items() if v]}

    def _rate_reported(self, rec) -> str:
        prefix = QUALIFIER_PREFIX.get(rec.get("qualifier") or "exact", "")
        # a stated rate the report's tables name (rate_id) is that indicator's figure: it
        # carries the same mark there as in the section tables (○ until a reviewer decides
        # on the name; a reviewer trial found 12.2%○ there and a bare 12.2% here)
        row = self._rows.get(rec.get("rate_id") or "")
        at = (_start(row.get("char_start"))
              if row and row.get("sentence") == rec.get("rate_sentence") else None)
        return self._num(prefix + format_number(rec["reported"], "%", "rate",
                                                int(rec.get("decimals") or 0)),
                         rec.get("rate_sentence"), row.get("review") if row else None,
                         named=row is not None, at=at, said=text_cell(rec.get("rate_text")))

    def charts(self):
        """Every chart that applies, inline as PNG data URIs."""
        found = [{"img_html": Markup(c.img_tag()), "title": c.title}
                 for c in _charts.all_charts(self.analysis)]
        return _html(_render("charts.html.j2", charts=found, n_unconfirmed=self.n_unconfirmed,
                             sym=UNCONFIRMED_MARK[0]))

    def ratio_table(self):
        """Every rate: reported, counts, recomputed, difference and status; the rates
        paired from the wording in a table of their own, marked as inferred."""
        rows = []
        inferred = []
        named = []  # catalogue rates the report states, checked against inferred counts
        for rec in self.analysis.ratios.to_dict("records"):
            if rec.get("basis") == statuses.BASIS_INFERRED:
                inferred.append(self._inferred_row(rec))
                # a catalogue relation's row keeps its id; rates outside it are inferred_N
                if (not str(rec["ratio_id"]).startswith("inferred_")
                        and not math.isnan(rec["reported"])):
                    named.append((rec["zh_name"], rec["en_name"]))
                continue
            num = (self._indicator_value(rec["numerator_id"])
                   if rec["numerator_id"] in self._rows else "—")
            den = (self._indicator_value(rec["denominator_id"])
                   if rec["denominator_id"] in self._rows else "—")
            rep = self._rate_reported(rec) if not math.isnan(rec["reported"]) else "—"
            st = rec["status"]
            rows.append({
                "name": rec["zh_name"], "en_name": rec["en_name"],
                "reported_html": Markup(rep), "numerator_html": Markup(num),
                "denominator_html": Markup(den),
                "recomputed": ("—" if math.isnan(rec["recomputed"])
                               else f"{rec['recomputed']:.2f}%"),
                "diff": "—" if math.isnan(rec["difference"]) else f"{rec['difference']:+.2f}",
                "status": st, "status_zh": statuses.STATUS_ZH.get(st, st),
                "status_en": statuses.STATUS_EN.get(st, st), "cut": _ratios.cut_only(rec),
            })
        _, unchecked = self._rates_unnamed
        stated = ""
        if not rows and named:
            # a catalogue rate is stated (and named in the tables above) but its counts
            # were paired from the wording: it is checked in the inferred table below
            stated = "catalogue_inferred"
        elif not rows:
            stated = "none_of_catalogue" if inferred or unchecked else "none"
        # rates no indicator names and the wording gave no counts for (unchecked): the
        # notes say they exist and where they are, rather than that the report states none
        return _html(_render("ratios.html.j2", rows=rows, stated=stated, unchecked=unchecked,
                             named_zh="、".join(z for z, _ in named),
                             named_en=", ".join(e for _, e in named), inferred=inferred))

    def _stated(self, text, sentence, measure="") -> dict:
        """A number as the report wrote it, with provenance, and what it counts (a
        ``paired.html.j2`` figure)."""
        return {"value_html": Markup(self._num(str(text), sentence)), "measure": text_cell(measure)}

    #: How ``paired.html.j2`` reads a multiple (ratios.infer_ratios' evidence): as an
    #: increase of N times (by), from a stated difference (by_diff, of_diff), else as
    #: N times the earlier value.
    _MULTIPLE_READING = {_ratios.TIMES_BY_EVIDENCE: "by", _ratios.TIMES_BY_DIFF_EVIDENCE: "by_diff",
                         _ratios.TIMES_OF_DIFF_EVIDENCE: "of_diff"}

    def _inferred_row(self, rec: dict) -> dict:
        """Template context of one inferred rate (ratios.infer_ratios)."""
        method = rec.get("method")
        if method == _ratios.PARTS_SUM:
            # the numerator is not stated: its parts are, each with its own footnote
            whole = self.catalogue.indicators.get(rec.get("numerator_id") or "")
            num = {"value_html": Markup(" ＋ ".join(
                       self._num(t, rec["numerator_sentence"])
                       for t in text_cell(rec["numerator_text"]).split("|"))),
                   "measure": (f"{whole.zh_name if whole else ''}的各组成部分之和 "
                               f"{format_number(rec['numerator'], '')}").strip()}
        else:
            num = self._stated(rec["numerator_text"], rec["numerator_sentence"],
                               rec.get("numerator_measure"))
        den = self._stated(rec["denominator_text"], rec["denominator_sentence"],
                           rec.get("denominator_measure"))
        unit = {"points": " 个百分点", "multiple": " 倍"}.get(method, "%")
        paired = _render("paired.html.j2", method=method, num=num, den=den,
                         reading=self._MULTIPLE_READING.get(rec.get("evidence"), "of"))
        st = rec["status"]
        reported = math.isnan(rec["reported"])
        return {
            "name": rec["zh_name"], "en_name": rec["en_name"],
            "reported_html": Markup("—" if reported else (
                self._num(rec["rate_text"], rec.get("rate_sentence"))
                if method == "multiple" else self._rate_reported(rec))),
            "paired_html": Markup(paired),
            "recomputed": ("—" if math.isnan(rec["recomputed"])
                           else f"{rec['recomputed']:.2f}{unit}"),
            "diff": "—" if math.isnan(rec["difference"]) else f"{rec['difference']:+.2f}",
            "css": st.removesuffix(statuses.INFERRED_SUFFIX),
            "status_zh": statuses.STATUS_ZH.get(st, st),
            "status_en": statuses.STATUS_EN.get(st, st), "cut": _ratios.cut_only(rec),
        }

    def _whole_of(self, rec: dict):
        """The catalogue indicator a number is a part of (its ``part_of``), else None."""
        whole = rec.get("part_of")
        return (self.catalogue.indicators.get(whole)
                if isinstance(whole, str) and whole else None)

    def _other_rows(self) -> list[dict]:
        """Every number that no indicator row shows, in report order (the rows of
        ``other_statistics.html.j2``)."""
        mentions = self.analysis.mentions
        if mentions is None or not len(mentions):
            return []
        shown = {(iid, int(r["char_start"])) for iid, r in self._rows.items()}
        recs = mentions.sort_values(["char_start", "indicator_id"],
                                    kind="stable").to_dict("records")
        sections = {s.id: s.zh_name for s in self.catalogue.sections}
        rows = []
        # Each reading is a row of its own: one number read by two names (参考率、优秀率均为
        # 100%) is two figures, and the one no indicator shows must not hide behind the
        # one a section table shows at the same position.
        # a number's home is its section table's row, else its first row here
        homed = set(self._section_homes)
        for rec in recs:
            at = int(rec["char_start"])
            if (rec.get("indicator_id") or "", at) in shown:
                continue
            # reviews.apply marks every reading of a number it decides on
            review = rec["review"] if isinstance(rec.get("review"), str) else ""
            measure = rec.get("measure")
            whole = self._whole_of(rec)
            home = at not in homed
            homed.add(at)
            rows.append({
                "measure": measure if isinstance(measure, str) else "",
                "part_of": whole.zh_name if whole is not None else "",
                "part_of_en": shown_en_name(whole.en_name) if whole is not None else "",
                "part_of_id": whole.id if whole is not None else "",
                "part_of_definition": whole.definition if whole is not None else "",
                "value_html": Markup(self._num(
                    signed_text(str(rec.get("text") or ""), rec.get("value"), rec.get("kind")),
                    rec.get("sentence"), review, at=at, home=home)),
                # a reviewer's `new`: no indicator of the catalogue fits it (yet)
                "new": parse_mark(review)[0] == NEW, "proposed": proposed_name(review),
                "kind": KIND_ZH.get(rec.get("kind"), rec.get("kind") or ""),
                "section": sections.get(rec.get("section"), rec.get("section") or ""),
            })
        return rows

    @cached_property
    def _rates_unnamed(self) -> tuple[int, int]:
        """:meth:`_unnamed_rates`, worked out once per brief: the key findings and the
        rates check both quote it, and each reading scans every mention and ratio row."""
        return self._unnamed_rates()

    def _unnamed_rates(self) -> tuple[int, int]:
        """(stated rates no indicator names, those of them no ratio table shows).

        A report can state rates the catalogue has no indicator for (“三书”按期办复率
        100%); they are listed under 其他统计, and the rates check must not say the
        report gives none. The second count leaves out the rates the wording paired
        with their counts (the inferred table shows those).
        """
        men = self.analysis.mentions
        if men is None or not len(men) or "kind" not in men.columns:
            return 0, 0
        # by reading, as 其他统计 lists them: a rate stated for two names at once is two
        shown = {(iid, int(r["char_start"])) for iid, r in self._rows.items()}
        rates = men[men["kind"] == "rate"]
        unnamed = [r for r in rates.to_dict("records")
                   if (r.get("indicator_id") or "", int(r["char_start"])) not in shown]
        r = self.analysis.ratios
        # an inferred row of an unnamed rate has no rate_id; the catalogue's row of a named
        # reading of the same number does, and says nothing of the unnamed one
        listed = (set(zip(r["rate_sentence"], r["rate_text"], r["rate_id"], strict=True))
                  if len(r) else set())
        unchecked = [u for u in unnamed
                     if (u.get("sentence"), u.get("text"), "") not in listed]
        return len(unnamed), len(unchecked)

    def _indicator_name(self, iid: str) -> str:
        """An indicator's Chinese name (HTML); with a definition in the catalogue, its
        title shows the definition on hover, and it links to the definitions list when
        the section tables name it (only those are listed)."""
        return _mark("indicator_name", self.catalogue.indicator(iid), iid in self._rows)

    def definitions(self, ids) -> str:
        """The catalogue's definitions of the indicators ``ids`` that have one, in
        catalogue order (HTML; empty when none has one)."""
        wanted = set(ids)
        rows = [ind for iid, ind in self.catalogue.indicators.items()
                if iid in wanted and ind.definition]
        return _render("definitions.html.j2", rows=rows) if rows else ""

    @cached_property
    def _by_section(self) -> dict[str, list[str]]:
        """Section id -> the indicators its table shows, in catalogue order."""
        by_section: dict[str, list[str]] = {}
        for iid in self.catalogue.indicators:
            if iid in self._rows:
                by_section.setdefault(self._shown_sections[iid], []).append(iid)
        return by_section

    @cached_property
    def _section_homes(self) -> dict[int, str]:
        """char_start -> the indicator whose section-table row is the number's home (the
        first that shows it, in the tables' order)."""
        homes: dict[int, str] = {}
        for sec in self.catalogue.sections:
            for iid in self._by_section.get(sec.id, []):
                if (at := _start(self._rows[iid].get("char_start"))) is not None:
                    homes.setdefault(at, iid)
        return homes

    @cached_property
    def _homes(self) -> set[int]:
        """The char_starts of the numbers that have a row in the tables (section tables,
        其他统计, the excluded list), where their marks in the sources link back to."""
        homes = set(self._section_homes)
        mentions = self.analysis.mentions
        if mentions is not None and len(mentions):
            shown = {(iid, int(r["char_start"])) for iid, r in self._rows.items()}
            homes |= {int(r["char_start"]) for r in mentions.to_dict("records")
                      if (r.get("indicator_id") or "", int(r["char_start"])) not in shown}
        homes |= {a for e in self.excluded if (a := _start(e.get("char_start"))) is not None}
        return homes

    def section_tables(self):
        """One table per report section with every indicator found in it."""
        by_section = self._by_section
        homes = self._section_homes
        sections = []
        for sec in self.catalogue.sections:
            ids = by_section.get(sec.id)
            if not ids:
                continue
            rows = [{"name_html": Markup(self._indicator_name(iid)),
                     "en_name": shown_en_name(self.catalogue.indicator(iid).en_name),
                     "value_html": Markup(self._indicator_value(
                         iid, home=homes.get(_start(self._rows[iid].get("char_start"))) == iid)),
                     "qualifier": QUALIFIER_ZH.get(self._rows[iid].get("qualifier") or "exact",
                                                   "")}
                    for iid in ids]
            sections.append({"zh_name": sec.zh_name, "en_name": sec.en_name, "rows": rows})
        # The numbers no indicator names, then the definitions of every indicator these
        # tables name, follow in the same cell, so that the notebook's cells stay as
        # they are.
        other = self._other_rows()
        named = [i for ids in by_section.values() for i in ids]
        named += [r["part_of_id"] for r in other if r["part_of_id"]]
        return _html(_render("sections.html.j2", sections=sections)
                     + _render("other_statistics.html.j2", rows=other,
                               parts=any(r["part_of"] for r in other))
                     + self._excluded_list()
                     + self.definitions(named))

    @cached_property
    def _shown_sections(self) -> dict[str, str]:
        """Indicator id -> the section its table is (ratios.shown_sections)."""
        return _ratios.shown_sections(self.analysis.indicators, self.analysis.mentions,
                                      self.catalogue)

    def _excluded_list(self) -> str:
        """The numbers a reviewer excluded, with their sentence, what extraction read and
        the reviewer's note (HTML; empty when none was excluded). Beside 其他统计, where
        a reviewer looks for the numbers no indicator shows."""
        if not self.excluded:
            return ""
        rows = [{"number_html": Markup(self._num(str(e.get("text") or ""), e.get("sentence"),
                                                 at=_start(e.get("char_start")), home=True)),
                 "quoted": self._quoted(e.get("sentence"), _start(e.get("char_start"))),
                 "reading": e.get("reading") or "",
                 "reviewer": e.get("reviewer") or "?", "date": e.get("date") or "",
                 "note": e.get("note") or ""}
                for e in sorted(self.excluded, key=lambda e: int(e.get("char_start") or 0))]
        return _render("excluded_numbers.html.j2", rows=rows)

    def intensity_table(self):
        """Per-unit figures and part/whole checks."""
        a = self.analysis
        intensities = [
            {"name": rec["zh_name"], "en_name": rec["en_name"],
             "computation_html": Markup(f"{self._indicator_value(rec['numerator_id'])} ÷ "
                                        f"{self._indicator_value(rec['denominator_id'])}"),
             "value": f"{rec['value']:,.2f}"}
            for rec in a.intensities.to_dict("records")]
        checks = []
        for rec in a.checks.to_dict("records"):
            ids = rec["indicators"].split("|")
            if rec["type"] == "part":  # a part (part_of) against its stated whole
                vals, op = self._num(rec["part_text"], rec["part_sentence"]), "≤"
            elif rec["type"] == "parts":  # the items of one breakdown against their whole
                vals = " ＋ ".join(self._num(t, rec["part_sentence"])
                                  for t in rec["part_text"].split("|"))
                op = "≤"
            else:
                vals = " ＋ ".join(self._indicator_value(i, compared=True) for i in ids[:-1])
                op = "≤" if rec["type"] == "le" else "＝"
            whole = self._indicator_value(ids[-1], compared=True)
            checks.append({"name": rec["zh_name"], "en_name": rec["en_name"],
                           "values_html": Markup(f"{vals} {op} {whole}"),
                           "result": CHECK_ZH[rec["status"]]})
        return _html(_render("intensities.html.j2", intensities=intensities, checks=checks))

    def trends(self):
        """Year-over-year table and cross-region panel, when other data is published."""
        a = self.analysis
        yoy, prev = [], None
        if len(a.yoy):
            # the earlier year's review decisions: its figures are marked like this year's
            h, prev = a.history, int(a.yoy["previous_year"].iloc[0])
            mine = h[(h["region"] == a.region) & (h["year"] == prev)]
            earlier = dict(zip(mine["indicator_id"], mine["review"], strict=True))
            earlier_sentence = dict(zip(mine["indicator_id"], mine["sentence"], strict=True))
            # the earlier report's own unit (it may have written 场 where this year's
            # writes 场次); yoy's ``unit`` is this year's
            earlier_unit = dict(zip(mine["indicator_id"], mine["unit"], strict=True))
            for rec in a.yoy.to_dict("records"):
                unit = earlier_unit.get(rec["indicator_id"])
                before = as_stated(rec["previous"], unit if _present_text(unit) else rec["unit"],
                                   rec["kind"], rec["previous_qualifier"], rec["previous_text"])
                # an indicator no longer in the catalogue keeps the name it was shown
                # with (text, escaped by the template)
                name = (Markup(self._indicator_name(rec["indicator_id"]))
                        if rec["indicator_id"] in self.catalogue.indicators
                        else rec["zh_name"])
                yoy.append({
                    "name_html": name, "en_name": shown_en_name(rec["en_name"]),
                    "before_html": Markup(self._peer_value(
                        before, earlier.get(rec["indicator_id"]), a.region, prev,
                        rec["indicator_id"], earlier_sentence.get(rec["indicator_id"]))),
                    "now_html": Markup(self._indicator_value(rec["indicator_id"])),
                    "change": change_text(rec), "stated": self._stated_change(rec)})
        panel = None
        if len(a.panel) > 1:
            # only what two regions or more state can be compared: a column one region
            # fills alone (the union of every region's indicators was ~60 columns with
            # two filled, trial 4 F11) is counted in the note instead
            stated_by = a.panel[a.panel.columns[2:]].notna().sum()
            ids = [i for i in a.panel.columns[2:] if stated_by[i] >= 2]
            alone = len(a.panel.columns) - 2 - len(ids)
            # a column that this region and every peer of its kind leave empty is
            # other kinds' figures only (a 镇's table of county columns, all "—":
            # trial 23): left out, and named under the table
            other = _charts.other_kinds(a)
            if other:
                mine_kind = a.panel[~a.panel["region"].isin(other)]
                own_empty = [i for i in ids if mine_kind[i].isna().all()]
                ids = [i for i in ids if i not in own_empty]
            else:
                own_empty = []
            # qualifiers and written forms of the other regions' numbers, kept as stated
            same_year = a.history[a.history["year"] == a.year]
            stated = {(r["region"], r["indicator_id"]): (r.get("qualifier"), r.get("text"),
                                                         r.get("review"), r.get("unit"),
                                                         r.get("sentence"))
                      for r in same_year.to_dict("records")}
            head = [{"name_html": Markup(self._indicator_name(i)),
                     "en_name": shown_en_name(self.catalogue.indicator(i).en_name)}
                    for i in ids]
            rows = []
            labels = _charts.region_labels(a)
            # the kind of issuer beside the name: a 司法局's or a 镇's figures are not a
            # district's, and the table puts them side by side; a peer of another kind
            # than the report's is marked, as in the chart, and a note says why
            n_peer = n_auto = 0
            # city and province beside each region (regions.csv, as the index shows
            # them): a 天津 district beside 河南 counties is told apart at a glance
            places = regions.metadata(self.paths.root)
            # a column whose figures go opposite ways (a city's received filings, a
            # county's sent ones: trial 24) says each one's way in its cell, and a note
            # why: one indicator, so side by side, but not one count
            ways = {(r, i): _yoy.direction(text_cell(st[1]), text_cell(st[4]))
                    for (r, i), st in stated.items() if i in ids}
            opposed = {i for i in ids
                       if len({w for (r, j), w in ways.items()
                               if j == i and w and r in set(a.panel["region"])}) > 1}
            for rec in a.panel.to_dict("records"):
                kind = KIND_LABELS.get(a.region_kinds.get(rec["region"]), "—")
                cells = []
                for i in ids:
                    ind = self.catalogue.indicator(i)
                    v = rec[i]
                    if rec["region"] == a.region and i in self._rows:
                        cell = Markup(self._indicator_value(i))
                    else:
                        q, t, review, unit, sentence = stated.get(
                            (rec["region"], i), ("exact", None, None, None, None))
                        # the unit that region's report wrote (场次, 件), as its own row
                        # shows it; the catalogue's first unit only for a figure the
                        # table lacks one for
                        shown = as_stated(v, _stated_unit(unit, ind), ind.kind, q, t)
                        # a region that does not state it shows no name to confirm
                        cell = (Markup(self._peer_value(shown, review, rec["region"],
                                                        a.year, i, sentence))
                                if (rec["region"], i) in stated else shown)
                        if (rec["region"], i) in stated and rec["region"] != a.region:
                            n_peer += 1
                            n_auto += parse_mark(review)[0] not in NAMING
                    way = ways.get((rec["region"], i), "") if i in opposed else ""
                    cells.append(Markup(_direction_mark(way)) + cell if way else cell)
                place = places.get(rec["region"]) or {}
                rows.append({"region": labels[rec["region"]], "kind": kind, "cells": cells,
                             "other_kind": rec["region"] in other,
                             "city": place.get("city") or "—",
                             "province": place.get("province") or "—"})
            kinds = [KIND_LABELS[k].split(" ") for k in KIND_LABELS if k in other.values()]
            # a peer differs only from a known kind (regions.same_kind)
            own = KIND_LABELS[a.region_kinds[a.region]].split(" ") if other else None
            mine = places.get(a.region) or {}
            scope = mine.get("compare")
            panel = {"head": head, "rows": rows, "own_kind": own, "alone": alone,
                     "opposed": [self.catalogue.indicator(i).zh_name
                                 for i in ids if i in opposed],
                     "n_regions": len(rows),
                     # the other regions' names: how many no reviewer of theirs decided on
                     "n_peer": n_peer, "n_auto": n_auto,
                     "own_empty": [{"name": self.catalogue.indicator(i).zh_name,
                                    "en_name": shown_en_name(
                                        self.catalogue.indicator(i).en_name)}
                                   for i in own_empty],
                     # regions.csv's compare: the table holds only these (layout.brief_peers)
                     "scope": scope, "scope_place": (
                         # a municipality's district has its province for its city
                         "".join(dict.fromkeys([mine.get("province"), mine.get("city")]))
                         if scope == "same-city" else mine.get("province") if scope else ""),
                     # a region the register has no row for is shown by its slug
                     # (ratios.unregistered_label), said under the table
                     "unregistered": "、".join(
                         r for r in a.panel["region"]
                         if a.region_names.get(r) == _ratios.unregistered_label(r)),
                     "other_zh": "、".join(zh for zh, _ in kinds),
                     "other_en": ", ".join(en for _, en in kinds)}
        nothing = "" if yoy else self._nothing_in_common()
        if not yoy and not nothing and panel:
            # other regions are compared: without this line the missing year-over-year
            # part reads as forgotten (with neither, the template says both in one line)
            nothing = _render("no_earlier_year.html.j2", region=a.region, year=a.year)
        # earlier years filed after the one compared with (or with none): why each is not
        unpublished = self._earlier_unpublished()
        return _html(_render("trends.html.j2", yoy=yoy, prev=prev, year=a.year, panel=panel,
                             nothing_html=Markup(nothing),
                             unpublished_html=Markup(unpublished),
                             stated=any(r["stated"] for r in yoy),
                             unpaired=self._unpaired(), unnamed=self._unnamed_changes(),
                             unlike=self._unlike()))

    def _compared_year(self) -> int | None:
        """The region's earlier year the year-over-year part compares with: its latest
        published one (``layout.brief_peers``), whether or not the two years share an
        indicator; None when none is published."""
        a = self.analysis
        return next((y for r, y, _ in layout.brief_peers(self.paths.root, a.region, a.year)
                     if r == a.region), None)

    def _earlier_unpublished(self) -> str:
        """The note saying why the region's earlier years filed but not published are not
        compared (``pipeline.earlier_unpublished``: failed validation, bad input or not
        built), each with what to run; empty when it has none. With an older year
        published the note first says the year-over-year part compares with that one:
        2021 beside 2023 would otherwise read as the latest year before it."""
        from . import pipeline

        a = self.analysis
        years = pipeline.earlier_unpublished(self.paths.root, a.region, a.year)
        if not years:
            return ""
        return _render("earlier_unpublished.html.j2", region=a.region,
                       prev=self._compared_year(),
                       years=[{"year": y, "state": why.replace(" ", "-")}
                              for y, why in years.items()])

    def _unpaired(self) -> dict | None:
        """What the year-over-year part cannot compare (:func:`yoy.unpaired`): the
        indicators one year names whose figure the other year states unnamed (each with
        both numbers, this year's with its footnote), and by year the names of the rest
        that one year alone states. None when every indicator is in both years or no
        earlier year is published: a row missing without a word reads as no figure."""
        u = self.analysis.unpaired
        if u is None or not len(u):
            return None
        found, only = [], {}
        a = self.analysis
        # the earlier year's figures link to their sentence in its brief, as in the table
        h = a.history[a.history["region"] == a.region]
        sentences = dict(zip(zip(h["year"], h["indicator_id"]), h["sentence"], strict=True))
        for rec in u.to_dict("records"):
            iid = rec["indicator_id"]
            name = (self._indicator_name(iid) if iid in self.catalogue.indicators
                    else escape(rec["zh_name"]))
            same = _present_text(rec.get("unnamed_text"))
            how = rec.get("candidate_how") if _present_text(rec.get("candidate_how")) else ""
            if not same and not how:
                only.setdefault(int(rec["named_year"]), []).append(rec["zh_name"])
                continue
            unit = rec["unit"] if _present_text(rec.get("unit")) else ""
            named = as_stated(rec["value"], unit, rec["kind"], rec["qualifier"], rec["text"])
            other = int(rec["unnamed_year"])
            this_year = other == int(a.year)
            text, sentence = ((rec["unnamed_text"], rec["unnamed_sentence"]) if same else
                              (rec["candidate_text"], rec["candidate_sentence"]))
            found.append({
                "how": "same" if same else how, "id": iid, "region": a.region,
                "name_html": Markup(name), "en_name": shown_en_name(rec["en_name"]),
                "named_year": int(rec["named_year"]),
                # a figure named this year cites this report's sentence, as in the
                # section tables; the earlier year's links to its sentence in its brief
                "named_html": Markup(self._indicator_value(iid) if not this_year
                                     else self._peer_value(
                                         named, rec.get("review"), a.region,
                                         int(rec["named_year"]), iid,
                                         sentences.get((int(rec["named_year"]), iid)))),
                "measure": rec["measure"], "unnamed_year": other,
                "this_year": this_year, "decided": rec.get("candidate_decided") is True,
                "unnamed_html": Markup(self._num(text, sentence) if this_year
                                       else self._earlier_num(text, sentence))})
        prev = self._compared_year()
        return {"found": found,
                "only": [(y, prev if y == int(a.year) else int(a.year), names)
                         for y, names in sorted(only.items())],
                "n_only": sum(len(v) for v in only.values())}

    @staticmethod
    def _earlier_num(text: str, sentence) -> str:
        """A number of the earlier year's report: its sentence on hover, no footnote
        (the sources list is this report's)."""
        return _mark("num", "num", text_cell(sentence), text_cell(text), Markup(""), Markup(""),
                     False, "")

    def _unlike(self) -> list[dict]:
        """The two years' figures the year-over-year part does not compare because they
        are not one measure (:func:`yoy.unlike`: the year's new ones against a total, a
        sum of years against a year's figure), each with both figures and their spans
        named, for the note under the table: a row missing without a word reads as
        forgotten, and one shown read as a fall of 82 % (trial 23)."""
        u = self.analysis.unlike
        if u is None or not len(u):
            return []
        rows = []
        for rec in u.to_dict("records"):
            iid = rec["indicator_id"]
            name = (self._indicator_name(iid) if iid in self.catalogue.indicators
                    else escape(rec["zh_name"]))
            rows.append({
                "name_html": Markup(name), "en_name": shown_en_name(rec["en_name"]),
                "prev": int(rec["previous_year"]),
                "before_html": Markup(self._earlier_num(rec["previous_text"],
                                                        rec["previous_sentence"])),
                "now_html": Markup(self._num(rec["text"], rec["sentence"])),
                **self._unlike_why(rec)})
        return rows

    @staticmethod
    def _unlike_why(rec) -> dict:
        """What each year's figure of an :func:`yoy.unlike` row covers, (Chinese,
        English): its span when the spans differ (当年新增 / 总数), its scope when the
        scopes do (限于“涉企、专项” / 未限定范围: trial 24's 23 against 207 cleaned-up
        documents), both when both do."""
        spans = _yoy.unlike_spans("", rec["previous_span"], rec["span"])
        scopes = _yoy.unlike_scopes("", rec["previous_scope"], rec["scope"])

        def named(span: str, words: str) -> tuple[str, str]:
            said = [_yoy.SPANS[span]] if spans else []
            if scopes or not spans:
                zh, en = _yoy.SCOPES["narrowed" if words else "all"]
                said.append((zh.format(words), en.format(words)))
            return "，".join(z for z, _e in said), ", ".join(e for _z, e in said)
        return {"before_span": named(rec["previous_span"], rec["previous_scope"]),
                "now_span": named(rec["span"], rec["scope"])}

    def _unnamed_changes(self) -> list[dict]:
        """The changes the report states for figures no indicator names, checked against
        the year before's unnamed figure of the same measure
        (:func:`yoy.unnamed_changes`): rows of the table under the year-over-year
        one."""
        u = self.analysis.unnamed_changes
        if u is None or not len(u):
            return []
        rows = []
        for rec in u.to_dict("records"):
            before = _previous_as_stated(rec)
            now = as_stated(rec["value"], rec["unit"], rec["kind"], rec["qualifier"],
                            rec["text"])
            rows.append({"measure": rec["measure"], "prev": int(rec["previous_year"]),
                         "before_html": Markup(self._earlier_num(before,
                                                                 rec["previous_sentence"])),
                         "now_html": Markup(self._num(now, rec["sentence"],
                                                      said=text_cell(rec.get("text")))),
                         "stated": self._stated_change(rec), "before": before})
        return rows

    def _stated_change(self, rec: dict) -> dict | None:
        """The change the report states for a year-over-year row's figure, checked
        against the two years (:func:`yoy.year_over_year`): its words with their
        source footnote, the status and the change the two figures give (None when
        the report states no change of that figure)."""
        status = rec.get("stated_status")
        if not _present_text(status):
            return None
        words, sentence = text_cell(rec.get("stated_text")), rec.get("stated_sentence")
        # the footnote opens the change's own number, marked in its sentence, as a section
        # table's does: the words end with it (同比增长9.5%: 9.5%; trial 24 found 15 such
        # links going to the sentence only)
        said = max((t for _a, t in self._numbers.get(sentence, []) if words.endswith(t)),
                   key=len, default=None) if isinstance(sentence, str) else None
        return {"text_html": Markup(self._num(words, sentence, said=said)),
                "status": status, "recomputed": stated_recomputed_text(rec)}

    def _yoy_mismatches(self) -> list[dict]:
        """Key findings: the stated changes the two published years contradict."""
        a = self.analysis
        if not len(a.yoy) or "stated_status" not in a.yoy.columns:
            return []
        items = []
        for rec in a.yoy[a.yoy["stated_status"] == statuses.MISMATCH].to_dict("records"):
            iid = rec["indicator_id"]
            name = (self.catalogue.indicator(iid).zh_name if iid in self.catalogue.indicators
                    else rec["zh_name"])
            items.append({"kind": "yoy_mismatch", "name": name,
                          "stated_html": self._stated_change(rec)["text_html"],
                          "prev": int(rec["previous_year"]),
                          "before": _previous_as_stated(rec),
                          "now_html": Markup(self._indicator_value(iid)),
                          "recomputed": stated_recomputed_text(rec)})
        for row in self._unnamed_changes():
            if row["stated"]["status"] == statuses.MISMATCH:
                items.append({"kind": "yoy_mismatch", "name": f"{row['measure']}（未归入指标）",
                              "stated_html": row["stated"]["text_html"], "prev": row["prev"],
                              "before": row["before"],
                              "now_html": row["now_html"],
                              "recomputed": row["stated"]["recomputed"]})
        return items

    def _nothing_in_common(self) -> str:
        """When the region's latest earlier year is published but the two years state no
        indicator in common: say that it was compared (HTML; "" without an earlier year).

        Saying nothing would read as if no earlier year had been looked at.
        """
        a = self.analysis
        prev = self._compared_year()
        if prev is None:
            return ""
        h = a.history
        n_prev = int(((h["region"] == a.region) & (h["year"] == prev)).sum())
        n_now = len(self._rows)
        return _render("no_common_year.html.j2", prev=prev, n_prev=n_prev, n_now=n_now,
                       year=a.year)

    def methods(self):
        """Methods and caveats."""
        return _html(_render("methods.html.j2", n_names=len(self._rows),
                             n_unconfirmed=self.n_unconfirmed, sym=UNCONFIRMED_MARK[0]))

    def _pieces(self, sentence: str) -> list[dict]:
        """A source sentence cut at its marked numbers (footnotes.cut): ``{"text", "k",
        "home"}`` pieces, ``home`` the anchor of a number's row in the tables, which its
        mark links back to ("" for a number without one, and for the words between)."""
        marks = self._marks(sentence)
        home = {}
        for at, (k, _, _) in sorted(marks.items()):
            if at in self._homes:
                home.setdefault(k, HOME.format(at=at))
        return [{**p, "home": home.get(p["k"], "")}
                for p in footnotes.cut(sentence, marks.values())]

    def _quoted(self, sentence, at: int | None) -> list[dict]:
        """A sentence quoted beside one of its numbers (``at``): cut into pieces with that
        number's marked (``k`` True), for ``marks.html.j2``'s ``quote``."""
        if not isinstance(sentence, str) or not sentence:
            return []
        mark = self._marks(sentence).get(at) if at is not None else None
        return [{"text": p["text"], "k": p["k"] is not None}
                for p in footnotes.cut(sentence, [mark] if mark else [])]

    def _scan_note(self, sentence: str) -> dict | None:
        """Page provenance of a sentence read by OCR (None otherwise): its page, score as
        shown and whether it is low enough to ask for a check."""
        scan = self._scan.get(sentence)
        if scan is None:
            return None
        page, score = scan
        return {"page": page, "score": f"{score:.2f}", "low": score < LOW_OCR_SCORE}

    def sources(self):
        """The numbered source sentences every footnote points to, each number the
        tables place in one marked (the ``k``-th of sentence ``n``: ``src-n-k``, where
        its figures' footnotes link) and linked back to its row in the tables."""
        rows = [{"n": n, "pieces": self._pieces(sentence), "scan": self._scan_note(sentence),
                 "corrections": self._corrections.get(sentence, [])}
                for sentence, n in sorted(self._notes.items(), key=lambda kv: kv[1])]
        return _html(_render("sources.html.j2", sources=rows))
