"""Year over year: a region's figures against its previous published year.

- :func:`year_over_year`: the indicators both years name, each with its change (a rate's
  in percentage points, any other figure's relative), and the change the report states
  for a figure (受理107件，同比增长34.2%; :func:`stated_changes`) checked against the two
  years (:func:`stated_change_status`: ``consistent``, ``mismatch`` or ``uncertain``, the
  brief's 报告所述变化 一致/不一致/无法确定).
- :func:`unnamed_changes`: the same check for a figure no indicator names (发现问题案卷15卷，
  较上年减少3卷), against the year before's one unnamed number of its measure.
- :func:`unpaired`: the indicators only one of the two years names, with the other
  year's unnamed number of the same measure (the note under the brief's table).
- :func:`previous_mentions` reads the earlier year's mentions for both.
- :func:`span`: what a count covers in time (the year's new ones, a total at a date,
  a sum over several years, or a year's figure), from the words before it; two years'
  figures of unlike spans (新培育“法律明白人”310名 against “法律明白人”总数达1770名) are
  never compared, by any of the tables above, and :func:`unlike` lists them with why.
- :func:`scope`: the words that narrow a count to one kind of its things (专项, 涉企,
  涉及…的); a narrowed figure against one that is not (涉企…专项清理23件 / 清理规范性文件
  207件) is not compared either, and :func:`unlike` lists it too.

The years compared come from :func:`ratios.published_history`; :func:`ratios.analyse`
puts these tables in its :class:`ratios.Analysis`. A stated change is read from the
report's numbers by sentence (:mod:`wording`, which the rates inferred from the text read
too), and its statuses are the rates check's (:mod:`statuses`).
"""

from __future__ import annotations

import math
import re

from . import layout, measure
from .catalogue import Catalogue, load
from .mentions import CLAUSE_MARKS
from .normalize import compact
from .statuses import CHECK_UNCERTAIN, CONSISTENT, EPS, MISMATCH
from .tables import number_cell, qualifier_cell, string_cell
from .wording import DIGITS, POINTS_UNITS, Number, clause_breaks, text_of, unit_class

YOY_COLUMNS = [
    "indicator_id", "zh_name", "en_name", "kind", "unit", "previous_year", "previous",
    "previous_qualifier", "previous_text", "value", "qualifier", "text", "change",
    "change_unit", "change_pct", "stated_text", "stated_sentence", "stated_change",
    "stated_unit", "stated_recomputed", "stated_status",
]
UNPAIRED_COLUMNS = [
    "indicator_id", "zh_name", "en_name", "kind", "named_year", "value", "unit",
    "qualifier", "text", "review", "measure", "unnamed_year", "unnamed_text",
    "unnamed_sentence", "candidate_how", "candidate_text", "candidate_sentence",
    "candidate_decided",
]
#: How a year-over-year change is counted: rates in percentage points, the rest relative.
CHANGE_UNITS = {"rate": "pp", "default": "%"}
UNLIKE_COLUMNS = [
    "indicator_id", "zh_name", "en_name", "measure", "previous_year", "previous_text",
    "previous_sentence", "previous_span", "previous_scope", "text", "sentence", "span",
    "scope",
]
#: ``changes.csv`` (:func:`stated_checks`): each change the report states that the year
#: before's figure checks, named or not; the index of briefs counts its mismatches.
STATED_CHECK_COLUMNS = ["indicator_id", "measure", "stated_text", "stated_sentence",
                        "stated_status"]
UNNAMED_CHANGE_COLUMNS = [
    "measure", "kind", "unit", "previous_year", "previous", "previous_qualifier",
    "previous_text", "previous_sentence", "value", "qualifier", "text", "sentence",
    "stated_text", "stated_sentence", "stated_change", "stated_unit", "stated_recomputed",
    "stated_status",
]


def _relative_change(value, previous) -> float:
    """(value - previous) / previous in %, unrounded; NaN from 0 or a missing value."""
    v, p = number_cell(value), number_cell(previous)
    return (v - p) / p * 100 if p and not math.isnan(v) else math.nan


def relative_change_text(value, previous, fallback=math.nan) -> str | None:
    """A relative change as shown (``+3.8``, one decimal, no ``%``), computed from the
    two stated values, not from the stored ``change_pct``: that is already rounded to
    two decimals, and rounding it again turns 52 → 54 (+3.846%) into ``+3.9``.

    ``fallback`` (a percentage) is used when the values cannot give one; None when
    neither can.
    """
    pct = _relative_change(value, previous)
    if math.isnan(pct):
        pct = number_cell(fallback)
    return None if math.isnan(pct) else f"{pct:+.1f}"


#: Names of a figure narrowed to one kind of its things (:func:`scope`, its words in
#: ``{}``) and of one that is not, for the brief's note on unlike figures.
SCOPES = {"narrowed": ("限于“{}”", "only {} ones"),
          "all": ("未限定范围", "not narrowed to one kind")}
#: What a count covers in time, from the words before it (:func:`span`): the year's
#: additions (新增, 新培育, 新聘, 新建 …), a total at a date (总数, 共有, 现有, 达到,
#: 截至 …) or a sum over several years (累计, 以来, 历年, 至今); a figure with none of
#: these words is the year's own. Their Chinese and English names, for the brief.
SPANS = {"new": ("当年新增", "the year's new ones"),
         "stock": ("总数", "a total at a date"),
         "cumulative": ("累计或多年合计", "a sum over several years"),
         "year": ("当年数", "the year's figure")}
