"""The numbers of a report's text as sentences: what the checks that read its wording see.

The mentions table (``mentions.parquet``) keeps every number the report states with its
sentence and raw offsets. :func:`text_of` rebuilds the report's text from it: the numbers
in report order (:class:`Number`, one per number, its indicator rows merged), grouped by
sentence in compact text (:func:`normalize.compact`), with each number's place in its
sentence and which sentences follow each other (:class:`Text`). The rates the text pairs
(:func:`ratios.infer_ratios`) and the changes it states against the year before
(:mod:`yoy`) are both read from it.

Also here, how a number is written and counted: the decimals it is written with
(:func:`stated_decimals`), the counting words that count the same things
(:func:`unit_class`), what is an exact count (:func:`is_count`) and the units of a change
in percentage points (:data:`POINTS_UNITS`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .measure import DURATION_UNITS
from .mentions import CLAUSE_MARKS
from .normalize import compact
from .tables import number_cell

#: Digits with their decimals, as a number is written ("95.87": group 1 is "87").
DIGITS = re.compile(r"\d+(?:\.(\d+))?")

#: Counting words that count the same things: a pair may mix them (件 and 例, 个 and 处:
#: 排查隐患点200个，已整改180处，整改率90%). Each word is in one class at most; 期 is not
#: 场 (讲座2期 is no 讲座3场: a course of several sessions).
UNIT_CLASSES = ({"件", "宗", "起", "例", "单"}, {"人", "名", "位"}, {"场", "场次"},
                {"个", "家", "所", "处", "座", "支"}, {"工作日", "个工作日"})
#: Counting words a part may switch to from its whole's (其中, :mod:`parts`): a class of
#: :data:`UNIT_CLASSES` with the times its things were counted (a part of 人 trained may
#: be stated in 人次, though 1150人 of 1200人次 is no pass rate) or the other words of
#: sessions (培训6期，其中专题讲座2场), or one word of listed things for another (事项236项，
#: 其中…45个; 条 and 件 of 项).
PART_CLASSES = (UNIT_CLASSES[0] | {"件次"}, UNIT_CLASSES[1] | {"人次"},
                UNIT_CLASSES[2] | {"次", "期", "轮", "批", "批次"}, *UNIT_CLASSES[3:],
                {"项", "条", "个", "件"})
#: Units that are not counts: durations, rates and changes in points, areas, weights.
NOT_COUNTS = DURATION_UNITS | {"%", "个百分点", "百分点", "平方米", "公里", "亩", "吨"}
#: The units of a change in percentage points (提高2.9个百分点).
POINTS_UNITS = ("个百分点", "百分点")
#: Two sentences are adjacent when the raw text between them, estimated from the
#: numbers' offsets, is at most this long: line breaks and spaces, never a sentence
#: (the estimate can only overstate the gap, so a tight bound errs on the safe side).
ADJACENT_GAP = 5

# Clauses end at mentions.CLAUSE_MARKS here too: its line break never matters, as the
# sentences read here are compact (normalize.compact: no whitespace).


def clause_breaks(gap: str) -> int:
    """How many clause breaks (:data:`mentions.CLAUSE_MARKS`) ``gap`` holds."""
    return sum(gap.count(c) for c in CLAUSE_MARKS)


#: A group ending in one of these continues the same full sentence.
_JOINERS = ("；", ";")


def stated_decimals(text) -> int:
    """Decimals written in a number's text ("95.87%" -> 2, "百分之百" -> 0)."""
    if not isinstance(text, str):
        return 0
    m = DIGITS.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


def half_unit(n) -> float:
    """How far a number's value may be from what it counts, in its own units: half its
    last written digit when it is rounded ("4.62件" -> 0.005, "28.29万通" -> 50, "27万件"
    -> 5000), 0 for a whole number written out in full ("6217件"), which is exact, and
    for a number not written in digits."""
    m = DIGITS.search(n.text) if isinstance(n.text, str) else None
    if m is None or not float(m.group(0)) or not n.value:
        return 0.0
    decimals = len(m.group(1) or "")
    scale = n.value / float(m.group(0))
    power = round(math.log10(abs(scale))) if scale else 0
    if power < 0 or abs(scale - 10 ** power) > 1e-6 * 10 ** power:
        return 0.0  # not a plain scale word (1,234件 or a derived value): exact
    if not decimals and not power:
        return 0.0
    return 0.5 * 10 ** (-decimals) * 10 ** power


def unit_class(unit: str) -> frozenset:
    """The counting words that count the same things as ``unit`` (:data:`UNIT_CLASSES`)."""
    for cls in UNIT_CLASSES:
        if unit in cls:
            return frozenset(cls)
    return frozenset({unit})


@dataclass
class Number:
    """One number of the mentions table (its indicator rows merged)."""

    start: int
    value: float
    unit: str
    qualifier: str
    kind: str
    text: str
    sentence: str
    measure: str
    indicator_ids: tuple
    group: int = 0   # index of its sentence, in report order
    pos: int = -1    # offset of its text in the compact sentence; -1 when not found
    end: int = -1

    @property
    def indicator_id(self) -> str:
        return self.indicator_ids[0] if self.indicator_ids else ""


