"""Find the numbers that are parts of a total, and name the whole they belong to.

A reading is a part of a total, and may not take an indicator the total could take
(:func:`_mark_parts`), when it follows 其中 (or 包括 after a comma); when its clause is
only a level or sub-unit label after a total (…860件，市级312件、县级548件); when it is an
item of a list whose items the words cannot tell apart (定期清理3次、专项清理12次); or when
it sits under a breakdown header (按层级分：) or names a sub-unit or level while the report
states the concept without one; when the items of a sentence name different levels of
one concept (国家级…60个、市级…691个: :func:`_level_breakdowns`); or when one concept is
stated twice with different values and the first, largest one is the total
(:func:`_same_concept_twice`, which also leaves both unnamed when neither can be told to
be the total, and which names none for kinds of one thing listed with no total:
不予处罚事项291项、从轻处罚事项219项; 14个社区和5个行政村); or when its clause and another
clause of its sentence each name a sub-unit of their own (区直…232人，街镇…48人); or when it
is one of the kinds of one act listed with no total (政策清理1次，
…文件清理1次: :func:`_kinds_lists`), or the rest of a breakdown (其他类130件, 另有2项:
:func:`_the_rest`), or a subset its own words narrow one indicator to (查找出共性问题10条:
:func:`_mark_subsets`), or no larger than a sibling of one thing with no total stated
(集体学法15次，…专题学法讲座2次: :func:`_no_larger_than_a_sibling`), or one of groups
doing one act in clauses of their own (…12名执法人员参加…考试，…108名领导干部参加…考试:
:func:`_groups_doing_one_act`), or one of the forms of one activity stated once each with
one value (学习…2次，开展专题学习研讨2次: :func:`_forms_of_one_activity`). The ``part_of``
column then names the whole: the whole's indicator, or the whole's concept the part's
own words fit best when the whole is not named (:func:`_name_wholes`).

Not here: finding numbers (:mod:`rol_analysis.mentions`), scoring indicators
(:mod:`rol_analysis.matcher`) and handing them out (:func:`rol_analysis.extract._assign`,
which calls these two functions on its reading slots, :class:`_Slot`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .matcher import _Matcher, _study_bodies, stated_apart
from .measure import _last_match, skipping
from .mentions import _CLAUSE_END_RE, _CLAUSE_HEAD_RE, CLAUSE_MARKS, Mention, _sentence_of
from .wording import PART_CLASSES, unit_class

# 其中, and 包括 after a comma (…12件，包括…3件), not 包括X在内的12个 (the whole itself)
_PART_RE = re.compile(r"其中|(?<=[，,])包括(?![^，,。；;]*在内)")


@dataclass
class _Slot:
    """One reading of a number waiting for an indicator: (mention, reading index)."""

    mention: Mention
    index: int
    cands: list[tuple[float, str]]
    group: int = 0       # the list the number is an item of (its first slot's index)
    item: str = ""       # a later item of a list: its own words (、专项清理12次: 专项清理)
    part: bool = False   # a part of a total: never named with the whole's indicator
    wholes: list[int] = field(default_factory=list)  # slots that may be its whole, nearest first
    total: list[tuple[float, str]] = field(default_factory=list)  # the whole's concepts
    ruled: frozenset[str] = frozenset()  # ids the number's own words ruled out
    subset: frozenset[str] = frozenset()  # ids its words narrow to a subset (专窗办件#)
    # for the review worksheet only (extract.explain), never read by a naming rule: the
    # candidates as scored before any rule took some away, why it has none or they were
    # taken away (joint, shared_time, same_name, twice, apart; headline: a figure left
    # out, extract._drop_headlines), the rival of a
    # tie, why the matcher set aside the indicators whose words matched (matcher.scored's
    # reasons), and a named reading's close runner-ups
    considered: list[tuple[float, str]] = field(default_factory=list)
    why: str = ""
    rival: tuple[str, ...] = ()
    reasons: dict | None = None
    close: tuple[str, ...] = ()  # a named reading's runner-ups within the tie margin
    twice_of: str = ""  # the indicator a "twice" reading was kept from
    # the topic of the clause before when the measure names none, read across a paragraph
    # break too (which the measure does not carry over): for similar.py's offer only
    topic: str = ""


def _same_count(a: Mention, b: Mention) -> bool:
    """Whether ``b`` may be the whole of ``a``: the same kind and a unit of one class of
    :data:`wording.PART_CLASSES` (其中 may switch 个 to 家: 执法主体共56个，其中区直单位32家)."""
    if a.kind != b.kind:
        return False
    return a.unit == b.unit or any(a.unit in c and b.unit in c for c in PART_CLASSES)


_PAREN_OPEN_RE = re.compile(r"[（(][^）)]*$")
_PAREN_CLOSE_RE = re.compile(r"[）)]")


def _mark_parts(norm_text: str, bounds: list[int], slots: list[_Slot],
                matcher: _Matcher) -> None:
    """Find the readings that are parts of a total and keep them from its indicator.

    A number after 其中 in its sentence is a part of the numbers before 其中 (of the
    sentence before, when 其中 opens the sentence): it cannot take an indicator they
    could take, and loses 1 elsewhere (54件，其中审查市级…27件). Those indicators are the
    whole's concepts, and the nearest of those numbers that counts the same kind of
    thing is its whole: :func:`_name_wholes` gives the part that whole's indicator.
    """
    sent_start = [_sentence_of(bounds, norm_text, sl.mention.start)[0] for sl in slots]
    first: dict[int, int] = {}
    for k, s0 in enumerate(sent_start):
        first.setdefault(s0, k)
    for k, sl in enumerate(slots):
        m, s0 = sl.mention, sent_start[k]
        if m.sample:
            # "抽选四家单位…述法": a sample of what the concept counts, never the whole
            _make_part(sl, {iid for _sc, iid in sl.cands})
            continue
        head = norm_text[s0:m.start]
        # every cue holds 其中 or 包括: most sentences hold neither (two substring tests,
        # not a regex pass over the sentence for each number)
        cue = (_last_match(_PART_RE, head) if "其中" in head or "包括" in head
               else None)
        if cue is None:
            continue
        at = s0 + cue.start()
        if _PAREN_CLOSE_RE.search(norm_text, at, m.start) and \
                _PAREN_OPEN_RE.search(norm_text[s0:at][-12:]):
            continue  # "取消15项（其中2项为子项），新增17项": the 其中 of a closed aside
        wholes = [j for j in range(first[s0], k)
                  if slots[j].mention.start < at and slots[j].mention is not m]
        if wholes:
            taken = {iid for j in wholes for _sc, iid in slots[j].cands}
        elif not norm_text[s0:at].strip(" \n（(一二三四五六七八九十、.0123456789"):
            # "其中，农民工群体案件2188件": the wholes are in the sentence before, and
            # only what they name best is kept from the part
            prev0 = _sentence_of(bounds, norm_text, s0 - 1)[0] if s0 else 0
            wholes = [j for j in range(first.get(prev0, k), k)
                      if sent_start[j] == prev0 and prev0 < s0]
            taken = {_clear_best(slots[j].cands) for j in wholes} - {""}
        else:
            taken = set()
        if not wholes and norm_text[at + 2:at + 3] in "，,：:":
            # "…“公益不罚+公益减罚+认罚轻处”制度集成起来，其中，…获减免处罚金额#": the
            # whole is stated in words, with no number: the part's own words name the
            # whole's concept, never its figure, nor a weaker one's (its part_of: the one
            # it fits best). Not 其中几组数据引人注目：…, highlights picked from the
            # report, each a figure of its own.
            taken = {iid for _sc, iid in sl.cands}
        _make_part(sl, taken, 1)
        sl.wholes = [j for j in reversed(wholes) if _same_count(m, slots[j].mention)]
    # "…860件，市级312件、县级548件": a clause that is only a level or sub-unit label and
    # a number, after a total in the same sentence, is an item of that total
    labelled: set[int] = set()
    for k, sl in enumerate(slots):
        m, s0 = sl.mention, sent_start[k]
        lo = max(s0, m.start - 16)
        head = norm_text[lo:m.start]
        # a clause mark or a list's 、 (head is inside one sentence: no end mark in it);
        # the last one, by one greedy match rather than a find per mark (every number)
        mark = _LAST_MARK_RE.match(head)
        cut = mark.end() - 1 if mark else -1
        if sl.part or (cut < 0 and lo > s0):
            continue
        label = _LABEL_FILL_RE.sub("", head[cut + 1:])
        if len(label) < 2 or not _LABEL_RE.fullmatch(label):
            continue
        labelled.add(k)
        clause = lo + cut + 1
        whole = next((j for j in range(k - 1, first[s0] - 1, -1)
                      if j not in labelled and slots[j].mention.end <= clause
                      and _same_count(m, slots[j].mention)), -1)
        if whole >= 0:
            _make_part(sl, {iid for _sc, iid in slots[whole].cands})
            sl.wholes = [whole]
            w = slots[whole]
            # the label alone counts nothing: the item measures the whole's thing
            # (市级 + 新收行政复议申请数), so it lines up with other reports' items
            of_whole = w.mention.measures[w.index].removeprefix("累计").removeprefix("其中")
            m.measures[sl.index] = label.removeprefix("各") + of_whole
    _acts_stated_apart(norm_text, bounds, slots, matcher)
    best = [_clear_best(sl.cands) for sl in slots]
    # A list whose items the words cannot tell apart (the same candidates, the same best:
    # 定期清理3次、专项清理12次; 济南、青岛…分别为3595件、3125件; A、B、C均不足500件) is a
    # breakdown of that concept, by type, place or level.
    members: dict[tuple[int, frozenset], list[int]] = {}
    for k, sl in enumerate(slots):
        if best[k] and not sl.part:
            ids = frozenset([c[1] for c in sl.cands])
            members.setdefault((sl.group, ids), []).append(k)
    listed = set()
    for ks in members.values():
        # a later item whose own words fit the indicator is a concept of its own
        # (司法建议2件、检察建议5件), not one more place or type of the first
        # nor is a list an indicator names as a whole (建议和提案…办复率均为100%: 建议提案办复率)
        if len(ks) >= 2 and len({best[k] for k in ks}) == 1 and not any(
                best[k] in _item_fits(matcher, slots[k]) for k in ks) and not _names_items(
                matcher.cat.indicators[best[ks[0]]].zh_name,
                [slots[k].mention.measures[slots[k].index] for k in ks]):
            listed.update(ks)
            for k in ks:
                _make_part(slots[k], {best[k]})
    # A number under a breakdown header (按层级分：) is a part. So is one whose clause (or
    # the clause before) names a sub-unit (区直部门, 各街镇, 市州) or a level (市级, 县本级)
    # when the report states the concept without such a scope too (a count at least as
    # large); a sub-unit's number also when another sentence states the concept for a
    # sub-unit (区直…执法检查25918次 / 各街镇…执法检查31700次). A level alone may be the
    # report's own (区级政务服务事项 in a district's report): it needs the total.
    in_breakdown = _Covered(_breakdown_items(norm_text))
    scope = []
    for k, sl in enumerate(slots):
        m = sl.mention
        if sl.part or k in listed or not best[k]:
            scope.append("")
        elif m.start in in_breakdown:
            scope.append("item")
        else:
            lo = max(sent_start[k], m.start - 60)
            sub = _SUBUNIT_RE.search(norm_text, lo, m.start)
            level = None if sub else _LEVEL_RE.search(norm_text, lo, m.start)
            at = _clauses_before(norm_text, sent_start[k], m.start) if sub or level else 0
            scope.append("sub" if sub and _SUBUNIT_RE.search(norm_text, at, m.start) else
                         "level" if (sub or level) and _LEVEL_RE.search(norm_text, at, m.start)
                         else "")
    # indexed by indicator, so a long report costs one pass (not one per scoped number)
    totals: dict[str, list[int]] = {}
    sub_sentences: dict[str, set[int]] = {}
    for j, o in enumerate(slots):
        if not scope[j] and not o.part and j not in listed:
            for i in {i for _sc, i in o.cands}:
                totals.setdefault(i, []).append(j)
        elif scope[j] == "sub":
            sub_sentences.setdefault(best[j], set()).add(sent_start[j])
    # the sub-unit each scoped number's own clause names (区直各部门…232人，街镇…48人)
    own_sub = {}
    for k, sl in enumerate(slots):
        if scope[k] == "sub":
            m = sl.mention
            lo = max(sent_start[k], m.start - 60)
            # not CLAUSE_MARKS: a colon does not end the clause that names the sub-unit
            # (区直各部门：232人 is the 区直各部门's)
            cut = max(norm_text.rfind(c, lo, m.start) for c in "，,；;。")
            found = list(_SUBUNIT_RE.finditer(norm_text, max(lo, cut + 1), m.start))
            if found:
                own_sub[k] = found[-1].group()
    parts = []
    for k, sl in enumerate(slots):
        if not scope[k]:
            continue
        iid, m = best[k], sl.mention
        total = any(slots[j].mention is not m
                    and (m.kind not in ("count", "amount")
                         or _same_count(m, slots[j].mention)
                         and slots[j].mention.value >= m.value)
                    for j in totals.get(iid, ()))
        peer = scope[k] == "sub" and bool(sub_sentences.get(iid, set()) - {sent_start[k]})
        # "区直各部门述法232人，街镇主要负责人述法48人": clauses of one sentence that each
        # name a sub-unit of their own for one concept are a breakdown by sub-unit, with
        # no total: the first is no more the whole than the others
        peer = peer or k in own_sub and any(
            j != k and j in own_sub and own_sub[j] != own_sub[k] and best[j] == iid
            and sent_start[j] == sent_start[k] and slots[j].mention is not m
            and _same_count(m, slots[j].mention) for j in own_sub)
        if scope[k] == "item" or total or peer:
            parts.append(k)
    for k in parts:
        _make_part(slots[k], {best[k]})
        if scope[k] == "item":
            # "（1）省政府：新收复议申请188件": the item's label leads its measure
            m = slots[k].mention
            line = norm_text.rfind("\n", 0, m.start) + 1
            enum = _ENUM_LINE_RE.match(norm_text, line, m.start)
            head = _ITEM_LABEL_RE.match(norm_text, enum.end(), m.start) if enum else None
            meas = m.measures[slots[k].index]
            if head is not None and head.group(1) not in meas:
                m.measures[slots[k].index] = head.group(1) + meas
    _level_breakdowns(norm_text, sent_start, slots)
    _same_concept_twice(norm_text, sent_start, slots, matcher)
    _rate_stated_twice(norm_text, sent_start, slots)
    _kinds_lists(norm_text, sent_start, slots, matcher)
    _kinds_the_name_joins(norm_text, sent_start, slots, matcher)
    _body_lists(norm_text, sent_start, slots, matcher)
    _body_kinds(norm_text, sent_start, slots, matcher)
    _second_study_form(norm_text, sent_start, slots, matcher)
    _no_larger_than_a_sibling(norm_text, sent_start, slots, matcher)
    _one_kind_of_several(norm_text, sent_start, slots, matcher)
    _groups_doing_one_act(norm_text, slots)
    _summed_items(norm_text, slots)
    _the_rest(norm_text, sent_start, slots)
    _one_channel(norm_text, sent_start, slots, matcher)
    _mark_subsets(slots)
    _after_a_subset(sent_start, first, slots)


def _mark_subsets(slots: list[_Slot]) -> None:
    """A number whose own words narrow what one indicator counts to a subset of it
    (查找出共性问题#, “…”专窗办件#, #个涉企执法单位: :func:`matcher.narrowed`) and that no
    other indicator fits is a part of that indicator's count: its ``part_of``. Two such
    indicators name no whole (which one the subset is of is not sure)."""
    for sl in slots:
        # a part whose whole is not named yet (a sample: 抽选四家单位…现场述法) is a
        # part of the one indicator its words narrow as well
        if sl.part and sl.total or sl.cands or len(sl.subset) != 1:
            continue
        _make_part(sl, ())
        sl.total = [(0.0, next(iter(sl.subset)))]


def _after_a_subset(sent_start: list[int], first: dict[int, int],
                    slots: list[_Slot]) -> None:
    """A count that fits an indicator best after a subset of that indicator in its
    sentence, with no whole of it before them (其中共性问题已整改8项，具体问题整改完成43项;
    查找出共性问题10条、个性问题12条) is another kind of the same breakdown: a part, not the
    whole. The first runs of blind7 (jinyun) and blind10 (anshan) named the kind after the
    subset; no count after such a subset is named right on the thirteen sets. ``first``
    maps a sentence's start to its first slot (:func:`_mark_parts`'): no slot before it
    shares the sentence."""
    for k, sl in enumerate(slots):
        iid = _clear_best(sl.cands)  # 其中 may have taken nothing
        if not iid:
            continue
        before = [j for j in range(k - 1, first[sent_start[k]] - 1, -1)
                  if sent_start[j] == sent_start[k]]
        if any(slots[j].part and iid in slots[j].subset for j in before) and not any(
                not slots[j].part and _clear_best(slots[j].cands) == iid for j in before):
            _make_part(sl, {iid})


# A level word in a number's own item: 国家级, 全省, 市级, or a place noun right after
# the number (9个市（州）、88个县（市、区）). Each maps to its level.
_ITEM_LEVEL_RE = re.compile(r"国家级|全国|省级|全省|市级|州级|盟级|县级|区级|旗级"
                            r"|乡(?:（镇）|镇)?级|镇级|街道级|村级|社区级")
_AFTER_LEVEL_RE = re.compile(r"(?:个|家)?(省|市|州|县|区|乡|镇|街道|村|社区)(?![a-z\d])")
_LEVEL_KEY = {"国": "国", "全国": "国", "省": "省", "全省": "省", "市": "市", "州": "市",
              "盟": "市", "县": "县", "区": "县", "旗": "县", "乡": "乡", "镇": "乡", "街": "乡",
              "村": "村", "社": "村"}


_PAREN_ANY_RE = re.compile(r"[（()）]")
# the marks that open a number's item (before it) and close it (after it)
_ITEM_OPENS = "，,；;：:、"
_ITEM_CLOSES = "，,；;。：:、\n"
# up to the last mark that ends the item before a number; the first that ends its own
_ITEM_HEAD_RE = re.compile(f".*[{_ITEM_OPENS}]", re.S)
_ITEM_END_MARK_RE = re.compile(f"[{_ITEM_CLOSES}]")


def _item_span(text: str, s0: int, slots: list[_Slot], k: int, sent_start) -> tuple[int, int]:
    """The words of number ``k``'s own item: from the clause mark or number before it to
    the clause mark or number after it, in its sentence (marks inside an aside such as
    县（市、区） do not count)."""
    m = slots[k].mention
    # most items hold no aside: then the nearest mark each way is found by one regex
    # call; the walk a character at a time, counting parentheses, only when one does
    lo_end = max(s0, m.start - 80)
    if _PAREN_ANY_RE.search(text, lo_end, m.start) is None:
        mark = _ITEM_HEAD_RE.match(text, lo_end, m.start)
        lo = mark.end() if mark else lo_end
    else:
        lo, depth = m.start, 0
        while lo > s0 and m.start - lo < 80:
            c = text[lo - 1]
            depth += (c in "）)") - (c in "（(")
            if depth <= 0 and c in _ITEM_OPENS:
                break
            lo -= 1
    hi_end = min(len(text), m.end + 80)
    if _PAREN_ANY_RE.search(text, m.end, hi_end) is None:
        mark = _ITEM_END_MARK_RE.search(text, m.end, hi_end)
        hi = mark.start() if mark else hi_end
    else:
        hi, depth = m.end, 0
        while hi < len(text) and hi - m.end < 80:
            c = text[hi]
            depth += (c in "（(") - (c in "）)")
            if depth <= 0 and c in _ITEM_CLOSES:
                break
            hi += 1
    for j in range(k - 1, -1, -1):
        if slots[j].mention is not m:
            if sent_start[j] == s0:
                lo = max(lo, slots[j].mention.end)
            break
    for j in range(k + 1, len(slots)):
        if slots[j].mention is not m:
            if sent_start[j] == s0:
                hi = min(hi, slots[j].mention.start)
            break
    return lo, hi


_ASIDE_RE = re.compile(r"[（(][^）)]*[）)]?|[“”\"‘’「」\s]")


def _levels(text: str, lo: int, hi: int, m: Mention) -> tuple[frozenset[str], str]:
    """The levels an item names (see ``_ITEM_LEVEL_RE``) and the noun after the last of
    them (asides, quotes and the number itself left out)."""
    keys, noun_at = set(), -1
    for w in _ITEM_LEVEL_RE.finditer(text, lo, hi):
        keys.add(_LEVEL_KEY[w.group()[:2] if w.group()[:2] in _LEVEL_KEY else w.group()[0]])
        noun_at = w.end()
    at = m.end - 1 if text[m.end - 1:m.end] in "个家" else m.end
    after = _AFTER_LEVEL_RE.match(text, at, hi)
    if after is not None:
        keys.add(_LEVEL_KEY[after.group(1)[0]])
        noun_at = max(noun_at, after.end())
    if noun_at < 0:
        return frozenset(), ""
    noun = text[noun_at:m.start] + text[max(noun_at, m.end):hi] if noun_at < m.start \
        else text[noun_at:hi]
    return frozenset(keys), _ASIDE_RE.sub("", noun)


def _by_sentence(slots: list[_Slot], sent_start: list[int],
                 keep: Callable[[_Slot], bool]) -> dict[int, list[int]]:
    """The indices of the slots ``keep`` accepts, by the start of their sentence, in text
    order (the lists the sentence-wide rules below walk)."""
    out: dict[int, list[int]] = {}
    for k, sl in enumerate(slots):
        if keep(sl):
            out.setdefault(sent_start[k], []).append(k)
    return out


def _count_not_part(sl: _Slot) -> bool:
    """A count's first reading (a number read once per thing listed has more) that no rule
    made a part yet."""
    return not (sl.part or sl.index) and sl.mention.kind == "count"


def _same_thing(a: Mention, b: Mention) -> bool:
    """:func:`_same_count`, without the 个 that also counts items (31个部门 / 1260项)."""
    return a.unit == b.unit or "个" not in (a.unit, b.unit) and _same_count(a, b)


def _level_breakdowns(text: str, sent_start: list[int], slots: list[_Slot]) -> None:
    """Items of one sentence that one indicator fits best (or that no indicator fits),
    that each name a level, not all the same, and one noun after it (国家级…示范村60个、
    市级…示范村691个; 3个国家级、28个省级…示范村; 8个村入选“全国…示范村”，19个村获评
    “全省…示范村”), are a breakdown of that concept by level: every one is a part of it.
    Two nouns are two concepts (13个乡级工作站和109个村级工作室)."""
    by_sentence = _by_sentence(slots, sent_start, lambda sl: not sl.part and sl.mention.kind
                               in ("count", "amount"))
    for s0, ks in by_sentence.items():
        if len(ks) < 2:
            continue
        best = {k: _clear_best(slots[k].cands) for k in ks}
        # a number the matcher ruled out (3个国家级、#省级…) may still be an item: of the
        # one indicator it ruled out, or of its peers' when it fits none
        only = {k: next(iter(slots[k].ruled)) for k in ks
                if not slots[k].cands and len(slots[k].ruled) == 1}
        for iid, anchor in _anchors(ks, best, only, slots):
            members = [k for k in ks if not slots[k].part
                       and (best[k] == iid or not slots[k].cands
                            and slots[k].ruled <= {iid})
                       and _same_thing(slots[k].mention, slots[anchor].mention)]
            if len(members) < 2:
                continue
            found = [_levels(text, *_item_span(text, s0, slots, k, sent_start),
                             slots[k].mention) for k in members]
            levels = [lv for lv, _noun in found]
            nouns = {noun for _lv, noun in found} - {""}
            if all(levels) and len(set(levels)) > 1 and len(nouns) <= 1:
                score = max((sc for sc, i in slots[anchor].cands if i == iid), default=0.0)
                for k in members:
                    _make_part(slots[k], {iid})
                    if not slots[k].total:
                        slots[k].total = [(score, iid)]


def _anchors(ks: list[int], best: dict, only: dict, slots: list[_Slot]):
    """(indicator, first number) for each indicator the sentence's numbers fit and each
    kind of thing they count: 9400名 and 9个市（州）、88个县（市、区） may fit one
    indicator, and the places are a breakdown of their own even though the people come
    first."""
    for iid in sorted({b for b in best.values() if b} | set(only.values())):
        seen: list[int] = []
        for k in ks:
            if (best[k] == iid or only.get(k) == iid) and not any(
                    _same_thing(slots[k].mention, slots[a].mention) for a in seen):
                seen.append(k)
                yield iid, k


_TOTAL_CUE_RE = re.compile(r"共|合计|总计|累计|总数|总量|全年|全(?:国|省|市|州|县|区|镇|街)")


def _unname(sl: _Slot, iid: str, keep_weaker: bool = True) -> None:
    """Keep ``iid`` from ``sl`` without naming a whole: a figure of that concept that
    cannot be told to be the total or a part of it. ``keep_weaker=False`` keeps from it
    the indicators it fits less well than ``iid`` too."""
    top = max((sc for sc, i in sl.cands if i == iid), default=None)
    _make_part(sl, {iid})
    if not keep_weaker and top is not None:
        sl.cands = [(sc, i) for sc, i in sl.cands if sc >= top]
    sl.total = [t for t in sl.total if t[1] != iid]
    sl.why = sl.why or "twice"
    sl.twice_of = sl.twice_of or iid


def _noun_after(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> str:
    """The noun of number ``k``'s item, asides left out: the words after the number
    (13个乡（镇）级工作站: 乡级工作站), else those before it (法治宣传长廊9处)."""
    m = slots[k].mention
    lo, hi = _item_span(text, sent_start[k], slots, k, sent_start)
    return _ASIDE_RE.sub("", text[m.end:hi]) or _ASIDE_RE.sub("", text[lo:m.start])


_JOIN_TAIL_RE = re.compile(r"[和及与、]+$")
_JOIN_HEAD_RE = re.compile(r"^[和及与、以]")


def _item_noun(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> str:
    """:func:`_noun_after`, but the words before the number when what follows it only
    joins the next item (法治文化广场1个和法治文化长廊1个: 法治文化广场)."""
    m = slots[k].mention
    lo, hi = _item_span(text, sent_start[k], slots, k, sent_start)
    after = _ASIDE_RE.sub("", text[m.end:hi])
    if after and not _JOIN_HEAD_RE.match(after):
        return after
    return _ASIDE_RE.sub("", text[lo:m.start])


def _kinds_of_one_head(nouns: list[str], zh_name: str) -> bool:
    """Whether the nouns end in one head of two or more characters, each after a modifier
    of its own (不予处罚事项 / 从轻处罚事项 / 减轻处罚事项: kinds of 处罚事项), and the
    indicator named ``zh_name`` is not the item of just one of them: a modifier that sets
    one item apart and that the name holds (行政执法检查 / 联合执法检查 for 行政执法检查次数)
    makes that item the indicator's own, while a name that holds two (不予处罚, 减轻处罚)
    names the kinds together."""
    head, apart = _kind_modifiers([_JOIN_TAIL_RE.sub("", n) for n in nouns])
    if len(head) < 2 or apart is None:
        return False
    return _names_no_one_kind(apart, zh_name)


def _names_no_one_kind(apart: list[set[str]], zh_name: str) -> bool:
    """Whether the name ``zh_name`` holds the own words (``apart``: each kind's character
    pairs no other kind has) of none of the kinds or of two or more: then it names them
    together; holding just one kind's makes that kind the indicator's own figure."""
    name = _grams(zh_name)
    return sum(1 for g in apart if g & name) != 1


def _kinds_of_one_thing(nouns: list[str], zh_name: str) -> bool:
    """:func:`_kinds_of_one_head`, or nouns of one list with no shared head that the
    indicator named ``zh_name`` counts together (法治文化广场 / 法治文化长廊 for
    法治文化阵地数; 社区 / 行政村 for 配备法律顾问村（社区）数): each noun has words no
    other has, and the name holds those of none or of two or more of them. A name that
    holds just one noun's own words (便民服务中心 / 便民服务站 for 便民服务中心数) makes
    that item the indicator's own figure."""
    if _kinds_of_one_head(nouns, zh_name):
        return True
    words = [_bare_kind(n) for n in nouns]
    if len(words) < 2 or _common_tail(words) or not _distinct_nouns(words):
        return False
    apart = _own_grams([_grams(w) for w in words])
    if not all(apart):
        return False
    return _names_no_one_kind(apart, zh_name)