_NEW_RE = re.compile(r"新(?:增|培育|培养|聘|建|设|招|录用|发展|认定|命名|创建|成立|吸纳|选聘|打造)")
_STOCK_RE = re.compile(r"总数|总量|共有|现有|拥有|在册|达到|截至|截止|目前")
_CUMULATIVE_RE = re.compile(r"累计|以来|历年|至今")
#: 全年累计, 2024年累计, 今年以来: the year's own sum, not several years' (2019年以来 is)
_YEAR_SUM_RE = re.compile(r"(?:全年|年内|本年度?|今年|当年|\d{4}年度?)(?:共|共计)?累计"
                          r"|(?:今年|本年度?|年初|年内)以来")
#: The pairs of spans that are not one measure: an addition against a total or a sum
#: of years, a sum of years against a year's figure. A total at a date and the year's
#: plain figure (人民调解员1200名 / 人民调解员总数达1250名) are compared.
_UNLIKE = {frozenset(p) for p in (("new", "stock"), ("new", "cumulative"),
                                  ("cumulative", "year"))}
_CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")


def span(text, sentence) -> str:
    """What the count ``text`` of ``sentence`` covers in time (a key of :data:`SPANS`).

    Read from the words before the number in its clause (新培育“法律明白人”310名: ``new``;
    “法律明白人”总数达1770名: ``stock``; 累计培育…1800名: ``cumulative``), and from a
    time frame an earlier clause of the sentence sets for it (2019年以来，全区培养…:
    ``cumulative``; 截至2024年底，…: ``stock``). A sum over several years is said first,
    then an addition, then a total: 2019年以来新培育 is several years' additions.

    Returns
    -------
    str
        ``new``, ``stock``, ``cumulative``, ``year`` (none of their words), or "" when
        the number is not found in its sentence, or found twice with different spans:
        nothing is known, and any pair is compared.
    """
    return _read_before(text, sentence, _span_before) or ""


def _span_before(before: str) -> str:
    """:func:`span` of a number after the words ``before`` it in its sentence."""
    cut = [m.end() for m in _CLAUSE_END_RE.finditer(before)]
    clause = before[cut[-1]:] if cut else before
    frame = before[:cut[-1]] if cut else ""
    if (_CUMULATIVE_RE.search(_YEAR_SUM_RE.sub("", clause))
            or re.search(r"以来|历年", _YEAR_SUM_RE.sub("", frame))):
        return "cumulative"
    if _NEW_RE.search(clause):
        return "new"
    if _STOCK_RE.search(clause) or re.search(r"截至|截止", frame):
        return "stock"
    return "year"


def _read_before(text, sentence, read) -> str | None:
    """``read(words)`` of the words before the number ``text`` in ``sentence`` (both
    compacted); None when the number is not in its sentence, or is found twice there with
    different readings: nothing is known."""
    t, s = compact(text), compact(sentence)
    if not t or not s:
        return None
    found = set()
    start = s.find(t)
    while start >= 0:
        found.add(read(s[:start]))
        start = s.find(t, start + 1)
    return found.pop() if len(found) == 1 else None


#: Words that narrow what a count covers to one kind of its things: a special campaign
#: (专项清理), enterprise-related ones (涉企), those concerning one matter (涉及民营企业的),
#: read before the number in its sentence (:func:`scope`); two measure labels of which
#: one alone has them are two statistics (:func:`suggest.same_statistic`). Trial 24:
#: 开展涉企法规政策文件专项清理，清理文件23件 (2023) against 开展规范性文件集中清理，共清理
#: 文件207件 (2024) was shown as +800 %.
NARROWING_RE = re.compile(r"专项|涉企|涉及[^，,。；;：:！？!?、\d]{1,12}?的")


def scope(text, sentence) -> str | None:
    """The words before the count ``text`` in ``sentence`` that narrow it to one kind of
    its things (专项, 涉企, 涉及…的: :data:`NARROWING_RE`), joined by 、 in the order they
    are written; "" when there are none; None when the number is not found in its
    sentence or is found twice with different words before it (nothing is known, and any
    pair is compared). Only the words after the number before it in the sentence are
    read: 开展专项执法检查3次，办理行政复议案件120件 narrows the 3, not the 120."""
    return _read_before(text, sentence, lambda before: "、".join(
        dict.fromkeys(m.group() for m in NARROWING_RE.finditer(_after_last_number(before)))))


def _after_last_number(words: str) -> str:
    """``words`` from the end of their last number on (all of them when they have none)."""
    ends = [m.end() for m in re.finditer(r"\d", words)]
    return words[ends[-1]:] if ends else words


#: Which way a filing count goes: received from the bodies below (接收…报备96件, 收到
#: 备案文件) or sent to the body above (向市政府报备11件, 报送备案, 上报). Trial 24: a city's
#: received filings and a county's sent ones stood side by side in one regions column.
DIRECTIONS = {"received": ("接收", "received"), "sent": ("报送", "sent")}
_RECEIVED_RE = re.compile(r"接收|收到")
# a bare 报送/上报 followed by 的 (各县区报送备案的文件, 上报的文件) names what others sent
_SENT_RE = re.compile(r"向[^，,。；;：:！？!?]{1,15}?(?:报备|备案|报送|上报)"
                      r"|报送(?![^，,。；;：:！？!?]{0,4}的)|上报(?!的)")


