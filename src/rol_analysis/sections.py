"""Report structure: headings -> catalogue sections, and the report's own metadata.

Annual rule-of-law reports share one skeleton (leadership, government functions,
decisions, enforcement, oversight, disputes, legal education, emergency, problems,
plans) under headings that vary in wording and numbering style: ``一、``, ``（一）``,
``1.``/``1、``, ``（1）``, and ``#``/``**`` markers left by conversion. Which words
map a heading to which section is data (``heading_patterns`` of the ``[[section]]``
entries in the catalogue, and ``display_patterns``, which name the section shown but
not the one the matcher scores on); this module finds the headings and their nesting.

It also reads what the report says about itself: region, year, title, issuer and
signature date, and compares them with the region and year a file is filed under.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

# Under "存在的问题" or "下一步安排" a sub-heading about, say, enforcement describes a
# shortcoming or a plan, not the year's enforcement work: it stays in the parent.
STICKY_SECTIONS = ("problems", "plans")

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2,
              "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "一二三四五六七八九十"

# Numbering styles, outermost first; the level is the nesting depth.
_MARKERS = (
    # yearbook entries open with a bracketed title: 【行政应诉】2021年，……
    (1, re.compile(r"^【[^【】\n]{1,20}】\s*")),
    (1, re.compile(rf"^(第[{_CN_NUM}]{{1,3}}部分|[{_CN_NUM}]{{1,3}}\s*[、．.])\s*")),
    (2, re.compile(rf"^[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]\s*")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?![\d０-９])\s*")),
    (4, re.compile(r"^([（(]\s*\d{1,2}\s*[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")),
)
_HEADING_END_RE = re.compile(r"[。：:；;！!？?]|\*\*")
# Enumerated items inside a paragraph (……。三是抓好普法宣传这件大事。开展……) head the
# text up to the next item or heading: a number there belongs to the item's topic, not
# to the last line heading's (trial 4 F10). 一是… at a line's start or after 。；：！？,
# and a bracketed （二）… after a full stop (not after ：, where it is an item of a list
# of terms). Deeper than every numbered heading; the Section column only (the matcher's
# spans are the ones its same-section bonus was measured with: ``scored``).
_INLINE_LEVEL = 5
# characters: longer, the item's first sentence is content (measured over 20-50)
_INLINE_MAX = 25
# (led by a lookahead for the character a match starts with, a space, * or the marker:
# the scan skips every other position at once instead of trying the lookbehind there)
_INLINE_RE = re.compile(
    rf"(?=[\s*{_CN_NUM}（(])(?:^|(?<=[。；;：:！!？?]))[\s*]*((?:[{_CN_NUM}]{{1,2}}是)"
    rf"|(?<=[。！!？?])[（(][{_CN_NUM}]{{1,3}}[）)])"
)
_SENTENCE_PUNCT_RE = re.compile(r"[，。；：,;:！？!?]")
# A closing paragraph without a heading ("一年来，……但还存在……") sums up the year and
# leads into shortcomings: it belongs to none of the work sections above it.
_CLOSING_RE = re.compile(r"^(一年来|过去一年|回顾.{0,8}一年|总的来看|总体来看|总体而言)")
_ORG_SUFFIX_RE = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|委|局|厅|院|中心|所|办|部|组|处)$"
)


@dataclass(frozen=True)
class SectionSpan:
    """A stretch of the text under one heading.

    Attributes
    ----------
    start, end : int
        Character offsets ``[start, end)`` in the text: from the heading to the next
        heading (or the signature block, or the end of the text).
    section_id : str
        Catalogue section id, or ``""`` when neither the heading nor a parent heading
        maps to a section.
    heading : str
        The heading as written (markdown markers removed, cut at its first full stop).
    """

    start: int
    end: int
    section_id: str
    heading: str


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # stripped, markdown markers removed
    marked: bool  # the whole line was a markdown heading or bold


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their offsets; ``#``/``**`` heading markers removed."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lead = len(body) - len(body.lstrip(" \t\u3000\xa0"))
        stripped = body.strip(" \t\u3000\xa0")
        if stripped:
            start = pos + lead
            clean, marked = _unmark(stripped)
            out.append(_Line(start, start + len(stripped), clean, marked))
        pos += len(raw)
    return out


_MD_HEADING_RE = re.compile(r"#{1,6}\s*")


def _unmark(line: str) -> tuple[str, bool]:
    marked = False
    m = _MD_HEADING_RE.match(line)
    if m:
        line, marked = line[m.end():], True
    if line.startswith("**"):
        close = line.find("**", 2)
        if close > 2:
            rest = line[close + 2:].strip()
            # "**（一）标题**" alone, or a bold lead-in followed by its paragraph.
            marked = marked or not rest
            line = line[2:close] + (rest and line[close + 2:])
    return line.strip().strip("*").strip(), marked


_RULES_CACHE: dict[tuple[int, bool], tuple[object, _HeadingRules]] = {}


class _HeadingRules:
    """The sections' heading patterns in catalogue order, with what finds the earliest
    match of any of them in one search.

    :func:`classify_heading` wants, of all patterns (about a hundred), the match that
    starts earliest, then the longest, then the first section's. A search per pattern
    for every heading was a tenth of the extraction; instead one alternation of all the
    patterns finds where the earliest match starts, and at that position only the
    patterns that can start with the character there are tried: one that matches only
    further on loses to any match there, so the winner is the same.
    """

    def __init__(self, rules: list[tuple[str, list[re.Pattern]]]):
        self.flat = [(order, section_id, pat) for order, (section_id, patterns)
                     in enumerate(rules) for pat in patterns]
        self.any = _alternation([pat for _order, _id, pat in self.flat])
        # the class of a pattern's first character, or None when that is not known
        self._firsts = [_first_class(pat) for _order, _id, pat in self.flat]
        self._by_char: dict[str, list[tuple[int, str, re.Pattern]]] = {}

    def starting_with(self, ch: str) -> list[tuple[int, str, re.Pattern]]:
        """The patterns (order, section id, pattern) a match starting with ``ch`` may be
        of, in catalogue order (``ch`` is ``""`` at the end of the text)."""
        got = self._by_char.get(ch)
        if got is None:
            got = self._by_char[ch] = [
                rule for rule, first in zip(self.flat, self._firsts, strict=True)
                if first is None or first.match(ch)]
        return got


def _alternation(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern that matches where any of ``patterns`` does, or None when they cannot
    be joined without changing what they match (flags, named groups, back-references)."""
    if not patterns or any(p.flags != re.UNICODE or p.groupindex
                           or re.search(r"\\\d|\(\?\(|\(\?P=", p.pattern)
                           for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None


def _first_class(pat: re.Pattern) -> re.Pattern | None:
    """A pattern matching the characters a match of ``pat`` can start with, or None when
    that is not known (see :func:`rol_analysis.measure._first_class`)."""
    from .measure import _first_class as first_items
    from .measure import parsed

    tree = parsed(pat.pattern, pat.flags)
    items = first_items(tree) if tree is not None else None
    return re.compile("[" + "".join(items) + "]") if items else None


def _section_rules(catalogue=None, scored: bool = False) -> _HeadingRules:
    from . import catalogue as _catalogue

    cat = catalogue or _catalogue.load()
    cached = _RULES_CACHE.get((id(cat), scored))
    if cached is None or cached[0] is not cat:
        rules = [(s.id, [re.compile(p) for p in s.heading_patterns
                         + (() if scored else s.display_patterns)])
                 for s in cat.sections]
        cached = _RULES_CACHE[(id(cat), scored)] = (cat, _HeadingRules(rules))
    return cached[1]


def classify_heading(heading: str, catalogue=None, scored: bool = False) -> str:
    """Map a heading's text to a catalogue section id (``""`` when none matches).

    The section whose ``heading_patterns`` match earliest in the text wins, since a
    heading leads with its topic ("运用法治思维方式，依法有效化解社会矛盾纠纷" is about
    disputes, ``依法`` notwithstanding); ties go to the longer match, then to catalogue
    order.

    Parameters
    ----------
    heading : str
        Heading text, numbering marker included or not.
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.
    scored : bool
        Read only ``heading_patterns``, the words the matcher's section feature was
        measured with; by default ``display_patterns`` count too (the Section column).
    """
    rules = _section_rules(catalogue, scored)
    if rules.any is None:  # patterns that cannot be joined: one search each
        candidates, at = rules.flat, None
    else:
        first = rules.any.search(heading)
        if first is None:
            return ""
        at = first.start()
        candidates = rules.starting_with(heading[at:at + 1])
    best: tuple[int, int, int] | None = None
    best_id = ""
    for order, section_id, pat in candidates:
        m = pat.search(heading) if at is None else pat.match(heading, at)
        if m is None:
            continue
        key = (m.start(), -(m.end() - m.start()), order)
        if best is None or key < best:
            best, best_id = key, section_id
    return best_id


def _heading_level(line: _Line) -> tuple[int, str] | None:
    """(level, heading text) when the line starts with a numbering marker."""
    for level, pat in _MARKERS:
        m = pat.match(line.text)
        if m and line.text.startswith("【"):
            # the bracketed title is the heading; the entry's text runs on after it
            return level, line.text[: m.end()].strip()
        if m and m.end() < len(line.text):
            rest = line.text[m.end():]
            end = _HEADING_END_RE.search(rest)
            title = rest[: end.start()] if end else rest
            return level, (line.text[: m.end()] + title[:60]).strip()
    return None


def _is_plain_heading(line: _Line) -> bool:
    """An unnumbered line that reads as a heading (short, no sentence punctuation)."""
    text = line.text
    if len(text) > 30 or _SENTENCE_PUNCT_RE.search(text):
        return False
    # A short line with a count ("重大执法决定法制审核 193件", a table row) is data,
    # not a heading; a year ("2024年工作安排") is allowed.
    if re.search(r"\d", _YEAR_RE.sub("", text)):
        return False
    # Signature lines ("某某区应急管理局") end with an organisation name.
    return not _ORG_SUFFIX_RE.search(text)


def section_spans(text: str, catalogue=None, scored: bool = False) -> list[SectionSpan]:
    """The headings of a report and the section each stretch of text belongs to.

    Headings are lines that start with a numbering marker (``一、`` ``（一）`` ``(一)``
    ``1.`` ``1、`` ``1．`` ``（1）`` ``①``, after any ``#``/``**`` markers), yearbook
    entry titles in brackets (``【行政应诉】``, the rest of the line is the entry), and
    unnumbered short lines that map to a section; unless ``scored``, also enumerated
    items inside a paragraph (``一是…``, ``（二）…`` after a full stop), whose title is
    read up to its first sentence mark, or which take their parent's section when that
    first sentence is content (over 25 characters, or a digit). Nesting follows the
    marker style; a
    heading that maps to no section inherits its parent's, and under ``problems`` or
    ``plans`` every sub-heading stays in that section.

    Parameters
    ----------
    text : str
        The report text (:attr:`reading.RawDocument.text`).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.
    scored : bool
        Map headings with ``heading_patterns`` alone: the sections the matcher scores
        on (``extract``). By default ``display_patterns`` map headings too: the sections
        shown in the mentions' Section column and the brief.

    Returns
    -------
    list of SectionSpan
        In text order, not overlapping. Text before the first heading (title, opening
        paragraph) and the closing signature block are in no span; an unheaded closing
        summary ("一年来，……") starts a span with section ``""`` and heading ``""``.
    """
    return _spans(len(text), *_candidates(text), catalogue, scored)


def section_spans_pair(text: str, catalogue=None) -> tuple[list[SectionSpan],
                                                             list[SectionSpan]]:
    """``section_spans(text, catalogue)`` and ``section_spans(text, catalogue,
    scored=True)``, the text's lines read once for both (``extract`` needs both)."""
    candidates, body_end = _candidates(text)
    return (_spans(len(text), candidates, body_end, catalogue, False),
            _spans(len(text), candidates, body_end, catalogue, True))


def _candidates(text: str) -> tuple[list[tuple[int, int, str, str]], int]:
    """The lines that may open a span, as ``(start, level, heading, kind)``, and where
    the closing signature block starts.

    ``kind`` is ``numbered`` (a heading whatever it maps to), ``plain`` (an unnumbered
    line, a heading only when it maps to a section) or ``closing`` (a closing paragraph,
    :data:`_CLOSING_RE`, a span only after a heading). Which section a heading maps to
    is left to :func:`_spans`: the lines are read once for both mappings.
    """
    lines = _lines(text)
    found = []
    for line in lines:
        numbered = _heading_level(line)
        if numbered:
            found.append((line.start, *numbered, "numbered"))
        elif line.marked or _is_plain_heading(line):
            found.append((line.start, 1, line.text, "plain"))
        elif _CLOSING_RE.match(line.text):
            found.append((line.start, 1, "", "closing"))
        found.extend(_inline_items(text, line, skip_first=bool(numbered)))
    return found, _closing_block(text, lines)[0]


def _inline_items(text: str, line: _Line, skip_first: bool) -> list[tuple[int, int, str, str]]:
    """The enumerated items inside a line (:data:`_INLINE_RE`), as ``inline``
    candidates; ``skip_first``: the line's own numbering marker is its heading."""
    raw = text[line.start:line.end]
    out = []
    for m in _INLINE_RE.finditer(raw):
        if skip_first and m.start(1) == 0:
            continue
        rest = raw[m.end(1):]
        end = _HEADING_END_RE.search(rest)
        title = rest[: end.start()] if end else rest
        if len(title) > _INLINE_MAX or re.search(r"\d", title):
            # a sentence that starts with 二是 is the item's content, not its title: the
            # words of a long one name other topics (…列入政府年度工作计划 is no plan);
            # it still ends the item before it, and takes its parent's section
            title = ""
        level = _INLINE_LEVEL if m.group(1).endswith("是") else 2
        out.append((line.start + m.start(1), level, (m.group(1) + title).strip(),
                    "inline"))
    return out


def _spans(size: int, candidates, body_end: int, catalogue,
           scored: bool) -> list[SectionSpan]:
    """:func:`section_spans` of a text of ``size`` characters from its
    :func:`_candidates`."""
    headings: list[tuple[int, int, str, str]] = []  # start, level, own section, text
    for start, level, heading, kind in candidates:
        if kind == "inline" and scored:
            continue
        if kind == "closing":
            if headings:
                headings.append((start, 1, "", ""))
            continue
        own = classify_heading(heading, catalogue, scored)
        if own or kind in ("numbered", "inline"):
            headings.append((start, level, own, heading))

    spans = []
    stack: list[tuple[int, str]] = []  # (level, resolved section)
    for i, (start, level, own, heading) in enumerate(headings):
        if start >= body_end:
            break
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        if parent in STICKY_SECTIONS and own not in STICKY_SECTIONS:
            section = parent
        else:
            section = own or parent
        stack.append((level, section))
        end = headings[i + 1][0] if i + 1 < len(headings) else size
        spans.append(SectionSpan(start, min(end, body_end), section, heading))
    return spans


def section_at(spans: list[SectionSpan], offset: int) -> str:
    """The section id at a character offset (``""`` outside every span)."""
    i = bisect.bisect_right([s.start for s in spans], offset) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return spans[i].section_id
    return ""


# --------------------------------------------------------------------------- metadata

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年度?")
_CN_YEAR_RE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年度?")
_DATE_RES = (
    re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})"),
    re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月"
               r"\s*([一二三四五六七八九十]{1,3})\s*日"),
)
# "县市"/"州市" first: 辉县市 and 郑州市 are one unit, not 辉县 + 市.
_ADMIN_RE = re.compile(
    # 旗区: 红旗区 is one district, not the banner 红旗 and a stray 区
    r".+?(?:特别行政区|自治区|自治州|自治县|自治旗|县市|州市|旗区|新区|地区|省|市|区|县|旗|盟|州)"
)
_TITLE_WORDS_RE = re.compile(r"报告|情况|总结|法治政府|依法行政")
_REGION_STOP_RE = re.compile(r"人民政府|政府|法治|依法|关于|司法局|全面|推进|年度|工作")