def _distinct_nouns(nouns: list[str]) -> bool:
    """Whether every noun is there and none starts another (问题 / 问题逐一整改: one)."""
    return all(nouns) and not any(a.startswith(b) for i, a in enumerate(nouns)
                                  for j, b in enumerate(nouns) if i != j)


def _kinds_the_name_joins(text: str, sent_start: list[int], slots: list[_Slot],
                          matcher: _Matcher) -> None:
    """A named count and a later count of its sentence in a clause of its own that fits
    no indicator, in the same counting word or one of its class (案件…起 beside 法律事务…件),
    each of one kind that the indicator's name joins (律师办理法律事务（案件）数: 代理各类
    案件…，办理非诉讼法律事务…; 法规规章起草审查项目数: 地方性法规草案…，新公布政府规章…):
    the two nouns have words of their own, the
    name holds some of each one's, and the later noun's head (its last two characters)
    is in the name. Stated apart with no total, each is a part of that indicator and
    none is its figure. A name that holds the own words of only one of them (党工委会
    学法…，中心组学习…) leaves the named count its figure; a sum cue before the named
    count (共, 累计) makes it the total."""
    by_sentence: dict[int, list[int]] = {}
    for k, s0 in enumerate(sent_start):
        by_sentence.setdefault(s0, []).append(k)
    for k, sl in enumerate(slots):
        iid = "" if sl.part else _clear_best(sl.cands)
        if not iid or sl.mention.kind not in ("count", "amount"):
            continue
        name = _grams(matcher.cat.indicators[iid].zh_name)
        mine = _kind_noun(text, sent_start, slots, k)
        joined = []
        for j in by_sentence[sent_start[k]]:
            o = slots[j]
            if j <= k or o.part or o.cands or o.ruled or o.group == sl.group \
                    or unit_class(o.mention.unit) != unit_class(sl.mention.unit) \
                    or o.mention.kind != sl.mention.kind:
                continue
            if _name_joins(name, [mine, _kind_noun(text, sent_start, slots, j)]):
                joined.append(j)
        if not joined or _opens_with_sum(text, sent_start, slots, k):
            continue
        score = max(sc for sc, i in sl.cands if i == iid)
        _make_part(sl, {iid})
        for j in joined:
            _make_part(slots[j], {iid})
            slots[j].total = [(score, iid)]