def direction(text, sentence) -> str:
    """Which way the count ``text`` of ``sentence`` goes (a key of :data:`DIRECTIONS`),
    by the last of their words before it in its sentence: ``received`` (接收县政府和市直
    部门报备规范性文件96件), ``sent`` (向市政府报备规范性文件11件); "" when neither is said,
    or the number is not in its sentence or found twice there with different ways."""
    def way(before: str) -> str:
        last = max(((m.start(), w) for w, rx in (("received", _RECEIVED_RE),
                                                 ("sent", _SENT_RE))
                    for m in rx.finditer(before)), default=None)
        return last[1] if last else ""
    return _read_before(text, sentence, way) or ""


def unlike_scopes(kind: str, a: str | None, b: str | None) -> bool:
    """Whether two years' counts of scopes ``a`` and ``b`` (:func:`scope`) are not one
    measure: one narrowed to a kind of its things (涉企…专项清理23件), the other not (清理
    规范性文件207件). Two narrowed ones are compared (the words may differ and the kind
    be one), and so is a figure whose scope is not known (None); a rate, a share
    whatever its words, never differs."""
    return kind != "rate" and a is not None and b is not None and bool(a) != bool(b)


def unlike_records(kind: str, a, b) -> bool:
    """Whether two years' figures (rows with ``text`` and ``sentence``) are not one
    measure: of unlike spans (:func:`unlike_spans`) or unlike scopes
    (:func:`unlike_scopes`)."""
    return (unlike_spans(kind, _span_of(a), _span_of(b))
            or unlike_scopes(kind, _scope_of(a), _scope_of(b)))


def unlike_spans(kind: str, a: str, b: str) -> bool:
    """Whether two years' counts of spans ``a`` and ``b`` (:func:`span`) are not one
    measure, so that no change between them means anything (310 new ones against a
    total of 1770 is no fall of 82 %). A rate is a share whatever its words: never."""
    return kind != "rate" and frozenset((a, b)) in _UNLIKE


def _span_of(rec) -> str:
    """:func:`span` of a table row (``text``, ``sentence``)."""
    return span(string_cell(rec.get("text")), string_cell(rec.get("sentence")))


def _scope_of(rec) -> str | None:
    """:func:`scope` of a table row (``text``, ``sentence``)."""
    return scope(string_cell(rec.get("text")), string_cell(rec.get("sentence")))


def earlier_year(history, region: str, year: int) -> int | None:
    """The region's latest year before ``year`` in ``history`` (the year the tables here
    compare with), None when there is none."""
    mine = history[history["region"] == region]
    earlier = sorted(y for y in mine["year"].unique() if y < int(year))
    return int(earlier[-1]) if earlier else None


def _by_indicator(history, region: str, year: int):
    """One region-year's rows of ``history`` indexed by indicator id (the first of each)."""
    mine = history[history["region"] == region]
    return mine[mine["year"] == year].drop_duplicates("indicator_id").set_index("indicator_id")


def year_over_year(history, region: str, year: int, catalogue: Catalogue | None = None,
                   indicators=None, mentions=None):
    """This year's indicators against the latest earlier published year of the region.

    Values and qualifiers are kept as each report stated them (``previous_text``,
    ``text``, ``*qualifier``), never rounded or dropped. A rate's change is counted in
    percentage points (个百分点): ``change`` with ``change_unit`` ``"pp"`` and no
    ``change_pct``; any other indicator's change is relative: ``change_pct`` (%), with
    ``change_unit`` ``"%"``.

    When the earlier year is the year before and this year's ``indicators`` and
    ``mentions`` are given, a change the report states for a figure (受理107件，同比增长
    34.2%; see :func:`stated_changes`) is compared with the change recomputed from the
    two published figures (:func:`stated_change_status`): ``stated_text`` (the clause's
    words, 同比增长34.2%), ``stated_sentence``, ``stated_change`` (signed),
    ``stated_unit`` (``%`` relative, ``pp`` points, else the figure's counting word),
    ``stated_recomputed`` (the same change from the two figures, NaN when they give
    none) and ``stated_status`` (``consistent``, ``mismatch``, ``uncertain`` when a
    figure or the change is stated with 约/余/以上 so that no answer is sure; "" when
    the report states no change of that figure).

    Parameters
    ----------
    history : pandas.DataFrame
        :func:`ratios.published_history`.
    region, year : str, int
    catalogue : Catalogue, optional
    indicators, mentions : pandas.DataFrame, optional
        This year's tables, to find the changes the report states.

    Returns
    -------
    pandas.DataFrame
        Columns ``YOY_COLUMNS`` for indicators stated in both years (catalogue order),
        but for those whose two figures are of unlike spans (:func:`unlike`);
        ``change_pct`` is NaN for rates and when the earlier value is 0. Empty without an
        earlier year.
    """
    import pandas as pd

    cat = catalogue or load()
    prev_year = earlier_year(history, region, year)
    if prev_year is None:
        return pd.DataFrame(columns=YOY_COLUMNS)
    now, prev = (_by_indicator(history, region, y) for y in (int(year), prev_year))
    # a report's 同比 is against the year before it: another earlier year cannot check it
    stated = (stated_changes(indicators, mentions, int(year))
              if prev_year == int(year) - 1 and indicators is not None else {})
    rows = []
    for iid, ind in cat.indicators.items():
        if iid not in now.index or iid not in prev.index or ind.kind == "change":
            continue
        if unlike_records(ind.kind, now.loc[iid], prev.loc[iid]):
            continue  # not one measure: listed by unlike(), with why
        v, p = number_cell(now.at[iid, "value"]), number_cell(prev.at[iid, "value"])
        rate = ind.kind == "rate"
        rows.append({
            "indicator_id": iid, "zh_name": ind.zh_name, "en_name": ind.en_name,
            "kind": ind.kind, "unit": now.at[iid, "unit"], "previous_year": prev_year,
            "previous": p, "previous_qualifier": qualifier_cell(prev.at[iid, "qualifier"]),
            "previous_text": string_cell(prev.at[iid, "text"]),
            "value": v, "qualifier": qualifier_cell(now.at[iid, "qualifier"]),
            "text": string_cell(now.at[iid, "text"]), "change": round(v - p, 4),
            "change_unit": CHANGE_UNITS["rate" if rate else "default"],
            "change_pct": math.nan if rate else round(_relative_change(v, p), 2),
            **_stated_fields(stated.get(iid), v, p, now.at[iid, "text"],
                             prev.at[iid, "text"], ind.kind,
                             {qualifier_cell(now.at[iid, "qualifier"]),
                              qualifier_cell(prev.at[iid, "qualifier"])} == {"exact"}),
        })
    return pd.DataFrame(rows, columns=YOY_COLUMNS)