def _cn_int(text: str) -> int:
    """A small Chinese numeral (0-99, or digit by digit as in 二〇二三) as an int."""
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _year_in(text: str) -> int | None:
    m = _YEAR_RE.search(text)
    cn = _CN_YEAR_RE.search(text)
    if m and (not cn or m.start() < cn.start()):
        return int(m.group(1))
    if cn:
        return _cn_int(cn.group(1))
    return None


def _date_in(text: str) -> tuple[str | None, re.Match | None]:
    for pat in _DATE_RES:
        m = pat.search(text)
        if not m:
            continue
        parts = [int(g) if g.isdigit() else _cn_int(g) for g in m.groups()]
        try:
            return _dt.date(*parts).isoformat(), m
        except ValueError:
            continue
    return None, None


def _is_org(text: str) -> bool:
    return (len(text) <= 40 and not _SENTENCE_PUNCT_RE.search(text)
            and bool(_ORG_SUFFIX_RE.search(text)))


def _closing_block(text: str, lines: list[_Line] | None = None):
    """(start offset, issuer, ISO date) of the signature block at the end.

    The block is a short line holding a date among the last lines, with the issuing
    organisation on the same line or one of the two lines above it.
    """
    lines = _lines(text) if lines is None else lines
    tail = lines[-8:]
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i]
        if len(line.text) > 40:
            break  # reached the prose: no signature block
        date, m = _date_in(line.text)
        if not date:
            continue
        start = line.start
        issuer = None
        before = line.text[: m.start()].strip()
        if before and _is_org(before):
            issuer = before
        else:
            for j in (i - 1, i - 2):
                if j >= 0 and _is_org(tail[j].text):
                    issuer, start = tail[j].text, tail[j].start
                    break
        return start, issuer, date
    # No dated signature: an organisation name as the last line still signs the report.
    if tail and _is_org(tail[-1].text):
        return tail[-1].start, tail[-1].text, None
    return len(text), None, None