def _name_joins(name: set[str], words: list[str]) -> bool:
    """Whether the name's character pairs ``name`` hold some of each noun's own words
    and the head (last two characters) of every later noun (…法律事务, …政府规章): own
    words that are only an act (收到反馈) or a head the name lacks (律师回函) make
    another thing."""
    if not _distinct_nouns(words):
        return False
    own = _own_grams([_grams(w) for w in words])
    return all(g & name for g in own) and all(w[-2:] in name for w in words[1:])


def _one_concept_by_bodies(nouns: list[str], zh_name: str) -> bool:
    """Whether the nouns of items stated in clauses of their own (县政府规范性文件报备 /
    县政府部门规范性文件报备) hold the same words of the indicator's name ``zh_name``, at
    least two character pairs, and each has words of its own that the name lacks (a body,
    level or form): then each names the concept for one of them, and none is its total.
    An act word of the name in only one of them (受理…案件 / 审结…案件) makes two
    concepts, as does a noun that is part of another (问题 / 问题整改)."""
    if len(nouns) < 2 or not _distinct_nouns(nouns):
        return False
    name = _grams(zh_name)
    grams = [_grams(n) for n in nouns]
    shared = [g & name for g in grams]
    if len(shared[0]) < 2 or any(g != shared[0] for g in shared[1:]):
        return False
    return all(_own_grams(grams))