#: The words before a stated change that compare with the year before the report's:
#: 同比, 较上年, 比去年, 与上年相比, 较2023年 (checked to be that year); 环比 compares
#: with the month before, not a year.
_PREVIOUS_YEAR_RE = re.compile(r"同比|(?:较|比|与)(?:上一?年度?|去年|上年同期|去年同期"
                               r"|(?P<year>\d{4})年(?:同期)?)")
#: A figure stated inside a comparison (与2022年的558件相比, 较2019年多出842件) is the
#: earlier year's figure or a difference, not this year's.
_COMPARED_RE = re.compile(r"较|相比|比(?:上年|去年|上一年|\d{4}年)|同比|环比")
STATED_UNCERTAIN = CHECK_UNCERTAIN


def stated_changes(indicators, mentions, year: int) -> dict[str, dict]:
    """The changes against the year before that a report states for its named figures.

    A change is tied to a figure only where the wording leaves no doubt: the figure is
    the number right before the change, in the clause before it (受理107件，同比增长34.2%),
    the change's clause names nothing of its own (the test that gives the change the
    figure's measure, :func:`measure.borrows_previous`) and compares with the year
    before (同比, 较上年, 较2023年 in a 2024 report). A figure inside a comparison (与
    2022年的558件相比) is not this year's. A change that names its own rate (…率100%，
    败诉率较上年下降3.1个百分点) is left alone: which figure it is of is a guess.

    Parameters
    ----------
    indicators, mentions : pandas.DataFrame
        This year's tables.
    year : int
        The report's year.

    Returns
    -------
    dict
        Indicator id -> ``text`` (the clause's words and the change, 同比增长34.2%),
        ``sentence``, ``value`` (signed: a fall is negative), ``unit``, ``qualifier``,
        ``decimals`` and ``half`` (what rounding of the change may hide, in its unit);
        only for indicators whose shown figure is the changed one.
    """
    if (mentions is None or not len(mentions) or indicators is None or not len(indicators)
            or "kind" not in mentions.columns):
        return {}
    shown: dict[int, list[str]] = {}
    for rec in indicators.to_dict("records"):
        shown.setdefault(int(rec["char_start"]), []).append(rec["indicator_id"])
    found: dict[str, dict] = {}
    for f, stated in _tied_changes(mentions, year):
        for iid in shown.get(f.start, []):
            found.setdefault(iid, stated)
    return found


def _tied_changes(mentions, year: int) -> list[tuple[Number, dict]]:
    """(figure, its stated change) for every change tied to a figure by the rules of
    :func:`stated_changes`, named or not."""
    text = text_of(mentions)
    out = []
    for k, c in enumerate(text.numbers):
        if not k or c.kind != "change" or c.pos < 0 or math.isnan(c.value):
            continue
        f = text.numbers[k - 1]
        gap = text.between(f, c)
        if (gap is None or f.kind not in ("count", "amount", "rate")
                or clause_breaks(gap) != 1):
            continue
        left = text.clause_before(c)
        than = _PREVIOUS_YEAR_RE.search(left)
        if (than is None or "环比" in left
                or (than.group("year") and int(than.group("year")) != int(year) - 1)
                or _COMPARED_RE.search(text.clause_before(f))
                or not measure.borrows_previous(left, text.sentences[c.group][c.end:])):
            continue
        if c.unit == "%":
            unit = "%"
        elif c.unit in POINTS_UNITS:  # points: a rate's change
            unit = "pp"
        else:
            unit = c.unit
        out.append((f, {"text": left + c.text, "sentence": c.sentence, "value": c.value,
                        "unit": unit, "qualifier": c.qualifier, "figure_kind": f.kind,
                        "figure_unit": f.unit,
                        "half": _half_unit(c.text, c.value, unit)}))
    return out