def _find_title(lines: list[_Line]) -> str | None:
    head = lines[:4]
    for k, line in enumerate(head):
        text = line.text
        if len(text) > 80 or text.endswith("。") or not _TITLE_WORDS_RE.search(text):
            continue
        if any(p.match(text) for _, p in _MARKERS):
            continue
        # A title broken over two lines: "某区2023年法治政府建设" / "年度报告".
        if k + 1 < len(head) and not re.search(r"(报告|情况|总结)$", text):
            nxt = head[k + 1].text
            if len(nxt) <= 20 and re.search(r"(报告|情况|总结)$", nxt) \
                    and not _SENTENCE_PUNCT_RE.search(nxt):
                text = text + nxt
        return text
    return None


def _admin_units(fragment: str) -> list[str]:
    """Split "河南省新乡市卫滨区" into its administrative units."""
    return [m.group(0) for m in _ADMIN_RE.finditer(fragment)]


def _region_chain(text: str | None) -> list[str]:
    """The administrative units a title or signature line starts with."""
    if not text:
        return []
    text = _YEAR_RE.sub("", _CN_YEAR_RE.sub("", text))
    text = re.sub(r"^\s*(关于|中共)", "", text).strip()
    m = re.match(r"[\u4e00-\u9fff]+", text)
    if not m:
        return []
    head = m.group(0)
    stop = _REGION_STOP_RE.search(head)
    head = head[: stop.start()] if stop else head
    return _admin_units(head)


