"""Catalogue suggestions from the corpus: ``rol catalogue suggest``.

The catalogue grows from what reports actually state. Every published region-year
(``data/processed/<region>/<year>/mentions.csv``) lists its numbers with a ``measure``,
a short Chinese label of what each one counts. Numbers no indicator names are grouped
by (measure, unit), scope words such as 其中/累计/全年 aside; a group that many
regions share is a statistic the catalogue is missing (one region's years are one
region: ``--min-regions`` counts regions). Each group becomes a
ready-to-review ``[[indicator]]`` stanza: an id to rename, the majority section and
kind, the unit, ``zh_name`` = the measure, ``patterns`` guessed from the measure's
words (each checked against the group's own sentences, and against every published
number's sentence: a guess that would match a number outside its group is not
proposed), and comments with example sentences, counts and region-years. A group
whose label is not whole words of its sentences (:func:`whole_label`: 件事数 of 一件事,
件、合同协议数 of 拟发文件、合同协议) names no statistic: it is listed at the end, not proposed.
Nor is a group of stated changes (kind ``change``: 较上年减少3卷), the year-over-year
check of its level's indicator, not a statistic of its own (one header line names them),
nor a pattern of frame words alone (:func:`words.only_frame`: 总数达#).

A number that is a *part* of a total the catalogue already names (``part_of`` holds
the total's indicator: a 其中 subset, one level or type of a breakdown) is not a missing
statistic: under the data contract it keeps an empty ``indicator_id`` on purpose. Such
numbers are grouped apart, under their whole ("breakdowns of <id> <zh_name>"), as
comments, never as ``[[indicator]]`` stanzas. Tables written before ``part_of`` existed
have no such column: every number of them counts as not a part.

Reviewers' decisions teach it too: a ``set`` decision in
``data/reviews/<region>/<year>.csv`` that gives a number the indicator X says that the
number's measure is a way reports state X. Each such measure becomes an ``[[alias]]``
stanza: patterns to add to X.

The output is TOML (``tomllib`` reads it) and deterministic: the same published tables
give the same text.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import layout
from .catalogue import Catalogue, load
from .exceptions import InputError, UsageError
from .measure import LABEL_MARKS
from .mentions import CLAUSE_MARKS, own_number_starts
from .normalize import compact
from .numbers import CN_DIGITS, CN_PLACES

#: Ranges the packaged catalogue gives each kind.
RANGES = {"count": (0, 10000000), "amount": (0, 1000000000000), "rate": (0, 100),
          "change": (-100000, 10000000)}
#: The kinds of a group's numbers, in the order a tie between them is broken.
KINDS = ["count", "amount", "rate", "change"]
#: Example sentences shown per group.
EXAMPLES = 3
#: Characters a pattern allows between the measure's words and the number.
_GAP = "[^，,。；;]{0,8}"
#: Characters a proposed label must hold besides its ending (数, 比例, 金额…): 覆盖数 or
#: 培训数 names no statistic of its own.
MIN_LABEL_CHARS = 3
# The endings the measure builder gives a label by kind (measure.py, step 4), and the
# accounting words reports end a measure with.
# (轮数, 批数: measure's ending of a count of rounds, 评查2轮 -> 评查轮数)
_LABEL_TAIL_RE = re.compile(r"(?:总数|数量|次数|人数|件数|个数|轮数|批数|金额|总额|比例|变化|时长|"
                            r"数|量|额)$")
# Characters of a number (not 点: 重点): words next to one are cut out of a longer word.
_LABEL_NUMERALS = set("0123456789０１２３４５６７８９" + CN_DIGITS + CN_PLACES)
# Marks between the items of a list, and a CJK ideograph: a label opening with one
# character and a list mark after another character opens inside a word (件、 of 文件、).
_LIST_MARKS = "、"
_HAN_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
# Marks the measure builder drops from a label, but '#' (the number's place in a marked
# sentence) and the ASCII '.' (measure._DROP_CHARS_RE drops these too).
_LABEL_DROPPED_RE = re.compile(rf"[{LABEL_MARKS}]+")
#: Words (CJK characters, letters, digits) a proposed pattern must hold besides ``#``
#: and the regex syntax: ``开展#`` would name every 开展N次/项 of every report.
MIN_PATTERN_CHARS = 3
# A figure written in digits: in a pattern it is one report's number, not its wording
# (the number's own place is '#').
_FIGURE_RE = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
# Endings that name the measure's unit of account rather than what is counted.
_MEASURE_TAIL_RE = re.compile(r"(?:总数|数量|次数|人数|件数|个数|金额|总额|数|量|额)$")
# Scope words a measure may open with; one statistic is grouped with or without them
# (累计法治宣传活动数 and 法治宣传活动数).
_SCOPE_RE = re.compile(r"^(?:其中|累计|全年|年内|本年度?|另|共|总共|合计)+")


def regions(region_years) -> set[str]:
    """The distinct regions of ``region/year`` keys: gushi/2023 and gushi/2024 are one
    region, so a statistic one county states two years running is no wording two
    reports share."""
    return {ry.split("/", 1)[0] for ry in region_years}


def _spread(region_years) -> str:
    """``2 regions, 3 region-years`` (what ``--min-regions`` counts, then the years)."""
    return (f"{_plural(len(regions(region_years)), 'region')}, "
            f"{_plural(len(region_years), 'region-year')}")


def group_key(measure: str) -> str:
    """The measure without the scope words it opens with (其中, 累计, 全年…)."""
    return _SCOPE_RE.sub("", measure) or measure


@dataclass
class Group:
    """Numbers without an indicator sharing a measure (scope words aside) and a unit.

    ``measure`` is the label most of them carry (ties: the shortest, then the first
    in code-point order); ``labels`` counts every label of the group.
    """

    measure: str
    unit: str
    labels: Counter = field(default_factory=Counter)
    region_years: set = field(default_factory=set)
    count: int = 0
    sections: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)  # (region/year, sentence, marked)
    #: indicators reviewers took off numbers of the group (``unname``), with how many:
    #: evidence that the group's wording is NOT theirs
    unnamed_from: Counter = field(default_factory=Counter)
    #: (region/year, char_start) of its numbers: a pattern's match elsewhere is a false one
    members: set = field(default_factory=set)


@dataclass
class Breakdown:
    """The parts (``part_of``) of one indicator's total: one :class:`Group` per
    (measure, unit) of the parts, ranked like the new-indicator groups."""

    indicator_id: str
    groups: list = field(default_factory=list)
    region_years: set = field(default_factory=set)
    count: int = 0


@dataclass
class Alias:
    """A measure a reviewer tied to an indicator with a ``set`` decision."""

    indicator_id: str
    measure: str
    unit: str
    region_years: set = field(default_factory=set)
    examples: list = field(default_factory=list)
    members: set = field(default_factory=set)  # as Group.members


@dataclass
class Proposal:
    """Numbers reviewers marked ``new`` (no catalogue indicator fits them), grouped by
    the name they proposed (by measure, as the machine's groups, when none was)."""

    name: str  # the proposed zh_name, "" when none was written
    group: Group  # the numbers: measure, unit, kinds, sections, examples, members
    reviewers: set = field(default_factory=set)
    #: numbers of the same measure and unit no reviewer marked (the machine's group of
    #: that wording, joined to the proposal: one statistic, stated in other reports)
    joined: int = 0

    def join(self, g: Group) -> None:
        """Take the numbers of the machine's group ``g`` (same measure and unit)."""
        self.joined += g.count
        self.group.labels.update(g.labels)
        self.group.region_years |= g.region_years
        self.group.count += g.count
        self.group.sections.update(g.sections)
        self.group.kinds.update(g.kinds)
        self.group.examples += g.examples
        self.group.unnamed_from.update(g.unnamed_from)
        self.group.members |= g.members


@dataclass
class Declined:
    """A reviewer's ``set`` that proposes no alias: its indicator's definition excludes
    the number (``set!`` names it so on purpose; a ``set`` so is refused by ``rol
    review`` and ``rol build`` until corrected)."""

    region_year: str
    char_start: str
    text: str
    indicator_id: str
    action: str
    why: str


@dataclass
class Sentences:
    """Every published number's marked sentence (:func:`marked_sentences`), to count
    what a guessed pattern would match outside its own group.

    The sentences are joined by ``。``, which no guessed pattern's words or gaps cross,
    so one regex scan finds every number a pattern matches.
    """

    keys: list = field(default_factory=list)  # (region/year, char_start) per sentence
    ids: list = field(default_factory=list)  # the number's indicator ids per sentence
    marked: list = field(default_factory=list)
    labels: list = field(default_factory=list)  # the number's measure per sentence

    def __post_init__(self):
        self._text, self._ends = None, []

    def add(self, key: tuple, ids: set, marked: str, label: str = "") -> None:
        self.keys.append(key)
        self.ids.append(frozenset(ids))
        self.marked.append(marked)
        self.labels.append(label)
        self._text = None

    def matched(self, pattern: str) -> list[int]:
        """The sentences (their index) whose marked number ``pattern`` matches."""
        import bisect

        if self._text is None:
            self._text, self._ends, end = "。".join(self.marked), [], -1
            for m in self.marked:
                end += len(m) + 1
                self._ends.append(end)  # the separator after each sentence
        # every pattern holds one '#', every sentence at most one: a match names the
        # sentence it starts in
        return sorted({bisect.bisect_left(self._ends, m.start())
                       for m in re.finditer(pattern, self._text)})

    def outside(self, pattern: str, members: set, indicator: str = "",
                labels=()) -> int:
        """How many numbers ``pattern`` matches that are not ``members`` (nor, for an
        alias, already named ``indicator``), nor numbers of the same statistic: a
        measure that :func:`same_statistic` joins to one of ``labels`` (受众群众数 of
        another year, in another unit, or one no group holds) and not already named: a
        number the catalogue names is outside whatever its measure, since the proposal
        would collide with its indicator."""
        return sum(1 for i in self.matched(pattern)
                   if self.keys[i] not in members and indicator not in self.ids[i]
                   and (self.ids[i] or not any(same_statistic(self.labels[i], label)
                                               for label in labels)))


def _read_csv(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot be read as a UTF-8 CSV table ({exc}). Rebuild "
                         "that region-year with `rol build --force`, or delete the folder."
                         ) from None


def _find_number(flat: str, needle: str, start: int) -> int:
    """Where ``needle`` (a number as written) stands in ``flat`` from ``start`` on, as a
    number of its own (:func:`mentions.number_context`: not the 3件 of 13件 or 第3件,
    nor a date's 12 of 12月); -1 when it does not."""
    found = own_number_starts(flat, needle, start)
    return found[0] if found else -1


def _start_key(value) -> str:
    """``char_start`` as one key whichever way a table wrote it (618, 618.0, ' 618')."""
    try:
        return str(int(float(str(value).strip())))
    except (ValueError, OverflowError):  # a hand-edited worksheet's "inf" or "1e999"
        return str(value or "").strip()


def marked_clause(marked: str) -> str | None:
    """The clause of a marked sentence that holds its number's ``#`` (None: no ``#``)."""
    at = marked.find("#")
    if at < 0:
        return None
    start = max(marked.rfind(c, 0, at) for c in CLAUSE_MARKS) + 1
    ends = [e for c in CLAUSE_MARKS if (e := marked.find(c, at)) >= 0]
    return marked[start:min(ends, default=len(marked))]


def marked_sentences(rows: list[dict]) -> dict[str, str]:
    """Each number's sentence with *that* number replaced by ``#``, by ``char_start``.

    The same text can stand twice in a sentence (开展合法性审查共3件，…出具意见3件): the
    first match is then another number, and a pattern built there names the wrong one.
    The numbers of one sentence stand in it in the order of their ``char_start``, so
    each is looked for after the one before it. A sentence that comes again further on
    in the report starts the search over.

    Parameters
    ----------
    rows : list of dict
        A region-year's rows (``mentions.csv`` or a review worksheet): ``char_start``,
        ``text`` and ``sentence``; a number with several rows counts once.

    Returns
    -------
    dict
        ``char_start`` (see :func:`_start_key`) -> the compact marked sentence; the
        sentence without a mark when the number's text is not found in it.
    """
    by_sentence: dict[str, dict[int, str]] = {}
    for row in rows:
        key = _start_key(row.get("char_start"))
        if not key.lstrip("-").isdigit():
            continue
        by_sentence.setdefault(row.get("sentence") or "", {}).setdefault(
            int(key), row.get("text") or "")
    out: dict[str, str] = {}
    for sentence, numbers in by_sentence.items():
        flat, cursor = compact(sentence), 0
        for start in sorted(numbers):
            needle = compact(numbers[start])
            at = _find_number(flat, needle, cursor) if needle else -1
            if at < 0 and needle:
                at = _find_number(flat, needle, 0)
            if at < 0:
                out[str(start)] = flat
                continue
            out[str(start)] = flat[:at] + "#" + flat[at + len(needle):]
            cursor = at + len(needle)
    return out


def _unnamed_by_reviewer(row: dict) -> str:
    """The indicator a reviewer's ``unname`` took off a number of ``mentions.csv``, ""
    when none did: its ``review`` cell (``set | who | 原读作 99.7 % · X``, see
    :meth:`reviews.Decision.mark`) names X while the number now has no indicator."""
    from .reviews import NEW, PART_MARK, parse_mark

    action, _, original = parse_mark(row.get("review"))
    # new: the reviewer found no indicator fits, so the one read was not its either
    if action not in ("set", NEW) or row.get("indicator_id") or " · " not in original:
        return ""
    iid = original.rsplit(" · ", 1)[1].strip()
    # a part (``X 的部分``) had no indicator to take off
    return "" if iid == "未归入指标" or iid.endswith(PART_MARK.strip()) else iid


def _add(groups: dict, key: tuple, measure: str, unit: str, region_year: str,
         row: dict, marked: str, start: str = "") -> None:
    g = groups.setdefault(key, Group(measure, unit))
    g.members.add((region_year, start))
    if unnamed := _unnamed_by_reviewer(row):
        g.unnamed_from[unnamed] += 1
    g.labels[measure] += 1
    g.region_years.add(region_year)
    g.count += 1
    g.sections[row.get("section") or ""] += 1
    g.kinds[row.get("kind") or "count"] += 1
    g.examples.append((region_year, row.get("sentence") or "", marked))


# Words of a measure label that say how much of the work, not which statistic: the
# light verbs and nouns of any act (提供…服务, 办理…事项, 开展…工作). Two labels that
# differ only in them state one statistic (代办业务 and 帮办代办企业事项).
_LIGHT_WORDS = frozenset({"提供", "服务", "办理", "开展", "实现", "完成", "申请", "涉及",
                          "事项", "业务", "工作", "事务", "件", "案件", "办件", "已"})


@lru_cache(maxsize=4096)
def measure_words(label: str) -> tuple[frozenset, frozenset]:
    """The words of a measure label as (stage verbs, other words), scope words, its
    ending, function characters and :data:`_LIGHT_WORDS` left out. A stage verb is one
    of the acts measure.py reads as no object (受理, 审结, 办结, 上线…): the stage of the
    work a number counts (受理 and 审结 of one topic are two statistics).

    Examples
    --------
    >>> [sorted(w) for w in measure_words("帮办代办服务办结数")]
    [['办结'], ['代办', '帮办']]
    """
    from . import words
    from .measure import _VERBS

    stem = _LABEL_TAIL_RE.sub("", group_key(label)) or label
    found = [w for w, _, _ in words.tokens(stem)
             if words.is_word(w) and w not in words._FUNCTION_CHARS and w not in _LIGHT_WORDS]
    verbs = frozenset(w for w in found if w in _VERBS)
    return verbs, frozenset(found) - verbs


def same_statistic(a: str, b: str) -> bool:
    """Whether two measure labels name one statistic worded two ways: the same stage
    verbs (:func:`measure_words`) and the other words of one all among the other's (at
    least two characters of them): 代办业务数 and 帮办代办企业事项数, 帮办代办服务数 and
    企业和群众提供帮办代办服务数; not 归集电子证照数 and 上线电子证照数 (上线 is a stage),
    nor 帮办代办服务数 and 帮办代办服务审结数.

    Examples
    --------
    >>> same_statistic("代办业务数", "帮办代办企业事项数")
    True
    >>> same_statistic("归集电子证照数", "上线电子证照数")
    False
    >>> same_statistic("行政复议案件数", "涉企行政复议案件数")
    False
    """
    if not a or not b:
        return False
    if a == b:
        return True
    from .yoy import NARROWING_RE

    if len({bool(NARROWING_RE.search(x)) for x in (a, b)}) == 2:
        return False  # 涉企行政复议案件数 counts one kind of 行政复议案件数's cases
    if min(len(_LABEL_TAIL_RE.sub("", group_key(x))) for x in (a, b)) < MIN_LABEL_CHARS:
        return False  # 部门数, 发布数: too little said to be one statistic with another
    (va, wa), (vb, wb) = measure_words(a), measure_words(b)
    if va != vb or not wa or not wb:
        return False
    if wa == wb:
        return True  # the same words, light ones or their order aside
    small, big = sorted((wa, wb), key=len)
    if not small < big:
        return False
    if len(small) == 1 and not _is_verb(next(iter(small))):
        # one word alone is a statistic only as a verb (代办 of 代办业务: the act, its
        # object light); a noun alone (常务会议数) is the noun of many statistics
        return False
    # a thing (党委会数) and an act at it (党委会会前学法数, 免予行政强制事项数) are two
    return any(map(_is_verb, small)) or not any(map(_is_verb, big - small))


@lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    """Whether jieba's dictionary reads ``word`` as a verb (代办, 归集), not a noun."""
    from . import words

    return all(tag.startswith("v") for _, tag in words._segmenter().tag(word, False))


def merged(groups: list[Group]) -> list[Group]:
    """``groups`` with those of one unit and kind whose labels :func:`same_statistic`
    joins, every label with every other, made one (no chain): each county words the
    statistic its own way, and only together do they show it is shared. The merged
    group keeps every label (with its count), region-year, number and example."""
    # every label of a merged group is one statistic with every other (not a chain:
    # 单位数 joins neither 推荐单位数 nor 执法单位数 to the other); groups taken most
    # numbers first, each joining the first merged group it fits
    out: list[Group] = []
    order = sorted(groups, key=lambda g: (-g.count, g.unit, min(g.labels), g.measure))
    for g in order:
        kind = _majority(g.kinds, KINDS)
        into = next((m for m in out if m.unit == g.unit and _majority(m.kinds, KINDS) == kind
                     and all(same_statistic(a, b) for a in g.labels for b in m.labels)),
                    None)
        if into is None:
            out.append(g)
            continue
        m = into
        m.labels.update(g.labels)
        m.region_years |= g.region_years
        m.count += g.count
        m.sections.update(g.sections)
        m.kinds.update(g.kinds)
        m.examples += g.examples
        m.unnamed_from.update(g.unnamed_from)
        m.members |= g.members
    return out


def _ranked(groups) -> list[Group]:
    for g in groups:
        g.measure = sorted(g.labels.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
    return sorted(groups, key=lambda g: (-len(regions(g.region_years)), -len(g.region_years),
                                         -g.count, g.measure, g.unit))


def collect(root) -> tuple[list[Group], list[Alias], dict]:
    """Read every published region-year under ``root`` and group its unnamed numbers.

    Parameters
    ----------
    root : path-like
        Project folder holding ``data/processed`` (and ``data/reviews``).

    Returns
    -------
    groups : list of Group
        Ranked: most regions first, then most region-years, then most numbers, then
        measure and unit.
    aliases : list of Alias
        From reviewers' ``set`` decisions, sorted by indicator and measure.
    stats : dict
        ``region_years``, ``regions`` (distinct), ``numbers`` (all numbers read),
        ``unnamed`` (without an indicator), ``no_measure`` (unnamed, not a part and
        without a measure: not grouped), ``parts`` (unnamed numbers with a
        ``part_of``) and ``breakdowns``: a list of :class:`Breakdown`, most regions
        first, then region-years, then the id; ``sentences``: every number's marked
        sentence (:class:`Sentences`).

    Raises
    ------
    UsageError
        When no region-year is published under ``root``.
    InputError
        When a table cannot be read, or a review file is malformed.
    """
    root = Path(root)
    published = layout.published(root, "data/processed", "mentions.csv")
    if not published:
        raise UsageError(
            f"{root}: no processed data here (no data/processed/<region>/<year>/"
            "mentions.csv). Build some region-years first with `rol build --all`, or "
            "pass --root DIR naming the project folder that holds data/processed.")
    groups: dict[tuple[str, str], Group] = {}
    aliases: dict[tuple[str, str, str], Alias] = {}
    proposals: dict[tuple[str, str], Proposal] = {}
    declined: list[Declined] = []
    parts: dict[tuple[str, str, str], Group] = {}
    stats = {"region_years": len(published), "regions": len({r for r, _, _ in published}),
             "numbers": 0, "unnamed": 0, "no_measure": 0,
             "parts": 0}
    corpus = Sentences()
    for region, year, path in published:
        key = f"{region}/{year}"
        rows = _read_csv(path)
        marks = marked_sentences(rows)
        seen: dict[str, dict] = {}  # char_start -> first row of that number
        named: dict[str, set] = {}  # char_start -> its indicator ids
        readings: dict[str, list] = {}  # char_start -> its rows
        for row in rows:
            start = _start_key(row.get("char_start", ""))
            seen.setdefault(start, row)
            named.setdefault(start, set())
            readings.setdefault(start, []).append(row)
            if row.get("indicator_id"):
                named[start].add(row["indicator_id"])
        stats["numbers"] += len(seen)
        for start in seen:
            corpus.add((key, start), named[start], marks.get(start, ""),
                       (seen[start].get("measure") or "").strip())
        # a number a reviewer marked new is that reviewer's proposal, not also a group
        flagged = _learn_reviews(root, region, year, readings, marks, aliases, proposals,
                                 declined)
        for start, row in seen.items():
            if named[start] or start in flagged:
                continue
            stats["unnamed"] += 1
            measure = (row.get("measure") or "").strip()
            unit = row.get("unit") or ""
            # Old tables have no part_of column: .get gives None, read as "not a part".
            whole = (row.get("part_of") or "").strip()
            if whole:
                stats["parts"] += 1
                _add(parts, (whole, group_key(measure), unit), measure, unit, key, row,
                     marks.get(start, ""), start)
                continue
            if not measure:
                stats["no_measure"] += 1
                continue
            _add(groups, (group_key(measure), unit), measure, unit, key, row,
                 marks.get(start, ""), start)
    wholes: dict[str, Breakdown] = {}
    for (whole, _, _), g in parts.items():
        b = wholes.setdefault(whole, Breakdown(whole))
        b.groups.append(g)
        b.region_years |= g.region_years
        b.count += g.count
    for b in wholes.values():
        b.groups = _ranked(b.groups)
    stats["sentences"] = corpus
    for p in proposals.values():
        # the same wording in reports no reviewer has read yet: the same statistic
        for label in sorted(set(p.group.labels)):
            if (g := groups.pop((group_key(label), p.group.unit), None)) is not None:
                p.join(g)
        _ranked([p.group])  # its measure: the label most of its numbers carry
    stats["proposals"] = sorted(proposals.values(), key=lambda p: (
        -len(regions(p.group.region_years)), -len(p.group.region_years), -p.group.count,
        p.name or p.group.measure, p.group.unit))
    stats["declined"] = sorted(declined, key=lambda d: (d.indicator_id, d.region_year,
                                                        int(d.char_start)
                                                        if d.char_start.isdigit() else -1))
    stats["breakdowns"] = sorted(wholes.values(),
                                 key=lambda b: (-len(regions(b.region_years)),
                                                -len(b.region_years), -b.count,
                                                b.indicator_id))
    ranked = _ranked(merged(list(groups.values())))
    return ranked, sorted(aliases.values(), key=lambda a: (a.indicator_id, a.measure,
                                                            a.unit)), stats


def _learn_reviews(root: Path, region: str, year: int, readings: dict, marks: dict,
                   aliases: dict, proposals: dict, declined: list) -> set[str]:
    """Learn from the decisions of ``data/reviews/<region>/<year>.csv``.

    A ``set`` decision that names an indicator adds to ``aliases``; one whose
    indicator's definition excludes the number (its unit, kind or exclude rules,
    :func:`reviews.outside_definition`; a ``set!``, named so on purpose) adds to
    ``declined`` instead: a reviewer's slip, or a number named against the definition,
    says nothing of how reports word the indicator. A ``new`` decision (the number
    needs an indicator the catalogue lacks) adds to ``proposals``.

    A decision names its number by ``char_start`` (and ``text``); the number's measure
    comes from the region-year's mentions table (``readings``: its rows by
    ``char_start``), else from the worksheet's ``measure`` column (``rol review``
    copies what extraction read). A decision with no measure either way teaches
    nothing here. ``marks`` are the published numbers' marked sentences
    (:func:`marked_sentences`); a number not published is marked in the worksheet's
    own sentence.

    Returns
    -------
    set of str
        The ``char_start`` of the numbers marked ``new`` (not grouped again).
    """
    path = root / "data" / "reviews" / region / f"{year}.csv"
    if not path.is_file():
        return set()
    from .reviews import NEW, OVERRIDE, sheet_rows

    rows = sheet_rows(path)  # saved as GBK by Excel, as rol build reads it
    if rows and not {"action", "indicator_id", "char_start"} <= set(rows[0]):
        raise InputError(f"{path}: a review file needs the columns action, indicator_id "
                         "and char_start; rewrite it with `rol review --region "
                         f"{region} --year {year}`.")
    sheet_marks = marked_sentences(rows)
    cat = load()
    key, flagged = f"{region}/{year}", set()
    for row in rows:
        action = (row.get("action") or "").strip().lower()
        if action not in ("set", OVERRIDE, NEW) or (action != NEW
                                                     and not row.get("indicator_id")):
            continue
        # The published number first; the worksheet's own copy of what extraction read
        # (``rol review`` writes measure, found_unit and sentence) when it is not there.
        start = _start_key(row.get("char_start"))
        number = (readings.get(start) or [{}])[0]
        measure = (number.get("measure") or row.get("measure") or "").strip()
        if not measure:
            continue
        unit = (row.get("unit") or number.get("unit") or row.get("found_unit") or "").strip()
        if number:
            sentence, marked = number.get("sentence") or "", marks.get(start, "")
        else:
            sentence, marked = row.get("sentence") or "", sheet_marks.get(start, "")
        if action == NEW:
            flagged.add(start)
            name = (row.get("indicator_id") or "").strip()
            p = proposals.setdefault((name or group_key(measure), unit),
                                     Proposal(name, Group(measure, unit)))
            _add({(): p.group}, (), measure, unit, key, number or row, marked, start)
            p.reviewers.add(row.get("reviewer") or "?")
            continue
        iid = row["indicator_id"].strip()
        why = _refused(cat, iid, action, unit, readings.get(start) or [], row, marked)
        if why:
            declined.append(Declined(key, start, row.get("text") or "", iid, action, why))
            continue
        a = aliases.setdefault((iid, measure, unit), Alias(iid, measure, unit))
        a.region_years.add(key)
        a.members.add((key, start))
        a.examples.append((key, sentence, marked))
    return flagged


def _refused(cat: Catalogue, iid: str, action: str, unit: str, readings: list,
             row: dict, marked: str) -> str:
    """Why a reviewer's ``set`` row proposes no alias (:class:`Declined`), "" when it
    does: a ``set!``; or an indicator whose units, kind or exclude rules exclude the
    number as extraction read it (``readings``: its published rows, the decision not
    applied to them; a decision the tables carry passed these checks when it was
    built)."""
    from .reviews import OVERRIDE, kind_after, outside_definition, parse_mark

    if action == OVERRIDE:
        return ("set!: named knowingly against the indicator's definition; if the "
                "definition is too narrow, widen it (then write set)")
    ind = cat.indicators.get(iid)
    if ind is None:
        return ""  # said in the alias's comment: not in the catalogue
    if any(r.get("indicator_id") == iid and parse_mark(r.get("review"))[0] == "set"
           for r in readings):
        return ""  # applied by a build, which checks it
    if unit and unit not in ind.units:
        return f"{iid} takes {'、'.join(ind.units)}, not {unit}"
    for r in readings or [{}]:
        kind = kind_after(str(r.get("kind") or ""), (row.get("unit") or "").strip())
        why = outside_definition(ind, kind, unit, str(r.get("measure") or row.get("measure")
                                                      or ""), marked)
        if not why:
            return ""
    return why


# ------------------------------------------------------------------------------- output

def _toml_str(text: str) -> str:
    """A TOML string: literal ('...') when possible, so regexes keep their backslashes."""
    if "'" not in text and "\n" not in text:
        return f"'{text}'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _comment(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text)


def _stem(measure: str, marked: list[str] = ()) -> str:
    """The measure without its accounting ending: 行政复议申请受理数 -> 行政复议申请受理.

    An ending of two characters or more is cut only where no ``marked`` sentence writes
    the stem's last character and the ending's first as one run (执行案件数: 案件 stands
    in 执行案件#, so only the builder's 数 goes, never 件数, which left 执行案 and a
    pattern piece 行案 cut out of two words)."""
    m = _MEASURE_TAIL_RE.search(measure)
    if (m and len(m.group()) > 1 and m.start() > 0
            and any(measure[m.start() - 1:m.start() + 1] in t for t in marked)):
        stem = measure[:-1] if measure[-1] in "数量额" else measure
    else:
        stem = _MEASURE_TAIL_RE.sub("", measure)
    return stem if len(stem) >= 2 else measure


def _bare(pattern: str) -> str:
    """A pattern without its character classes and repeat counts."""
    return re.sub(r"\[[^\]]*\]|\{\d*,?\d*\}", "", pattern)


def _words(pattern: str) -> int:
    """How many CJK characters, letters and digits a pattern holds outside its
    character classes and repeat counts: ``开展#`` 2, ``#[^，,。；;]{0,4}党政主要负责`` 6."""
    return sum(1 for c in _bare(pattern) if c.isalnum())


class _Gap(str):
    """A piece of regex syntax in a pattern's parts (a gap, the number's ``#``)."""


def _regex(parts: tuple) -> str:
    """A pattern of ``parts``: words (escaped) and, as :class:`_Gap`, regex syntax."""
    return "".join(p if isinstance(p, _Gap) else re.escape(p) for p in parts)


_NUMBER = _Gap("#")
_WORD_GAP = _Gap(_GAP)
_SWAP_GAP = _Gap("[^，,。；;]{0,12}")
_AFTER_GAP = _Gap("[^，,。；;]{0,4}")
#: Characters of the words right before the number the guesses take, a short and a
#: longer guess (whole words: the last word alone when it is longer).
TAIL_CHARS = (6, 10)


def _within(pattern: str, kept: str) -> bool:
    """Whether ``pattern`` matches only numbers ``kept`` matches too, by their text: more
    words before it (全年召开党委会# of 召开党委会#), or words right before the number
    where ``kept`` allows a gap (张贴海报# of 张贴海报[^，,。；;]{0,8}#)."""
    loose = _WORD_GAP + _NUMBER
    return pattern.endswith(kept) or (
        kept.endswith(loose) and pattern.endswith(kept[:-len(loose)] + _NUMBER))


@lru_cache(maxsize=256)
def _grouped(parts: tuple) -> re.Pattern:
    """The pattern of ``parts`` with each word piece a group: where each stands in a
    match. (Compiled once: a pattern's gaps make compiling it cost more than using it.)"""
    return re.compile("".join(p if isinstance(p, _Gap) else f"({re.escape(p)})"
                              for p in parts))


def _whole_words(parts: tuple, marked: list[str]) -> tuple:
    """``parts`` with each word piece widened to the whole words it stands in, where the
    pattern matches the ``marked`` sentences (:func:`words.widen`): 晓率 of 知晓率 becomes
    知晓率, 他涉法文件 of 其他涉法文件 becomes 其他涉法文件. Sentences may widen a piece
    differently: the widening most of them give wins (ties: the shortest, then the first
    in code-point order). Unchanged when the pattern matches none of them."""
    from . import words

    rx = _grouped(parts)
    votes: Counter = Counter()
    for m in marked:
        hit = rx.search(m)
        if hit is None:
            continue
        spans = iter(range(1, (hit.lastindex or 0) + 1))
        votes[tuple(p if isinstance(p, _Gap) else m[slice(*words.widen(m, *hit.span(next(spans))))]
                    for p in parts)] += 1
    if not votes:
        return parts
    return sorted(votes.items(), key=lambda kv: (-kv[1], len(_regex(kv[0])), kv[0]))[0][0]


def shared_words(labels) -> str:
    """The run of whole words (three characters or more) that the most of ``labels``
    hold (a :class:`Counter` of measure labels; ties: the longer, then the first in
    code-point order), "" when no run of them stands in two labels: 帮办代办 of
    帮办代办企业事项数, 帮办代办服务数 and 企业和群众提供帮办代办服务数. A group
    :func:`merged` from several wordings is matched by it in most of its sentences."""
    from . import words

    runs: Counter = Counter()
    for label in labels:
        stem = _LABEL_TAIL_RE.sub("", group_key(label)) or label
        toks = [w for w, _, _ in words.tokens(stem)]
        found = {"".join(toks[i:j]) for i in range(len(toks)) for j in range(i + 1, len(toks) + 1)}
        runs.update(r for r in found if len(r) >= MIN_PATTERN_CHARS
                    and all(words.is_word(c) or c in "#" for c in r[:1]))
    best = sorted(runs.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return best[0][0] if best and best[0][1] >= 2 else ""


def guess_patterns(measure: str, marked: list[str], outside=None, lead: tuple = ()
                   ) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    """Patterns for a measure: (kept, refused).

    ``lead`` (a group :func:`merged` from several wordings: the words its labels share,
    then its other labels) is tried first, and then a guess is kept only when it matches
    a sentence no kept pattern matches: the two patterns proposed cover the wordings.

    ``kept`` holds up to two ``(pattern, hits)``: ``hits`` of the ``marked`` sentences
    it matches (at least one); a kept pattern matches no number outside the group
    (``outside(pattern)``, not asked when not given). ``refused`` holds ``(pattern,
    why)`` for the guesses that match the group but are not proposed: fewer than
    :data:`MIN_PATTERN_CHARS` words, or a match of any number outside the group (it
    would name that number too). A guess that matches none of ``marked`` is neither;
    when nothing is kept and nothing refused, ``refused`` holds the first guess with the
    reason that it matches none of them.

    Tried in order: the measure's words right before the
    number; its first and last words around a gap (reports reorder words:
    受理行政复议申请 vs 行政复议申请受理); the number right before the measure's words
    (为1800余家企业提供服务, 281项事项实现全覆盖); and the words right before the number
    in the group's most common clause (:data:`TAIL_CHARS` characters of whole words, then
    more of them).
    Every guess is made of whole words of the sentences (:mod:`words`): a piece that
    starts or ends inside a word there is widened to it (知晓率, never 晓率; 培训班, never
    训班).
    """
    from . import words

    cands = [(_stem(w, marked), _WORD_GAP, _NUMBER) for w in lead if _stem(w, marked)]
    if stem := _stem(measure, marked):  # "": a label not to build on (an alias's wrong one)
        cands.append((stem, _WORD_GAP, _NUMBER))
        first, last = words.edge_words(stem)
        if len(stem) >= 4 and len(first) + len(last) <= len(stem):
            cands.append((first, _SWAP_GAP, last, _WORD_GAP, _NUMBER))
            cands.append((last, _SWAP_GAP, first, _WORD_GAP, _NUMBER))
        # a counting word may stand between the number and the noun (#家企业): a short gap
        cands.append((_NUMBER, _AFTER_GAP, stem))
    # the words of the number's clause before it (marked_clause up to its #)
    clauses = [c[:c.find("#")] for m in marked if (c := marked_clause(m)) is not None]
    # the words right before the number, then more of them where those few would
    # match numbers outside the group (召开党委会# of any report; 召开专题党委会#)
    for most in TAIL_CHARS:
        lefts = Counter(t for c in clauses if len(t := words.last_words(c, most)) >= 2)
        if lefts:
            top = sorted(lefts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            cands.append((top, _NUMBER))
    kept, refused = [], []
    covered: set[int] = set()  # the sentences a kept pattern matches
    guesses = {_regex(parts): parts for parts in (_whole_words(c, marked) for c in cands)}
    for pat, parts in guesses.items():
        rx = _grouped(parts)
        matched = {i for i, m in enumerate(marked) if rx.search(m)}
        hits = len(matched)
        if not hits or any(_within(pat, k) for k, _ in kept) or (
                lead and kept and matched <= covered):
            continue
        if (n_words := _words(pat)) < MIN_PATTERN_CHARS:
            refused.append((pat, f"only {n_words} characters besides '#'"))
            continue
        if frames := words.only_frame([p for p in parts if not isinstance(p, _Gap)]):
            # 总数达# frames the numbers of any statistic: the words say how a number is
            # stated, not what it counts (trial 23: a 法律明白人 alias of 总数达#)
            refused.append((pat, "only words that frame the numbers of many statistics ("
                            + "、".join(frames) + "), none of what it counts"))
            continue
        if figure := _FIGURE_RE.search(_bare(pat)):
            # 实现20类# holds one report's figure: it would match nothing anywhere else
            refused.append((pat, f"holds a figure ({figure.group()}) of one report"))
            continue
        false = outside(pat) if outside is not None else 0
        if false:
            refused.append((pat, f"matches {_plural(false, 'number')} outside the group"))
            continue
        kept.append((pat, hits))
        covered |= matched
        if len(kept) == 2:
            break
    if not kept and not refused and guesses:
        refused.append((next(iter(guesses)), "matches none of them"))
    return kept, refused


def _bound(flat: str, at: int, piece: str, first: bool) -> bool:
    """Whether ``piece`` found at ``at`` of ``flat`` is cut out of longer words: right
    after a numeral (件事 of 一件事), ending in one (综合查一 of 综合查一次), or, as the
    label's first words, right after 等 (形式 of 主题党日等形式: the list it ends is
    what the words are about) or opening with one character and a list mark right after
    another character (件、合同协议 of 拟发文件、合同协议: the 件 is 文件's tail)."""
    before = flat[at - 1] if at else ""
    return (before in _LABEL_NUMERALS or piece[-1] in _LABEL_NUMERALS
            or (first and (before == "等" or (piece[1] in _LIST_MARKS
                                                and _HAN_CHAR_RE.match(before)))))


def _stands_whole(label: str, marked: list[str]) -> bool:
    """Whether ``label`` itself, ending and all, stands as whole words in one of the
    ``marked`` sentences (:func:`words.bounds`): 免罚金额 of 免罚金额#."""
    from . import words

    for m in marked:
        at = m.find(label)
        while at >= 0:
            if {at, at + len(label)} <= words.bounds(m):
                return True
            at = m.find(label, at + 1)
    return False


def _in_clause(measure: str, marked: list[str]) -> bool:
    """Whether a label shares two characters running with the clause of its number in
    one of the ``marked`` sentences (培训数 with 培训#人次), or no sentence marks the
    number (nothing to judge by). A label that shares none (法律援助数 with 总数达#名)
    was built from words elsewhere: a guess, not the number's wording."""
    stem = _LABEL_TAIL_RE.sub("", group_key(measure)) or measure
    pairs = {stem[i:i + 2] for i in range(len(stem) - 1)}
    clauses = [c for m in marked if (c := marked_clause(m)) is not None]
    return not clauses or any(p in c for c in clauses for p in pairs)


def whole_label(measure: str, marked: list[str]) -> bool:
    """Whether a measure label is made of whole words of one of its numbers' sentences.

    The label without its scope words and ending must hold at least
    :data:`MIN_LABEL_CHARS` characters (or the label, ending and all, be longer than
    that and stand as whole words in a sentence: 免罚金额 of 免罚金额#, where 金额 is the
    report's word, not the builder's) and be read, left to right, as pieces of two or
    more characters of one of the ``marked`` sentences (its quotes and brackets dropped,
    the measure builder's synonyms applied: it may leave words out, carry a topic from
    earlier in the sentence and join the words before and after the number), no piece
    cut out of longer words (:func:`_bound`). A label that is not (件事数, 谋划综合查一数,
    形式习近平法治思想专题学习数, 件、合同协议数, 覆盖数) names no statistic: it is not
    proposed.

    Examples
    --------
    >>> whole_label("件事数", ["谋划17个“综合查一次”应用场景和#“执法监管一件事”；"])
    False
    >>> whole_label("行政复议审结数", ["行政复议方面，全年办结#。"])
    True
    >>> whole_label("件、合同协议数", ["审查拟发文件、合同协议等#，提出意见40条。"])
    False
    """
    from .measure import _synonyms

    label = group_key(measure)
    stem = _LABEL_TAIL_RE.sub("", label)
    # a short stem names a statistic only with its ending in the report's own words, and
    # a label of more characters than the stem needs (比例, 相比, 时长 stand whole too)
    if len(stem) < MIN_LABEL_CHARS and not (len(label) > MIN_LABEL_CHARS
                                            and _stands_whole(label, marked)):
        return False
    for m in marked:
        # the builder's own synonym pass (longest word first, 办结 as 审结 only in a
        # label of a decided case), so the sentence reads as the label was made
        flat = _synonyms(_LABEL_DROPPED_RE.sub("", m), label)
        i = 0
        while i < len(stem):
            for j in range(len(stem), i + 1, -1):
                at = flat.find(stem[i:j])
                while at >= 0 and _bound(flat, at, stem[i:j], i == 0):
                    at = flat.find(stem[i:j], at + 1)
                if at >= 0:
                    i = j
                    break
            else:
                break  # no piece of two or more characters starts here
        if i == len(stem):
            return True
    return False


def _id_for(measure: str, unit: str, section: str) -> str:
    """A stable snake_case id to rename: section plus a digest of measure and unit."""
    digest = hashlib.sha1(f"{measure}|{unit}".encode()).hexdigest()[:8]
    return f"{section or 'new'}_{digest}"


def _closest(cat: Catalogue, measure: str, kind: str,
             not_these=()) -> tuple[str, str] | None:
    """The catalogue indicator of the same kind whose name shares most characters
    with the measure (at least half of them), as a hint that this may be an alias;
    never one of ``not_these`` (indicators reviewers took off such numbers), nor one
    that shares no word with it but a stage verb or a light word (:func:`measure_words`:
    容缺受理事项数 and 受理信访事项数 share 受理 and 事项, and count two things)."""
    best, best_score = None, 0.0
    chars = set(measure)
    own = measure_words(measure)[1]
    for ind in cat.indicators.values():
        if ind.kind != kind or not chars or ind.id in not_these:
            continue
        if not own & measure_words(ind.zh_name)[1]:
            continue
        score = len(chars & set(ind.zh_name)) / len(chars | set(ind.zh_name))
        if score > best_score:
            best, best_score = (ind.id, ind.zh_name), score
    return best if best_score >= 0.5 else None


def _plural(n: int, word: str, words: str = "") -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def _majority(counter: Counter, order: list[str]) -> str:
    rank = {k: n for n, k in enumerate(order)}
    items = [(k, n) for k, n in counter.items() if k]
    if not items:
        return ""
    return sorted(items, key=lambda kv: (-kv[1], rank.get(kv[0], len(rank)), kv[0]))[0][0]


def _examples(examples: list, n: int = EXAMPLES, indent: str = "#   ",
              each: bool = False) -> list[str]:
    """Up to ``n`` example sentences, each with its region-year; with ``each``, one of
    every region-year (a group :func:`merged` from several wordings shows them all)."""
    out, seen, years = [], set(), set()
    ordered = sorted(examples, key=lambda e: (e[0], e[1]))
    if each:
        n = max(n, len({e[0] for e in examples}))
        firsts = [e for e in ordered if e[1] and not (e[0] in years or years.add(e[0]))]
        ordered = firsts + [e for e in ordered if e not in firsts]
    for key, sentence, _ in ordered:
        if sentence and sentence not in seen:
            seen.add(sentence)
            out.append(f"{indent}{key}: {_comment(sentence)}")
        if len(out) == n:
            break
    return out


def _listed(g) -> list[str]:
    """A group listed but not proposed (a fragment, a part of a total), as comments: its
    measure, unit, spread and region-years, then its examples."""
    return [f"#   {g.measure or '(no measure read)'} ({g.unit or 'no unit'}): "
            f"{_spread(g.region_years)}, {_plural(g.count, 'number')}: "
            + ", ".join(sorted(g.region_years)),
            *_examples(g.examples, indent="#     ")]


def _pattern_lines(kept: list, refused: list, n: int, whose: str,
                   corpus: Sentences | None = None) -> list[str]:
    """The ``patterns`` line, how many of the ``n`` example sentences each matches and
    how many numbers outside the group (in every published sentence) each matches.

    A guess that matches none of its own examples would name nothing the examples
    state, and one that matches other numbers, or is too short to say what it counts,
    would name them wrongly: neither is proposed (the comment lists them, with why).
    With nothing left, ``patterns = []`` fails ``rol catalogue check`` until one is
    written by hand, and the comment says so.
    """
    why = ["# not proposed: " + "; ".join(f"{_toml_str(p)} ({r})" for p, r in refused)
           ] if refused and kept else []
    if kept:
        scope = []
        if corpus is not None:
            scope = [f"# numbers outside the {whose} they match, in the sentences of all "
                     f"{_plural(len(corpus.keys), 'number')} read: "
                     + ", ".join("0" for _ in kept)]  # guess_patterns keeps no other
        return ["patterns = [" + ", ".join(_toml_str(p) for p, _ in kept) + "]",
                f"# of the {whose}'s {_plural(n, 'sentence')}, the patterns match "
                + ", ".join(str(hits) for _, hits in kept), *scope, *why]
    if any(r != "matches none of them" for _, r in refused):
        return [
            f"# WRITE THE PATTERN BY HAND: every pattern guessed that matches the {whose}'s "
            f"{_plural(n, 'example sentence')} above is too general to propose",
            "# (not proposed: " + "; ".join(f"{_toml_str(p)}: {r}" for p, r in refused)
            + ").",
            "# Put '#' where the number stands, e.g. '调解纠纷#' or '#[^，,]{0,4}人民调解员'.",
            "patterns = []",
        ]
    pats = refused
    return [
        f"# WRITE THE PATTERN BY HAND: no pattern guessed from the measure matches any of "
        f"the {whose}'s {_plural(n, 'example sentence')} above",
        "# (guessed and not proposed: " + ", ".join(_toml_str(p) for p, _ in pats) + ").",
        "# Put '#' where the number stands, e.g. '调解纠纷#' or '#[^，,]{0,4}人民调解员'.",
        "patterns = []",
    ]


def _stanza(g: Group, cat: Catalogue, sections: list[str], corpus, zh_name: str = "",
            whose: str = "", notes: list[str] = ()) -> list[str]:
    """The comment lines and the ``[[indicator]]`` stanza proposed for the group ``g``;
    ``zh_name`` (a reviewer's proposed name) stands for its measure, ``whose`` ends the
    spread line, ``notes`` are comments before the examples."""
    zh_name = zh_name or g.measure
    lines: list[str] = []
    kind = _majority(g.kinds, KINDS) or "count"
    section = _majority(g.sections, sections)
    lo, hi = RANGES.get(kind, RANGES["count"])
    marked = [m for _, _, m in g.examples]
    merged_from = sorted({group_key(k) for k in g.labels})
    lead = ()
    if len(merged_from) > 1:
        # one statistic worded several ways: the words they share first, then each
        # wording (most numbers first)
        lead = tuple(dict.fromkeys(
            [w for w in [shared_words(g.labels)] if w]
            + [k for k, _ in sorted(g.labels.items(), key=lambda kv: (-kv[1], kv[0]))]))
    proposed, refused = guess_patterns(
        g.measure, marked,
        corpus and (lambda p, g=g: corpus.outside(p, g.members, labels=tuple(g.labels))),
        lead)
    lines += ["", f"# {_spread(g.region_years)}, "
              f"{_plural(g.count, 'number')}: " + ", ".join(sorted(g.region_years)) + whose]
    lines += list(notes)
    if not section:
        lines.append("# section: no section heading was recognised; set one of "
                     + ", ".join(sections))
    # a reviewer's unname says the wording is NOT that indicator's: never hint at it
    for iid, n in sorted(g.unnamed_from.items()):
        lines.append(f"# a reviewer un-named {iid} from {_plural(n, 'number')} of this "
                     "group (unname): not its wording")
    close = _closest(cat, g.measure, kind, set(g.unnamed_from))
    if close:
        units = cat.indicators[close[0]].units
        if g.unit and g.unit not in units:
            # 评查2次 beside 案卷210卷: the same words, another thing counted; pointing
            # the existing indicator's patterns at it would take the wrong number
            lines.append(f"# close to the existing {close[0]} ({close[1]}), which "
                         f"counts in {'/'.join(units)}, not {g.unit}: probably another "
                         "thing counted with the same words; if so, name what differs")
        else:
            lines.append(f"# close to the existing {close[0]} ({close[1]}): "
                         "maybe its patterns need this wording instead")
    same = next((i for i in cat.indicators.values() if i.zh_name == zh_name), None)
    if same is not None:
        lines.append(f"# zh_name: {same.id} already has this name; rol catalogue check "
                     "refuses two indicators with one name: rename this one")
    if len(g.labels) > 1:
        lines.append("# labels: " + ", ".join(f"{k} ({n})" for k, n in
                                             sorted(g.labels.items())))
    if not g.unit:
        lines.append("# units: the reports state these numbers without a counting word "
                     "(向11.43万农民工); put the unit they count in `units`")
    lines.append("# examples:")
    lines += _examples(g.examples, each=len({group_key(k) for k in g.labels}) > 1)
    lines += [
        "[[indicator]]",
        f"id = {_toml_str(_id_for(zh_name, g.unit, section))}",
        f"section = {_toml_str(section)}",
        f"zh_name = {_toml_str(zh_name)}",
        "en_name = ''",
        f"kind = {_toml_str(kind)}",
        f"units = [{_toml_str(g.unit)}]" if g.unit else "units = []",
        f"min = {lo}",
        f"max = {hi}",
        *_pattern_lines(proposed, refused, len(marked), "group", corpus),
    ]
    return lines


def render(groups: list[Group], aliases: list[Alias], stats: dict,
           catalogue: Catalogue | None = None, min_regions: int = 1) -> str:
    """The suggestions as TOML text (see the module docstring)."""
    cat = catalogue or load()
    sections = [s.id for s in cat.sections]
    corpus = stats.get("sentences")  # absent: false matches are not counted
    # --min-regions counts regions, not region-years: one county's two years are one
    kept = [g for g in groups if len(regions(g.region_years)) >= min_regions]
    # a stated change (同比增长42.8%, 较上年减少3卷) is no statistic of its own: it is the
    # year-over-year check of its level's indicator (trial 23: 发现问题案卷变化 proposed,
    # with the pattern 较上年减少#)
    changes = [g for g in kept if _majority(g.kinds, KINDS) == "change"]
    kept = [g for g in kept if g not in changes]
    changed = list(dict.fromkeys(g.measure for g in changes))  # a label of two units once
    # a label cut out of longer words names no statistic: listed, never proposed
    fragments = [g for g in kept if not whole_label(g.measure, [m for _, _, m in g.examples])]
    kept = [g for g in kept if g not in fragments]
    breakdowns = [(b, [g for g in b.groups if len(regions(g.region_years)) >= min_regions])
                  for b in stats.get("breakdowns", [])]
    breakdowns = [(b, gs) for b, gs in breakdowns if gs]
    listed_parts = sum(g.count for _, gs in breakdowns for g in gs)
    # a reviewer's set decision in one county is one region's wording too: --min-regions
    # holds for aliases as for groups (trial 5 F9: single-region aliases were printed
    # under "0 groups in at least 2 regions")
    n_aliases = len(aliases)
    aliases = [a for a in aliases if len(regions(a.region_years)) >= min_regions]
    proposals = stats.get("proposals", [])
    n_proposals = len(proposals)
    proposals = [p for p in proposals if len(regions(p.group.region_years)) >= min_regions]
    declined = stats.get("declined", [])
    lines = [
        "# rol catalogue suggest: statistics the catalogue does not name yet, grouped by",
        "# measure and unit over every published region-year. Review each stanza before",
        "# copying it into your project's catalogue/<name>.toml (read on top of the packaged",
        "# catalogue, [[alias]] stanzas as printed): rename the id, write",
        "# en_name, check the section, the range and that each pattern matches only what",
        "# it should (the comment says how many of the group's sentences it matches).",
        f"# Read {stats['region_years']} region-years "
        f"({_plural(stats.get('regions', stats['region_years']), 'region')}), "
        f"{stats['numbers']} numbers, "
        f"{stats['unnamed']} without an indicator"
        + (f" ({stats['no_measure']} of them without a measure, not grouped)"
           if stats["no_measure"] else "") + ".",
        *([f"# {_plural(stats['parts'], 'number')} without an indicator "
           f"{'is a part' if stats['parts'] == 1 else 'are parts'} of a total",
           "# an indicator already names (part_of): not proposed; "
           + (f"{'all' if listed_parts == stats['parts'] else listed_parts} "
              f"({'in' if listed_parts == stats['parts'] else 'those in'} at least "
              f"{_plural(min_regions, 'region')}) listed at the end under their whole."
              if listed_parts else
              f"none in at least {_plural(min_regions, 'region')}, so none listed.")]
          if stats.get("parts") else []),
        f"# {_plural(len(kept), 'group')} in at least "
        f"{_plural(min_regions, 'region')} (of {len(groups)}; the years of one region "
        "count once)"
        + (f", and {_plural(len(fragments), 'group')} whose label is not whole words of "
           "its sentences, listed at the end, not proposed." if fragments else "."),
        *([f"# {_plural(len(changes), 'group')} of stated changes left out ("
           + ", ".join(changed[:3]) + (", …" if len(changed) > 3 else "")
           + "): a change is no statistic of its own but the year-over-year check of its "
           "level's indicator."] if changes else []),
        *([f"# {_plural(len(aliases), 'alias', 'aliases')} from reviewers' set decisions in "
           f"at least {_plural(min_regions, 'region')} (of {n_aliases})."]
          if n_aliases else []),
        *([f"# {_plural(len(proposals), 'new indicator')} reviewers asked for (`new` "
           f"decisions) in at least {_plural(min_regions, 'region')} (of {n_proposals}), "
           "listed first."] if n_proposals else []),
        *([f"# {_plural(len(declined), 'set decision')} whose indicator's definition "
           "excludes the number: no alias, listed at the end."] if declined else []),
    ]
    if proposals:
        lines += [
            "",
            "# Numbers reviewers marked `new` in data/reviews (no catalogue indicator fits",
            "# them), first: each stanza's zh_name is the name the reviewer proposed (the",
            "# measure when none was). Their numbers, and the numbers of the same measure",
            "# and unit in other reports, are in no group below.",
        ]
    for p in proposals:
        said = ("" if p.name else "# zh_name: no name proposed; the measure stands in for "
                "it: name the statistic")
        joined = (f" (and {_plural(p.joined, 'number')} of the same measure no reviewer "
                  "marked)" if p.joined else "")
        lines += _stanza(p.group, cat, sections, corpus, p.name or p.group.measure,
                         f"; marked new by {'、'.join(sorted(p.reviewers))}{joined}",
                         [said] if said else [])
    if kept and proposals:
        lines += ["", "# Groups of unnamed numbers the machine found:"]
    for g in kept:
        lines += _stanza(g, cat, sections, corpus)
    if fragments:
        lines += [
            "",
            "# Labels that are not whole words of their numbers' sentences (cut out of longer",
            "# words, or fewer than 3 characters besides the ending: 件事数, 覆盖数). NOT",
            "# proposed: such a label names no statistic. Read the sentences; a statistic",
            "# among them is a `set` decision or an indicator written by hand.",
        ]
    for g in fragments:
        lines += _listed(g)
    if breakdowns:
        lines += [
            "",
            "# Parts of totals the catalogue already names (part_of in mentions.csv). NOT",
            "# proposed as new indicators: each number is one part of a total that an",
            "# existing indicator names (a 其中 subset, one level or one type of a breakdown),",
            "# so it keeps an empty indicator_id by design (docs/design.md, \"The data",
            "# contract\"). An indicator of its own would name a slice of that total as if it",
            "# were a statistic of its own. Read them to check the whole's patterns and the",
            "# part cues; a part that is really a statistic of its own is a `set` decision.",
        ]
    for b, gs in breakdowns:
        ind = cat.indicators.get(b.indicator_id)
        name = ind.zh_name if ind is not None else "(not in the catalogue)"
        lines += ["", f"# breakdowns of {b.indicator_id} {name}: "
                  f"{_spread(b.region_years)}, "
                  f"{_plural(b.count, 'number')}"]
        for g in gs:
            lines += _listed(g)
    if aliases:
        lines += ["", "# Measures reviewers assigned to an existing indicator (`set` decisions "
                  "in data/reviews):", "# add their patterns to that indicator."]
    for a in aliases:
        marked = [m for _, _, m in a.examples]
        # the machine read the number under another indicator (or none) and labelled it
        # so: a label with no word of the number's clause was its wrong guess, which the
        # reviewer's set contradicts (trial 23: 法律援助数 for 总数达1770名 of 法律明白人)
        label = a.measure if _in_clause(a.measure, marked) else ""
        proposed, refused = guess_patterns(
            label, marked,
            corpus and (lambda p, a=a, label=label: corpus.outside(
                p, a.members, a.indicator_id, (label,) if label else ())))
        known = a.indicator_id in cat.indicators
        lines += ["", f"# {_spread(a.region_years)}: " + ", ".join(sorted(a.region_years))
                  + ("" if known else f"; {a.indicator_id} is not in the catalogue")]
        lines += _examples(a.examples)
        lines += [
            "[[alias]]",
            f"indicator = {_toml_str(a.indicator_id)}",
            f"measure = {_toml_str(label)}" if label else
            "# measure: none; the label the machine read holds no word of the number's clause: "
            "the reviewer's set says it was a wrong guess",
            f"units = [{_toml_str(a.unit)}]",
            *_pattern_lines(proposed, refused, len(marked), "alias", corpus),
        ]
    if declined:
        lines += ["", "# Reviewers' set decisions that propose NO alias: the indicator's own "
                  "definition", "# excludes the number (`rol review` and `rol build` refuse "
                  "such a set until it is", "# corrected; a set! names it so on purpose). "
                  "A number of a statistic the catalogue", "# lacks is a `new` decision; a "
                  "definition too narrow is widened by hand."]
        lines += [f"#   {d.region_year} char_start {d.char_start} {d.text!r} ({d.action} "
                  f"{d.indicator_id}): {_comment(d.why)}" for d in declined]
    return "\n".join(lines) + "\n"


def suggest(root, min_regions: int = 1, catalogue: Catalogue | None = None) -> str:
    """``rol catalogue suggest``: the TOML text for the published data under ``root``.

    Raises
    ------
    UsageError
        No processed data under ``root``, or ``min_regions`` below 1.
    """
    if min_regions < 1:
        raise UsageError(f"--min-regions {min_regions}: give a number of regions, "
                         "1 or more.")
    groups, aliases, stats = collect(root)
    return render(groups, aliases, stats, catalogue, min_regions)