def _loose(mentions) -> dict[str, list[dict]]:
    """A year's numbers no indicator names, by measure (report order): a number with a
    named reading is shown, a part of a whole is not the whole's figure, a change is
    no figure."""
    loose: dict[str, list[dict]] = {}
    if mentions is None or not len(mentions) or "measure" not in mentions.columns:
        return loose
    named = {int(r["char_start"]) for r in mentions.to_dict("records")
             if string_cell(r.get("indicator_id"))}
    for r in mentions.sort_values("char_start", kind="stable").to_dict("records"):
        if (string_cell(r.get("indicator_id")) or string_cell(r.get("part_of"))
                or int(r["char_start"]) in named or r.get("kind") == "change"
                or not string_cell(r.get("measure"))):
            continue
        loose.setdefault(r["measure"], []).append(r)
    return loose


def _parts_of(mentions) -> dict[str, list[dict]]:
    """A year's unnamed numbers that are parts of a whole (``part_of``), by the whole's
    indicator id (report order)."""
    parts: dict[str, list[dict]] = {}
    if mentions is None or not len(mentions) or "part_of" not in mentions.columns:
        return parts
    for r in mentions.sort_values("char_start", kind="stable").to_dict("records"):
        whole = string_cell(r.get("part_of"))
        if whole and not string_cell(r.get("indicator_id")) and r.get("kind") != "change":
            parts.setdefault(whole, []).append(r)
    return parts


def _best_similar(cat: Catalogue, loose: dict) -> dict[int, str]:
    """Each unnamed number's (by ``char_start``) best similar-wording indicator
    (:func:`similar.similar_indicators`, cap one), "" when none: computed once per year,
    not once per indicator looked for (a report of 100 unnamed numbers and 20 indicators
    one year alone names would score 2,000 times)."""
    from .similar import similar_indicators

    best = {}
    for rows in loose.values():
        for r in rows:
            found = similar_indicators(cat, string_cell(r.get("measure")),
                                       string_cell(r.get("sentence")),
                                       string_cell(r.get("unit")), r.get("kind") or "", cap=1)
            best[int(r["char_start"])] = found[0] if found else ""
    return best


def _candidates(iid: str, unit: str, loose: dict, parts: dict, best, like=None
                ) -> tuple[str, list[dict]]:
    """The other year's unnamed numbers that may be ``iid``'s figure when none has its
    measure: ``("part", …)`` the parts the year states of ``iid`` (常务会议专题研究法治政府
    建设工作4次，听取…汇报2次, made parts of exec_meeting_rol_briefings: the report gives
    the figure, split), else ``("similar", …)`` the numbers whose best similar-wording
    indicator (:func:`similar.similar_indicators`, the review worksheet's) is ``iid``
    (上线集成服务事项28个 for one_thing_services_launched). Only numbers counting in
    ``unit``'s class, and only those of the first sentence that has one: a candidate is
    shown with its sentence. ``best()`` gives :func:`_best_similar` of ``loose``;
    ``like(r)``, when given, keeps only the numbers of the figure's span (:func:`span`).
    Else ``("tie", …)`` the numbers the matcher left unnamed between ``iid`` and another
    indicator (their ``candidates``, :func:`extract.tied`: 排查调处矛盾纠纷3462件, between
    受理调解纠纷数 and 排查矛盾纠纷数, for which trial 24's note said no number was found).
    ``("", [])`` when there is none."""
    like = like or (lambda r: True)
    found = [r for r in parts.get(iid, [])
             if unit_class(string_cell(r.get("unit"))) == unit_class(unit) and like(r)]
    how = "part"
    if not found:
        how = "similar"
        found = [r for rows in loose.values() for r in rows
                 if unit_class(string_cell(r.get("unit"))) == unit_class(unit)
                 and best().get(int(r["char_start"])) == iid and like(r)]
        found.sort(key=lambda r: int(r["char_start"]))
    if not found:
        how = "tie"
        found = sorted((r for rows in loose.values() for r in rows
                        if unit_class(string_cell(r.get("unit"))) == unit_class(unit)
                        and iid in string_cell(r.get("candidates")).split("|") and like(r)
                        # a number a reviewer decided is no tie any more
                        and not string_cell(r.get("review"))),
                       key=lambda r: int(r["char_start"]))
    if not found:
        return "", []
    first = string_cell(found[0].get("sentence"))
    return how, [r for r in found if string_cell(r.get("sentence")) == first]


def _same_measure(loose: dict, label: str, unit: str) -> list[dict]:
    """The numbers of ``loose`` with measure ``label`` counting in ``unit``'s class
    (讲座2期 is no 讲座3场)."""
    return [r for r in loose.get(label, [])
            if unit_class(string_cell(r.get("unit"))) == unit_class(unit)]