def _read_regions(regions_csv) -> list[dict]:
    from . import regions

    return list(regions.read(regions_csv).values())


def listed_names(regions_csv) -> list[str]:
    """The Chinese names of ``regions.csv`` in the order :func:`listed_name` tries them;
    empty without the file.

    A name that is another row's city or province comes after every other (新乡市
    after 红旗区, whose row says it is in 新乡市: the report titled 新乡市红旗区… is
    红旗区's, the most specific name it writes), then the longest first (红旗区司法局
    before 红旗区), then in code-point order, so that no tie is left to the order of a
    set of strings, which Python's hash seed changes from process to process.
    """
    if regions_csv is None or not Path(regions_csv).exists():
        return []
    rows = _read_regions(regions_csv)
    above = {r.get(k) for r in rows for k in ("city", "province") if r.get(k)}
    return sorted({r["zh_name"] for r in rows if r.get("zh_name")},
                  key=lambda name: (name in above, -len(name), name))


def listed_name(sources, names) -> str | None:
    """The first of ``names`` written in the first of ``sources`` that has one, or None.

    ``sources`` are the title, the signature's issuer and the opening lines
    (``report_metadata(..., names=True)["name_sources"]``): the build fingerprint keeps
    them, so that a line added to ``regions.csv`` whose name one of them writes (a
    department's report opening "在新乡市委…的领导下" and a row for 新乡市) outdates that
    report's tables, and another line does not.
    """
    for source in sources:
        hit = next((n for n in names if n in (source or "")), None)
        if hit:
            return hit
    return None