def _kind_noun(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> str:
    """Number ``k``'s item noun (:func:`_noun_after`) as :func:`_bare_kind` has it."""
    return _bare_kind(_noun_after(text, sent_start, slots, k))


# a meeting's short name (专题会, 常务会, 党委会) compared as its long one (专题会议): the
# same kind of meeting, which must not read as a kind apart from …主任会议 by its last word
# (tests/robustness_eval.py: 专题会议->专题会); not a body (委员会, 协会, 学会)
_SHORT_MEETING_RE = re.compile(r"(?<![员协学商])会$")


def _bare_kind(noun: str) -> str:
    """An item's noun without asides, a trailing joining word or a leading act word,
    for comparing kinds."""
    noun = _KIND_VERB_RE.sub("", _JOIN_TAIL_RE.sub("", _ASIDE_RE.sub("", noun)))
    return _SHORT_MEETING_RE.sub("会议", noun)


def _opens_with_sum(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> bool:
    """Whether number ``k``'s list item says it is a sum (共, 合计: :data:`_SUM_CUE_RE`)."""
    return _SUM_CUE_RE.search(
        text, *_item_span(text, sent_start[k], slots, k, sent_start)) is not None


#: How much better a smaller figure of a concept must fit than the largest for the two
#: to be read as different things rather than one concept stated twice.
CLEARLY_BETTER = 1.0


def _kinds_with_no_total(text: str, sent_start: list[int], slots: list[_Slot],
                         sk: list[int], iid: str, matcher: _Matcher | None,
                         noun: Callable[[str, list[int], list[_Slot], int], str]) -> bool:
    """Whether the numbers ``sk`` of one sentence, all fitting only ``iid``, are one list
    of kinds of one thing with no total stated (法治文化广场1个和法治文化长廊1个; 不予处罚
    事项291项、从轻处罚事项219项).

    Parameters
    ----------
    text, sent_start, slots
        As :func:`_mark_parts` has them.
    sk
        The slots of one sentence that :func:`_same_concept_twice` holds for ``iid``.
    iid
        The indicator they fit.
    matcher
        The catalogue's matcher (``None``: no names to compare, so never).
    noun
        How each item's noun is read (:func:`_item_noun`, :func:`_noun_after`).

    Returns
    -------
    bool
        True when no sum cue opens the first item, all are one list (one group) fitting
        only ``iid``, and their nouns are kinds of one thing for the indicator's name.
    """
    if matcher is None:
        return False
    return (not _opens_with_sum(text, sent_start, slots, sk[0])
            and all(slots[k].group == slots[sk[0]].group
                    and {i for _sc, i in slots[k].cands} == {iid} for k in sk)
            and _kinds_of_one_thing([noun(text, sent_start, slots, k) for k in sk],
                                    matcher.cat.indicators[iid].zh_name))


def _forms_of_one_activity(text: str, sent_start: list[int], slots: list[_Slot],
                           sk: list[int], iid: str, matcher: _Matcher | None) -> bool:
    """Whether the numbers ``sk`` of one sentence, one value each fitting ``iid`` best,
    are sessions of different forms of one activity, each in a clause of its own, with no
    total stated (常态化学习习近平法治思想2次，开展专题学习研讨2次: study and seminars, both
    counted by 学习习近平法治思想（专题学习、研讨）次数). They count sessions (次, 场, 期), no
    item says it is a sum, their nouns are distinct with no head in common (one head is
    :func:`_kinds_with_no_total`'s: 习近平法治思想专题讲座 / …统计法专题讲座, where the gold
    names the first), and every noun holds the same words of the indicator's name (学习),
    so each is one form of what it counts and none is all of it."""
    if matcher is None or slots[sk[0]].mention.unit not in PART_CLASSES[2] \
            or len({slots[k].group for k in sk}) < len(sk) \
            or any(_opens_with_sum(text, sent_start, slots, k) for k in sk):
        return False
    nouns = [_kind_noun(text, sent_start, slots, k) for k in sk]
    if not _distinct_nouns(nouns) or len(_common_tail(nouns)) >= 2:
        return False
    shared = set.intersection(*(_grams(n) for n in nouns))
    return bool(shared & _grams(matcher.cat.indicators[iid].zh_name) - _HOW_GRAMS)


def _same_concept_twice(text: str, sent_start: list[int], slots: list[_Slot],
                        matcher: _Matcher | None = None) -> None:
    """One indicator fitting best two or more numbers of a report that count the same
    kind of thing with different values: one may be the total, the others its parts.

    In one sentence with one value, forms of one activity in clauses of their own are
    parts, none named (:func:`_forms_of_one_activity`). In one sentence a total comes
    first (发放宣传单60000余份、宣传手册18000余册;
    专题培训两期、法治讲座一期): when the first is the largest, the later ones are its
    parts (of a first that says no sum, only those in one list with it), but a list of
    kinds of one head with no total (不予处罚事项291项、从轻处罚事项219项) names none, each
    a part, and a later one that fits far better (``CLEARLY_BETTER``) is the indicator's
    own figure, the others no parts of it; when each has a noun of its own, the others
    are kinds of it, its parts
    (留言1186件、留言1379件 after 网上信访2003件), unless one names a level of its own
    (乡（镇）级工作站和村（社区）级工作室: another thing), and the first keeps it when
    they are one list with it (then a kind larger than the first is another thing: 1个
    便民服务中心和21个便民服务站), or is one more kind when they stand in clauses of their
    own (司法建议4条，…检察建议51条); otherwise none of them is named. Across sentences
    the largest keeps the indicator when it fits it better than every smaller one (or
    ties and says it is a total); the others are left unnamed. A smaller one that fits far better
    (``CLEARLY_BETTER``) is read as another thing. A wrong name is worse than none."""
    groups: dict[str, list[int]] = {}
    for k, sl in enumerate(slots):
        iid = "" if sl.part else _clear_best(sl.cands)
        if iid and sl.mention.kind in ("count", "amount"):
            groups.setdefault(iid, []).append(k)
    # the slots that are some part's whole, gathered once: scanning every slot's wholes
    # per candidate made this quadratic in the report's numbers (wholes stay fixed here)
    has_parts = {j for o in slots for j in o.wholes}
    for iid, ks in groups.items():
        if len(ks) < 2:
            continue
        score = {k: max(sc for sc, i in slots[k].cands if i == iid) for k in ks}
        # the units of the best-fitting number decide which others count the same thing
        top = max(ks, key=lambda k: (score[k], -k))
        ks = [k for k in ks if _same_thing(slots[k].mention, slots[top].mention)]
        value = {k: slots[k].mention.value for k in ks}
        by_sentence: dict[int, list[int]] = {}
        for k in ks:
            by_sentence.setdefault(sent_start[k], []).append(k)
        rest = []
        peers: list[int] = []
        for sk in by_sentence.values():
            vals = [value[k] for k in sk]
            if len(set(vals)) < 2:
                if len(sk) >= 2 and (
                        _kinds_with_no_total(text, sent_start, slots, sk, iid, matcher,
                                             _item_noun)
                        or _forms_of_one_activity(text, sent_start, slots, sk, iid, matcher)):
                    # "法治文化广场1个和法治文化长廊1个": kinds of one thing with one
                    # value each and no total, or forms of one activity (学习…2次，开展专题
                    # 学习研讨2次): none is the indicator's figure
                    for k in sk:
                        _make_part(slots[k], {iid})
                    continue
                rest += sk
            elif vals[0] == max(vals) and vals.count(vals[0]) == 1 \
                    and score[sk[0]] <= max(score[k] for k in sk[1:]) - CLEARLY_BETTER:
                # "召开旗委常委会4次、依法治旗委员会会议1次": a later one fits far better than
                # the first, so they are no kinds of one concept: that one is the
                # indicator's own figure, the others are other things, with no whole
                own = max(sk[1:], key=lambda k: (score[k], -k))
                rest.append(own)
                for k in sk:
                    if k != own:
                        _unname(slots[k], iid)
            elif vals[0] == max(vals) and vals.count(vals[0]) == 1:
                summed = _opens_with_sum(text, sent_start, slots, sk[0])
                # only where no item fits another indicator (受理…案件 / 审结…案件: two
                # acts, not two kinds) and all are one list
                if not summed and _kinds_with_no_total(
                        text, sent_start, slots, sk, iid, matcher, _noun_after):
                    # "不予处罚事项291项、从轻处罚事项219项、减轻处罚事项210项": one list of
                    # kinds of one head and no total: the largest is one kind, no whole;
                    # none takes the id, each is a part of it
                    for k in sk:
                        _make_part(slots[k], {iid})
                    continue
                if not summed and matcher and all(
                        slots[k].group != slots[sk[0]].group for k in sk[1:]):
                    # items in clauses of their own, no total stated: parts, none the
                    # figure, when they are one concept for several bodies ("报备县政府
                    # 规范性文件6件，县政府部门规范性文件报备2件": each clause holds the same
                    # words of the name and only a modifier of its own, a body, level or
                    # form) or two kinds the name joins ("承办各类案件…，办理非诉讼法律
                    # 事务…": :func:`_kinds_the_name_joins`)
                    nouns = [_kind_noun(text, sent_start, slots, k) for k in sk]
                    zh_name = matcher.cat.indicators[iid].zh_name
                    if _one_concept_by_bodies(nouns, zh_name) or (
                            len(sk) == 2 and _name_joins(_grams(zh_name), nouns)):
                        for k in sk:
                            _make_part(slots[k], {iid})
                        continue
                rest.append(sk[0])
                for k in sk[1:]:
                    if summed or slots[k].group == slots[sk[0]].group:
                        _make_part(slots[k], {iid})
                    else:
                        # "党工委会学法31次，理论学习中心组集中学习13次": a clause of its
                        # own after a first that says no sum: no part of it for sure
                        _unname(slots[k], iid)
            elif _distinct_nouns([_noun_after(text, sent_start, slots, k) for k in sk]):
                # "建有1个便民服务中心和21个便民服务站": each number has a noun of its
                # own; the later ones are kinds of it. The first keeps it when they are
                # one list with it; in clauses of their own (司法建议4条，…检察建议51条)
                # each is one kind, the first too, and no total is stated
                kinds = []
                for k in sk[1:]:
                    if _levels(text, *_item_span(text, sent_start[k], slots, k, sent_start),
                               slots[k].mention)[0]:
                        _unname(slots[k], iid)  # 乡级工作站和村级工作室: two concepts
                    else:
                        kinds.append(k)
                if all(slots[k].group == slots[sk[0]].group for k in kinds):
                    rest.append(sk[0])
                    # the first keeps the indicator: a kind larger than its figure is no
                    # part of it (1个中心和21个站), another thing
                    for k in [k for k in kinds if value[k] > value[sk[0]]]:
                        kinds.remove(k)
                        _unname(slots[k], iid)
                else:
                    kinds.insert(0, sk[0])
                    # kinds in clauses of their own count in one word: 主体培训6期，…
                    # 专题培训宣讲160余场次 are two things, and a lone kind is no list
                    unit = slots[sk[0]].mention.unit
                    for k in [k for k in kinds if slots[k].mention.unit != unit]:
                        kinds.remove(k)
                        _unname(slots[k], iid)
                    if len(kinds) < 2:
                        for k in kinds:
                            _unname(slots[k], iid)
                        kinds = []
                for k in kinds:
                    _make_part(slots[k], {iid})
            else:
                # "确定…事项8项，…确定…事项64项": one noun, different values, none the
                # total: peers of one concept, none named
                for k in sk:
                    _unname(slots[k], iid)
                peers += sk
        # a figure smaller than such a peer is no total of the concept either (…事项11项；
        # …事项8项，…事项64项: three lists, no sum): it is one more item, unnamed
        if peers:
            top_peer = max(value[k] for k in peers)
            for k in [k for k in rest if value[k] < top_peer
                      and not _opens_with_sum(text, sent_start, slots, k)]:
                rest.remove(k)
                _unname(slots[k], iid)
        for k in _bodies_apart(text, sent_start, slots, rest, iid, matcher):
            rest.remove(k)
            _make_part(slots[k], {iid})
        if len({value[k] for k in rest}) < 2:
            continue
        biggest = max(value[k] for k in rest)
        big = [k for k in rest if value[k] == biggest]
        small = [k for k in rest if value[k] < biggest]
        lead, rival = max(score[k] for k in big), max(score[k] for k in small)
        if rival - lead >= CLEARLY_BETTER:
            continue  # a smaller one fits far better (核查3件 / 审查7件): not one concept
        # a tie goes to the largest only when it says it is a total (共设立政务大厅3058
        # 个) or has parts of its own (…，其中省级政务大厅19个)
        clear = lead > rival + 1e-9 or lead > rival - 1e-9 and any(
            _TOTAL_CUE_RE.search(text, *_item_span(text, sent_start[k], slots, k, sent_start))
            or k in has_parts for k in big)
        # a smaller figure in another sentence is no part by that alone (组织…4名执业律师
        # / 受援农民工178人): it is left unnamed, with no whole. Nor does it take an
        # indicator it fits less well: its words name this concept, so a weaker fit is a
        # broader one or another body's (从轻减轻行政处罚案件2246件 beside 不予处罚的294件
        # is no count of all penalty cases: first runs blind16 taian, blind15 linxiangqu)
        for k in small + ([] if clear else big):
            _unname(slots[k], iid, keep_weaker=False)


def _bodies_apart(text: str, sent_start: list[int], slots: list[_Slot], ks: list[int],
                  iid: str, matcher: _Matcher | None) -> list[int]:
    """Those of the figures ``ks`` of ``iid`` that stand in one full sentence (to its 。),
    each in a clause of its own (；) and none a sum, and name the concept each for a body
    of its own (:func:`_one_concept_by_bodies`: 县委常委会会议专题研究法治建设工作5次；
    县政府常务会议、县政府党组会议专题研究法治建设工作5次): the concept stated apart by
    bodies, and no one figure is larger than all the others (so none is their total):
    each is a part of the concept and none is its figure (first run blind16 luoping,
    where the first of two equal figures was named)."""
    if matcher is None:
        return []
    zh_name = matcher.cat.indicators[iid].zh_name
    by_full: dict[int, list[int]] = {}
    for k in ks:
        at = slots[k].mention.start
        by_full.setdefault(max(text.rfind("。", 0, at), text.rfind("\n", 0, at)), []).append(k)
    out = []
    for fk in by_full.values():
        if len(fk) < 2 or len({sent_start[k] for k in fk}) < len(fk):
            continue
        values = [slots[k].mention.value for k in fk]
        # one figure larger than all others may be their total (司法部…6046件；各级…
        # 25.4万件): that is :func:`_same_concept_twice`'s to weigh
        if values.count(max(values)) < 2 or any(
                _opens_with_sum(text, sent_start, slots, k) for k in fk):
            continue
        if _one_concept_by_bodies([_kind_noun(text, sent_start, slots, k) for k in fk],
                                  zh_name):
            out += fk
    return out


# words an item may open with that name no kind (开展, 召开…): left off its modifier
_KIND_VERB_RE = re.compile(r"^(?:[全年度共另还又再并]*)(?:开展|召开|举办|组织|进行|参与|参加|完成"
                           r"|实施|推进|出具|制作|起草|命名|认定|评选|创建)?")


def _kind_words(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> str:
    """The words of number ``k``'s item before it when nothing follows the number in its
    item (政策清理1次), asides and quotes left out; ``""`` otherwise."""
    m = slots[k].mention
    lo, hi = _item_span(text, sent_start[k], slots, k, sent_start)
    if _ASIDE_RE.sub("", text[m.end:hi]):
        return ""
    return _ASIDE_RE.sub("", text[lo:m.start])


def _common_tail(words: list[str]) -> str:
    n = 0
    while all(len(w) > n for w in words) and len({w[-1 - n] for w in words}) == 1:
        n += 1
    return words[0][len(words[0]) - n:] if n else ""


def _kind_modifiers(words: list[str]) -> tuple[str, list[set[str]] | None]:
    """The head ``words`` end in (:func:`_common_tail`) and, per word, the character
    pairs of its modifier that no other word's modifier has (what sets that kind apart:
    不予 / 从轻 / 减轻 before 处罚事项); ``None`` for those when a modifier is missing or
    two are the same (the words name no distinct kinds)."""
    head = _common_tail(words)
    mods = [_KIND_VERB_RE.sub("", w[:len(w) - len(head)]) for w in words]
    if not all(mods) or len(set(mods)) < len(mods):
        return head, None
    return head, _own_grams([_grams(x) for x in mods])


def _own_grams(grams: list[set[str]]) -> list[set[str]]:
    """Per set of character pairs, those no other set has."""
    return [g.difference(*(h for j, h in enumerate(grams) if j != i))
            for i, g in enumerate(grams)]


def _kinds_lists(text: str, sent_start: list[int], slots: list[_Slot],
                 matcher: _Matcher) -> None:
    """Items of one sentence that end in one head noun, each after words of its own, with
    no total among them (政策清理1次，…文件清理1次；…规范性文件清理一次; 专题部署会4次、
    工作推进会6次) are kinds of that head: none is named, each is a part of what the
    head counts (the indicator the head alone fits, ``清理#``: 规范性文件清理次数). A wrong
    name is worse than none: one kind is not the whole. Left alone: a list after a stated
    total, a kind the catalogue names by its own words and the head (委员会会议), kinds whose best
    indicators differ when the head alone fits none (常务会议学法 / 中心组学法)."""
    groups: dict[tuple[int, str, str], list[int]] = {}
    for k, sl in enumerate(slots):
        m = sl.mention
        if sl.part or sl.index or m.kind != "count":
            continue
        words = _kind_words(text, sent_start, slots, k)
        if len(words) < 3 or _SUM_CUE_RE.search(words) or _MORE_RE.search(words):
            continue
        event = _EVENT_HEAD_RE.search(words)
        if event is None:
            continue  # 研判信访积案、化解信访积案: acts on one object, no kinds of one act
        key = event.group()[-1:] if event.group().endswith("会") else event.group()
        # a list may run across 、，； up to the full stop
        full = max(text.rfind("。", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        groups.setdefault((full, m.unit, key), []).append(k)
    for (_s0, unit, _key), ks in groups.items():
        if len(ks) < 2:
            continue
        head, apart = _kind_modifiers([_kind_words(text, sent_start, slots, k) for k in ks])
        if apart is None:
            continue
        # a kind the catalogue names, as the head, by the words that set it apart from
        # the others (依法治区委员会会议、委员会办公室会议: 依法治县委员会…会议次数) is a
        # concept of its own; not the whole's own concept, which the head alone fits, nor
        # one whose name lacks the head (专题培训会、专题研讨会: 领导干部学法培训场次 counts
        # no meetings; it matched the modifier alone)
        whole = matcher.candidates(head + "#", unit, slots[ks[0]].mention.kind)
        kinds = []
        for mine, k in zip(apart, ks, strict=True):
            best = _clear_best(slots[k].cands)
            name = matcher.cat.indicators[best].zh_name if best else ""
            if best in whole[:1] or head not in name or not mine & _grams(name):
                kinds.append(k)
        if len(kinds) < 2 or any(
                o.mention.unit == unit and _s0 <= o.mention.start < slots[kinds[0]].mention.start
                and head in text[_s0:o.mention.start] for o in slots):
            continue  # 政务服务事项1352项，可网办事项1301项…: a total stated before them
        own = {_clear_best(slots[k].cands) for k in kinds} - {""}
        if len(own) > 1 and not whole:
            continue  # each kind fits a concept of its own (常务会议学法 / 中心组学法)
        for k in kinds:
            _make_part(slots[k], own | set(whole[:1]))
            # the whole is what the head counts: a kind's own best that does not name
            # the head (专题部署会: 领导干部学法培训场次) is no whole of it
            slots[k].total = [(float("inf"), whole[0])] if whole else [
                t for t in slots[k].total
                if head in matcher.cat.indicators[t[1]].zh_name]


def _body_lists(text: str, sent_start: list[int], slots: list[_Slot],
                matcher: _Matcher) -> None:
    """A body's list of work items (法律顾问团…修改各类文书20次，接受法律咨询20次，…沟通解释
    工作2次，…法治培训2次): three or more counts of one sentence in the unit of an indicator
    of that body's work, all kinds together, which one item has as a rival it does not win,
    reached from the body named before the list and not in that item's own clause. Each
    item is a part of it (``part_of``) and none is named, neither by the body's indicator
    (no item is all the work) nor by what an item's own words fit (接受法律咨询 of an
    adviser is no public legal service's consultation). An item whose best indicator names
    the body (法律顾问…出具法律意见书) is a concept of its own and stays."""
    for s0, ks in _by_sentence(slots, sent_start, _count_not_part).items():
        done = False
        for k in ks:
            best = _clear_best(slots[k].cands)
            for _sc, w in slots[k].cands:
                ind = matcher.cat.indicators[w]
                if w == best or slots[k].mention.unit not in ind.units:
                    continue
                lo = _item_span(text, s0, slots, k, sent_start)[0]
                body = _body_named(ind.zh_name, text[s0:lo])
                if not body or body in text[lo:slots[k].mention.start]:
                    continue
                at = text.rfind(body, s0, lo)
                run = [j for j in ks if slots[j].mention.start > at
                       and slots[j].mention.unit in ind.units
                       and _kind_words(text, sent_start, slots, j)
                       and body not in _zh(matcher, _clear_best(slots[j].cands))]
                if len(run) < 3:
                    continue
                for j in run:
                    _make_part(slots[j], {iid for _s, iid in slots[j].cands})
                    slots[j].total = [(float("inf"), w)]
                done = True  # one list per sentence
                break
            if done:
                break


# the counting word an indicator's name ends in (法律服务次数: 次数), left off its head noun
_NAME_COUNT_END_RE = re.compile(r"(?:场?次|人次|条|个)?数$")


# a body that does work: a head of an indicator's name ending in an agent noun (法律顾问,
# 公职律师, 调解委员会), not a topic (法治文化 of 法治文化阵地数, 行政执法 of 行政执法检查次数)
_AGENT_RE = re.compile(r"(?:顾问|律师|委员会|机构|机关|人员|员)$")
# how the catalogue says that an indicator counts every kind of something together
_ALL_KINDS = "all kinds"


def _name_head(zh_name: str) -> str:
    """The head noun of what an indicator counts: the last two characters of its name
    before the counting word (法律顾问提供法律服务次数: 服务)."""
    return _NAME_COUNT_END_RE.sub("", _ASIDE_RE.sub("", zh_name))[-2:]


def _body_kinds(text: str, sent_start: list[int], slots: list[_Slot],
                matcher: _Matcher) -> None:
    """One kind of a body's work that wins the indicator of all its work (政府法律顾问列席
    区重点项目会议222次，就区重点项目提出意见1284份，对…会议纪要开展合法性审查120次): the
    body (the longest head of the indicator's ``zh_name``, 法律顾问) is named before the
    count, and the sentence lists three or more counts of its work after it, each ending
    its item, two or more of them in the indicator's units. When none of those names the
    head noun of what the indicator counts (服务 of 法律服务次数) nor says it is a sum,
    each is one kind of the work, listed beside its sibling kinds: a part of the body's
    indicator (``part_of``), and none is named, by it (no kind is all the work) or by
    what its own words fit (:func:`_body_lists`, where the body's indicator is no item's
    best). An item whose best indicator names the body (法律顾问…出具法律意见书) is a concept
    of its own and is no kind; a lone count in the indicator's units beside items in other
    units (…讨论16次，审核…合同19份…) keeps the indicator."""
    for s0, ks in _by_sentence(slots, sent_start, _count_not_part).items():
        for k in ks:
            w = _clear_best(slots[k].cands)
            if not w:
                continue
            ind = matcher.cat.indicators[w]
            if _ALL_KINDS not in ind.definition:
                continue
            body = _body_named(ind.zh_name, text[s0:slots[k].mention.start])
            if not _AGENT_RE.search(body) or slots[k].mention.unit not in ind.units:
                continue
            at = text.rfind(body, s0, slots[k].mention.start)
            run = [j for j in ks if slots[j].mention.start > at
                   and _kind_words(text, sent_start, slots, j)
                   and (_clear_best(slots[j].cands) == w
                        or body not in _zh(matcher, _clear_best(slots[j].cands)))]
            mine = [j for j in run if slots[j].mention.unit in ind.units]
            head = _name_head(ind.zh_name)
            if len(run) < 3 or k not in mine or len(mine) < 2 or any(
                    head in _kind_words(text, sent_start, slots, j)
                    or _opens_with_sum(text, sent_start, slots, j) for j in mine):
                continue
            for j in mine:
                if any(iid == w for _s, iid in slots[j].cands):
                    _make_part(slots[j], {iid for _s, iid in slots[j].cands})
                    slots[j].total = [(float("inf"), w)]
            break  # one list per sentence


# A seminar (研讨) stated as a form of study, not a class (研讨班) or a meeting (研讨会)
_SEMINAR_RE = re.compile(r"研讨(?![班会])")
_STUDY_FORM_RE = re.compile(r"学习|学法")


def _is_study_count(zh_name: str) -> bool:
    """Whether ``zh_name`` names one body's study sessions (the theory study group's,
    the executive meeting's, or the Thought's study by a body)."""
    return "学" in zh_name and any(w in zh_name for w in ("中心组", "常务会", "法治思想"))


def _second_study_form(text: str, sent_start: list[int], slots: list[_Slot],
                       matcher: _Matcher) -> None:
    """A body's second form of study stated right after its study count (中心组专题学习
    11次、专题研讨5次; 集中学法5次，开展学法研讨6次): the seminars are a part of the
    study count's indicator (the definitions of central_group_law_study_sessions and
    rol_thought_study_sessions), never named on their own. The seminar's item names no
    body and no study (学习 with 研讨 is the two forms together), and the count right
    before it in the sentence, in a unit of one class, is a study count whose best
    indicator is one body's study. First runs blind7 guanba, blind9 yuanjianglu, blind11
    yishi, blind12 kaifeng left the seminars unnamed and no part."""
    for k, sl in enumerate(slots):
        m = sl.mention
        if sl.part or sl.index or m.kind != "count":
            continue
        s0 = sent_start[k]
        lo = _item_span(text, s0, slots, k, sent_start)[0]
        item = text[lo:m.start]
        if not _SEMINAR_RE.search(item) or "学习" in item or _study_bodies(item):
            continue
        j = next((j for j in range(k - 1, -1, -1)
                  if slots[j].mention is not m and not slots[j].index), -1)
        if j < 0 or sent_start[j] != s0 or not _same_count(m, slots[j].mention):
            continue
        best = _clear_best(slots[j].cands)
        if not best or not _is_study_count(_zh(matcher, best)):
            continue
        jlo = _item_span(text, s0, slots, j, sent_start)[0]
        if not _STUDY_FORM_RE.search(text, jlo, slots[j].mention.start) \
                or _SEMINAR_RE.search(text, jlo, slots[j].mention.start):
            continue
        _make_part(sl, {iid for _s, iid in sl.cands if _is_study_count(_zh(matcher, iid))}
                   | {best})
        sl.total = [(float("inf"), best)]
        if _SEMINAR_RE.search(_zh(matcher, best)) and not slots[j].part:
            # a name that counts study and seminars together (学习习近平法治思想（专题学习、
            # 研讨）次数) makes the study count one of its two forms, a part too (its
            # definition: the two stated separately with no total are parts; first run
            # blind17 jinghu named the study)
            _make_part(slots[j], {best})


# an item that says it is a sum (or holds a breakdown): it may be its siblings' total
_SIBLING_SUM_RE = re.compile(r"共|合计|总计|总数|总量|累计|其中|包括")
# words of an indicator's name that say how or when a thing is done, not what it is
# (专题学习, 专题党课): sharing one of them makes no two counts siblings
_HOW_GRAMS = frozenset({"专题", "集中", "开展", "组织", "举办", "全年", "年度", "常态"})


def _no_larger_than_a_sibling(text: str, sent_start: list[int], slots: list[_Slot],
                              matcher: _Matcher) -> None:
    """A count no larger than a sibling count of its sentence is no total of what they
    both count: a part of its indicator (``part_of``), not its figure.

    A total is at least as large as each of its parts, so when two counts of one thing
    stand side by side with no total stated, the one the matcher named (``w``) is one of
    the parts when a sibling is as large or larger. Siblings are in one sentence with no
    其中, count in one unit, and neither item says it is a sum; the sibling is either

    * already set aside as a part of ``w`` by a rule that read its own words as fitting
      ``w`` (优秀案卷5份、合格案卷54份: the passing files are a grade of the reviews, so
      the excellent ones, fewer, are one more grade, not the reviews), or
    * stated before the count with no indicator of its own, its words saying every word
      of ``w``'s name that the count's words say (组织集体学法15次，…举办专题学法讲座2次:
      学法; both forms of one study). Not when the two items end in one head noun (在编执法
      队员8人，持有执法证的执法队员6人): the smaller may then be a subset of the first,
      and a subset keeps its own indicator.

    The sibling becomes a part of ``w`` too. First run blind17: huainan's lectures and
    quzhou's excellent files were named, the gold leaves both parts.
    """
    by_sent = _by_sentence(slots, sent_start,
                           lambda sl: not sl.index and sl.mention.kind == "count")
    for s0, ks in by_sent.items():
        if len(ks) < 2 or _PART_RE.search(text, s0, slots[ks[-1]].mention.end):
            continue
        words: dict[int, str] = {}  # read when first needed (most counts have no w)
        for k in ks:
            x = slots[k]
            w = "" if x.part else _clear_best(x.cands)
            if not w or _SIBLING_SUM_RE.search(_words_before(text, s0, slots, k, sent_start,
                                                             words)):
                continue
            said = _grams(_ASIDE_RE.sub("", words[k])) & _grams(_zh(matcher, w)) - _HOW_GRAMS
            if not said:
                continue
            sibs = []
            for j in ks:
                y = slots[j]
                if y.mention is x.mention or y.mention.unit != x.mention.unit \
                        or y.mention.value < x.mention.value \
                        or _SIBLING_SUM_RE.search(_words_before(text, s0, slots, j,
                                                                sent_start, words)) \
                        or k in y.wholes:
                    continue
                if y.part and not y.wholes and any(
                        i == w and sc < float("inf") for sc, i in y.total):
                    sibs.append(j)
                elif not y.part and not y.cands and j < k and said <= _grams(words[j]) \
                        and len(_common_tail([words[j], words[k]])) < 2:
                    sibs.append(j)
            if not sibs:
                continue
            _make_part(x, {w})
            for j in sibs:
                if not slots[j].part:
                    slots[j].part = True
                    slots[j].total = [(float("inf"), w)]


def _words_before(text: str, s0: int, slots: list[_Slot], k: int, sent_start,
                  words: dict[int, str]) -> str:
    """The words of number ``k``'s item before it (:func:`_item_span`), kept in
    ``words``: read once, and only for the numbers a rule looks at."""
    got = words.get(k)
    if got is None:
        got = words[k] = text[_item_span(text, s0, slots, k, sent_start)[0]:
                              slots[k].mention.start]
    return got


# a named meeting's or central group's own study (党组会和常务会议集体学法, 中心组集中学法):
# that body's study, no kind of officials' training (the definition of
# officials_law_training_sessions), so no sibling kind of a lecture beside it
_MEETING_STUDY_RE = re.compile(r"(?:会议?|中心组)(?:集体|集中)学法")


def _kinds_named(words: str, kinds: tuple[str, ...]) -> set[str]:
    """The catalogue kinds ``words`` name, a kind inside a longer one found left out
    (培训 in 培训班, when both are listed), and a meeting's own study no kind."""
    words = _MEETING_STUDY_RE.sub("", words)
    found = {kind for kind in kinds if kind in words}
    return {kind for kind in found if not any(kind != o and kind in o for o in found)}


def _one_kind_of_several(text: str, sent_start: list[int], slots: list[_Slot],
                         matcher: _Matcher) -> None:
    """A count whose own words name one of the kinds its indicator counts together
    (the catalogue's ``kinds``: 培训, 讲座 for law training sessions), beside a count of
    its paragraph naming another of them, is one kind: a part of the indicator
    (``part_of``) with no id; the sibling too, when it could take that indicator.

    Which sorts of a thing an indicator counts together is catalogue knowledge, not
    wording: 开展专题法治讲座1次，…开展专业培训2次 states two kinds of one training count
    with no total. A kind word alone is no evidence (全区共举办培训班12期 may be the only
    form the report counts, its whole): it takes a sibling kind with a number of its own,
    in one of the indicator's units, in the same paragraph. Neither item may say a sum
    (共, 合计, 累计, 其中, 全区 …), close a list of forms with 等 or say the indicator's
    own name, and an item naming two kinds (讲座和培训) is no one kind. The count takes no
    other indicator: one kind of what one indicator counts is no figure of another. First
    run blind18 hunan_yjt named 行政处罚公示信息18条 beside 行政许可信息910条 as all the
    records published."""
    paragraph = [text.rfind("\n", 0, sl.mention.start) + 1 for sl in slots]
    by_paragraph = _by_sentence(slots, paragraph, lambda sl: not sl.index
                                and sl.mention.kind in ("count", "amount"))
    for ks in by_paragraph.values():
        if len(ks) < 2:
            continue
        # a part of a wider whole may still be one kind of what its best indicator counts
        # (审结136件，其中…撤销10件、确认违法4件: parts of the cases closed, kinds of the
        # corrections): its whole's ids have left its candidates
        if not any((w := _clear_best(slots[k].cands))
                   and matcher.cat.indicators[w].kinds for k in ks):
            continue  # no count here takes an indicator with kinds: no words needed
        words = {}
        for k in ks:
            lo, hi = _item_span(text, sent_start[k], slots, k, sent_start)
            m = slots[k].mention
            words[k] = _ASIDE_RE.sub("", text[lo:m.start] + " " + text[m.end:hi])
        for k in ks:
            x = slots[k]
            w = _clear_best(x.cands)
            ind = matcher.cat.indicators[w] if w else None
            if ind is None or not ind.kinds:
                continue
            own = _kinds_named(words[k], ind.kinds)
            if len(own) != 1 or _names_a_whole(words[k], ind):
                continue
            sibs = []
            for j in ks:
                y = slots[j]
                if y.mention is x.mention or y.mention.kind != x.mention.kind \
                        or y.mention.unit not in ind.units:
                    continue
                theirs = _kinds_named(words[j], ind.kinds) or (
                    {"another act"} if _another_act(words[j], y) else set())
                if len(theirs) != 1 or theirs == own or _names_a_whole(words[j], ind):
                    continue
                # a sibling a rule already made a part of ``w`` left ``x`` the whole
                # (法治专题培训两期、法治讲座一期: the lecture a part of the training); one
                # made a part of no whole (区级法治专题讲座4场) is a kind all the same, and
                # so is one made a part of a wider whole it could be a kind of ``w`` in
                # (审结136件，其中维持92件、撤销10件、确认违法4件: a part of the cases
                # closed, and one kind of correction beside 撤销)
                if (not y.part and _clear_best(y.cands) in ("", w) or y.part and not y.total
                        or y.part and any(i == w for _sc, i in y.cands)):
                    sibs.append(j)
            if not sibs:
                continue
            # one kind of what ``w`` counts is no figure of another indicator either; a
            # part of a wider stated whole (审结136件) is one of ``w``'s count, stated or
            # not, first: _name_wholes would name the wider one
            x.wholes = []
            _make_part(x, {i for _sc, i in x.cands})
            x.total = [(sc, i) for sc, i in x.total if i == w]
            for j in sibs:
                y = slots[j]
                if y.part:
                    # a kind of ``w`` is never named ``w``, and ``w``'s count is its whole
                    y.wholes = []
                    y.cands = [(sc, i) for sc, i in y.cands if i != w]
                    y.total = [(float("inf"), w)]
                elif any(i == w for _sc, i in y.cands):
                    _make_part(y, {w})
                elif _another_act(words[j], y):
                    y.part, y.total = True, [(float("inf"), w)]


#: An item that is only a verb making or changing a thing (修订1部, 修改1件): the same
#: thing as the item before it, another act on it
_ANOTHER_ACT_RE = re.compile(r"[并再另还又共]?(?:修订|修改|制定|出台)了?")


def _another_act(words: str, sl: _Slot) -> bool:
    """Whether an item of ``words`` with no candidate of its own is only a verb making or
    changing the thing the item before it names (审议通过政府规章2部，修订1部): another
    kind of that thing, the revised ones beside the made ones (trial 24 named the 2 made
    rules as all the projects, whose definition counts made and revised together). A
    repeal (废止) is no such act: the definitions that count made and revised things
    leave it out."""
    return not sl.cands and not sl.part and bool(_ANOTHER_ACT_RE.fullmatch(words.strip()))


def _names_a_whole(words: str, ind) -> bool:
    """Whether an item's words say a sum (共, 合计, 累计, 全年, 全区, 其中 …), close a list
    of forms with 等 (“法治大讲堂”“以案释法”等研讨活动: a kind before the 等) or say the
    indicator's own name: the whole, or a share of it, never one kind beside another."""
    # 共同开展 is doing together, and 全年 the year every kind falls in (全年提请审议地方性
    # 法规草案3件…出台政府规章1件): neither says a sum
    words = words.replace("共同", "").replace("全年", "")
    if _TOTAL_CUE_RE.search(words) or _SIBLING_SUM_RE.search(words) or ind.zh_name in words:
        return True
    return any(_kinds_named(words[:etc.start()], ind.kinds)
               for etc in _SOME_OF_MANY_RE.finditer(words))


# 等 closing a list (not 等级, 平等, 相等, 对等, 等次, 等同)
_SOME_OF_MANY_RE = re.compile(r"(?<![平相对])等(?![级次同])")


# the counting words of those who act: people, or bodies and units (…个部门负责人…述法)
_AGENT_UNITS = PART_CLASSES[1] | PART_CLASSES[3]
# the words of a clause: up to a clause mark, not past a 、 (市、区…考试 is one clause)
_CLAUSE_STOPS = "，,；;。\n"


def _own_clauses(text: str, slots: list[_Slot], which: list[int]) -> dict[int, tuple[str, str]]:
    """For the slots at the indices ``which``, the words of its number's clause before
    and after it, asides and quotes left out; ``("", "")`` when another number of any
    slot shares the clause (its words are no one number's)."""
    starts = sorted({sl.mention.start for sl in slots})
    out = {}
    for k in which:
        m = slots[k].mention
        lo = max(text.rfind(c, max(0, m.start - 80), m.start) for c in _CLAUSE_STOPS + "：:") + 1
        ends = [i for i in (text.find(c, m.end, m.end + 80) for c in _CLAUSE_STOPS) if i >= 0]
        hi = min(ends) if ends else min(len(text), m.end + 80)
        # the numbers starting in [lo, hi): this one only
        if bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo) > 1:
            out[k] = ("", "")
        else:
            out[k] = (_ASIDE_RE.sub("", text[lo:m.start]), _ASIDE_RE.sub("", text[m.end:hi]))
    return out


def _groups_doing_one_act(text: str, slots: list[_Slot]) -> None:
    """Counts of those who did one act, each group in a clause of its own of one full
    sentence (组织12名执法人员参加…法律知识考试，动员108名领导干部参加…法律知识考试; 3个重点
    部门负责人在会上当场述法，另有32个部门负责人以书面形式述法), are a breakdown by group with
    no total stated: the one the matcher named is one group, a part of its indicator
    (``part_of``), not its figure, and so are the others. The clauses end in the same
    words after the number (the act, two characters or more), each with words of its own
    before them (the group: 执法人员, 领导干部); they count people or bodies, say no sum,
    and the other groups fit no other indicator. First run blind17 lintong named the
    leading cadres as all exam takers, blind15 xuecheng the departments' heads as all who
    reported; the gold has every group a part."""
    agents = [k for k, sl in enumerate(slots)
              if not sl.index and sl.mention.kind == "count" and sl.mention.unit in _AGENT_UNITS]
    if len(agents) < 2:
        return
    # only the agents' clauses are compared (a few of a report's numbers: not every slot's)
    words = _own_clauses(text, slots, agents)
    by_full: dict[int, list[int]] = {}
    for k in agents:
        at = slots[k].mention.start
        by_full.setdefault(max(text.rfind("。", 0, at), text.rfind("\n", 0, at)), []).append(k)
    for ks in by_full.values():
        for k in ks:
            x = slots[k]
            w = "" if x.part else _clear_best(x.cands)
            xb, xa = words[k]
            if not w or not xa or _SIBLING_SUM_RE.search(xb + xa) or _TOTAL_CUE_RE.search(xb):
                continue  # 全区86个领导班子…述法: all of them, the whole
            groups = []
            for j in ks:
                yb, ya = words[j]
                act = _common_tail([xa, ya]) if ya and xa != ya else ""
                if j != k and not slots[j].part and _clear_best(slots[j].cands) in ("", w) \
                        and len(act) >= 2 \
                        and min(len(xa), len(ya)) - len(act) >= 2 \
                        and not _SIBLING_SUM_RE.search(yb + ya) and not _TOTAL_CUE_RE.search(yb):
                    groups.append(slots[j])
            if groups:
                _make_part(x, {w})
            for y in groups:  # the other groups are parts of the same whole
                _make_part(y, {w})
                y.total = y.total or [(float("inf"), w)]


def _summed_items(text: str, slots: list[_Slot]) -> None:
    """Two or more counts right before or right after a count of one full sentence, in one
    class of unit, whose values add up to it exactly (非常满意802条、满意163条，共计965条;
    合计731宗，…简易程序的512件…；…普通程序的219件) are its breakdown: parts of it, never
    named with what it could be named with. The sum is the evidence, so every value must be
    exact."""
    full = [max(text.rfind("。", 0, sl.mention.start),
                text.rfind("\n", 0, sl.mention.start)) for sl in slots]
    counts = [k for k, sl in enumerate(slots)
              if not sl.index and sl.mention.kind in ("count", "amount")
              and sl.mention.qualifier == "exact" and sl.mention.value > 0]
    for at, t in enumerate(counts):
        whole = slots[t].mention
        for step in (-1, 1):
            run, total = [], 0.0
            j = at + step
            while 0 <= j < len(counts):
                k = counts[j]
                m = slots[k].mention
                if full[k] != full[t] or not _same_count(m, whole) or m.kind != whole.kind:
                    break
                run.append(k)
                total += m.value
                if total >= whole.value - 1e-9:
                    break
                j += step
            if len(run) >= 2 and abs(total - whole.value) < 1e-9 and not slots[t].part:
                ids = {iid for _sc, iid in slots[t].cands}
                for k in run:
                    if not slots[k].part:
                        _make_part(slots[k], ids)
                        slots[k].wholes = [t]
                        slots[k].total = slots[k].total or list(slots[t].cands)
                break


def _zh(matcher: _Matcher, iid: str) -> str:
    """The ``zh_name`` of indicator ``iid``, ``""`` for no indicator."""
    return matcher.cat.indicators[iid].zh_name if iid else ""


def _body_named(zh_name: str, before: str) -> str:
    """The longest head of ``zh_name`` (two to six characters: 法律顾问 of 法律顾问提供法律
    服务次数) that ``before`` names, ``""`` when none does."""
    for n in range(min(6, len(zh_name)), 1, -1):
        if zh_name[:n] in before:
            return zh_name[:n]
    return ""


# the heads whose kinds a report lists: meetings, clean-ups, inspections, training and
# lectures, campaigns (an object such as 案件 or 事项 has kinds of its own concepts)
_EVENT_HEAD_RE = re.compile(r"(?:会|会议|清理|检查|督察|培训|讲座|研讨|活动|宣讲)$")
# a sum over kinds (全年 and 累计 sum over time: 全年召开…部署会4次 is one kind)
_SUM_CUE_RE = re.compile(r"共|合计|总计|总数|总量")
# 另, 还, 又: one more item beside the one before (另举办…专题讲座2场), not one more kind
_MORE_RE = re.compile(r"另|还|又")


# the items a breakdown ends with: the rest of it (其他类130件, 其余…) or one more beside a
# 其中 part (其中229项已完成，另有2项…)
_REST_RE = re.compile(r"[，,；;、]\s*(?:其他|其它|其余|另有)")


def _the_rest(text: str, sent_start: list[int], slots: list[_Slot]) -> None:
    """A count whose item opens with 其他, 其余 or 另有 after another count of the same kind
    of thing in its sentence (…行政确认类15件，其他类130件; 审查…重大行政决策7件、其他涉法事项
    92件; 其中229项举措已经完成，另有2项…) is the rest of a breakdown: its words name no
    concept of their own, so it takes no indicator; it is a part of what its peers are
    parts of (``part_of``), when they are. 另有 with no peer in its sentence still counts
    more of something stated before (…会议上，另有4个单位…述法): no name either, and a part
    of the indicator an earlier count of the same kind fits, when one does."""
    for k, sl in enumerate(slots):
        m = sl.mention
        if sl.part or sl.index or m.kind not in ("count", "amount"):
            continue
        lo = _item_span(text, sent_start[k], slots, k, sent_start)[0]
        cue = _REST_RE.match(text, lo - 1)
        if cue is None:
            continue
        peers = [j for j in range(k - 1, -1, -1)
                 if sent_start[j] == sent_start[k] and slots[j].mention is not m
                 and _same_count(m, slots[j].mention)]
        if not peers:
            ids = {iid for _sc, iid in sl.cands}
            if not ids or not cue.group().endswith("另有"):
                continue
            # "…会上5个单位现场述法。…会议上，另有4个单位…述法": 另有 counts more of
            # something stated before, never the whole: no name; a part of the indicator
            # an earlier count of the same kind fits, when one does (yanzhou, blind8)
            _make_part(sl, ids)
            # the nearest such count first (the look-back stops there, not at the start)
            fits = (ids & ({i for _s, i in o.cands + o.total} | o.subset)
                    for o in (slots[j] for j in range(k - 1, -1, -1))
                    if _same_count(m, o.mention))
            shared = next((f for f in fits if f), set())
            sl.total = [t for t in sl.total if t[1] in shared]
            continue
        _make_part(sl, {iid for _sc, iid in sl.cands})
        # its own words' fit (其他涉法事项: 涉法事项办理数) is no whole of the rest
        near = slots[peers[0]]
        sl.wholes, sl.total = (list(near.wholes), list(near.total)) if near.part else ([], [])


# A channel of publishing (a website, an account, an app, a notice board) and a verb of
# publishing after it in the number's own clause, right up to the number: 政府网站全年发布
# 各类信息#, 借助政府门户网站常态化发布信息#, 微信公众号推送#.
_CHANNELS = r"网站|公众号|微博|抖音|小程序|客户端|头条号|视频号|公开栏|新媒体|APP|App|app"
_CHANNEL_WORD_RE = re.compile(_CHANNELS)
_ITEM_UNITS = {"条", "篇", "则"}  # items published (posts, articles, reports)
# where the channels beside a count are looked for ends: the full stop, past a ； (the
# sentences of ``sent_start``, mentions._SENTENCE_END_RE, also end at ；)
_FULL_STOP_RE = re.compile(r"[。！？!?\n]")
# 公开 is a verb of publishing only after the channel: opening a clause (公开…) it names
# disclosure, not a post on the channel before
_PUBLISH_VERBS = "发布|推送|刊发|刊登|发表|更新|转载"
_PUBLISHED_ON_RE = re.compile(rf"({_CHANNELS})[^，,；;。：:、和及与]{{0,12}}?"
                              rf"(?:{_PUBLISH_VERBS}|公开)[^，,；;。：:]{{0,10}}$")

# a clause that opens with a publishing verb (its channel may be in the clause before)
_OPENS_WITH_PUBLISHING_RE = re.compile(r"[并还共全年内累计]{0,3}"
                                       rf"(?:{_PUBLISH_VERBS})[^，,；;。：:]{{0,10}}$")
# a channel named as the topic of what follows (政务新媒体方面，…), and a clause that then
# opens with disclosing (公开的政府信息有#条): 公开 publishes on the topic's channel
_CHANNEL_TOPIC_RE = re.compile(rf"({_CHANNELS})方面[，,]$")
_OPENS_WITH_DISCLOSING_RE = re.compile(r"[并还共全年内累计]{0,3}"
                                       rf"(?:{_PUBLISH_VERBS}|公开)[^，,；;。：:]{{0,10}}$")
# a clause that only names where (在/通过/依托 … channel 上/中), right before the verb's
_CHANNEL_ONLY_CLAUSE_RE = re.compile(r"(?:在|通过|依托|利用)[^，,；;。：:]{0,16}?"
                                     rf"({_CHANNELS})[上中内里]?[，,]$")


def _one_channel(text: str, sent_start: list[int], slots: list[_Slot],
                 matcher: _Matcher) -> None:
    """A count of items published on one channel (政府网站全年发布各类信息#) in a report
    that names another channel beside it, in its sentence up to the full stop (政府网站和
    政务新媒体; past a ；, where ``sent_start``'s sentences end) or with a count of its
    own (…公众号推送#) anywhere in the report, is that channel's share: a
    part of what its words fit best, never the whole (definition of
    ``gov_info_disclosed``: a portal's count stated beside another channel's with no total
    is a part, even when it is the larger figure). An indicator whose name holds the
    channel is its own (none now). A count that names no channel keeps the indicator
    (全年主动公开信息#); so does a lone channel, which may be where all is published.
    Items only (条, 篇, 则): 通过政府网站公开征求意见#次 counts consultations."""
    on: dict[int, str] = {}
    for k, sl in enumerate(slots):
        m = sl.mention
        if m.unit not in _ITEM_UNITS:
            continue  # 通过政府网站公开征求意见#次: consultations, no items published
        # the shared clause head; that it also cuts at ":" changes nothing here, as no
        # channel match below spans a ":" and the clause before must end in a comma
        head = _CLAUSE_HEAD_RE.match(text, sent_start[k], m.start)
        lo = head.end() - 1 if head else sent_start[k]
        mt = _PUBLISHED_ON_RE.search(text, lo, m.start)
        if mt is not None:
            on[k] = mt.group(1)
        elif lo > sent_start[k] and _OPENS_WITH_PUBLISHING_RE.match(text, lo + 1, m.start):
            # "在…公众号上，发布…推文#篇": the channel is the clause before, the verb opens
            # this one (a channel in no clause right before names no place of publishing)
            before = _CHANNEL_ONLY_CLAUSE_RE.search(text, sent_start[k], lo + 1)
            if before is not None:
                on[k] = before.group(1)
        if k not in on and lo > sent_start[k] \
                and _OPENS_WITH_DISCLOSING_RE.match(text, lo + 1, m.start):
            # "政务新媒体方面，公开的政府信息有#条": the clause before makes the channel the
            # topic, and what this one discloses is disclosed there
            topic = _CHANNEL_TOPIC_RE.search(text, sent_start[k], lo + 1)
            if topic is not None:
                on[k] = topic.group(1)
    if not on:
        return
    counted = set(on.values())
    for k, channel in on.items():
        sl = slots[k]
        iid = "" if sl.part else _clear_best(sl.cands)
        if not iid or channel in _zh(matcher, iid):
            continue
        m = sl.mention
        end = _FULL_STOP_RE.search(text, m.end)
        s1 = end.start() if end else len(text)
        beside = {w.group() for w in _CHANNEL_WORD_RE.finditer(text, sent_start[k], s1)}
        if (counted | beside) - {channel}:
            _make_part(sl, {iid})


def _rate_stated_twice(text: str, sent_start: list[int], slots: list[_Slot]) -> None:
    """Two rates of one sentence that one indicator fits best, with different values
    (负责人出庭应诉率100%，主要负责人出庭应诉率63.22%): the first is the rate, the later
    ones are the rate of a subset, parts of it, whichever fits the words better. When the
    first's own clause names a body or level too (区政府负责人出庭应诉率100%，区级部门和镇街
    负责人的出庭应诉率99.3%), different from the later one's, and says no whole (全区), each
    rate is one body's: the first is a part as well."""
    firsts: dict[tuple[int, str], int] = {}
    for k, sl in enumerate(slots):
        iid = "" if sl.part else _clear_best(sl.cands)
        if not iid or sl.mention.kind != "rate":
            continue
        first = firsts.setdefault((sent_start[k], iid), k)
        if first != k and slots[first].mention.value != sl.mention.value:
            _make_part(sl, {iid})
    for (s0, iid), first in firsts.items():
        x = slots[first]
        # the later rates of its sentence (slots run in text order: the sentence's are
        # the ones right after it)
        later = []
        for k in range(first + 1, len(slots)):
            if sent_start[k] != s0:
                break
            o = slots[k]
            if o.mention.kind == "rate" and o.part and o.mention.value != x.mention.value \
                    and any(i == iid for _sc, i in o.total):
                later.append(o)
        if not later:
            continue
        own = _clause_scope(text, s0, x.mention.start)
        if own and any(_clause_scope(text, s0, o.mention.start) not in ("", own)
                       for o in later):
            _make_part(x, {iid})


def _clause_scope(text: str, s0: int, start: int) -> str:
    """The first body or level (:data:`_LABEL_RE`: 区政府, 区级部门, 镇街) named in the
    clause before ``start`` (from ``s0``), ``""`` when none is or the clause says a whole
    (:data:`_TOTAL_CUE_RE`: 全区, 共)."""
    head = _CLAUSE_HEAD_RE.match(text, s0, start)
    clause = text[head.end() if head else s0:start]
    if _TOTAL_CUE_RE.search(clause):
        return ""
    found = _LABEL_RE.search(clause)
    return found.group() if found else ""


def _clauses_before(text: str, s0: int, start: int) -> int:
    """Where the clause before the one holding ``start`` begins (not before ``s0``)."""
    marks = [mt.start() for mt in _CLAUSE_END_RE.finditer(text, max(s0, start - 60), start)]
    return marks[-2] + 1 if len(marks) >= 2 else max(s0, start - 60)


def _grams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _names_items(zh_name: str, measures: list[str]) -> bool:
    """Whether ``zh_name`` names two or more items of a list by the words that set each
    item apart from the others (建议提案办复率 names 人大代表建议 and 政协提案)."""
    grams = [_grams(m) for m in measures]
    common = set.intersection(*grams) if grams else set()
    name = _grams(zh_name)
    return sum(1 for g in grams if (g - common) & name) >= 2


def _item_fits(matcher: _Matcher, sl: _Slot) -> set[str]:
    """Indicators a later list item's own words fit, with its noun before or after the
    number (检察建议5件; 发现的29个问题 read as 发现的问题#)."""
    if not sl.item:
        return set()
    m = sl.mention
    before, after = sl.item.split("#", 1)
    out = set(matcher.candidates(sl.item, m.unit, m.kind))
    if after:
        out.update(matcher.candidates(before + after + "#", m.unit, m.kind))
    return out


def _acts_stated_apart(norm_text: str, bounds: list[int], slots: list[_Slot],
                       matcher: _Matcher) -> None:
    """Make a part of each number whose indicator counts two acts together (废止（宣布失效）
    规范性文件数) while its sentence states the two apart, each with its own number
    (废止139件、宣布失效182件): neither is the total (:func:`matcher.stated_apart`), nor
    is another number of that sentence."""
    alts = matcher.act_alternatives
    for sl in slots:
        ids = {iid for _sc, iid in sl.cands if iid in alts}
        if not ids:
            continue
        m = sl.mention
        s0, s1 = _sentence_of(bounds, norm_text, m.start)
        sent = norm_text[s0:s1]
        how = {iid: stated_apart(alts[iid], sent, m.start - s0, m.end - s0) for iid in ids}
        if any(v == 2 for v in how.values()):
            _make_part(sl, {iid for iid, v in how.items() if v == 2})
        # 修改18件 between them (matched across 废止139件、): no total of both either
        if any(v == 1 for v in how.values()):
            sl.why = sl.why or "apart"
        sl.cands = [(sc, iid) for sc, iid in sl.cands if how.get(iid) != 1]


def _make_part(sl: _Slot, whole_ids, lower: float = 0.0) -> None:
    """Mark ``sl`` a part: the ids of its whole's concepts leave its candidates (kept as
    ``total`` for ``part_of``); the others lose ``lower``."""
    sl.part = True
    sl.total += [(sc, iid) for sc, iid in sl.cands if iid in whole_ids]
    sl.cands = [(sc - lower, iid) for sc, iid in sl.cands if iid not in whole_ids]


# A sub-unit named before a number (区直部门, 各街镇, 市州), and a level (市级, 县本级,
# 街道一级) or a subset (涉企), which may also be what the whole report counts.
_SUBUNIT_RE = re.compile(
    r"(?:省|市|州|盟|县|区|旗)直"
    r"|各(?:乡镇|街镇|街道|乡|镇|村|社区|部门|单位|县区|区县|县市区|市州|地市|县|区|市|州|旗)"
    r"|市州|地市|区县|县区|县市区|街镇")
_LEVEL_RE = skipping(r"(?:省|市|州|盟|县|区|旗|乡镇|乡|镇|街道|社区|村)(?:本级|一级|级)"
                    r"|涉(?:企|农|外|军|侨|台|港澳)")  # a subset: 涉企 cases among all
# A clause that names only a level or sub-unit before its number (市级312件, 区直单位32家).
_LABEL_RE = re.compile(r"(?:各)?(?:省|市|州|盟|县|区|旗|乡镇|乡|镇|街道|街镇|社区|村|市州|地市|"
                       r"县区|区县|县市区)(?:本级|一级|级|直)?(?:部门|单位|政府|机关)?")
# up to the last clause mark or list 、 of a number's head (_mark_parts' labelled items)
_LAST_MARK_RE = re.compile(rf".*[{CLAUSE_MARKS}、]", re.S)
_LABEL_FILL_RE = re.compile(r"其中|合计|共计|共|分别|为|有|达|计|\s")
# "按层级分：", "按案件类型划分：", "分地区看：": the lines after it are a breakdown.
_BREAKDOWN_RE = re.compile(r"(?:按|分)[\u4e00-\u9fff]{1,6}(?:分|划分|统计|区分|看|来看)[：:]")
_ITEM_LABEL_RE = re.compile(r"\s*([^：:，,。；;（()）\d\s]{1,10})[：:]")
_ENUM_LINE_RE = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]"
                           r"|[①②③④⑤⑥⑦⑧⑨⑩])")


def _breakdown_items(text: str) -> list[tuple[int, int]]:
    """Spans of the breakdowns a header such as 按层级分： opens: the rest of its line,
    and the enumerated lines right after it ((1)…, 1.…, ①…)."""
    spans = []
    for cue in _BREAKDOWN_RE.finditer(text):
        end = text.find("\n", cue.end())
        end = len(text) if end < 0 else end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            if not _ENUM_LINE_RE.match(text, end + 1, nxt):
                break
            end = nxt
        spans.append((cue.end(), end))
    return spans


class _Covered:
    """Whether an offset is inside one of a list of spans: the spans merged once, then a
    bisection per offset (a walk over every span for every number is quadratic in a
    long report)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):  # empty spans cover nothing
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _clear_best(cands: list[tuple[float, str]]) -> str:
    """The best-scoring id of ``cands`` when no other ties with it, else ``""``."""
    if not cands:
        return ""
    ranked = sorted(cands, key=lambda x: -x[0])
    if len(ranked) > 1 and abs(ranked[0][0] - ranked[1][0]) < 1e-9 \
            and ranked[0][1] != ranked[1][1]:
        return ""
    return ranked[0][1]


def _name_wholes(slots: list[_Slot]) -> None:
    """Fill ``parts`` (the ``part_of`` column): a part left without an indicator of its
    own gets its whole's indicator, or, when the whole is not named or not stated, the
    whole's concept its own words fit best (none when two fit equally well)."""
    for sl in slots:
        m = sl.mention
        if len(m.parts) != len(m.indicators):
            m.parts = [""] * len(m.indicators)
        if not sl.part or m.indicators[sl.index]:
            continue
        # the nearest whole whose indicator the part's own words fit, else the nearest
        # a whole that is itself a part (政府网站…10300条，其中…32条: one channel's items)
        # passes on what it is a part of
        named = [slots[j].mention.indicators[slots[j].index]
                 or slots[j].part and len(slots[j].mention.parts) > slots[j].index
                 and slots[j].mention.parts[slots[j].index] or ""
                 for j in sl.wholes]
        fits = {iid for _sc, iid in sl.total}
        iid = next((i for i in named if i in fits), named[0] if named else "")
        m.parts[sl.index] = iid or _clear_best(sl.total)