def unnamed_changes(mentions, previous_mentions, year: int, previous_year: int | None):
    """The changes a report states for figures no indicator names, checked against the
    year before's unnamed figure of the same measure.

    发现问题案卷15卷，较上年减少3卷 (gushi 2024) has no year-over-year row to be checked in:
    neither year names 发现问题案卷. Its change is checked when the year before states
    exactly one unnamed number with the same measure (发现问题案卷数) in a counting word of
    the same class: the measure is then the only tie, so two candidates check nothing.

    Parameters
    ----------
    mentions, previous_mentions : pandas.DataFrame or None
        This year's and the year before's mentions.
    year : int
    previous_year : int or None
        The earlier published year; nothing is checked unless it is ``year - 1``.

    Returns
    -------
    pandas.DataFrame
        Columns ``UNNAMED_CHANGE_COLUMNS`` (the ``stated_*`` ones as in
        :func:`year_over_year`), in report order.
    """
    import pandas as pd

    if (previous_year != int(year) - 1 or mentions is None or not len(mentions)
            or "kind" not in mentions.columns):
        return pd.DataFrame(columns=UNNAMED_CHANGE_COLUMNS)
    this, before = _loose(mentions), _loose(previous_mentions)
    loose_starts = {int(r["char_start"]) for rows in this.values() for r in rows}
    rows = []
    for f, stated in _tied_changes(mentions, year):
        if f.start not in loose_starts or not f.measure:
            continue
        earlier = _same_measure(before, f.measure, f.unit)
        if len(earlier) != 1:
            continue
        p = earlier[0]
        kind = f.kind if f.kind in ("count", "amount", "rate") else "count"
        if unlike_records(kind, {"text": f.text, "sentence": f.sentence}, p):
            continue  # 新增 one year, 总数 the other: the stated change is of neither pair
        q, pq = qualifier_cell(f.qualifier), qualifier_cell(p.get("qualifier"))
        fields = _stated_fields(stated, f.value, p.get("value"), f.text, p.get("text"), kind,
                                {q, pq} == {"exact"})
        if not fields["stated_status"]:
            continue
        rows.append({"measure": f.measure, "kind": kind, "unit": f.unit,
                     "previous_year": int(previous_year), "previous": number_cell(p.get("value")),
                     "previous_qualifier": pq, "previous_text": string_cell(p.get("text")),
                     "previous_sentence": string_cell(p.get("sentence")), "value": f.value,
                     "qualifier": q, "text": f.text, "sentence": f.sentence, **fields})
    return pd.DataFrame(rows, columns=UNNAMED_CHANGE_COLUMNS)


def previous_mentions(root, region: str, year: int):
    """The mentions table of the region's latest earlier published year (the one the
    year-over-year table compares with; :func:`layout.brief_peers`), None when there is
    none or it has no mentions table."""
    for reg, yr, path in layout.brief_peers(root, region, year):
        if reg != region:
            continue
        found = path.with_name("mentions.parquet")
        return layout.read_peer(found, reg, yr) if found.is_file() else None
    return None


def _half_unit(text, value, unit: str = "") -> float:
    """Half a unit of the last digit a number is written with, in its value's scale:
    what rounding may hide. A percentage (10.9%, 1.3个百分点) is rounded; a count
    written in full (107件) is exact (0), one written in 万 is not (1.2万件: 500)."""
    if not isinstance(text, str):
        return 0.0
    m = DIGITS.search(text.replace(",", "").replace("，", ""))
    if m is None:
        return 0.0
    written = float(m.group(0))
    decimals = len(m.group(1) or "")
    scale = abs(number_cell(value) / written) if written else 1.0
    if math.isnan(scale):
        return 0.0
    if unit in ("%", "pp") or "%" in text:
        scale = 1.0
    elif decimals == 0 and abs(scale - 1) < EPS:
        return 0.0
    return 0.5 * 10 ** (-decimals) * scale


def stated_change_status(stated: float, low: float, high: float, *, half: float = 0.0,
                         qualifier: str = "exact") -> str:
    """Whether a stated change agrees with the range the two years' figures give.

    Parameters
    ----------
    stated : float
        The change as the report states it, signed (a fall is negative).
    low, high : float
        The least and the most change the two figures can give, as the report rounded
        them (equal for two exact counts: 79 -> 107 is +35.44%).
    half : float
        Half a unit of the stated change's last digit: 34.2% stands for anything that
        rounds to it, as a stated rate does (:func:`ratios.rate_status`).
    qualifier : str
        The stated change's: ``at_least`` (增长30%以上: any more is consistent),
        ``at_most``, ``approx`` (约: no answer is sure) or ``exact``.

    Returns
    -------
    str
        ``consistent``, ``mismatch`` or ``uncertain`` (approximate, or no range).
    """
    if qualifier == "approx" or math.isnan(low) or math.isnan(high) or math.isnan(stated):
        return STATED_UNCERTAIN
    lo, hi = stated - half - EPS, stated + half + EPS
    if qualifier == "at_least":
        hi = math.inf
    elif qualifier == "at_most":
        lo = -math.inf
    return CONSISTENT if low <= hi and high >= lo else MISMATCH


def _stated_fields(stated: dict | None, value, previous, text, previous_text, kind: str,
                   exact: bool) -> dict:
    """The ``stated_*`` columns of one year-over-year row (empty values without a stated
    change or when its unit cannot be a change of that figure)."""
    empty = {"stated_text": "", "stated_sentence": "", "stated_change": math.nan,
             "stated_unit": "", "stated_recomputed": math.nan, "stated_status": ""}
    if not stated:
        return empty
    v, p = number_cell(value), number_cell(previous)
    hv = _half_unit(text, v, "%" if kind == "rate" else "")
    hp = _half_unit(previous_text, p, "%" if kind == "rate" else "")
    unit = stated["unit"]
    if unit == "%" and kind in ("count", "amount"):
        point = _relative_change(v, p)
        # the two figures' rounding widens the range (1.2万 -> 1.5万)
        low = (_relative_change(v - hv, p + hp) if p + hp else math.nan)
        high = (_relative_change(v + hv, p - hp) if p - hp > 0 else math.nan)
    elif (unit == "pp" and kind == "rate") or (
            unit not in ("%", "pp") and kind in ("count", "amount")
            and unit_class(unit) == unit_class(stated["figure_unit"])):
        point = v - p
        low, high = point - hv - hp, point + hv + hp
    else:
        # 纠错率10.9%，同比下降3%: relative or points? the wording does not say; a 倍
        return empty
    status = stated_change_status(stated["value"], low, high, half=stated["half"],
                                  qualifier=stated["qualifier"])
    if not exact and status != STATED_UNCERTAIN:
        # 余/以上/约 on a figure: the true change is not known, so neither answer is sure
        status = STATED_UNCERTAIN
    return {"stated_text": stated["text"], "stated_sentence": stated["sentence"],
            "stated_change": stated["value"], "stated_unit": unit,
            "stated_recomputed": point, "stated_status": status}


