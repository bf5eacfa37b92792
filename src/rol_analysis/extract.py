"""Step 01: find the statistics in a report and map them to the indicator catalogue.

This module runs the step and writes its tables; the parts live in their own modules:

- :mod:`rol_analysis.mentions`: the numbers with their counting words
  (:func:`find_mentions`, :class:`Mention`), and what is not a statistic;
- :mod:`rol_analysis.matcher`: the catalogue's patterns compiled and scored against one
  number, with the confidence rules of a single number;
- :mod:`rol_analysis.parts`: parts of a total and the wholes they belong to.

Here: every number's readings and candidates over the whole report (:func:`_assign`),
the ``mentions`` and ``indicators`` tables of one text (:func:`extract_text`), and the
file level: reading a report (:func:`extract_file`), writing the tables
(:func:`write_tables`, :func:`extract_to`) and notebook 01's :func:`clean`.

Every mention gets a ``measure`` (:mod:`rol_analysis.measure`): what it counts.

Catalogue matching: each ``[[indicator]]`` carries ``patterns``, regular expressions
searched in the mention's sentence with the mention itself replaced by ``#`` (other
numbers are left as written), optional ``aliases`` searched in the measure and optional
``exclude`` words that rule it out. Among indicators whose units accept the mention's
unit and whose kind agrees, candidates are scored (:meth:`_Matcher.scored`) and the best
(number, indicator) pairs of the whole report are taken first, each indicator once; a
number two indicators fit (nearly) equally well stays unnamed, and so does one count of
several kinds of meeting (docs/design.md, "Confidence"). An indicator of one case-work
family (复议, 诉讼, 执法) does not name a number whose scope (clause, carried topic,
section) is another. Two constructions give one number
several readings or several numbers a list of names: ``结案率、满意率均为100%`` (every
rate named before a shared value: one row per name) and ``受理、审结案件分别为48件、65件``
(values mapped in order to the names before 分别).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import measure, numbers
from .exceptions import InputError
from .matcher import (
    _DIGIT_RE,
    _GROUP_NOUN_RE,
    _SECTION_FAMILIES,
    _joint_meetings,
    _joint_study,
    _Matcher,
    _matcher,
    family,
    target,
    too_close,
)
from .measure import DURATION_UNITS, _last_match
from .mentions import (
    _ALL_OF,
    _CHANGE_VERBS,
    _CLAUSE_END_RE,
    _CLAUSE_HEAD_RE,
    _ONE_OF_RE,
    _SHARED_RATE,
    _SHARED_RATE_SHORT,
    _THAN,
    _VERB_AFTER_RE,
    Mention,
    _names_listed,
    _scope,
    _sentence_bounds,
    _sentence_of,
    counted_word,
    find_mentions,
)
from .normalize import Normalized, normalize
from .parts import _mark_parts, _name_wholes, _Slot
from .tables import INDICATOR_COLUMNS, MENTION_COLUMNS, NUMBER_DTYPES, text_cell  # noqa: F401 - the columns are re-exported

# "报备及时率、合法合规率(均)达100%": the names share the value.
# "参考率、及格率均在80%以上", "持证率和培训率实现双100%": 在 and 双 too.
_SHARED_TAIL_RE = re.compile(r"(?:均|都|全部|全)?已?(?:达到|达|为|是|保持在|保持|实现|在)?双?$")
# "受理率、办结率、满意率实现“三个100%”": how many names share the value (the numeral
# find_mentions drops as no count); the list is read as that many names only when it is
# that long, so the numeral checks the split
_COUNTED_TAIL_RE = re.compile(r"(?:均|都|全部|全)?已?(?:达到|达成|达|为|是|保持在|保持|实现|做到)?"
                              r"了?[“\"]?(?P<n>[两二三四五六七八九十])个[“\"]?$")
# "全年实现报备率、及时率、规范率“三个100%”": the verb before the list is no part of
# the first name (not 实现率, a rate's own name)
_COUNTED_LEAD_RE = re.compile(r"(?:实现|做到|达到|达成)了?(?!率)")
# "实现了“三个100%”，即A率、B率、C率均达100%" (or ：A率100%、…, （A率100%、…）): the
# quoted figure heads the rates stated right after it, each with its own value
_HEADLINE_RE = re.compile(r"[“\"]?(?:(?P<n>[两二三四五六七八九十])个|双)[“\"]?$")
_HEADLINE_NEXT_RE = re.compile(r"[”\"]?(?:的?目标)?[，,]?"
                               r"(?:即|：|:|（|\(|具体(?:为|是)|分别(?:为|是))")
# "两项整改率均达到100%": a numeral says how many rates of one name share the value
# (the numeral find_mentions drops as no count). Matched in one clause, so the rate
# names' classes need not exclude clause marks: the shared ones do, to no effect.
_N_RATES_RE = re.compile(rf"(?P<n>[两二三四五六七八九十])(?:项(?P<rate>{_SHARED_RATE})"
                         rf"|个(?P<short>{_SHARED_RATE_SHORT})){_ALL_OF}")
# "行政许可、行政处罚等执法信息的公示率均已达到100%": things listed before one rate
# name, each with its own rate of that value (names of two characters or more: 省、市、县
# before 三级…的覆盖率 are levels of one rate).
_LISTED_RATE_RE = re.compile(r"(?P<list>[^，,。；;：:]+?)(?P<rate>(?:等[^、，,。；;]{0,12}?)?"
                             r"(?:的)?[^、，,。；;的\d]{0,8}率)(?:均|都|全部)已?"
                             r"(?:达到|达|为|是|保持在|保持|实现)?")
# List separators. 和/及/与 also occur inside words (及时, 参与, 和谐), so between rate
# names they count only after 率, and 及 never before 时; so does 以及 (参考率以及通过率).
_RATE_SEP_RE = re.compile(r"、|(?<=率)(?:以及|[和及与])")
# one joining word between two things (not 参与, 及时, 与会, 和谐…: measure.HE/JI/YU)
_PAIR_SEP_RE = re.compile(rf"{measure.HE}|(?<![以涉]){measure.JI}|(?<!参){measure.YU}")
# Names sharing one value (A和B各…, A与B分别…): a 、 or one joining word with
# _PAIR_SEP_RE's guards, since the same words split inside a name otherwise
# (律师参与调解和参与仲裁各5次 read four names: 律师参, 调解, 参, 仲裁).
_NAME_SEP_RE = re.compile(rf"、|{_PAIR_SEP_RE.pattern}")
# the names before 分别 (中心组与常务会议分别举办了2次); 同 joins them too. The same
# guards as _NAME_SEP_RE (律师参与调解和参与仲裁分别达5次 read 律师参, 调解, 参, 仲裁)
_RESPECTIVE_SEP_RE = re.compile(rf"{_NAME_SEP_RE.pattern}|同")
# a list item that names a level of its own (满意度、办结率…), not a modifier (省、市、…)
_RATE_WORD_RE = re.compile(r"率|度|比例|占比|比重")
# "由494项减少到304项", "从15个工作日压缩至3个工作日": the before and after values.
_CHANGE_TO_RE = re.compile(rf"\s*(?:{measure.CHANGE_VERBS})(?:至|到|为)\s*")
# 由/从 right before the number (由2个工作日压缩至即时办结, 由原来的18个部门…精简为): the
# value before a change, whatever the change reached, numbered or not (first run blind19
# rushan: the 2 days took approval_time_limit). Every such value of the twenty gold sets is
# a row without an id.
_ORIGINAL_WORDS = r"(?:原来的|原先的|原有的|原来|原)"
_FROM_RE = re.compile(rf"(?:由|从)\s*{_ORIGINAL_WORDS}?$")
_ORIGINAL_RE = re.compile(rf"(?:由|从)\s*{_ORIGINAL_WORDS}$")
# A word of the time before a change right before the number (原需5个工作日, 原来需要5个工作日,
# 改革前需要20个工作日, 以前需要跑5次): the value before it, as 由… is (企业开办原需5个工作日，
# 现压缩至1个工作日 named the 5 business_startup_days). No gold set of the twenty has the form.
_BEFORE_WORD_RE = re.compile(r"(?:原来|原先|原本|原(?=需|要|为|是|用时|耗时)|以前|以往|过去"
                             r"|改革前|压缩前|优化前|此前)的?(?:办理|办结)?"
                             r"(?:需要?|要|为|是|用时|耗时|平均|跑)*\s*$")
# 压减到原来的五分之一: a share of the value before the cut, what is left of it, not the
# rate cut (first run blind19 gongzhuling: 20% took time_limit_reduction_rate)
_SHARE_OF_BEFORE_RE = re.compile(r"(?:至|到|为|成)\s*(?:原来的|原先的|之前的|改革前的)$")
# a character every match of the three above holds (由/从, 原, 以前/以往, 过去, …前): one
# scan of the clause for it before their three searches, each ending at the number
_BEFORE_CHAR_RE = re.compile(r"[由从原以过前]")
# A span that began before the report's year, stated before the number (2016年以来, 去年以来,
# 党的十八大以来, “十四五”以来, 在前两批…创建中): the number totals years, not the year's
# figure, unless its own words come back to the year (今年, 全年…). 2024年以来 in a 2024
# report is the year. Every such number of the twenty gold sets is a row without an id (dev
# sd_court, blind3 liaoning, blind6 xian_sfj, blind8 keqiao, blind15 beijing_sfj).
_SPAN_SINCE_RE = re.compile(r"(?:(?P<year>(?:19|20)\d\d)年(?:\d{1,2}月份?)?|去年|上年|上一年"
                            r"|(?:十[八九]|二十)大|[“\"]?十[二三四五]五[”\"]?(?:时期)?)"
                            r"(?:以来|至今)|前[两二三四五六七八九十\d]批")
_BACK_TO_YEAR_RE = re.compile(r"今年|全年|本年|年内|当年|年度")
# 等 and a count whose things are the subject of another figure of the clause
# (开业登记等240项政务服务事项的材料压减了40%): the count only sizes that subject, the
# figure is the statistic (dev README: the count of a list just named; first run blind14
# xingqing: 240 took gov_service_items). Every such count of the twenty gold sets is a row
# without an id (blind3 hubei_sft, blind14 xingqing, dev ningxia).
_EXAMPLES_END_RE = re.compile(r"等\s*$")
_SUBJECT_OF_FIGURE_RE = re.compile(r"[^，,。；;：:！？!?\d]{0,14}的[^，,。；;：:！？!?\d]{0,12}\d")
# "A、B、C均不足500件": the same value for each name (均/都/各 right before the value).
# "委员会会议和办公室会议各开了1次": 各 with a short verb before the value.
# (not the 均 of 平均: 做到当日受理、平均2个工作日内指派 is one time, not one for each)
_SHARED_COUNT_RE = re.compile(rf"(?:{measure.EACH_JUN}|都|各)(?:为|是|达到|达|有|不足|不到|超过|在"
                              r"|(?:召开|开|举办|开展|组织|办理|受理|收到|完成)了?)?$")
# "司法、执法、守法普法3个协调小组各召开会议1次": a count of bodies right before 各 says
# how many share the value (as 两项整改率均 does for rates); 各 and a verb with a short
# object (会议, 培训) before it.
_N_EACH_RE = re.compile(r"[^，,、和及与\d]{1,8}各(?:召开|开|举办|开展|组织|举行|参加)了?"
                        r"(?:[^，,、\d]{1,4})?$")
_N_EACH_UNITS = frozenset({"个", "家", "支"})
# "事故起数和死亡人数同比均下降47.06%": one change stated for each name before 均.
_SHARED_CHANGE_RE = re.compile(rf"(?:{_THAN})?(?:{measure.EACH_JUN}|都)(?:有所)?"
                               rf"(?:{_CHANGE_VERBS}|回落)了?(?:达|为)?$")
# "A和B仅用1个工作日": what each of the names takes, when only a time is stated
_SHARED_TIME_RE = re.compile(rf"(?:{measure.EACH_JUN}|都)?(?:仅|只)(?:需要?|用了?|要)$")
# A single rate name before a value each counted item of the clause before shares.
_EACH_RATE_RE = re.compile(r"(?P<rate>[^、和及与]{1,8}率)(?:均|都)(?:为|是|达到|达|保持在|保持)?")
_ITEM_JOINERS = frozenset("和、及与")
# The verb before a list of names that share a value with 各 (参加述职评议和述法测评各1次).
_EACH_VERB_RE = re.compile(r"接受|开展|进行|组织|召开|举办|举行|参加|参与|完成|听取|实施")
_RESPECTIVELY_RE = re.compile(r"分别(?:为|是|达到|达|有|占)?")
# "各有一行政许可案卷和行政处罚案卷入选…": what each had, listed after the number: nouns
# without a number of their own, joined by 、/和/及/与; the last ends before its verb
_HAD_ITEM = (r"(?:(?!入选|获评|获得|荣获|被|评为|列入|纳入|成为|通过|已|均|都)"
             r"[^，,。；;：:、和及与（(\d\s“”\"《》]){2,16}")
_HAD_LIST_RE = re.compile(rf"{_HAD_ITEM}(?:[、和及与]{_HAD_ITEM})+")
_HAD_ITEM_RE = re.compile(_HAD_ITEM)
# The noun phrase right after a number (办理了45件人大代表建议和…, 完成了3件重大行政决策的合法
# 性审查): up to the next separator or number; one that starts with a verb is no noun.
_NOUN_AFTER_RE = re.compile(
    r"(?:(?!参与|参加|开展|进行|取得|担任|接受|完成|通过|实现|获得|纳入|提供|签订|处理|发放|"
    r"得到|受到|列入|被|已|均|全部)[^，,。；;：:、和及与（(\d\s“”\"]){2,16}")
# The verb that opens a list of names and applies to each (审查规范性文件、合同分别为…).
_LIST_VERBS = (r"审查|审核|办理|承办|查处|作出|受理|审结|收到|出具|制定|制发|发布|公开|召开|"
               r"开展|组织|举办|清理|废止|备案|报备|答复|化解|调解|评查|检查|聘请|新增|取消|下放|"
               r"培训|处置|移送|约谈|问责")
_LIST_LEAD_RE = re.compile(
    r"(?:全年|今年|当年|本年度?|年内|共|累计|全县|全市|全区|全镇|全乡|依法|先后|积极)*"
    rf"(?P<verb>{_LIST_VERBS})")
_LIST_VERB_RE = re.compile(_LIST_VERBS)
# an item of a list that names its own act or form of event (…、集体学习2次), not only a noun
_ITEM_ACT_RE = re.compile(_LIST_VERBS + r"|学习|研讨|学法|讲座|宣讲")
# a later item of a list of counts that is only a noun (审查文件51件、行政合同78个)
_LIST_NOUN_RE = re.compile(r"、([^，,。；;：:！？!?\n、和及与（()\d\s“”\"]{2,12})")


@dataclass
class Extraction:
    """The result of extracting one report.

    Attributes
    ----------
    mentions : pandas.DataFrame
        Columns :data:`MENTION_COLUMNS`, one row per (indicator, number).
    indicators : pandas.DataFrame
        Columns :data:`INDICATOR_COLUMNS`, one row per catalogue indicator found, in
        catalogue order.
    meta : dict
        The ``report.json`` fields known so far.
    explain : dict
        Only when asked for (``explain=True``, the review worksheet): per number, keyed
        by its raw ``char_start``, one :class:`Explanation` per reading, in reading order.
    text : str
        The report's text as read (:func:`extract_file`; ``""`` from
        :func:`extract_text`): the text review decisions are keyed to, so applying them
        does not read the report a second time.
    """

    mentions: object
    indicators: object
    meta: dict
    explain: dict = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True)
class Explanation:
    """What the matcher considered for one reading of a number, and why it was left
    unnamed or made a part (``rol review``'s ``candidates`` column).

    Attributes
    ----------
    measure, indicator_id, part_of : str
        The reading as extraction wrote it.
    candidates : tuple of str
        Indicator ids its words and unit fit, best score first.
    why : str
        ``""`` (named, or nothing to say), ``change`` (the value before a change),
        ``joint`` (one count of several bodies or meetings), ``shared_time`` (a time
        several items share), ``same_name`` (reads like the reading before it), ``pair``
        (the second of two things joined by 和 that share one stated rate: found, the
        first reading names it), ``one_of`` (the size of a list the subject is one item
        of: 三项重大决策之一), ``twice`` (its indicator's concept is stated with other
        figures and none is clearly the total), ``apart`` (two acts stated apart),
        ``tie`` (two indicators fit nearly equally), ``taken`` (its indicators went to
        numbers that fit them better), ``part`` (a part of ``part_of`` or of an unnamed
        total), ``ruled`` (every indicator whose words matched was set aside), ``none``
        (no indicator's words and unit fit).
    others : tuple of str
        The ids ``why`` is about: the tie's rival, the indicators taken, the ones set
        aside.
    ruled : tuple of (str, str)
        (id, reason) of the indicators whose words matched but were set aside:
        ``family``, ``subset``, ``scope``, ``agreement``, ``exclude``
        (:meth:`matcher._Matcher.scored`'s ``reasons``).
    close : tuple of str
        A named reading only: the other indicators it scored within
        :data:`~rol_analysis.matcher.RUNNER_UP_MARGIN` of its name, the margin included
        (:func:`~rol_analysis.matcher.too_close`; they went to other numbers first, else
        it would have been a tie).
    takers : tuple of (str, int, str)
        (id, raw ``char_start``, raw text) of the number each indicator of ``others``
        (``taken``) and ``close`` went to, so a reviewer can compare the two.
    alongside : tuple of (int, str)
        ``twice`` only: (raw ``char_start``, raw text) of the other numbers stated for
        the indicator in ``others``, so the reviewer sees which figures competed.
    topic : str
        A reading whose measure names no topic and whose clause names no object (审结171件
        at a paragraph's start): the topic of the clause before it, read across a
        paragraph break (:func:`measure.carried_topic`), for the similar-wording offer
        (:func:`similar.similar_indicators`); ``""`` otherwise.
    """

    measure: str
    indicator_id: str
    part_of: str
    candidates: tuple[str, ...]
    why: str
    others: tuple[str, ...] = ()
    ruled: tuple[tuple[str, str], ...] = ()
    close: tuple[str, ...] = ()
    takers: tuple[tuple[str, int, str], ...] = ()
    alongside: tuple[tuple[int, str], ...] = ()
    topic: str = ""


def _explanation(sl: _Slot | None, m: Mention, k: int,
                 used: dict[str, tuple[int, str]]) -> Explanation:
    """The :class:`Explanation` of reading ``k`` of ``m`` (``sl`` its slot, ``None``
    for the value before a change); ``used`` maps each named id to its number's raw
    start and text."""
    iid = m.indicators[k]
    part_of = m.parts[k] if k < len(m.parts) else ""
    if sl is None:
        return Explanation(m.measures[k], iid, part_of, (), "change")
    best = {}
    for sc, i in sl.considered:
        best[i] = max(sc, best.get(i, sc))
    cands = tuple(sorted(best, key=lambda i: (-best[i], i)))
    ruled = tuple(sorted((i, r) for i, r in (sl.reasons or {}).items() if i not in best))
    others: tuple[str, ...] = ()
    if iid:
        why = ""
    elif aside := _set_aside(sl, part_of):
        why = aside
    elif sl.rival:
        why, others = "tie", sl.rival
    elif sl.cands:
        why, others = "taken", tuple(i for i in cands if i in used)
    elif ruled:
        why, others = "ruled", tuple(i for i, _r in ruled)
    else:
        why = "none"
    close = tuple(i for i in sl.close if i in used) if iid else ()
    takers = tuple((i, *used[i]) for i in (*(others if why == "taken" else ()), *close))
    return Explanation(m.measures[k], iid, part_of, cands, why, others, ruled, close,
                       takers, topic=sl.topic)


def tied(sl: _Slot | None, iid: str, part_of: str) -> tuple[str, ...]:
    """The indicators a reading was left unnamed between (``tie``: two fit nearly
    equally, 宁缺勿错), sorted; ``()`` when it is named, or was left unnamed for any other
    reason (:func:`_explanation`'s order: a joint count, a part, … come first). Written to
    mentions.csv's ``candidates`` (trial 24: 排查调处矛盾纠纷3462件, between 受理调解纠纷数
    and 排查矛盾纠纷数, was said to be no number of either in the year-over-year note)."""
    if sl is None or iid or not sl.rival or _set_aside(sl, part_of):
        return ()
    return tuple(sorted(sl.rival))


def _set_aside(sl: _Slot, part_of: str) -> str:
    """Why an unnamed reading was set aside before its candidates were weighed (a joint
    count, a part, a figure stated twice, …), or ``""``: the first reasons of
    :func:`_explanation`'s order, which :func:`tied` reads too."""
    if sl.why in ("joint", "shared_time", "same_name", "pair", "one_of",
                  "target") and not sl.part:
        return sl.why
    if sl.part and (part_of or sl.why not in ("twice", "apart")):
        return "part"
    if sl.why in ("twice", "apart"):
        return sl.why
    return ""


def explanations(mentions: list[Mention], slots: list[_Slot],
                 raw_span) -> dict[int, list[Explanation]]:
    """Per number (keyed by its raw start), the :class:`Explanation` of each reading;
    ``raw_span(m)`` is the number's (raw start, raw text)."""
    of = {(id(sl.mention), sl.index): sl for sl in slots}
    where = {id(m): raw_span(m) for m in mentions}
    used = {iid: where[id(m)] for m in mentions for iid in m.indicators if iid}
    # the numbers each "twice" indicator was stated with (kept from all, or named one)
    stated: dict[str, set[tuple[int, str]]] = {}
    for sl in slots:
        if sl.twice_of:
            stated.setdefault(sl.twice_of, set()).add(where[id(sl.mention)])
    for iid, figures in stated.items():
        if iid in used:
            figures.add(used[iid])

    def explained(m: Mention, k: int) -> Explanation:
        sl = of.get((id(m), k))
        e = _explanation(sl, m, k, used)
        if e.why == "twice" and sl is not None and sl.twice_of:
            own = where[id(m)]
            e = replace(e, others=(sl.twice_of,), alongside=tuple(
                sorted(n for n in stated.get(sl.twice_of, ()) if n != own)))
        return e

    return {where[id(m)][0]: [explained(m, k) for k in range(len(m.indicators))]
            for m in mentions}


# time words and totals (全年, 累计, 合计…): no part of what a number counts
_TIME_TOTALS = (r"全年|今年|本年度?|年内|当年|以来|一年来|全年度|共计?|累计|先后|已经?|合计|总计"
                r"|一共")
# a clause with nothing but time words, 共/累计 and a light verb before its number
_LIGHT_ONLY_RE = re.compile(rf"\s*(?:{_TIME_TOTALS}|分别|召开|开展|举办|举行|组织|进行|开|办|"
                            r"了|达到?|为)+\s*")


# a comparison with an earlier year (较2019年多出842件, 与2022年的558件相比): its numbers
# are not the count a later change is a change of
_COMPARE_RE = re.compile(r"较|相比|比(?:上年|去年|上一年|\d{4}年)|同比|环比")


def _change_base(mentions: list[Mention], i: int, sent: str, s0: int):
    """(count, its clause's words before it) that the change ``mentions[i]`` is a change
    of: the nearest earlier count of the sentence stated outside a comparison, past
    other changes and the numbers of a comparison; None when there is none."""
    for prev in reversed(mentions[:i]):
        if prev.start < s0:
            return None
        a = prev.start - s0
        c0 = _last_clause_start(sent[:a])
        end = _CLAUSE_END_RE.search(sent, prev.end - s0)
        if prev.kind == "change" or _COMPARE_RE.search(sent, c0, end.start() if end
                                                       else len(sent)):
            continue
        return (prev, sent[c0:a]) if prev.kind in ("count", "amount") else None
    return None


# the time words and totals a clause opens with (现已 too)
_TIME_WORDS_RE = re.compile(rf"^\s*(?:{_TIME_TOTALS}|现已|\s)+")
# a digit of a number, not of a date (2024年, 3月)
_COUNT_DIGIT_RE = re.compile(r"\d(?![\d.]*\s*[年月日号])")


def _carries(label: str, left: str) -> bool:
    """Whether the measure ``label`` opens with a topic its clause's words (``left``) do
    not name: only then can :func:`_carried_topic` find one (a cheap test first)."""
    head = measure._TOPIC_RE.match(label.removeprefix("累计").removeprefix("其中"))
    return head is not None and head.group() not in left


def _carried_topic(left: str, right: str, context: str) -> str:
    """The topic a number's clause (``left`` the words before it, ``right`` those after)
    carries from ``context`` (the clauses before) when it names no object of its own,
    or ``""``: also when the clause that names the topic names another topic as well
    (行政复议和行政诉讼…，审结52件: whose cases is not said)."""
    word = measure.carried_topic(left, right, context)
    if not word:
        return ""
    text = context + left
    at = text.rfind(word)
    c0 = _last_clause_start(text[:at])
    end = _CLAUSE_END_RE.search(text, at)
    c1 = end.start() if end else len(text)
    if _COUNT_DIGIT_RE.search(text, c0, len(text)):
        # the topic's clause, or one between it and the number, counts something of
        # its own (调解成功26件): what this number counts of that topic is not said
        return ""
    named = {t.group() for t in measure._TOPIC_RE.finditer(text, c0, c1)}
    return word if named == {word} else ""


def _last_clause_start(text: str) -> int:
    """Offset where the last clause of ``text`` starts (after its last punctuation)."""
    head = _CLAUSE_HEAD_RE.match(text)
    return head.end() if head else 0


_WS_RE = re.compile(r"\s+")
# led by a lookahead for the space each match starts with: the scan skips every other
# position at once, not trying the lookbehind at each (same matches)
_CJK_WS_RE = re.compile(r"(?=\s)(?:(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f]))")


def _clean_sentence(raw: str) -> str:
    """Raw sentence for display: ``**`` dropped, spaces next to Chinese removed."""
    raw = raw.replace("**", "")
    return _WS_RE.sub(" ", _CJK_WS_RE.sub("", raw)).strip()


def _merged(cands: list[tuple[float, str]], more: list[tuple[float, str]], lower: float,
            drop: set[str]) -> list[tuple[float, str]]:
    """``cands`` with the candidates of another reading of the number (``more``, each
    ``lower`` below its own score) where they score better, without the ids in ``drop``."""
    best = {iid: sc for sc, iid in cands}
    for sc, iid in more:
        if sc - lower > best.get(iid, float("-inf")):
            best[iid] = sc - lower
    return [(sc, iid) for iid, sc in best.items() if iid not in drop]


def _assign(norm_text: str, mentions: list[Mention], matcher: _Matcher,
            sections_of: dict[int, str], explain: bool = False,
            year: int | None = None) -> list[_Slot]:
    """Fill ``measures`` and ``indicators`` of every mention (see module docstring).

    Returns the readings' slots; with ``explain`` they also keep why the matcher set
    indicators aside (for :func:`explanations`; no reading changes). ``year`` is the
    report's year: a number totalled since an earlier one takes no indicator."""
    bounds = _sentence_bounds(norm_text)
    by_start = {m.start: m for m in mentions}
    handled: set[int] = set()
    slots: list[_Slot] = []
    group = [0]  # the list construct the next slots belong to (its first slot's index)
    topic_before: dict[int, str] = {}  # the last topic of the sentence before, by start

    def slot(m: Mention, index: int, marked: str, meas: str, clause: str,
             alt: tuple[str, str, float] | None = None, xclause: str | None = None,
             elided: str | tuple[str, str] = "") -> None:
        section = sections_of.get(m.start, "")
        # the number's scope: the topic carried from before the clause when the words
        # before the number name no family of their own, else the section's
        own = family(marked[:marked.find("#")][-len(clause) - 1:])
        fams = (frozenset({own}) if own else
                frozenset({carried}) if carried else
                _SECTION_FAMILIES.get(section, frozenset()))
        if own and section in _SECTION_FAMILIES and own not in _SECTION_FAMILIES[section]:
            # "复议案件中…行政处罚案件12件": in a reconsideration section a penalty case
            # is a case type of the section's work, not the enforcement count
            fams = _SECTION_FAMILIES[section]
        xcl = clause if xclause is None else xclause
        unit, kind = m.implied or (m.unit, m.kind)
        # what the text as written rules out (an exclude word, a change verb, the noun
        # counted) stays out of the readings below
        if target(marked, marked.find("#"), section):
            # 确保…出庭应诉率继续保持100% under 下一步安排: next year's goal, which must
            # not take the indicator from the year's own 100% (trial 5 F3)
            slots.append(_Slot(m, index, [], group=group[0], why="target"))
            return
        if _ONE_OF_RE.match(norm_text, m.end):
            # 被列为区政府三项重大决策之一: the size of a list someone else drew up,
            # which the report's subject is one item of, not its own figure
            slots.append(_Slot(m, index, [], group=group[0], why="one_of"))
            return
        reasons = {} if explain else None
        subsets: set[str] = set()  # ids the number counts a subset of (专窗办件#)
        cands, ruled = matcher.scored(marked, meas, xcl, unit, kind, section, m.scope,
                                      marked.find("#"), fams, reasons, subsets)
        # the noun-after reading (lowered) only where the text as written names nothing:
        # it cannot change a number that already has a candidate much (and costs a pass)
        if alt is not None and (not alt[2] or not cands):
            # a list item read with the list's leading verb right before it
            # (审查规范性文件、重大决策和合同分别为…: 审查合同#): the better score wins
            # "作出了1256件行政处罚决定": the noun after the number read as if before it
            # (作出了行政处罚决定#), 1.5 below a reading of the text as written
            amarked, aclause, lower = alt
            acands, excluded = matcher.scored(amarked, meas, aclause, unit, kind,
                                              section, m.scope, amarked.find("#"), fams,
                                              reasons, subsets)
            cands = _merged(cands, acands, lower, excluded | ruled)
        for before in (elided,) if isinstance(elided, str) else elided:
            # "常务会议听取法治建设专题汇报，全年开了#": the number counts the event of the
            # clause before (or the topic carried from it: 行政处罚合计#); matched there
            # too, 1 less than a match in its own clause
            if not before:
                continue
            ecands = matcher.scored(before, meas, xcl, unit, kind, section, m.scope,
                                    before.find("#"), fams, reasons)[0]
            cands = _merged(cands, ecands, 1.0, ruled)
        slots.append(_Slot(m, index, cands, group=group[0], ruled=frozenset(ruled),
                           considered=cands, reasons=reasons,
                           subset=frozenset(subsets)))

    def slot_each(m: Mention, names: list[str], rate: str, before: str, after: str,
                  context: str) -> list[_Slot]:
        """One reading of the rate ``m`` per name that shares it (…的A率、B率均为100%;
        承办建议…件和提案…件，办复率均为100%); ``before``/``after`` are the sentence
        around the names and the number. Returns the readings' slots."""
        m.measures = [measure.label(n + rate, "", m.unit, m.kind, context) for n in names]
        m.indicators = [""] * len(names)
        for k, name in enumerate(names):
            slot(m, k, before + name + rate + "#" + after, m.measures[k], name + rate)
        return slots[-len(names):]

    for i, m in enumerate(mentions):
        if m.start in handled:
            continue
        s0, s1 = _sentence_of(bounds, norm_text, m.start)
        sent = norm_text[s0:s1]
        a, b = m.start - s0, m.end - s0
        # one regex pass each way instead of a find per punctuation mark (hot loop)
        head = _CLAUSE_HEAD_RE.match(sent, 0, a)
        clause_start = head.end() if head else 0
        end = _CLAUSE_END_RE.search(sent, b)
        clause = sent[clause_start:end.start() if end else len(sent)]
        left = sent[clause_start:a]
        prev = mentions[i - 1] if i else None
        if prev is not None and s0 + clause_start <= prev.start:
            # another number earlier in the clause: "20支（612人）" and "由494项减少到
            # 304项" share its words, "审查合同30余份、备案8份" starts after it
            gap = norm_text[prev.end:m.start]
            left = (sent[clause_start:prev.start - s0]
                    if gap.strip(" （(、和及") == "" or _CHANGE_TO_RE.fullmatch(gap)
                    else norm_text[prev.end:m.start])
        prev0 = _sentence_of(bounds, norm_text, s0 - 1)[0] if s0 else 0
        context = norm_text[prev0:s0] + sent[:clause_start]
        # the case-work topic carried into the clause: the last topic of the sentence's
        # earlier clauses, else of the sentence before (read once per sentence; the
        # sentence end between them is in no topic, so no topic spans the two)
        last = measure.topic(sent[:clause_start], case_types=False)
        if not last and s0:
            if s0 not in topic_before:
                topic_before[s0] = measure.topic(norm_text[prev0:s0], case_types=False)
            last = topic_before[s0]
        carried = family(last) if last else ""

        # 分别为: a list of names, then as many numbers.
        group[0] = len(slots)
        shared = _shared_respectively(sent, a)
        if shared:
            # "中心组与常务会议分别举办了2次": each name did 2
            names_start, names_end, names = shared
            m.measures = [measure.label(n + sent[names_end:a], sent[b:], m.unit, m.kind,
                                        context) for n in names]
            m.indicators = [""] * len(names)
            for k, name in enumerate(names):
                item_marked = (sent[:names_start] + name + sent[names_end:a] + "#"
                               + sent[b:])
                slot(m, k, item_marked, m.measures[k], name + sent[names_end:b])
            continue
        resp = _respectively(sent, s0, a, by_start)
        if resp:
            names, items, mid = resp
            lead = _LIST_LEAD_RE.match(sent, names[0][0], names[0][1])
            # short names of one length and a long last one (济南、临沂、青岛受理的行政一审
            # 案件数): the last name's tail is every name's noun
            sizes = [n1 - n0 for n0, n1 in names]
            shared_tail = (sent[names[-1][0] + sizes[0]:names[-1][1]]
                           if len(set(sizes[:-1])) == 1 and sizes[0] <= 4
                           and sizes[-1] > sizes[0] + 1 else "")
            for k, ((n0, n1), item) in enumerate(zip(names, items, strict=True)):
                tail = shared_tail if k < len(names) - 1 else ""
                marked = sent[:n1] + tail + mid + "#" + sent[item.end - s0:]
                item.measures = [measure.label(sent[n0:n1] + tail + mid, "", item.unit,
                                               item.kind, norm_text[prev0:s0] + sent[:n0])]
                item.indicators = [""]
                alt = None
                if k and lead and lead.end() < names[0][1]:
                    verb = lead.group("verb")
                    alt = (sent[:names[0][0]] + verb + sent[n0:n1] + mid + "#"
                           + sent[item.end - s0:], verb + sent[n0:n1] + mid, 0.0)
                slot(item, 0, marked, item.measures[0], sent[n0:n1] + tail + mid, alt)
                handled.add(item.start)
            continue

        # Rates named in a list before one shared value (结案率、满意率均为100%): one
        # reading per name, named in the catalogue or not.
        if m.kind == "rate" and _RATE_SEP_RE.search(left):
            counted = _COUNTED_TAIL_RE.search(left)
            tail = counted or _SHARED_TAIL_RE.search(left)
            names_part = left[: tail.start()] if tail else left
            names = [names_part[n0:n1] for n0, n1 in _split_names(names_part, 0, _RATE_SEP_RE)]
            # "省、市、县三级的顾问覆盖率和审查覆盖率均…": a list that only modifies the
            # first rate name is part of it, not a name of its own
            while len(names) > 2 and not _RATE_WORD_RE.search(names[0]):
                names[:2] = [names[0] + "、" + names[1]]
            if counted is not None:
                names = _counted_rate_names(names, counted.group("n"))
            elif names and not all(n.endswith("率") for n in names):
                names = _elided_rate_names(names)
            if names and len(names) >= 2 and (counted is not None
                                              or all(n.endswith("率") for n in names)):
                # the first name's topic is every name's (行政复议结案率、满意率)
                shared_topic = measure.carried_word(context + names[0])
                m.measures = [measure.label(n if measure.topic(n) else shared_topic + n,
                                            "", m.unit, m.kind, context) for n in names]
                m.indicators = [""] * len(names)
                for k, name in enumerate(names):
                    # each name alone before the value, so one name's gap pattern cannot
                    # reach across the list into the next name
                    item_marked = sent[:clause_start] + name + "#" + sent[b:]
                    slot(m, k, item_marked, m.measures[k], name)
                continue
        if m.kind == "rate":
            shared_rates = _shared_rate_names(left)
            if shared_rates:
                # one reading per thing; readings the words cannot tell apart cannot
                # all take one name, so only the first is matched
                names, rate = shared_rates
                read = slot_each(m, names, rate, sent[:clause_start], sent[b:], context)
                pair = len(names) == 2 and "、" not in left
                for k, reading in enumerate(read):
                    if k and names[k] == names[0]:
                        reading.cands, reading.why = [], "same_name"
                    elif k and pair:
                        # "集中考试和任前考法的合格率均达100%": the second thing's row is
                        # found; the value keeps the name the first thing's words give it
                        reading.cands, reading.why = [], "pair"
                continue
        # "承办建议119件和提案105件，办复率均为100%": one rate stated for each counted
        # item of the clause before; one reading per item
        rate_each = (_EACH_RATE_RE.fullmatch(left) if m.kind == "rate" and clause_start
                     else None)
        if rate_each:
            c0 = _last_clause_start(sent[:clause_start - 1])
            items = [x for x in mentions[:i]
                     if s0 + c0 <= x.start < s0 + clause_start and x.kind == "count"]
            if len(items) >= 2 and all(norm_text[x.end:x.end + 1] in _ITEM_JOINERS
                                       for x in items[:-1]):
                rate = rate_each.group("rate")
                starts = [s0 + c0] + [x.end + 1 for x in items[:-1]]
                names = [norm_text[p0:x.start] for p0, x in zip(starts, items, strict=True)]
                slot_each(m, names, rate, sent[:clause_start], sent[b:], context)
                continue

        previous = (prev.measures[0] if prev is not None and prev.measures
                    and prev.start >= s0 else "")
        base = _change_base(mentions, i, sent, s0) if m.kind == "change" else None
        if base is not None and base[0] is not prev and base[0].measures:
            # "新收…申请5422件，较2019年多出842件，增幅为18.38%": a change of the count, not
            # of the comparison before it
            previous = base[0].measures[0]
        n_each = (_N_EACH_RE.fullmatch(left) if m.kind == "count" and prev is not None
                  and prev.kind == "count" and prev.unit in _N_EACH_UNITS
                  and 2 <= prev.value <= 10 and prev.value == int(prev.value)
                  and norm_text[prev.end:m.start] == left else None)
        if n_each:
            # one reading per body counted just before; the words cannot tell them
            # apart, so only the first may take a name
            bodies = int(prev.value)
            if _names_listed(norm_text, prev.start) == bodies:
                # "司法、执法、守法普法3个协调小组各召开会议1次": the bodies were just named,
                # and their count only says how many share the value (as 两项整改率均
                # does): no statistic of its own
                prev.shares = True
            m.measures = [measure.label(left, sent[b:], m.unit, m.kind, context)] * bodies
            m.indicators = [""] * bodies
            for k in range(bodies):
                slot(m, k, sent[:a] + "#" + sent[b:], m.measures[k], left)
                if k:
                    slots[-1].cands, slots[-1].why = [], "same_name"
            continue
        had = (_HAD_LIST_RE.match(sent, b) if m.kind == "count" and left.endswith("各有")
               else None)
        if had:
            # one of each thing listed after the number: one reading per thing, each
            # read as if it stood before the number (各有行政许可案卷#入选…); 各有 says
            # who had them, not what is counted
            items = _HAD_ITEM_RE.findall(had.group())
            tail = sent[had.end():]
            m.measures = [measure.label(left[:-2], x, m.unit, m.kind, context)
                          for x in items]
            m.indicators = [""] * len(items)
            for k, x in enumerate(items):
                slot(m, k, sent[:a] + x + "#" + tail, m.measures[k], x)
            continue
        each = (_SHARED_CHANGE_RE.search(left) if m.kind == "change"
                else _SHARED_COUNT_RE.search(left) if m.kind != "rate" else None)
        # "A、B均为…" and "A和B各开了…": 和/及/与 join names only before 各, or before
        # a time each takes (开办企业和不动产登记仅用1个工作日: times are not added up)
        time_each = (each is None and m.unit in DURATION_UNITS
                     and _SHARED_TIME_RE.search(left) or None)
        each = each or time_each
        sep = (_NAME_SEP_RE if each and (time_each or m.kind == "change"
                                          or left[each.start()] == "各")
               else re.compile("、"))
        names = ([left[n0:n1] for n0, n1 in _split_names(left[:each.start()], 0, sep)]
                 if each and sep.search(left[:each.start()]) else [])
        lead = verb_word = ""
        if len(names) >= 2 and len(names[0]) > 16:
            # "负责人参加述职评议和述法测评各1次": the list starts after its verb, which
            # every name shares
            verb = _last_match(_EACH_VERB_RE, names[0])
            if verb is not None:
                lead, names[0] = names[0][:verb.end()], names[0][verb.end():]
                verb_word = verb.group()
        if len(names) >= 2 and all(0 < len(n) <= 16 for n in names):
            # one value stated for each name: one reading per name
            suffix = names[-1][len(names[0]):] if len(names[-1]) > len(names[0]) + 1 else ""
            lefts = [n + suffix for n in names[:-1]] + [names[-1]]
            m.measures = [measure.label(verb_word + x, sent[b:], m.unit, m.kind, context)
                          for x in lefts]
            lefts = [lead + x for x in lefts]
            m.indicators = [""] * len(names)
            for k, x in enumerate(lefts):
                slot(m, k, sent[:clause_start] + x + left[each.start():] + "#" + sent[b:],
                     m.measures[k], x)
                if time_each:
                    # the time both take may be what the first one's indicator states
                    # or not (企业开办和不动产抵押登记最快只需2个工作日: a joint figure
                    # is no figure of the first alone); found, not named
                    slots[-1].cands, slots[-1].why = [], "shared_time"
            continue
        m.measures = [measure.label(left, sent[b:], m.unit, m.kind, context, previous)]
        m.indicators = [""]
        if _CHANGE_TO_RE.match(sent, b) and (s0 + b + 1) < s1 and (
                _next_is_number(sent, b) or _FROM_RE.search(sent, clause_start, a)):
            # "由494项减少到304项": the value before the change keeps its measure; the
            # indicator is the value after it (由2个工作日压缩至即时办结: none)
            continue
        if _BEFORE_CHAR_RE.search(sent, clause_start, a) and (
                _ORIGINAL_RE.search(sent, clause_start, a)
                or _BEFORE_WORD_RE.search(sent, clause_start, a)
                or _SHARE_OF_BEFORE_RE.search(sent, clause_start, a)):
            continue  # 由原来的18个部门…精简为, 原需5个工作日, 压减到原来的五分之一
        if _EXAMPLES_END_RE.search(sent, clause_start, a) and _SUBJECT_OF_FIGURE_RE.match(sent, b):
            continue  # 开业登记等240项政务服务事项的材料压减了40%: the subject's size
        if year is not None and _since_earlier_year(sent, a, year):
            continue  # 2016年以来，…共投入资金1500万元: a total over years
        elided = ""
        subject = left  # what the words before the number name (for a joint count)
        if _LIGHT_ONLY_RE.fullmatch(sent[clause_start:a]):
            # only a light verb before the number ("全年开了3次"): what it counts is the
            # clause (or sentence) before, when that one states no number of its own
            before = (sent[:clause_start] if clause_start else norm_text[prev0:s0])
            before = before.rstrip("，,。；;：:！？!? \n")
            last = before[_last_clause_start(before):]
            if last and not _DIGIT_RE.search(last):
                elided = before + "#" + sent[b:]
                subject = last
        if base is not None and measure.borrows_previous(left, sent[b:]):
            # "受理行政复议案件136件，同比增长254.5%": a change with no object of its own
            # is a change of the count before it; read with that count's words before it
            elided = (elided, base[1] + _TIME_WORDS_RE.sub("", left) + "#" + sent[b:])
        elif (m.kind in ("count", "rate") and _carries(m.measures[0], left)
              and not _COUNT_DIGIT_RE.search(sent, clause_start, a)):
            # "行政处罚工作稳步推进，合计731宗": a clause with no object of its own
            # counts the one topic carried from before; read as if the topic stood first
            topic_word = _carried_topic(left, sent[b:], context)
            if topic_word:
                own = _TIME_WORDS_RE.sub("", left)
                elided = (elided, topic_word + own + "#" + sent[b:])
        # exclusions read the clause up to the end of the number's list item when a
        # later item has its own number (学法12次、中心组学法6次: 中心组 is the scope of 6);
        # a list of nouns shares the words after it (2700名律师、基层法律服务工作者出任…)
        clause_end = clause_start + len(clause)
        item_end = sent.find("、", b, clause_end)
        if item_end >= 0 and not _DIGIT_RE.search(sent, item_end, clause_end):
            item_end = -1
        xclause = clause if item_end < 0 else sent[clause_start:item_end]
        if prev is not None and s0 + clause_start <= prev.start:
            # and they start after the item before when that item has its own number
            # and this one its own act (举办专题讲座3场、集体学习2次: 讲座 is the scope of
            # 3, not of 2); an item that is only a noun (审查文件51件、行政合同78个) still
            # reads the list's words
            item_start = sent.rfind("、", prev.end - s0, a) + 1
            if item_start and _ITEM_ACT_RE.search(sent, item_start, a):
                xclause = xclause[item_start - clause_start:]
        if _BARE_VERB_RE.fullmatch(sent, clause_start, a) or (
                "咨询" in sent[clause_start:a] and "法律咨询" not in sent[clause_start:a]):
            # "出台政府规章1件，修订1件，废止6件": a clause of a bare verb counts the
            # object named before it, so the words before it rule indicators out too;
            # so does a bare 咨询 (not 法律咨询): whose consultations the clauses before
            # say (法律援助机构…接待群众咨询, 营商环境热线…各类咨询)
            xclause = sent[:clause_start] + xclause
        noun = _NOUN_AFTER_RE.match(sent, b)
        alt = None
        if (noun is not None and not _VERB_AFTER_RE.match(noun.group())
                and sent[a - 1:a] != "、" and not _GROUP_NOUN_RE.match(noun.group())):
            # not inside a list of nouns (组织法律援助中心、4名执业律师、司法所…), nor a
            # count of groups (指出的#方面问题 read as 指出方面问题# would count problems)
            alt = (sent[:a] + noun.group() + "#" + sent[noun.end():], xclause, 1.5)
        if alt is None and prev is not None and s0 + clause_start <= prev.start:
            # "审查行政规范性文件51件、行政合同78个、重大行政决策7件": an item that is only
            # a noun after 、 takes the list's verb (the last one before the item before
            # it), as if written 审查行政合同#, 0.5 below a reading as written
            own = _LIST_NOUN_RE.fullmatch(norm_text, prev.end, m.start)
            lead = (_last_match(_LIST_VERB_RE, sent[clause_start:prev.start - s0])
                    if own is not None and not _VERB_AFTER_RE.match(own.group(1))
                    and not _LIST_VERB_RE.search(own.group(1)) else None)
            if lead is not None:
                alt = (sent[:clause_start] + lead.group() + own.group(1) + "#" + sent[b:],
                       lead.group() + own.group(1), 0.5)
        item = ""
        if prev is not None and slots and slots[-1].mention is prev:
            sep = _LIST_SEP_RE.fullmatch(norm_text, prev.end, m.start)
            if sep is not None:
                group[0] = slots[-1].group  # "定期清理3次、专项清理12次": one list
                after = _ITEM_TAIL_RE.match(norm_text, m.end).group()
                item = sep.group(1) + "#" + after
        slot(m, 0, sent[:a] + "#" + sent[b:], m.measures[0], clause, alt,
             xclause=xclause, elided=elided)
        slots[-1].item = item
        if explain and prev0 and not norm_text[prev0:s0].strip() \
                and not measure.topic(m.measures[0]):
            # a paragraph's first sentence whose clause names no object (审结171件 after
            # a paragraph ending 收到行政复议申请…，受理186件，): the measure carries no
            # topic across the break, but a reviewer looking for the name is offered the
            # indicators of the topic of the paragraph before (trial 5 F9)
            before = norm_text[_sentence_of(bounds, norm_text, prev0 - 1)[0]:prev0]
            slots[-1].topic = measure.carried_topic(left, sent[b:],
                                                    before + sent[:clause_start])
        if m.kind == "count" and (_joint_meetings(subject)
                                  or _joint_study(sent[:clause_start], sent[clause_start:a])):
            # "召开市委常委会会议和依法治市委员会会议4次": one count of two kinds of
            # meeting together; an indicator of either kind counts only its own
            slots[-1].cands, slots[-1].why = [], "joint"

    _drop_headlines(norm_text, bounds, mentions, slots)
    _mark_parts(norm_text, bounds, slots, matcher)

    # Best first over the whole report: a number takes the indicator it fits best, an
    # indicator goes to the number that fits it best (ties: the first in the text), and
    # a number two indicators fit (nearly) equally well stays unnamed.
    ranked = sorted(((score, k, iid) for k, sl in enumerate(slots) for score, iid in sl.cands),
                    key=lambda x: (-x[0], x[1]))
    used: set[str] = set()
    done: set[int] = set()
    for score, k, iid in ranked:
        if k in done or iid in used:
            continue
        sl = slots[k]
        done.add(k)
        rival = next((other for s2, other in sl.cands if other != iid and other not in used
                      and too_close(score, s2)), "")
        if rival:
            sl.rival = (iid, rival)
            continue  # (nearly) a tie: a wrong name is worse than none
        sl.mention.indicators[sl.index] = iid
        used.add(iid)
        if explain:
            # for the worksheet: runner-ups as close as a tie's, which went to other
            # numbers before this one (a reviewer looks at these names first)
            sl.close = tuple(other for s2, other in sl.cands
                             if other != iid and too_close(score, s2))
        if sl.mention.implied:
            # a named count without a counting word carries the unit its indicator reads
            sl.mention.unit, sl.mention.kind = sl.mention.implied
    _name_wholes(slots)
    return slots


# a clause that is only a verb of drafting, amending or repealing before its number
_BARE_VERB_RE = re.compile(r"[并再另还又共]?(?:修订|修改|废止|废除|宣布失效|失效|撤销|制定|出台"
                           r"|清理|审查|审核|备案)(?:了)?")
_ITEM_TAIL_RE = re.compile(r"[^，,。；;：:！？!?\n（）()、\d]{0,12}")
# between two items of one list: a separator, then the next item's own words
_LIST_SEP_RE = re.compile(r"[^，,。；;：:！？!?\n（）()]*?(?:、|和|及|与)"
                          r"([^，,。；;：:！？!?\n（）()、]*)")


def _since_earlier_year(sent: str, a: int, year: int) -> bool:
    """Whether a span that began before ``year`` (2016年以来, 去年以来) scopes the number at
    ``a`` in ``sent``, with no word of the year itself between that span and the number."""
    span = _last_match(_SPAN_SINCE_RE, sent[:a])
    if span is None or (span.group("year") and int(span.group("year")) >= year):
        return False
    return not (_BACK_TO_YEAR_RE.search(sent, span.end(), a)
                or f"{year}年" in sent[span.end():a])


def _next_is_number(sent: str, pos: int) -> bool:
    """Whether a change verb at ``pos`` (减少到, 压缩至…) leads straight to a number."""
    m = _CHANGE_TO_RE.match(sent, pos)
    return bool(m) and bool(re.match(r"\d|[一二两三四五六七八九十]", sent[m.end():m.end() + 1]))


def _shared_respectively(sent: str, a: int):
    """(start, end, names) when one number follows "A与B分别…" (each did that many)."""
    head = sent[:a]
    rm = _last_match(_RESPECTIVELY_RE, head) if "分别" in head else None  # rare: test first
    if rm is None or len(head) - rm.end() > 8 or re.search(r"[，,、\d]", head[rm.end():]):
        return None
    after = sent[a:]
    if re.match(r"[^，,。；;]{0,6}[、和及与]\s*\d", after[1:]):
        return None  # a list of numbers: _respectively's case
    clause_start = _last_clause_start(sent[:rm.start()])
    names_text = sent[clause_start:rm.start()]
    spans = _split_names(names_text, clause_start, _RESPECTIVE_SEP_RE)
    if len(spans) < 2:
        return None
    return clause_start, rm.start(), [sent[n0:n1] for n0, n1 in spans]


def _shared_rate_names(left: str) -> tuple[list[str], str] | None:
    """(names, rate) when several things share the rate value after ``left``: a
    numeral (两项整改率均达到: twice the name) or a list of nouns before one rate name
    (行政许可、行政处罚等…的公示率均已达到); None otherwise."""
    nm = _N_RATES_RE.match(left)
    if nm is not None:
        n = int(numbers.parse_chinese(nm.group("n")))
        return ([""] * n, nm.group("rate") or nm.group("short")) if n <= 10 else None
    lm = _LISTED_RATE_RE.fullmatch(left)
    if lm is None or "率" in lm.group("list"):
        return None
    # "集中考试和任前考法的合格率均达100%": two things joined by 和 (及, 与) share it too
    names = (lm.group("list").split("、") if "、" in lm.group("list")
             else [lm.group("list")[n0:n1]
                   for n0, n1 in _split_names(lm.group("list"), 0, _PAIR_SEP_RE)])
    if len(names) < 2:
        return None
    if any(len(n) < 2 for n in names) or "等" not in lm.group("rate") and "的" not in lm.group(
            "rate"):
        return None
    return names, lm.group("rate")


def _drop_headlines(norm_text: str, bounds, mentions: list[Mention],
                    slots: list[_Slot]) -> None:
    """Leave out a counted figure that heads the rates stated right after it.

    "实现了“三个100%”，即报备率、及时率、规范率均达100%" (or ：报备率100%、…, or
    （…）; “双100%” counts two): the three rates are the statistics, and “三个100%” only
    sums them up; as a row of its own it would state them twice. Left out when the
    readings of the rates that follow it in the sentence, each with its value, number what
    its numeral says; kept otherwise (实现“三个100%” alone is the report's only figure for
    it).
    """
    by_mention = {}
    for sl in slots:
        by_mention.setdefault(id(sl.mention), []).append(sl)
    for i, m in enumerate(mentions):
        head = (_HEADLINE_RE.search(norm_text, max(0, m.start - 4), m.start)
                if m.kind == "rate" else None)
        if head is None or not _HEADLINE_NEXT_RE.match(norm_text, m.end):
            continue
        want = int(numbers.parse_chinese(head.group("n"))) if head.group("n") else 2
        s1 = _sentence_of(bounds, norm_text, m.start)[1]
        read = 0
        for nxt in mentions[i + 1:]:
            if nxt.start >= s1 or nxt.kind != "rate" or nxt.value != m.value or read >= want:
                break
            read += len(nxt.measures)
        if read == want:
            m.shares = True
            for sl in by_mention.get(id(m), ()):
                sl.cands, sl.why = [], "headline"


def _counted_rate_names(names: list[str], numeral: str) -> list[str] | None:
    """The rate names of a list a numeral counts (认领率、发布率、新增电子证照、签章率实现
    “四个100%”), or None when the list is not that many names of rates.

    The first and the last name carry a rate word; a name between them without one
    shares the last one's (新增电子证照、签章率: 新增电子证照率), since the numeral says
    it is a name of its own. The verb before the list (实现报备率、…“三个100%”) is no
    part of the first name.
    """
    if len(names) != int(numbers.parse_chinese(numeral)):
        return None
    last = _last_match(_RATE_WORD_RE, names[-1])
    if (last is None or not _RATE_WORD_RE.search(names[0])
            or any(len(n) > 16 for n in names[1:])):
        return None
    lead = _last_match(_COUNTED_LEAD_RE, names[0])
    first = names[0][:lead.start()] + names[0][lead.end():] if lead else names[0]
    return [first] + [n if _RATE_WORD_RE.search(n) else n + last.group()
                      for n in names[1:]]


def _elided_rate_names(names: list[str]) -> list[str] | None:
    """The rate names of a list that writes the rate word once, after the last of
    parallel short words (网办、掌办率达到100%: 网办率 and 掌办率), or None.

    The last name is a word of two or three characters and 率; every name before it
    ends with that word's last character and has no rate word of its own. A list of
    levels before one rate (市、县两级覆盖率) has a longer last name and stays one rate.
    """
    stem = names[-1][:-1] if len(names) >= 2 and names[-1].endswith("率") else ""
    if not 2 <= len(stem) <= 3 or any(
            len(n) < 2 or _RATE_WORD_RE.search(n) or not n.endswith(stem[-1])
            for n in names[:-1]):
        return None
    return [n + "率" for n in names[:-1]] + [names[-1]]


def _split_names(text: str, offset: int, sep: re.Pattern) -> list[tuple[int, int]]:
    """Spans (offset added) of the non-empty names in a list like ``受理、审结案件``."""
    spans, pos = [], 0
    for m in sep.finditer(text):
        if m.start() > pos:
            spans.append((offset + pos, offset + m.start()))
        pos = m.end()
    if len(text) > pos:
        spans.append((offset + pos, offset + len(text)))
    return spans


def _respectively(sent: str, s0: int, a: int, by_start: dict[int, Mention]):
    """(name spans, mentions) when the mention at ``a`` opens a 分别为 list."""
    head = sent[:a]
    rm = _last_match(_RESPECTIVELY_RE, head) if "分别" in head else None  # rare: test first
    if rm is None:
        return None
    # 分别为23件、6件 or 分别召开会议2次、5次: a short verb phrase each name shares
    mid = head[rm.end():].strip(" :：")
    if len(mid) > 8 or re.search(r"[，,、。；;：:\d]", mid):
        return None
    items = [by_start[s0 + a]]
    pos = items[0].end - s0
    while True:
        gap = re.match(r"[、，,和及与]", sent[pos:])
        if not gap or (s0 + pos + 1) not in by_start:
            break
        nxt = by_start[s0 + pos + 1]
        items.append(nxt)
        pos = nxt.end - s0
    clause_start = _last_clause_start(sent[:rm.start()])
    names = _split_names(sent[clause_start:rm.start()], clause_start, _NAME_SEP_RE)
    if len(items) < 2 or len(names) != len(items):
        return None
    return names, items, mid


def extract_text(raw: str, region: str = "", year: int | None = None, catalogue=None,
                 ocr=None, explain: bool = False):
    """Extract the statistics of one report's decoded text.

    Parameters
    ----------
    raw : str
        The decoded raw text (:attr:`reading.RawDocument.text`); offsets index into it.
    region : str
        Region slug written in every row (``""`` when unknown).
    year : int, optional
        Report year written in every row.
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.
    ocr : rol_analysis.ocr.OcrText, optional
        Provenance of the OCR'd pages (:attr:`reading.RawDocument.ocr`): fills ``page``,
        ``bbox`` and ``ocr_score`` of the mentions read on them.
    explain : bool
        Also fill :attr:`Extraction.explain` (the review worksheet's candidates and
        reasons); the tables are the same either way.

    Returns
    -------
    Extraction
    """
    import pandas as pd

    from . import catalogue as _catalogue
    from . import sections

    cat = catalogue or _catalogue.load()
    norm = normalize(raw)
    mentions = find_mentions(norm.text)
    bounds = _sentence_bounds(norm.text)
    for m in mentions:
        m.scope = _scope(norm.text, bounds, m)
    # The Section column maps headings with every heading word of the catalogue; the
    # matcher's same-section bonus only with the words it was measured with
    # (display_patterns named no number better and broke a tie wrongly: design.md)
    if any(s.display_patterns for s in cat.sections):
        shown, scored = sections.section_spans_pair(raw, cat)
        section_of = _sections_of(norm, mentions, shown)
        scored_of = _sections_of(norm, mentions, scored)
    else:
        section_of = scored_of = _sections_of(norm, mentions, sections.section_spans(raw, cat))
    slots = _assign(norm.text, mentions, _matcher(cat), scored_of, explain, year)
    mentions = [m for m in mentions if not m.shares and not (
        m.weak and not any(m.indicators) and not counted_word(norm.text, m))]
    def raw_span(m: Mention) -> tuple[int, str]:
        r0, r1 = norm.raw_span(m.start, m.end)
        return r0, raw[r0:r1]

    why = explanations(mentions, slots, raw_span) if explain else {}
    slot_of = {(id(sl.mention), sl.index): sl for sl in slots}

    rows = []
    shown: dict[tuple[int, int], str] = {}  # raw sentence span -> display sentence
    for m in mentions:
        r0, r1 = norm.raw_span(m.start, m.end)
        s0, s1 = _sentence_of(bounds, norm.text, m.start)
        rs0, rs1 = norm.raw_span(s0, s1)
        sentence = shown.get((rs0, rs1))
        if sentence is None:
            sentence = shown[(rs0, rs1)] = _clean_sentence(raw[rs0:rs1])
        base = {
            "region": region, "year": year, "value": float(m.value), "unit": m.unit,
            "qualifier": m.qualifier, "text": raw[r0:r1], "char_start": r0, "char_end": r1,
            "sentence": sentence,
            "section": section_of[m.start], "kind": m.kind, "scope": m.scope,
            "page": None, "bbox": "", "ocr_score": None,
            "review": "",  # a reviewer's decision, filled by reviews.apply
        }
        where = ocr.locate(r0, r1) if ocr is not None else None
        if where is not None:
            base["page"], base["bbox"], base["ocr_score"] = where
        parts = m.parts if len(m.parts) == len(m.indicators) else [""] * len(m.indicators)
        for k, (iid, meas, whole) in enumerate(zip(m.indicators, m.measures, parts,
                                                   strict=True)):
            rows.append({**base, "indicator_id": iid, "measure": meas, "part_of": whole,
                         "candidates": "|".join(tied(slot_of.get((id(m), k)), iid, whole))})
    rows.sort(key=lambda r: (r["char_start"], r["indicator_id"], r["measure"]))
    mdf = _frame(pd, rows, MENTION_COLUMNS)

    found = {r["indicator_id"]: r for r in rows if r["indicator_id"]}
    ind_rows = []
    for iid, ind in cat.indicators.items():
        if iid in found:
            r = found[iid]
            ind_rows.append({**{k: r[k] for k in INDICATOR_COLUMNS if k in r},
                             "zh_name": ind.zh_name, "en_name": ind.en_name,
                             "kind": ind.kind, "section": ind.section})
    idf = _frame(pd, ind_rows, INDICATOR_COLUMNS)
    meta = {"region": region, "year": year, "n_chars": len(raw), "n_mentions": len(mdf),
            "n_indicators": len(idf)}
    return Extraction(mdf, idf, meta, why)


def _sections_of(norm: Normalized, mentions: list[Mention], spans) -> dict[int, str]:
    """The section id of each mention (keyed by its start in the normalised text)."""
    section_of: dict[int, str] = {}
    span = None  # the section span of the previous mention: most mentions share one
    section = ""
    for m in mentions:
        r0 = norm.raw_span(m.start, m.end)[0]
        if span is None or not span[0] <= r0 < span[1]:
            # what sections.section_at answers, without rebuilding its list of starts
            # (or slicing the spans) for every new span: both were O(spans) per number
            sp = spans[_first_at(spans, r0)] if spans else None
            if sp is not None and sp.start <= r0 < sp.end:
                section, span = sp.section_id, (sp.start, sp.end)
            else:
                section, span = "", None
        section_of[m.start] = section
    return section_of


def _first_at(spans, offset: int) -> int:
    """Index of the last span starting at or before ``offset`` (0 when none)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def _frame(pd, rows: list[dict], columns: list[str]):
    # one typed column at a time, built once: a frame of rows converted column by
    # column (astype, fillna) cost ~20 ms per report, more than extracting a short one
    # (arrays, not Series: a Series per column costs an index union and a reindex each;
    # and not copied again: the arrays are new and the frame's alone, and for a short
    # report the frames cost more than extracting it)
    data = {}
    for col in columns:
        cells = [r.get(col) for r in rows]
        dtype = NUMBER_DTYPES.get(col)
        if dtype is None:
            data[col] = pd.array([v if type(v) is str else text_cell(v) for v in cells],
                                 dtype=str)
        else:
            data[col] = pd.array(cells, dtype=dtype)
    return pd.DataFrame(data, columns=columns, copy=False)


# --------------------------------------------------------------------------- file level

def extract_file(path, region: str | None = None, year: int | None = None,
                 regions_csv=None, catalogue=None, explain: bool = False,
                 filed: bool = True) -> Extraction:
    """Read a raw report file and extract it, with ``report.json`` metadata.

    Parameters
    ----------
    path : path-like
        A ``.txt``, ``.docx``, ``.html`` or ``.pdf`` report.
    region : str, optional
        Region slug; when None it is looked up in ``regions_csv`` by the region name the
        report states, and stays ``""`` when that finds nothing.
    year : int, optional
        Report year; when None it is read from the text (title or opening line).
    regions_csv : path-like, optional
        ``data/raw/regions.csv``, which helps read the region name and check it.
    catalogue : Catalogue, optional
    explain : bool
        Fill :attr:`Extraction.explain` (see :func:`extract_text`).
    filed : bool
        Whether ``region`` and ``year`` are the file's place under ``data/raw`` (a
        build) rather than options given to ``rol extract``: the warnings' wording
        (:func:`sections.check_report_matches`).

    Returns
    -------
    Extraction
        ``meta["warnings"]`` lists, one sentence each, where the report states another
        region or year than the one it is filed under (the caller asserted them).

    Raises
    ------
    InputError
        When the file cannot be read (see :func:`reading.read_report`).
    """
    from . import reading, sections

    path = Path(path)
    doc = reading.read_report(path)
    info = sections.report_metadata(doc.text, regions_csv, names=True)
    asserted_region, asserted_year = region, year
    if region is None:
        region = _slug_for(info.get("region_name"), regions_csv)
    if year is None:
        year = info.get("year")
    warnings: list[str] = []
    if asserted_region or asserted_year is not None:
        # Only what the caller asserted is checked: a region or year read from the
        # text cannot disagree with itself.
        warnings = sections.check_report_matches(
            info, asserted_region or "", year,
            regions_csv if asserted_region else None, source=path.name, filed=filed)
    result = extract_text(doc.text, region or "", year, catalogue, ocr=doc.ocr,
                          explain=explain)
    result.text = doc.text
    result.meta.update({
        "region": region or "", "year": year,
        "region_name": info.get("region_name"), "title": info.get("title"),
        # the report's own signature first; else what its web page's metadata table
        # says (发文机关/发布机构, 成文日期/发布日期), for a page signed nowhere in the text
        "issuer": info.get("issuer") or doc.page_meta.get("issuer"),
        "date": info.get("date") or doc.page_meta.get("date"),
        "source_file": path.name, "source_sha256": doc.sha256,
        "format": doc.format, "encoding": doc.encoding, "stated_year": info.get("year"),
        # where a regions.csv name was looked for, and the one found: the fingerprint
        # tries the names of a changed regions.csv there (sections.listed_name)
        "name_sources": info["name_sources"], "listed_name": info["listed_name"],
        "warnings": warnings,
        "ocr_pages": list(doc.ocr.pages) if doc.ocr is not None else [],
        "ocr_mean_score": (round(doc.ocr.mean_score, 4)
                           if doc.ocr is not None and doc.ocr.mean_score is not None
                           else None),
    })
    return result


def _slug_for(region_name, regions_csv) -> str:
    """The slug ``regions.csv`` gives a Chinese region name, or ``""``."""
    from . import regions

    if not region_name or regions_csv is None or not Path(regions_csv).is_file():
        return ""
    slugs = [s for s, r in regions.read(regions_csv).items() if r["zh_name"] == region_name]
    return slugs[0] if len(slugs) == 1 else ""


def write_tables(extraction: Extraction, out_dir) -> list[Path]:
    """Write mentions/indicators (CSV + parquet) and report.json into ``out_dir``.

    Returns
    -------
    list of pathlib.Path
        The files written, in a fixed order. Same extraction => same bytes.
    """
    from . import fileio

    out = Path(out_dir)
    keys = ("region", "year", "region_name", "title", "issuer", "date", "source_file",
            "source_sha256", "format", "encoding", "n_chars", "n_mentions", "n_indicators",
            "warnings", "ocr_pages", "ocr_mean_score", "name_sources", "listed_name")
    meta = {k: extraction.meta.get(k) for k in keys}
    if extraction.meta.get("excluded"):
        # numbers a reviewer excluded (reviews.apply): no longer rows of the tables, kept
        # for the brief; absent otherwise, so an unreviewed report's file is unchanged
        meta["excluded"] = extraction.meta["excluded"]
    if extraction.meta.get("review_fingerprint"):
        # the version of the review file applied (reviews.apply_file): a build records
        # it as what its tables were made from, not the file as it was when it started
        meta["review_fingerprint"] = extraction.meta["review_fingerprint"]
    if extraction.meta.get("review_pins"):
        # where the add rows given by their text alone were found: `rol list` digests
        # the file with them (reviews.fingerprint), so `rol review` writing them into
        # the worksheet is no new decision
        meta["review_pins"] = extraction.meta["review_pins"]
    return [
        fileio.write_csv(out / "mentions.csv", extraction.mentions),
        fileio.write_parquet(out / "mentions.parquet", extraction.mentions),
        fileio.write_csv(out / "indicators.csv", extraction.indicators),
        fileio.write_parquet(out / "indicators.parquet", extraction.indicators),
        fileio.write_json(out / "report.json", meta),
    ]


def _default_regions_csv(root) -> Path | None:
    p = Path(root) / "data" / "raw" / "regions.csv"
    return p if p.is_file() else None


def require_statistics(result: Extraction, path) -> None:
    """Refuse a report in which extraction found no statistic at all.

    Every annual report states counts and rates, so a file that gives none is not the
    report: the wrong file, a cover page or table of contents, or page images without
    text. Validated, it would fail every gate rule at once and blame the extraction;
    this says what is wrong with the file instead, before anything is written.

    Parameters
    ----------
    result : Extraction
        The file's extraction (its ``meta`` says the format, length and OCR'd pages).
    path : path-like
        The file, for the message.

    Raises
    ------
    InputError
        Naming the file, the likely causes and the fix (exit 2).
    """
    if len(result.mentions):
        return
    from .layout import install_command

    meta = result.meta
    fmt = meta.get("format") or Path(path).suffix.lstrip(".").lower()
    if meta.get("ocr_pages"):
        scan = ("a scan whose recognised text holds no statistic (OCR read page(s) "
                + ", ".join(str(n) for n in meta["ocr_pages"]) + "; check that the scan "
                "is of the report and legible)")
    elif fmt == "pdf":
        scan = ("a scan without a text layer whose pages carry a few words of text (a "
                "header, a stamp), so they were not sent to OCR: save the report as text, "
                "or as a PDF of page images only, which the OCR extra "
                f"({install_command('ocr')}, README \"Scanned PDFs (OCR)\") reads")
    else:
        scan = ("taken from a scan without a text layer, so only a title or headings "
                "came through as text: a scanned PDF is read with the OCR extra "
                f"({install_command('ocr')}, README \"Scanned PDFs (OCR)\"); a scan pasted "
                "into a Word file or a web page is not")
    raise InputError(
        f"{path}: no statistic was found in it: {meta.get('n_chars') or 0} characters read "
        "and not one number that counts something (件, 次, 人, %), where an annual "
        "rule-of-law government report (法治政府建设年度报告) states dozens. Likely "
        "causes: it is the wrong file; it holds only a cover page or a table of contents; "
        f"it is {scan}. Fix: put the full text of the report in its place (.txt, .docx, "
        ".html or .pdf) and run the command again. No table, brief or validation report "
        "was written for it."
    )


def extract_paths(paths, reviews: bool = True, explain: bool = False,
                  command: str = "build") -> Extraction:
    """Extract the region-year's raw report (writes nothing).

    With ``reviews`` the reviewers' decisions (``data/reviews/<region>/<year>.csv``)
    are applied to the result: see ``reviews.py``. With ``explain``,
    :attr:`Extraction.explain` is filled (see :func:`extract_text`). ``command``
    (``build`` or ``review``) is the command a refusal tells to run again
    (:func:`filing.check`).

    Raises
    ------
    InputError
        When the report cannot be read, states no statistic
        (:func:`require_statistics`), or is filed under another year than the one it
        states, or is the same file as another year's (:func:`filing.check`).
    """
    result = extract_file(paths.raw, paths.region, paths.year,
                          regions_csv=_default_regions_csv(paths.root), explain=explain)
    require_statistics(result, paths.raw)
    from . import filing

    # a report filed under another year than its own would be published as that year
    result.meta["warnings"] = filing.check(paths, result.meta, command)
    if reviews:
        from . import reviews as _reviews

        result = _reviews.apply_file(result, paths)
    return result


def clean(paths) -> Extraction:
    """Notebook 01: extract ``paths.raw`` and write the tables into ``paths.processed``.

    A region without a ``regions.csv`` row stops here, before anything is written
    (``regions.require_row``): ``rol build`` and ``rol validate`` run this step.
    """
    from . import regions

    result = extract_paths(paths)
    regions.require_row(paths.root, paths.region, paths.year, paths.raw, result.meta)
    write_tables(result, paths.processed)
    return result


def extract_to(file, out_dir, region: str | None = None, year: int | None = None,
               regions_csv=None) -> tuple[Extraction, list[str]]:
    """``rol extract``: extract one file into ``out_dir``; returns (extraction, warnings).

    The warnings say when the report states another region or year than given.

    Raises
    ------
    InputError
        When the file cannot be read, or states no statistic
        (:func:`require_statistics`); nothing is written then.
    """
    result = extract_file(file, region, year, regions_csv=regions_csv, filed=False)
    require_statistics(result, file)
    write_tables(result, out_dir)
    return result, list(result.meta["warnings"])