def place_of(title: str | None, issuer: str | None, name: str | None = None
             ) -> tuple[str | None, str | None, str | None]:
    """(region name, city, province) as a report's title, else its signature, writes
    them (新乡市卫滨区… gives 卫滨区, 新乡市, None); ``name`` (a ``regions.csv`` name
    found in the report) is the region's name when given, and the city and province
    are then those of a title or signature that ends in it. Each None when not written.
    """
    chains = [c for c in (_region_chain(title), _region_chain(issuer)) if c]
    region_name = name or (chains[0][-1] if chains else None)
    city = province = None
    for chain in chains:
        if region_name and chain[-1] != region_name:
            continue
        for unit in chain[:-1]:
            if re.search(r"(省|自治区|特别行政区)$", unit):
                province = province or unit
            else:
                city = city or unit
    return region_name, city, province


def report_metadata(text: str, regions_csv: Path | None = None, names: bool = False) -> dict:
    """What the report says about itself.

    Parameters
    ----------
    text : str
        The report text.
    regions_csv : path-like, optional
        ``data/raw/regions.csv`` (columns ``region,zh_name,city,province``). When given,
        a listed Chinese name found in the title, the signature or the opening
        paragraph is taken as the region name, which is more reliable than splitting
        administrative suffixes.
    names : bool
        Also return ``name_sources`` (the title, issuer and opening lines the names
        are looked for in) and ``listed_name`` (the name found there, or None), which
        the build records (see :func:`listed_name`).

    Returns
    -------
    dict
        ``region_name`` (e.g. 卫滨区), ``city`` and ``province`` (only when the title or
        signature states them), ``year`` (int, from the title, else from an opening
        "2023年，" paragraph), ``title``, ``issuer`` (signature organisation) and
        ``date`` (ISO ``yyyy-mm-dd`` signature date); each ``None`` when absent.
    """
    lines = _lines(text)
    title = _find_title(lines)
    _, issuer, date = _closing_block(text, lines)

    year = _year_in(title) if title else None
    if year is None:
        # Many reports open with "2023年，我区……" when the title carries no year.
        for line in lines[:6]:
            m = re.match(r"^((?:19|20)\d{2})\s*年(?:以来|度)?[，,]", line.text)
            if m:
                year = int(m.group(1))
                break

    sources = [title or "", issuer or "", "\n".join(ln.text for ln in lines[:4])]
    listed = listed_name(sources, listed_names(regions_csv))
    region_name, city, province = place_of(title, issuer, listed)
    out = {
        "region_name": region_name, "city": city, "province": province, "year": year,
        "title": title, "issuer": issuer, "date": date,
    }
    if names:
        out.update(name_sources=sources, listed_name=listed)
    return out