def uncompared(history, region: str, year: int, catalogue: Catalogue | None = None,
               mentions=None, previous=None):
    """:func:`unpaired` and :func:`unlike` of one region-year from one reading of the two
    years they compare (the brief's analysis needs both).

    Returns
    -------
    tuple of pandas.DataFrame
        (unpaired, unlike), as each function gives it.
    """
    cat = catalogue or load()
    found = _compared(history, region, year, mentions, previous)
    return (_unpaired(cat, found, int(year), mentions, previous),
            _unlike(cat, found, int(year)))


def _compared(history, region: str, year: int, mentions, previous):
    """The two years :func:`unpaired` and :func:`unlike` look at: (the earlier year,
    each year's named figures by indicator, each year's unnamed numbers by measure);
    None without an earlier year."""
    prev_year = earlier_year(history, region, year)
    if prev_year is None:
        return None
    years = {y: _by_indicator(history, region, y) for y in (prev_year, int(year))}
    return prev_year, years, {int(year): _loose(mentions), prev_year: _loose(previous)}


def unpaired(history, region: str, year: int, catalogue: Catalogue | None = None,
             mentions=None, previous=None):
    """The indicators the year-over-year table has no row for: named in one of the two
    years it compares and not in the other.

    A figure named one year and left unnamed the next (领导干部法治专题讲座2期 named in 2023,
    …讲座3期 in 2024 unnamed: trial 5 F7) would drop out of the table without a word. When
    this year's ``mentions`` hold an unnamed number (no indicator, no whole it is a part
    of) whose measure is the one the earlier year's figure was named with, that number is
    given (``unnamed_*``): the comparison is missing, not the figure.

    Parameters
    ----------
    history : pandas.DataFrame
        :func:`ratios.published_history`.
    region, year : str, int
    catalogue : Catalogue, optional
    mentions, previous : pandas.DataFrame, optional
        This year's mentions and the earlier year's (:func:`previous_mentions`): an
        indicator this year names is looked for unnamed in the earlier year the same way.

    Returns
    -------
    pandas.DataFrame
        Columns ``UNPAIRED_COLUMNS``, one row per indicator (catalogue order): the year
        that names it and its figure there (``value``, ``unit``, ``qualifier``, ``text``,
        ``review``, ``measure``), and ``unnamed_year`` / ``unnamed_text`` /
        ``unnamed_sentence`` of the same measure's unnamed number in the other year ("" /
        NaN when there is none; ``unnamed_year`` is also the year of the candidates
        below). Without one, ``candidate_how`` / ``candidate_text`` /
        ``candidate_sentence`` give the other year's numbers that may still be its
        figure (:func:`_candidates`: ``part`` its parts, ``similar`` a number of similar
        wording, ``tie`` a number the matcher left between it and another indicator;
        texts joined with 、, all of one sentence), unconfirmed unless
        ``candidate_decided`` (a reviewer decided on each of them: parts a reviewer made
        parts); a reviewer's ``set`` decides a similar one. Empty without an earlier year.
    """
    return _unpaired(catalogue or load(), _compared(history, region, year, mentions, previous),
                     int(year), mentions, previous)


def _unpaired(cat: Catalogue, found, year: int, mentions, previous):
    """:func:`unpaired` from :func:`_compared`'s reading of the two years (``found``)."""
    import pandas as pd

    if found is None:
        return pd.DataFrame(columns=UNPAIRED_COLUMNS)
    prev_year, years, loose = found
    parts = {int(year): _parts_of(mentions), prev_year: _parts_of(previous)}
    best: dict[int, dict[int, str]] = {}

    def best_of(y: int):
        return lambda: best.setdefault(y, _best_similar(cat, loose[y]))
    rows = []
    for iid, ind in cat.indicators.items():
        stated = [y for y, t in years.items() if iid in t.index]
        if len(stated) != 1 or ind.kind == "change":
            continue
        y = stated[0]
        rec = years[y].loc[iid]
        label = string_cell(rec.get("measure"))
        other = int(year) if y == prev_year else prev_year
        row = {"indicator_id": iid, "zh_name": ind.zh_name, "en_name": ind.en_name,
               "kind": ind.kind, "named_year": y, "value": number_cell(rec.get("value")),
               "unit": string_cell(rec.get("unit")),
               "qualifier": qualifier_cell(rec.get("qualifier")),
               "text": string_cell(rec.get("text")), "review": string_cell(rec.get("review")),
               "measure": label, "unnamed_year": math.nan, "unnamed_text": "",
               "unnamed_sentence": "", "candidate_how": "", "candidate_text": "",
               "candidate_sentence": "", "candidate_decided": False}
        same = [r for r in (_same_measure(loose[other], label, row["unit"]) if label else [])
                if not unlike_records(ind.kind, rec, r)]
        if same:
            row.update(unnamed_year=other, unnamed_text=string_cell(same[0].get("text")),
                       unnamed_sentence=string_cell(same[0].get("sentence")))
        else:
            how, found = _candidates(iid, row["unit"], loose[other], parts[other],
                                     best_of(other),
                                     lambda r, k=ind.kind, m=rec: not unlike_records(
                                         k, m, r))
            if found:
                row.update(unnamed_year=other, candidate_how=how,
                           candidate_text="、".join(string_cell(r.get("text")) for r in found),
                           candidate_sentence=string_cell(found[0].get("sentence")),
                           # a reviewer decided on every one of them (unname with the id:
                           # its parts): the note must not call them unconfirmed (trial 24)
                           candidate_decided=all(string_cell(r.get("review"))
                                                 for r in found))
        rows.append(row)
    return pd.DataFrame(rows, columns=UNPAIRED_COLUMNS)