@dataclass
class Text:
    """The report's numbers grouped by sentence, rebuilt from the mentions table."""

    numbers: list
    sentences: list      # compact text (no whitespace, no ** markers) per group
    adjacent: list       # adjacent[g]: sentence g directly follows sentence g-1
    lead: list = field(default_factory=list)  # lead[g]: first group of g's full sentence

    @property
    def starts(self) -> list:
        if not hasattr(self, "_starts"):
            self._starts = [n.start for n in self.numbers]
        return self._starts

    def counts_by_unit(self, same_units: frozenset) -> tuple[list, list]:
        """(values, numbers) of the exact counts of one kind of unit (``same_units``: a
        :func:`unit_class`), by value."""
        if not hasattr(self, "_by_unit"):
            by: dict = {}
            for n in self.numbers:
                if is_count(n):
                    by.setdefault(unit_class(n.unit), []).append(n)
            self._by_unit = {}
            for cls, nums in by.items():
                nums.sort(key=lambda x: (x.value, x.start))
                self._by_unit[cls] = ([x.value for x in nums], nums)
        return self._by_unit.get(same_units, ([], []))

    def clause_before(self, n: Number) -> str:
        """The text of ``n``'s clause before it."""
        if n.pos < 0:
            return ""
        head = self.sentences[n.group][:n.pos]
        return head[max(head.rfind(c) for c in CLAUSE_MARKS) + 1:]

    def between(self, a: Number, b: Number) -> str | None:
        """Text between two numbers of one sentence (None across sentences)."""
        if a.group != b.group or a.pos < 0 or b.pos < 0:
            return None
        return self.sentences[a.group][a.end:b.pos]


def text_of(mentions) -> Text:
    """Numbers in report order, their sentence groups and which groups are adjacent.

    The mentions table keeps each number's sentence (readable text) and raw offsets but
    not the sentence's offsets: a number's position in its compact sentence gives the
    sentence's approximate raw start and end, enough to tell whether two sentences
    follow each other.
    """
    has_measure = "measure" in mentions.columns
    merged: dict[int, Number] = {}
    for rec in mentions.sort_values(["char_start", "indicator_id"], kind="stable") \
            .to_dict("records"):
        start, iid = int(rec["char_start"]), rec.get("indicator_id") or ""
        if start in merged:
            if iid and iid not in merged[start].indicator_ids:
                merged[start].indicator_ids += (iid,)
            continue
        measure = rec.get("measure") if has_measure else ""
        merged[start] = Number(
            start=start, value=number_cell(rec["value"]), unit=str(rec.get("unit") or ""),
            qualifier=str(rec.get("qualifier") or "exact"), kind=str(rec.get("kind") or ""),
            text=str(rec.get("text") or ""), sentence=str(rec.get("sentence") or ""),
            measure=measure if isinstance(measure, str) else "",
            indicator_ids=(iid,) if iid else ())
    numbers = list(merged.values())
    sentences: list[str] = []
    spans: list[list[float]] = []  # estimated raw [start, end] of each sentence
    prev, found_to = None, 0
    for n in numbers:
        needle = compact(n.text)
        # A new sentence starts where the text changes, or where the same text comes
        # again (a repeated sentence): its number is no longer found further on.
        if (prev is None or n.sentence != prev.sentence
                or (needle and sentences[-1].find(needle, found_to) < 0)):
            sentences.append(compact(n.sentence))
            spans.append([math.inf, -math.inf])
            found_to = 0
        prev = n
        n.group = len(sentences) - 1
        sent = sentences[-1]
        at = sent.find(needle, found_to) if needle else -1
        if at < 0:
            continue
        n.pos, n.end, found_to = at, at + len(needle), at + len(needle)
        span = spans[-1]
        span[0] = min(span[0], n.start - at)
        span[1] = max(span[1], n.start + len(sent) - at)
    adjacent = [False] + [spans[g][0] - spans[g - 1][1] <= ADJACENT_GAP
                          if math.isfinite(spans[g][0]) and math.isfinite(spans[g - 1][1])
                          else False for g in range(1, len(sentences))]
    # Sentences are split at semicolons too; a full sentence ends at 。！？ (or a line
    # break): "…5422件，…；申请人…3758人。" is one sentence of two groups.
    lead = []
    for g in range(len(sentences)):
        joined = g and adjacent[g] and sentences[g - 1][-1:] in _JOINERS
        lead.append(lead[g - 1] if joined else g)
    return Text(numbers, sentences, adjacent, lead)


def is_count(n: Number) -> bool:
    """An exact, non-negative count or amount (not a duration, a rate or an area)."""
    return (n.kind in ("count", "amount") and n.unit not in NOT_COUNTS
            and n.qualifier == "exact" and not math.isnan(n.value) and n.value >= 0)