def _same_place(stated: str, expected: str) -> bool:
    # "卫滨" in a list and "卫滨区" in the report, or "新乡市卫滨区" against "卫滨区".
    a, b = stated.strip(), expected.strip()
    return bool(a and b) and (a == b or a.endswith(b) or b.endswith(a) or a.startswith(b))


def check_report_matches(meta: dict, region_slug: str, year: int, regions_csv,
                         source: str | None = None, filed: bool = True) -> list[str]:
    """Warnings when a report states another region or year than it is filed under.

    Parameters
    ----------
    meta : dict
        From :func:`report_metadata`.
    region_slug : str
        The region folder the file is in (e.g. ``weibin``).
    year : int
        The year the file is filed under.
    regions_csv : path-like or None
        ``data/raw/regions.csv``; without it (or without a row for the slug) the name
        cannot be checked, and a warning says so when the file exists but lacks the row.
    source : str, optional
        The file's name, used to start each warning.
    filed : bool
        Whether the region and year are where the file is filed (``data/raw``); False
        when they were given on the command line (``rol extract --region --year``),
        which files nothing: the warning then names the option, not a file to rename.

    Returns
    -------
    list of str
        One sentence each, naming the file, the difference and what to check; empty
        when everything agrees or the report states neither region nor year.
    """
    who = source or f"{region_slug}/{year}"
    warnings = []
    stated_year = meta.get("year")
    if stated_year is not None and int(stated_year) != int(year) and not filed:
        warnings.append(
            f"{who}: the report states the year {stated_year} (title: "
            f"{meta.get('title')!r}) but --year {year} was given, so its tables record "
            f"{year}; check that it is the {year} report, or run again with --year "
            f"{stated_year} (or without --year: the year the report states)."
        )
    elif stated_year is not None and int(stated_year) != int(year):
        warnings.append(
            f"{who}: the report states the year {stated_year} (title: "
            f"{meta.get('title')!r}) but is filed as {year}; check that the file is the "
            f"{year} report, or rename it to {stated_year}."
        )
    stated = meta.get("region_name")
    if regions_csv is not None and Path(regions_csv).exists():
        rows = {r["region"]: r for r in _read_regions(regions_csv)}
        row = rows.get(region_slug)
        if row is None:
            warnings.append(
                f"{who}: region {region_slug!r} has no row in {Path(regions_csv).name}, so "
                "its Chinese name cannot be checked against the report; add a row "
                "region,zh_name,city,province."
            )
        elif stated and not _same_place(stated, row.get("zh_name") or ""):
            check = ("check that the file is in the right region folder" if filed else
                     "check the --region given (without it, the region the report names "
                     "is looked up)")
            warnings.append(
                f"{who}: the report names the region {stated} but region "
                f"{region_slug!r} is {row.get('zh_name')} in {Path(regions_csv).name}; "
                f"{check}."
            )
    return warnings