def unlike(history, region: str, year: int, catalogue: Catalogue | None = None,
           mentions=None, previous=None):
    """The figures of the two years compared that are not one measure, so not compared:
    an addition against a total or a sum of years, a sum of years against a year's
    figure (:func:`span`, :func:`unlike_spans`), a figure narrowed to one kind of its
    things against one that is not (:func:`scope`, :func:`unlike_scopes`).

    The trial's 新培育“法律明白人”310名 (2023) and “法律明白人”总数达1770名 (2024) were shown
    as a fall of 82 %. Each pair is listed here with both spans, for the brief's note
    saying why the two years are not compared: the indicator both years name, and an
    indicator one year names whose figure the other states unnamed with the same measure
    (the pair :func:`unpaired` would otherwise offer).

    Parameters
    ----------
    history, region, year, catalogue, mentions, previous
        As for :func:`unpaired`.

    Returns
    -------
    pandas.DataFrame
        Columns ``UNLIKE_COLUMNS`` (catalogue order): the earlier year's figure
        (``previous_*``) and this year's, each with its ``*span`` and ``*scope``
        (None when not known);
        ``indicator_id`` is
        the one either year names them with. Empty without an earlier year.
    """
    return _unlike(catalogue or load(), _compared(history, region, year, mentions, previous),
                   int(year))


def _unlike(cat: Catalogue, found, year: int):
    """:func:`unlike` from :func:`_compared`'s reading of the two years (``found``)."""
    import pandas as pd

    if found is None:
        return pd.DataFrame(columns=UNLIKE_COLUMNS)
    prev_year, years, loose = found
    rows = []
    for iid, ind in cat.indicators.items():
        stated = [y for y, t in years.items() if iid in t.index]
        if not stated or ind.kind in ("change", "rate"):
            continue
        if len(stated) == 2:
            pair = {y: years[y].loc[iid] for y in stated}
        else:
            y = stated[0]
            other = int(year) if y == prev_year else prev_year
            rec = years[y].loc[iid]
            label = string_cell(rec.get("measure"))
            same = _same_measure(loose[other], label, string_cell(rec.get("unit"))) if label else []
            # unpaired() shows the first number of the figure's span; with none, the
            # first of another span is the pair not made
            if not same or any(not unlike_records(ind.kind, rec, r) for r in same):
                continue
            pair = {y: rec, other: same[0]}
        before, now = pair[prev_year], pair[int(year)]
        if not unlike_records(ind.kind, before, now):
            continue
        rows.append({"indicator_id": iid, "zh_name": ind.zh_name, "en_name": ind.en_name,
                     "measure": string_cell(now.get("measure")) or string_cell(
                         before.get("measure")),
                     "previous_year": prev_year,
                     "previous_text": string_cell(before.get("text")),
                     "previous_sentence": string_cell(before.get("sentence")),
                     "previous_span": _span_of(before),
                     "previous_scope": _scope_of(before),
                     "text": string_cell(now.get("text")),
                     "sentence": string_cell(now.get("sentence")), "span": _span_of(now),
                     "scope": _scope_of(now)})
    return pd.DataFrame(rows, columns=UNLIKE_COLUMNS)


def stated_checks(yoy_table, unnamed=None):
    """The stated changes of one region-year checked against the year before
    (``STATED_CHECK_COLUMNS``): the year-over-year rows that state one (their
    ``stated_status``), then the unnamed figures' (:func:`unnamed_changes`, no
    ``indicator_id``). The brief's key findings list the mismatches; the index of briefs
    counts them beside the rates' (trial 24: 不一致 0 for a brief whose 同比增长9.5% the two
    years contradict)."""
    import pandas as pd

    rows = []
    for table, named in ((yoy_table, True), (unnamed, False)):
        if table is None or not len(table) or "stated_status" not in table.columns:
            continue
        for rec in table.to_dict("records"):
            status = string_cell(rec.get("stated_status"))
            if status:
                rows.append({"indicator_id": string_cell(rec.get("indicator_id")) if named
                             else "",
                             "measure": string_cell(rec.get("zh_name") if named
                                                    else rec.get("measure")),
                             "stated_text": string_cell(rec.get("stated_text")),
                             "stated_sentence": string_cell(rec.get("stated_sentence")),
                             "stated_status": status})
    return pd.DataFrame(rows, columns=STATED_CHECK_COLUMNS)
