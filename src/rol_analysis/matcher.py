"""Match a number to the catalogue indicators that may name it, and score them.

Each ``[[indicator]]`` of the catalogue carries ``patterns``, regular expressions searched
in the mention's sentence with the mention itself replaced by ``#`` (other numbers are
left as written), optional ``aliases`` searched in the measure and optional ``exclude``
words that rule it out. :class:`_Matcher` compiles them once per catalogue, indexes them
by (unit, kind) and by the words each pattern needs (:class:`_WordIndex`), and scores the
candidates of one reading (:meth:`_Matcher.scored`).

The confidence rules that belong to a single number live here too: a pattern that
matches only the examples before 等, or only the first of two items the number is stated
for together, does not count (:func:`_only_examples`, :func:`_only_first_item`); words of
the number's own clause (a change verb, a level, training, a type, a span of years with
累计, the noun counted) rule an indicator out (:func:`_unfit_scope`), so does a modifier
that narrows its noun to a subset (涉企, 共性, 专窗: :func:`narrowed`), so does a body
other than the one whose study or meetings an indicator counts (:func:`body_unfit`, over
:func:`count_bodies`), and so do a rate noun, a class of counted thing, an act on
documents or a planned act that the indicator's name does not state (:class:`_Agreement`,
words in ``catalogue/agreement.toml``); a count of several kinds of meeting names none of
them (:func:`_joint_meetings`); and the best free indicator must beat the runner-up by
:data:`RUNNER_UP_MARGIN`, else the number stays unnamed (these two are applied by
:func:`rol_analysis.extract._assign`). The case-work families (复议, 诉讼, 执法:
:func:`family`) keep an indicator of one family from a number whose scope is another.

Not here: finding the numbers (:mod:`rol_analysis.mentions`), handing the indicators
out over the whole report, each indicator once (:func:`rol_analysis.extract._assign`),
and keeping parts of a total from the whole's indicator (:mod:`rol_analysis.parts`).
"""

from __future__ import annotations

import functools
import gc
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from . import measure
from .exceptions import InputError
from .measure import DURATION_UNITS, _last_match, skipping
from .mentions import _CLAUSE_END_RE

_DIGIT_RE = re.compile(r"\d")
_JOINERS = ("和", "及", "与", "、", "并")


# Topic families that split case work: an indicator of one family does not name a number
# whose scope (the section, or the topic carried from the clause before) is another.
_FAMILIES = (("复议", ("行政复议", "复议")),
             ("诉讼", ("行政诉讼", "行政应诉", "诉讼", "应诉")),
             ("执法", ("行政执法", "行政处罚", "行政检查", "行政强制", "执法")))
_SECTION_FAMILIES = {"disputes": frozenset({"复议", "诉讼"}),
                     "enforcement": frozenset({"执法"})}


_FAMILY_OF = {w: fam for fam, words in _FAMILIES for w in words}
# "行政处罚类17件": a family word before 类 names a case type of other work, not the family
_FAMILY_RE = re.compile("(?:" + "|".join(sorted(_FAMILY_OF, key=len, reverse=True))
                        + ")(?!类)")


def family(text: str) -> str:
    """The case-work family (复议, 诉讼, 执法) of the first family word in ``text``."""
    m = _FAMILY_RE.search(text)
    return _FAMILY_OF[m.group()] if m else ""


@dataclass(frozen=True)
class _Entry:
    iid: str
    kind: str
    section: str
    family: str                  # 复议/诉讼/执法 from the indicator's name, or ""
    zh_name: str
    rx: re.Pattern | None       # patterns, searched in the sentence with the number as #
    lits: tuple[str, ...] | None  # one word each pattern needs; None: search always
    alias_rx: re.Pattern | None  # aliases, searched in the measure label
    alias_lits: tuple[str, ...] | None  # one word each alias needs; None: search always
    exclude_rx: re.Pattern | None  # words in the number's clause that rule it out
    rates: tuple[tuple[str, int], ...] = ()  # rate nouns of the name (see _Agreement)
    objects: frozenset[str] = frozenset()  # classes of what the name counts
    planned: bool = False  # the name itself counts planned acts (完成审计计划数)
    acts: frozenset[str] = frozenset()  # classes of the acts on documents it counts
    musts: tuple | None = None  # per pattern, the sets of words needed (_prefilters)
    alias_musts: tuple | None = None  # the same for the aliases
    has_all: Callable[[str], bool] | None = None  # the test of musts (_has_all)
    alias_has_all: Callable[[str], bool] | None = None

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """The first match of the patterns in ``text`` from ``pos`` (None when no
        pattern's words are all in ``text``: a few substring tests, not a search)."""
        if self.has_all is not None and not self.has_all(text):
            return None
        return self.rx.search(text, pos)

    def alias_search(self, text: str) -> re.Match | None:
        """The first match of the aliases in ``text``, pre-checked like :meth:`search`."""
        if self.alias_has_all is not None and not self.alias_has_all(text):
            return None
        return self.alias_rx.search(text)


def _has_all(musts) -> Callable[[str], bool] | None:
    """The test whether, for one pattern of ``musts`` (:func:`_prefilters`), a word of
    each of its sets is in a text; None when there are no musts.

    Written out as one expression of substring tests (``'法治#' in t and '听取' in t and
    ('党组会' in t or '常务会' in t)``), the words made literals by ``repr``: it runs for
    some 49,000 entries per MB of text, and a loop over the sets took twice as long."""
    if musts is None:
        return None

    def any_of(words) -> str:
        if words.__class__ is str:  # a set of one word, the most common
            return f"{words!r} in t"
        return "(" + " or ".join(f"{w!r} in t" for w in words) + ")"

    expr = " or ".join("(" + " and ".join(map(any_of, groups)) + ")" for groups in musts)
    return eval("lambda t: " + expr)  # only str literals written by repr, and `in`


def _compile(cat, ind, field_name: str, pats, need_hash: bool) -> re.Pattern | None:
    if not pats:
        return None
    for pat in pats:
        try:
            # compiled alone first: inside the joined alternation a stray "[" or "(" could
            # pair with the next pattern and hide the mistake
            re.compile(pat)
        except re.error as exc:
            raise InputError(
                f"{cat.source}: {field_name} {pat!r} of indicator {ind.id!r} is not a "
                f"valid regular expression ({exc}). Fix it in the catalogue file and run "
                "again (`rol catalogue check` lists every problem)."
            ) from None
        if need_hash and "#" not in pat:
            raise InputError(
                f"{cat.source}: pattern {pat!r} of indicator {ind.id!r} has no '#'. "
                "A pattern is searched in the sentence with the number replaced "
                "by '#'; put '#' where the number stands (e.g. '调解纠纷#')."
            )
    return re.compile("|".join(f"(?:{p})" for p in pats))


def _word_tree(items) -> list:
    """What every match of the parsed pattern ``items`` contains, read in one walk of
    the parse tree: a list of literal runs (str, the number's mark ``#`` kept) and
    alternations (a tuple of one such list per alternative). Plain groups are read
    through; a repeat, a class, a lookaround or a group with flags gives nothing (its
    matches are not told by its words)."""
    sre = measure._sre
    out: list = []
    run = ""
    for op, arg in items:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            out.append(run)
        run = ""
        if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # no local flags
            out.extend(_word_tree(arg[-1]))
        elif op is sre.BRANCH:
            out.append(tuple(_word_tree(alt) for alt in arg[1]))
    if run:
        out.append(run)
    return out


def _surest(words: frozenset[str]) -> tuple[int, int]:
    # the longest shortest word, then the fewest words: the rarest in a sentence
    return min(map(len, words)), -len(words)


def _word_sets(tree: list, words_of) -> list[frozenset[str]]:
    """Sets of words every match of ``tree`` (:func:`_word_tree`) holds one word of:
    ``words_of(run)`` for each literal run (each word a set of one), and for an
    alternation the surest set of each alternative, joined (none when an alternative
    gives none)."""
    out: list[frozenset[str]] = []
    for item in tree:
        if item.__class__ is str:
            out.extend(frozenset({w}) for w in words_of(item))
            continue
        alts = [_word_sets(alt, words_of) for alt in item]
        if all(alts):
            out.append(frozenset().union(*(max(a, key=_surest) for a in alts)))
    return out


def _index_words(run: str) -> list[str]:
    # the word index finds words of two characters or more in the sentence; the mark #
    # is no word (a word is also read as the end of a list item: _Matcher._joint_item)
    return [w for w in run.split("#") if len(w) >= 2]


def _run_words(run: str) -> list[str]:
    return [run] if run != "#" else []  # the mark alone is in every sentence looked at


def _prefilters(pats) -> tuple[tuple[str, ...] | None, tuple | None]:
    """The two pre-checks of the patterns ``pats`` (patterns or aliases of one
    indicator), from one parse of each: (needed, musts).

    ``needed``: words one of which any match contains, for the word index
    (:class:`_WordIndex`): per pattern, its surest set of words of two characters or
    more. ``musts``: for each pattern, sets of words such that every match contains a
    word of each set (literal runs of the top level and of plain groups, one word of
    each alternative), tested by :func:`_has_all` before a search: most patterns the
    word index lets through still find nothing in the sentence (35,500 searches per MB
    of the bench text), and a few substring tests are cheaper than a pass of the whole
    alternation. Either is None when some pattern gives none, sets a flag (its words
    are then not matched as read) or this Python has no regex parser
    (:func:`rol_analysis.measure.parsed`): then the patterns are searched always. A
    pre-check only ever skips a pattern that cannot match."""
    needed: set[str] | None = set()
    musts: list | None = []
    for pat in pats or ():
        tree = measure.parsed(pat)
        if tree is None or tree.state.flags & ~re.UNICODE:
            return None, None
        words = _word_tree(tree)
        need = max(_word_sets(words, _index_words), key=_surest, default=None)
        needed = None if need is None or needed is None else needed | need
        groups = _word_sets(words, _run_words)
        if not groups or musts is None:
            musts = None
            continue
        # the longest first: the rarest, most often the one that fails
        ordered = sorted((tuple(sorted(g, key=lambda w: (-len(w), w))) for g in set(groups)),
                         key=lambda g: (len(g) > 1, -min(map(len, g)), len(g), g))
        # a set of one word is kept as the word (one substring test, see _has_all)
        musts.append(tuple(g[0] if len(g) == 1 else g for g in ordered))
    return (tuple(sorted(needed)) or None if needed is not None else None,
            tuple(musts) or None if musts is not None else None)


def _first_char_alternation(words: list[str]) -> str:
    """A pattern whose findall gives, at each position, the first of ``words`` (longest
    first) that starts there.

    The words are grouped by their first character (ab|ac|b -> a(?:b|c)|b(?:)), each
    group keeping the words' order: the regex engine tries the alternatives of a
    position one by one, so with a few hundred words a flat alternation costs a check
    per word at every candidate position, the grouped one a check per first character
    and then the few words of one group. Only one group can match a position, so what
    is found is the same."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    firsts = "(?=[" + "".join(sorted(map(re.escape, groups))) + "])"
    return firsts + "(?=(" + "|".join(
        re.escape(ch) + "(?:" + "|".join(map(re.escape, rests)) + ")"
        for ch, rests in sorted(groups.items())) + "))"


class _WordIndex:
    """Which of a list of entries may match a text, from the words each one needs.

    ``needs[i]`` is entry i's needed words (one of them is in every match), None when
    it needs none we know (always looked at), or ``()`` when it has nothing to match.
    """

    def __init__(self, needs):
        self.always = frozenset(i for i, n in enumerate(needs) if n is None)
        by_word: dict[str, set[int]] = {}
        for i, n in enumerate(needs):
            for w in n or ():
                by_word.setdefault(w, set()).add(i)
        words = sorted(by_word, key=lambda w: (-len(w), w))
        # at each position the longest word wins; a shorter one starting there is a
        # prefix of it, so each word found stands for every needed word inside it
        # (the class of first characters lets the scan skip every other position at
        # once: the alternation alone is tried at each one, twice as slow)
        self.rx = (re.compile(_first_char_alternation(words)) if words and all(words)
                   else re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
                   if words else None)
        self.entries = {w: frozenset().union(*(by_word[v] for v in words if v in w))
                        for w in words}

    def hits(self, text: str) -> frozenset[int]:
        """Indices of the entries that may match ``text``."""
        if self.rx is None:
            return self.always
        found = self.rx.findall(text)
        if not found:
            return self.always
        return self.always.union(*map(self.entries.__getitem__, found))


_ITEM_START_RE = re.compile(r".*[、，,。；;：:！？!?\n]", re.S)


def _only_examples(rx: re.Pattern, marked: str, mt: re.Match, hash_pos: int) -> bool:
    """Whether the match ``mt`` finds its words only in the last example of a list
    closed by 等 before a noun (专题研究规章制定、执法监督等工作#: the number counts
    the 工作, 执法监督 is one example of it).

    The last item before 等 (from the 、 that opens it) is cut out and the pattern
    searched again; a list without 、 (学习《民法典》等法律法规#) is left alone.
    """
    etc = marked.rfind("等", mt.start(), hash_pos)
    if etc < 0 or hash_pos - etc <= 2:
        return False  # no 等, or 等 right before the number: it counts the list (等7个单位)
    head = _ITEM_START_RE.match(marked, 0, etc)
    if head is None or marked[head.end() - 1] != "、":
        return False
    cut = marked[:head.end() - 1] + marked[etc + 1:]
    return rx.search(cut) is None


# 和/及/与/、 joining two items before one number; not inside 和解, 及时, 与会 …
_ITEM_JOINER_RE = re.compile(r"[和及与、](?![解谐平时会])")
_NOT_JOINED = frozenset("解谐平时会")


def _only_first_item(rx: re.Pattern, marked: str, mt: re.Match, hash_pos: int) -> int:
    """Where the joiner is (else -1) when the match ``mt`` finds its words only in the
    item before a joiner that the number follows with another item (开办企业和不动产登记
    仅用#, 承接和下放#: the number is stated for both together).

    The text from the last joiner in the match up to the number is cut out and the
    pattern searched again: when it still matches, its words were the first item's
    alone. 审查和备案规范性文件# keeps its name (the pattern needs 规范性文件).
    """
    # the last joiner by rfind (this runs for nearly every pattern match: no slicing)
    lo = mt.start() + 1
    j = max(marked.rfind("和", lo, hash_pos), marked.rfind("及", lo, hash_pos),
            marked.rfind("与", lo, hash_pos), marked.rfind("、", lo, hash_pos))
    if j < 0:
        return -1
    if marked[j + 1:j + 2] in _NOT_JOINED:
        joiner = _last_match(_ITEM_JOINER_RE, marked[mt.start():hash_pos])
        if joiner is None or joiner.start() == 0:
            return -1
        j = mt.start() + joiner.start()
    if hash_pos - j < 3 or not _CJK_RE.fullmatch(marked, j + 1, hash_pos) \
            or "等" in marked[j:hash_pos]:
        # "A、#" starts a new list item; a run closed by 等 (撤销、变更、确认违法或责令
        # 履行等方式作出纠错决定#) lists ways of doing what is counted, not a second item
        return -1
    return j if rx.search(marked[:j] + marked[hash_pos:]) is not None else -1


_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
# the last item of a list of nouns a number follows (行政处罚、行政强制案卷#; 专题研讨、
# 法治培训#): short, with no verb of its own and no number
_LIST_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,8}")
_NOT_NOUN_YU = frozenset("参给授赋予")  # 与 after these is inside a verb (参与, 给与)
_VERB_OR_SUM_RE = re.compile(r"开展|组织|举办|召开|完成|办理|共|累计|合计|全年|年内")


def _last_of_list(zh_name: str, marked: str, mt: re.Match, hash_pos: int) -> bool:
    """Whether the match ``mt`` finds its words only in the last item of a list of
    nouns joined by 、, 和 or 与 that the number follows (录入行政处罚、行政许可、行政强制
    案卷#; 开展专题研讨、法治培训#; 提供法律咨询和法律意见#): the number counts the list
    together, and an indicator whose name takes its words from that item alone
    (行政强制案件数, 学法培训场次) is one kind's, not the list's. An indicator named by
    words all items share (the head noun: 行政执法案件数 for 案卷) is not concerned."""
    # 与 joins two nouns as 和 does (法律咨询与法律意见#: tests/robustness_eval.py), but
    # not inside a verb (参与学法抽考#, 给与)
    # (the last such 与 by rfind: a regex pass over the clause for each candidate cost
    # 1% of an extraction)
    yu = marked.rfind("与", 0, hash_pos)
    while yu > 0 and marked[yu - 1] in _NOT_NOUN_YU:
        yu = marked.rfind("与", 0, yu)
    j = max(marked.rfind("、", 0, hash_pos), marked.rfind("和", 0, hash_pos), yu)
    # the words must open the item (行政强制案卷#, 法律意见#): words after its noun
    # (工作人员和负责人旁听庭审#, …和区直各部门述法#) are said of every item
    if j < 0 or not j < mt.start() <= j + 3 \
            or not _LIST_ITEM_RE.fullmatch(marked, j + 1, hash_pos) \
            or marked[j + 1:j + 2] in _NOT_JOINED:
        return False
    last = marked[j + 1:hash_pos]
    if "等" in last or _VERB_OR_SUM_RE.search(last):
        return False  # 宪法等主题宣传#: examples before 等 (see _only_examples)
    if any(last.startswith(act) for act in _agreement().acts):
        return False  # 制定、修订地方性法规#: acts on one object, not kinds of it
    head = _ITEM_START_RE.match(marked, 0, j)
    begin = head.end() if head is not None else 0
    earlier = marked[begin:j]
    if not earlier or not _CJK_RE.fullmatch(earlier) or earlier.endswith("级"):
        return False  # 县级、乡村法治文化阵地#: levels of one thing, not kinds
    # the item before is about as long as the last; the clause's head before it (街道
    # 法律顾问全年提供…) is said of the whole list
    earlier = earlier[-max(len(last), 4):]
    own = {last[i:i + 2] for i in range(len(last) - 1)}
    theirs = {earlier[i:i + 2] for i in range(len(earlier) - 1)} - own
    if any(w in zh_name for w in theirs):
        return False  # 调解、和解方式结案#: the name holds the earlier item too
    return any(w in zh_name and w not in earlier for w in own)


# Words of the number's own clause that say it counts something other than what an
# indicator names (docs/design.md "Confidence"; measured on dev+blind+blind2+blind3+blind4).
# A verb of change before the counted object (取消行政许可事项#, 对政务服务事项动态调整#次,
# 按期整改…反馈的#问题) makes it a count of what was changed, not of the stock; not when the
# verb states a result (调整后…, 精简为/至…: the stock after the change).
# 整改 sent or still due (通报整改问题#, 需整改的问题#) changes nothing yet: problems found
# A removal verb is such a change too (原有许可事项下架#: items taken off the list, not
# the list; first runs blind4 beijing 取消, blind12 fujian_rst 下架).
_CHANGE_OBJ_RE = skipping(r"(取消|下放|调整|承接|划转|下架|删减|删除|移出|核减"
                          r"|(?<!通报)(?<!交办)(?<!反馈)(?<![需待应])整改)"
                          r"(?![后为至到])")
# A per-level item (3个国家级、#省级示范村; 国家级示范村#、市级示范村…) or a list the places
# entered (#村入选…).
_LEVEL_AFTER_RE = re.compile(r"(?:（[^）]{0,8}）)?(?:国家|省|市|县|区|乡镇)级")
_LEVEL_RE_ANY = re.compile(r"(?:国家|省|市|县|区|乡镇)级")
# Training or exams in the number's own clause: it counts trainees, sessions or
# candidates, which only an indicator of training, exams or study names.
_TRAINING_RE = re.compile(r"培训|轮训|参训|考试")
_TRAINING_NAME_RE = re.compile(r"训|考|学|培")
# A noun of the number narrowed to one domain right before it (涉农公证#, 涉企案件#).
_SUBSET_WORD = r"涉[农企税外侨军黑恶访]"
_SUBSET_NOUN_RE = re.compile(rf"({_SUBSET_WORD})[\u4e00-\u9fff]{{0,4}}$")
# A restricting modifier right on the noun the indicator names: what the number counts is
# one subset of it. Closed classes of modifier, each a shape that recurs across reports:
# a property (X性: 共性问题, 个性问题), a channel (“市县同权”专窗办件, 线下培训), a stage
# (报建审批事项, 诉前调解), a class of person by tenure (新提任领导干部). Measured on the
# first runs of blind4 (专窗), blind5 (报建, 新提任), blind7 (共性, 线下) and blind9
# (驿站: a service post, one channel of the handled cases). A window
# (窗口) is left out: most counter work is done at one, it is no subset. So is 线上: a
# report that states only its online exam or study (3000余名领导干部的线上学法考试; 126名…
# 在“如法网”完成线上学法考法) states the whole, as the gold of blind8 scgw and blind9
# yunhuqiao has it (named correctly +1 each, part wrong -1 each, nothing else moves);
# 线下 stays (blind7 线下培训). A shape, not a
# word list: any X性 before the noun is caught. The modifier narrows only when the two
# characters right after it (quotes and a neutral 全年, 年内, 累计, 共计… aside) are words of
# the indicator's name (共性+问题: 发现问题数), not when it modifies another noun of the
# clause (现场述法: the act done on the spot). Not a class: places (农村学法用法示范户 is
# the whole of its indicator), levels (parts.py: a level alone may be the report's own).
_NARROWING_WORDS = (r"专窗|驿站|线下|掌上|报建|诉前|审前|庭前|事前|任前"
                    r"|新提任|新任职|新任|新录用|新招录|新入职|新进")
_NARROWING_RE = re.compile(
    r"(?<![、和及与])"  # 县级、线上线下…: modifiers listed together span the whole
    # X性, not a criterion or a class of rule (合法性审查, 规范性文件, 地方性法规 …)
    r"([\u4e00-\u9fff]性(?<!合法性)(?<!规范性)(?<!强制性)(?<!实质性)(?<!地方性)(?!文件)"
    rf"|{_NARROWING_WORDS})"
    # (年内, 今年, 当年 as 全年: 驿站年内办件# is the same part: tests/robustness_eval.py)
    r"[”“\"」「]*(?:全年|年内|今年|当年|年度|本年|累计|共计|合计|共)?([\u4e00-\u9fff]{2})")
# what every match of _NARROWING_RE holds (性 of X性, or a modifier word): a search for
# these skips a clause that has none at once (X性 starts with any character, so the
# full pattern is tried at every position)
_NARROWING_HINT_RE = re.compile(f"性|{_NARROWING_WORDS}")
# One form of doing the act the indicator counts, stated right on its verb (现场述法,
# 当场述法, 以多媒体形式述法, 采用多媒体方式述法, 接受现场咨询#, 开展现场检查#): done on
# the spot, at one meeting or in one form, it implies the other forms (书面, 多媒体, 非现场)
# and other meetings, so
# the number is one form's share, a part (definition of law_performance_statements:
# 现场述法, 当场述法 and a form's count are parts). First runs of blind8 (yanzhou: 会上5个
# 单位…现场述法) and blind9 (bachu: 乡镇党委书记12名现场述法), then blind12 (接受现场咨询
# 5600余人次); the tuned sets had four more (blind5 huangshi, luoyuan; blind7 yinchuan;
# blind9 langxi). The form must sit on the act itself: two to four characters between
# it and the number (or the clause end), whose last two are in the indicator's name
# (现场行政执法检查 is no form of the bodies' count; 现场解答法律咨询 names another verb).
# 以…形式 only for a medium (多媒体, 视频, 直播…): 以书面形式答复 is how all replies are
# given, and online (线上) is where a whole exam or study is done (_NARROWING_RE).
# A form listed with another (以现场或书面方式, “书面+现场”方式) names no single form, and a
# clause that says everyone did it so (全部现场述法, …全覆盖) states the whole.
# The act may be followed by a second one joined by 并 (现场述法并接受点评: the form still sits
# on the act: 另选取8个单位开展现场述法并进行点评, first run of blind13 jinpu).
# (its lookbehind comes first: measure.skipping leads it with a lookahead for 现当以采, so
# a scan skips the other positions at once; it is looked for in nearly every clause)
_FORM_RE = skipping(r"(?<![、和及与或+＋])(?:现场|当场"
                    r"|(?:以|采用|采取)[“\"]?(?:多媒体|短视频|微视频|视频|直播|录像)[”\"]?"
                    r"(?:形式|方式))"
                    r"[”“\"」「]*([\u4e00-\u9fff]{2,4})(?=#|$|并)")
_EVERYONE_RE = re.compile(r"全部|全覆盖|全体|所有|一律")
# A channel or programme of service (跨省通办, 一件事, 专窗, 驿站, a scene 场景) named in
# the sentence before a bare count of handled cases (…签署“跨省通办”协议，…，办件量#;
# …“一件事”…场景上线，#个场景共生成#办件量): the cases are that channel's, a part of the
# handled cases (first runs blind4 haidian, blind7 xinganmeng; blind9 yinzhou_tieling and
# blind4 jingdezhen name the channel in the number's own clause). When the sentence also
# names the whole (全区, 政务服务大厅, 中心: 大厅开设跨省通办专窗，全年办件#) the count may be
# the whole's: the rule stays out.
_CHANNEL_RE = re.compile(r"(?:跨[省市区县域]{1,2}|全[省市]域?|异地|就近)通办|一件事|专窗|驿站|场景")
_WHOLE_SCOPE_RE = re.compile(r"全[区市县旗省盟州镇街]|政务服务|大厅|中心|总")
_HANDLED_NAME_RE = re.compile(r"办件|受理|办理|办结")
# One kind of enforcement: joint action with other departments right before the number
# (联合执法#, 开展联合检查#). The definition of enforcement_inspections makes it a part
# of the region's inspections, all kinds together, even though that indicator's patterns
# hold 联合执法 (to find the number): first runs of blind7 (guanba) and blind9 (gongming).
_JOINT_RE = re.compile(r"联合(?:执法|检查|巡查)(?:行动)?(?:全年|年内|累计|共计|共)?$")
# A rate for principal heads only (主要负责人出庭应诉率#): a rate whose name counts heads
# (负责人, principal or deputy) and does not say 主要 is the rate of all heads, and the
# principal heads' rate is a part of it whether that rate is stated or not (definition of
# head_appearance_rate; first runs blind5 anqing, blind7 tongguan). Rates only: a count of
# the principal heads who appeared (329名行政机关主要负责人出庭) is the count the gold
# names (blind5 shaanxi, dongxiao).
_PRINCIPAL_RE = re.compile(r"主要负责(?:人|同志)")
# A span of several years before the number (连续4年, 五年来, 三年间, 历年): with 累计 the
# number totals those years. 今年以来 and 2023年以来 are no such span.
_YEARS_SPAN_RE = re.compile(r"连续[\d一二两三四五六七八九十]{1,2}年"
                            r"|(?<![\d年〇零一二两三四五六七八九十])"
                            r"[\d一二两三四五六七八九十]{1,2}年(?:来|间|以来)|历年|多年来")
# The counted noun right after the number: organisations or places. A count of 部门/单位
# cannot take an indicator whose name counts 地区/县/乡镇, nor a count of places one whose
# name counts 部门/机关.
_ORG_PLACE_RE = re.compile(r"(部门|单位|机关)|(地区|县|乡镇|乡|镇|街道|街镇|村|社区)")
# A cut stated as an amount (时限压减#个工作日, 平均节约#天): what was saved, summed over items,
# is no time limit, unless the indicator itself counts the cut (dev longxi, blind7 enshi).
_CUT_BY_RE = re.compile(r"(?:压减|压缩|缩短|缩减|减少|节约|节省|精简)了?(?:平均)?$")
_CUT_NAME_RE = re.compile(r"压减|压缩|缩短|缩减|减少|节约|节省|精简|降低|下降")
# Units a verb acted on (对#个执法单位…检查, 从全区#个执法单位抽取): the targets of one action,
# not the region's stock of bodies an indicator of 主体 counts.
_TARGET_OF_RE = re.compile(r"(?:对|从|向)(?:全[区县市省镇旗州]|本级|各)?"
                           r"(?:[^，,。；;：:]{0,16}?[和及与、])?$")
# An exam that qualifies for a certificate (行政执法资格考试, 资格认证考试) stated in the
# sentence: its candidates and pass rates are no law-study exam's (dev liulang and blind7
# yingdong name the qualification indicator, blind7 xincheng counts who passed it).
_QUALIFYING_EXAM_RE = re.compile(r"资格(?:认证)?考试")
# A chained count whose first number counts groups (重点任务#板块36项, 细化为#方面42项任务,
# #类共917项事项): a closed class of grouping nouns right after the number, then the
# second count, which is the one of the items (first run blind12 zhejiang_scjg; the same
# shape stood unnamed in blind4, blind5, blind6 and blind7 only because no pattern
# reached it).
_GROUPS_RE = re.compile(r"(方面|板块|领域|类别|维度|大类|类|模块|篇章|部分)"
                        r"(?:共计|合计|共|计)?[\d一二三四五六七八九十百]")
# The same grouping nouns with no second count (对反馈的#方面问题逐项整改): the number
# still counts groups (aspects, fields) of what follows, not the things themselves, and
# one county's 10个方面问题 beside another's 27个问题 would compare unlike figures (trial 5
# F8). Only the nouns that are never a counting word of their own (类, 部分 and 模块 may
# be: 3类, 两部分).
_GROUP_NOUN_RE = re.compile(r"(方面|板块|领域|类别|维度|大类)")
# A figure per unit before the number in its clause (每期观看人数超#, 每年平均可办理…#,
# 平均每个大厅办理#, 日均办理#): an average, no total of the region's year, unless the
# indicator counts per unit itself (人均调解纠纷数, 每个村…案件数). First runs blind4
# hlj_sft and blind11 fuzhou_jx. 年均 is left out: a report's 年均服务#人次 is its year's
# figure in dev's gold; so is 人均, the way study hours are stated (人均学法#学时 is
# law_training_hours).
_PER_UNIT_RE = re.compile(r"每(?:期|场|次|篇|年平均|个|家|户|所)|平均每"
                          r"|场均|期均|户均|日均|月均")
# A step still pending (待申领执法证件#): people waiting for it, not a count of it done.
_PENDING_RE = re.compile(r"待(?:申领|换发|核发|审核|审批|办理|整改|处理)")
# A domain narrowing right after the number (#个涉企执法单位): as _SUBSET_NOUN_RE, after it.
_SUBSET_AFTER_RE = re.compile(_SUBSET_WORD)
# An act stated as not done (免于公开的信息#, 不予受理#, 不予处罚#): the not-done half of a
# count is never the done count. The act is the two characters after the negation; an
# indicator whose name holds the act but not the negation is ruled out.
# A verb of carrying out (实施, 采取, 作出, 给予) and 行政 may stand between the negation and
# the act (不予实施行政强制措施的案件#: the cases with no coercion, first run blind13
# tianjin_scjw): the act is then the two characters after them.
_NEGATED_ACT_RE = re.compile(r"(?:不予|免于|免予|未予|暂不|未能|无法|不能)"
                             r"(?:实施|采取|作出|给予)?(?:行政)?([\u4e00-\u9fff]{2})")


# A court or procuratorate in the number's own clause before it (参加检察院听证#,
# 市中级人民法院的审判执行综合考核#): the figure is that body's, not the government's, unless the
# indicator counts court or procuratorate work itself (旁听庭审, 行政诉讼, 诉前调解, 司法建议;
# every indicator whose patterns name a court or procuratorate says one of these). First
# runs blind17 wuxing_street and blind19 chizhou.
_COURT_RE = re.compile(r"法院|检察院|检察机关|审判机关")
_COURT_NAME_RE = re.compile(r"庭|诉|司法|检察|法院|审判")


def _subset_of_before(marked: str, hash_pos: int) -> bool:
    """Whether the number's own clause says it is a subset (其中) of what the sentence
    counted before it."""
    start = _own_clause(marked, hash_pos)[0]
    return start > 0 and "其中" in marked[start:hash_pos]


def _counted_class(text: str) -> str:
    """``org`` or ``place`` for the last such word of ``text`` ("" when none)."""
    last = ""
    for mt in _ORG_PLACE_RE.finditer(text):
        last = "org" if mt.group(1) else "place"
    return last


@functools.lru_cache(maxsize=1024)  # one per indicator name: asked for every candidate
def _name_class(zh_name: str) -> str:
    """:func:`_counted_class` of an indicator's name, 单位 aside (any unit, not an org)."""
    return _counted_class(zh_name.replace("单位", ""))


@functools.lru_cache(maxsize=256)  # asked again by every check of every candidate
def _own_clause(marked: str, hash_pos: int) -> tuple[int, int]:
    """(start, end) of the number's own clause in ``marked``: from after the last clause
    mark or quote before ``#`` (at ``hash_pos``) to the next clause mark."""
    head = _OWN_CLAUSE_HEAD_RE.match(marked, 0, hash_pos)
    end = _CLAUSE_END_RE.search(marked, hash_pos)
    return (head.end() if head else 0), (end.start() if end else len(marked))


def _unfit_scope(zh_name: str, marked: str, hash_pos: int) -> bool:
    """Whether the number's own clause rules out an indicator named ``zh_name``.

    ``marked`` is the sentence with ``#`` for the number (and its unit)."""
    if hash_pos < 0:
        return False
    start, end = _own_clause(marked, hash_pos)
    verbs = {mt.group(1) for mt in _CHANGE_OBJ_RE.finditer(marked, start, hash_pos)}
    # 取消1项、承接# and 取消调整…职权共#: one verb the indicator names is enough
    if verbs and not any(v in zh_name for v in verbs):
        return True
    after = marked[hash_pos + 1:end]
    if "级" not in zh_name and (_LEVEL_AFTER_RE.match(after) or len(
            set(_LEVEL_RE_ANY.findall(marked, start, end))) >= 2):
        return True
    own = marked[start:hash_pos]
    if not _TRAINING_NAME_RE.search(zh_name) and _TRAINING_RE.search(marked, start, end):
        return True  # 共有#行政执法人员…参加培训: trainees (or sessions), not the stock
    if own.endswith("类") and own[-2:-1] not in "各等多几这此该同" and "类" not in zh_name:
        return True  # 行政确认类#: one type of a breakdown by type (各类# is all types)
    if _CUT_BY_RE.search(own) and not _CUT_NAME_RE.search(zh_name) and "变化" not in zh_name:
        # 承诺时限压减#个工作日: days saved, not the limit; but a change indicator's 减少
        # is a fall like 下降 (败诉率比2023年减少#个百分点: tests/robustness_eval.py)
        return True
    if "主体" in zh_name and _TARGET_OF_RE.search(own):
        return True  # 对#个行政执法单位分别检查: the units checked, not all bodies
    if "考" in zh_name and "资格" not in zh_name \
            and _QUALIFYING_EXAM_RE.search(marked, 0, hash_pos):
        return True  # 通过行政执法资格考试#: a qualifying exam, not a law-study exam
    if _PER_UNIT_RE.search(own) and "均" not in zh_name and "每" not in zh_name:
        return True  # 每期观看人数超#: an average per episode, not the year's audience
    if _PENDING_RE.search(own) and "待" not in zh_name:
        return True
    if _COURT_RE.search(own) and not _COURT_NAME_RE.search(zh_name):
        return True  # 参加检察院听证#: the procuratorate's hearing, not a decision hearing
    for mt in _NEGATED_ACT_RE.finditer(own):
        if mt.group(1) in zh_name and mt.group(0)[:2] not in zh_name:
            return True  # 免于公开的信息#: not 主动公开…信息条数
    if ("累计" in own and "累计" not in zh_name
            and _YEARS_SPAN_RE.search(marked, 0, hash_pos)):
        return True  # 连续4年开展，累计排查…#: a total over years, not the year's figure
    groups = _GROUPS_RE.match(after) or _GROUP_NOUN_RE.match(after)
    if groups and groups.group(1) not in zh_name:
        return True  # 重点任务#板块36项: the number of groups, not of tasks
    if "入选" in after and "入选" not in zh_name:
        return True
    if "年度" in zh_name and _YEAR_RANGE_RE.search(marked, 0, hash_pos):
        return True  # 《纲要(2023-2027年)》…20项重点工作: a plan's, not the year's tasks
    # in a name, 单位 is any unit (法治建设示范单位 may be a town): only 部门/机关 say org
    theirs = _name_class(zh_name)
    if not theirs:
        return False  # most names count neither: the noun after the number is not read
    mine = _counted_class(_NOUN_END_RE.split(after, 1)[0][:10])
    return bool(mine and mine != theirs)


def channel_before(zh_name: str, marked: str, hash_pos: int, words: str = "") -> str:
    """The channel or programme (:data:`_CHANNEL_RE`) named in the sentence before a
    count of handled cases whose indicator ``zh_name`` counts all cases ("" when none, or
    when the sentence names the whole: :data:`_WHOLE_SCOPE_RE`). ``words`` are the
    indicator's patterns: a channel they hold is the indicator's own."""
    if hash_pos < 0 or not _HANDLED_NAME_RE.search(zh_name):
        return ""
    end = _own_clause(marked, hash_pos)[1]
    if _WHOLE_SCOPE_RE.search(marked, 0, end):
        return ""
    for mt in _CHANNEL_RE.finditer(marked, 0, hash_pos):
        if mt.group(0) not in zh_name and mt.group(0) not in words:
            return mt.group(0)
    return ""


def narrowed(zh_name: str, marked: str, hash_pos: int, words: str = "",
             channel: str | None = None) -> bool:
    """Whether the number's own clause narrows what an indicator named ``zh_name`` counts
    to a subset of it: a domain (办理涉农公证#, #个涉企执法单位), joint action (联合执法#),
    the principal heads of a heads' rate, a channel named before the cases
    (:func:`channel_before`), one form of the counted act on its verb (:data:`_FORM_RE`:
    现场述法#) or a restricting modifier right on the indicator's noun
    (:data:`_NARROWING_RE`: 查找出共性问题#, 专窗办件#).

    ``words`` are the indicator's patterns: a modifier they hold (涉企检查, 网上可办) is
    the indicator's own, no narrowing. Such a number is a part of the indicator's count
    (:func:`rol_analysis.parts._mark_subsets`). ``channel``, when the caller has it, is
    :func:`channel_before`'s answer for the same arguments (not asked again)."""
    if hash_pos < 0:
        return False
    start, end = _own_clause(marked, hash_pos)
    after = marked[hash_pos + 1:end]
    own = marked[start:hash_pos]
    subset_after = _SUBSET_AFTER_RE.match(after)
    if subset_after and subset_after.group(0) not in zh_name \
            and subset_after.group(0) not in words:
        return True  # 梳理出#个涉企执法单位: a subset of the bodies
    domain = _SUBSET_NOUN_RE.search(own)
    if domain and domain.group(1) not in zh_name and domain.group(1) not in words:
        return True  # 办理涉农公证#: a subset of the indicator's count
    if _JOINT_RE.search(own) and "联合" not in zh_name:
        return True  # 开展联合执法#: one kind of the inspections
    if zh_name.endswith("率") and "负责人" in zh_name and "主要" not in zh_name \
            and _PRINCIPAL_RE.search(own) and "主要" not in words:
        return True  # 主要负责人出庭应诉率#: the principal heads' share only
    if channel_before(zh_name, marked, hash_pos, words) if channel is None else channel:
        return True  # 签署“跨省通办”协议，…，办件量#: the channel's cases
    if any(mt.group(1)[-2:] in zh_name
           for part in (own, after)
           if "场" in part or "以" in part or "采" in part  # in every form
           for mt in _FORM_RE.finditer(part)) \
            and not _EVERYONE_RE.search(marked, start, end):
        return True  # #个单位的主要负责人现场述法: one form's share (a form is rare: first)
    for part in (own, after):
        if _NARROWING_HINT_RE.search(part) is None:
            continue  # most clauses: no modifier at all (a cheap scan first)
        for mt in _NARROWING_RE.finditer(part):
            word = mt.group(1)
            if word not in zh_name and word not in words and mt.group(2) in zh_name:
                return True  # 查找出共性问题#: a kind of the problems found
    return False


# A goal set for later in the number's own clause. 力争 always strives for what is not yet
# done; the other words are goals only under 下一步安排 (确保…保持100% there is next
# year's aim, while 确保…达100% in the year's work reports what was achieved).
_TARGET_ANYWHERE_RE = re.compile(r"力争")
_TARGET_IN_PLANS_RE = re.compile(r"确保|力争|争取|努力|保持|达到|实现|提高|提升|不低于|目标")


def target(marked: str, hash_pos: int, section: str) -> bool:
    """Whether the number is a goal (力争…达到95%, or under 下一步安排 确保…保持100%)
    rather than a figure of the report's year: ``marked`` has ``#`` at ``hash_pos``,
    ``section`` is the number's section id."""
    if hash_pos < 0:
        return False
    own = marked[_own_clause(marked, hash_pos)[0]:hash_pos]
    rx = _TARGET_IN_PLANS_RE if section == "plans" else _TARGET_ANYWHERE_RE
    return rx.search(own) is not None


_NOUN_END_RE = re.compile(r"[、和及与（(]")
# A span of years in the number's sentence (《纲要(2023-2027年)》, 2021—2025年): what it
# counts belongs to a plan of several years, not to one year's.
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d\d年?\s*[-—–~～至到]\s*(?:19|20)?\d\d年")
_OWN_CLAUSE_HEAD_RE = re.compile(r".*[，,。；;：:！？!?\n“”]", re.S)
# The items of a sentence: what lies between two of these is one number's own words.
_ITEM_BOUND_RE = re.compile(r"[，,。；;：:、！？!?\n]")


def _act_alternatives(zh_name: str, acts: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The (act, alternative act) pairs of a count's name whose two words are acts of
    one class of the agreement lexicon (``acts``: word -> class): 废止（宣布失效）规范性文件数
    gives (废止, 宣布失效). The act is as many characters before the parenthesis as the
    alternative has, or all of them when fewer."""
    out = []
    for mt in _NAME_ALT_RE.finditer(zh_name):
        alt = mt.group(1)
        word = _NAME_ALT_RE.sub("", zh_name[:mt.start()])[-len(alt):]
        for n in range(len(word) - 1):
            if word[n:] in acts and acts[word[n:]] == acts.get(alt):
                out.append((word[n:], alt))
                break
    return tuple(out)


def _says(item: str, word: str) -> bool:
    """Whether ``item`` states ``word``, split words included (宣布6件文件失效 says 宣布失效:
    a word of four characters by its last two)."""
    return word in item or (len(word) >= 4 and word[-2:] in item)


def stated_apart(alternatives, sent: str, start: int, end: int) -> int:
    """How the sentence ``sent`` of the number at ``sent[start:end]`` states the two acts
    of an alternative (``_act_alternatives``) apart, each in an item with a number of its
    own (废止139件、修改18件、宣布失效182件; 宣布6件文件失效，…，1件予以废止): 2 when the
    number's own item states one of them (it is a part of the total of both), 1 when it
    states neither (it is not that total either), 0 when the acts are not stated apart."""
    head = _last_match(_ITEM_BOUND_RE, sent[:start])
    lo = head.end() if head is not None else 0
    tail = _ITEM_BOUND_RE.search(sent, end)
    hi = tail.start() if tail is not None else len(sent)
    own = sent[lo:hi]
    items = [it for it in _ITEM_BOUND_RE.split(sent[:lo]) + _ITEM_BOUND_RE.split(sent[hi:])
             if _DIGIT_RE.search(it)]
    for word, alt in alternatives:
        for mine, other in ((word, alt), (alt, word)):
            if _says(own, mine) and not _says(own, other) and any(
                    _says(it, other) for it in items):
                return 2
        if not _says(own, word) and not _says(own, alt) and any(
                _says(it, word) and not _says(it, alt) for it in items) and any(
                _says(it, alt) and not _says(it, word) for it in items):
            return 1
    return 0


# A name's alternatives in parentheses replace as many characters before them:
# 按期办结（化解）率 is 按期办结率 or 按期化解率, 满意度（满意率） is 满意度 or 满意率.
_NAME_ALT_RE = re.compile(r"（([^）]+)）")
# What may stand between a counted noun and its number (涉企规范性文件共10件).
_FILLER_END_RE = re.compile(r"(?:共计|合计|累计|总计|总数|数量|分别|达到|超过|共|计|达|为|有"
                            r"|约|近|超|逾|了|的|各|均|\s)+$")
_CJK_END_RE = re.compile(r"[\u4e00-\u9fff]+$")


def _name_variants(name: str) -> list[str]:
    """``name`` with each parenthesised alternative read in place of the characters
    before it, and without it (``按期办结（化解）率`` gives 按期办结率, 按期化解率)."""
    out = [_NAME_ALT_RE.sub("", name)]
    for mt in _NAME_ALT_RE.finditer(name):
        alt = mt.group(1)
        if "、" in alt:
            continue  # a list (专题学习、研讨) adds words, it replaces none
        head = _NAME_ALT_RE.sub("", name[:mt.start()])
        out.append(head[:max(0, len(head) - len(alt))] + alt
                   + _NAME_ALT_RE.sub("", name[mt.end():]))
    return out


class _Agreement:
    """The agreement lexicon (``catalogue/agreement.toml``): whether a number's own
    words (its clause up to the number, and the noun right after it) state a rate noun,
    a class of counted thing, an act on documents or a planned act that the indicator's
    name does not.

    Each check only rules an indicator out (docs/design.md "Confidence")."""

    def __init__(self, data: dict):
        rate = data["rate"]
        self.synonyms: dict[str, frozenset[str]] = {}
        for group in rate["synonyms"]:
            for w in group:
                self.synonyms[w] = self.synonyms.get(w, frozenset()) | frozenset(group)
        self.manner = {w: k for k, group in enumerate(rate["manner"]) for w in group}
        self.not_rates = frozenset(rate["not_rates"])
        classes: dict[str, set[str]] = {}
        for cls, words in data["object"]["classes"].items():
            for w in words:
                classes.setdefault(w, set()).add(cls)
        self.classes = {w: frozenset(c) for w, c in classes.items()}
        self.strict = frozenset(data["object"].get("strict", ()))
        unknown = self.strict - set(data["object"]["classes"])
        if unknown:
            raise ValueError("[object] strict names classes that [object.classes] "
                             f"lacks: {', '.join(sorted(unknown))}")
        alts = "|".join(map(re.escape, sorted(classes, key=lambda w: (-len(w), w))))
        self.object_rx = re.compile(f"(?:{alts})")
        self.object_end_rx = re.compile(f"(?:{alts})$")
        self.modal_rx = re.compile("|".join(f"(?:{w})" for w in data["modality"]["words"]))
        self.acts = {w: cls for cls, words in data["act"]["classes"].items() for w in words}
        self.act_rx = re.compile("|".join(map(re.escape, sorted(self.acts, key=len,
                                                                reverse=True))))

    def _rate_nouns(self, text: str, end: int, start: int = 0):
        """(core, manner class or -1) of each rate noun (…率, …满意度) in
        ``text[start:end]``: the two characters before 率, and a manner word before them."""
        out = []
        pos = text.find("率", start, end)
        while pos >= 0:
            word = _CJK_END_RE.search(text, start, pos)
            if word is not None and word.end() == pos:
                w = word.group()
                if len(w) >= 2 and w[-1] + "率" not in self.not_rates \
                        and w[-2:] + "率" not in self.not_rates:
                    out.append((w[-2:], self.manner.get(w[-4:-2], -1), w[-4:]))
            pos = text.find("率", pos + 1, end)
        pos = text.find("满意度", start, end)
        while pos >= 0:
            out.append(("满意", self.manner.get(text[max(start, pos - 2):pos], -1),
                        text[max(start, pos - 2):pos + 2]))
            pos = text.find("满意度", pos + 1, end)
        return out

    def acts_in(self, text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
        """Classes of the acts on documents named in ``text[start:end]``."""
        end = len(text) if end is None else end
        return frozenset(self.acts[mt.group()]
                         for mt in self.act_rx.finditer(text, start, end))

    def of_name(self, zh_name: str, kind: str):
        """The (rates, objects, planned, acts) fields of an indicator's catalogue entry."""
        rates: list[tuple[str, int]] = []
        if kind == "rate":
            for v in _name_variants(zh_name):
                for _core, manner, phrase in self._rate_nouns(v, len(v)):
                    rates.append((phrase, manner))
        objects = frozenset().union(*(self.classes[mt.group()]
                                      for mt in self.object_rx.finditer(zh_name)))
        return (tuple(dict.fromkeys(rates)), objects,
                self.modal_rx.search(zh_name) is not None or "计划" in zh_name,
                self.acts_in(zh_name))

    def _rate_agrees(self, stated, named) -> bool:
        for core, manner, word in stated:
            words = frozenset({core}).union(
                *(self.synonyms.get(word[-n:], ()) for n in (2, 3, 4)))
            for phrase, their in named:
                if manner >= 0 and their >= 0 and manner != their:
                    continue  # 综合化解率 is not the 按期化解率
                theirs = self.synonyms.get(phrase[-2:], frozenset({phrase[-2:]}))
                if any(w in phrase for w in words) or any(w in word for w in theirs):
                    return True
        return False

    def disagrees(self, e: _Entry, marked: str, hash_pos: int) -> bool:
        """Whether the number's own words (``marked`` with ``#`` at ``hash_pos``) rule
        out the indicator ``e``: a rate noun that is not the indicator's, a counted
        thing of a class its name does not count, acts on documents none of which its
        name names, or a planned act."""
        if hash_pos < 0:
            return False
        start, end = _own_clause(marked, hash_pos)
        if e.rates:
            stated = self._rate_nouns(marked, hash_pos, start)
            if stated and not self._rate_agrees(stated, e.rates):
                return True  # 综合化解率# is not the 按期办结（化解）率
        own = self._counted(marked, start, hash_pos, relative=bool(e.objects))
        if own and not own & e.objects and (e.objects or own & self.strict):
            # 修订建议#: suggestions, not documents repealed; 公证投诉#: complaints, where
            # 办理公证数 names no class (fails closed on a strict class)
            return True
        if e.acts:
            # the whole clause: 对新出台的#件政策措施开展公平竞争审查 is reviews
            acts = self.acts_in(marked, start, end)
            if acts and not acts & e.acts:
                return True  # 制定、修订地方性法规#: enacted, not drafts reviewed
        return not e.planned and self.modal_rx.search(marked, start, hash_pos) is not None

    def _counted(self, marked: str, start: int, hash_pos: int,
                 relative: bool = True) -> frozenset[str]:
        """Classes of the noun right after the number (10件规范性文件), else of the one
        right before it (涉企规范性文件共10件); with ``relative`` false, not of one in a
        relative clause before it (存在问题的15个县: the number counts the noun after it,
        which no class names)."""
        after = self.object_rx.match(marked, hash_pos + 1)
        if after is not None:
            return self.classes[after.group()]
        # a counted word and its fillers are short: the tail is enough (and cheap)
        before = marked[max(start, hash_pos - 16):hash_pos]
        filler = _FILLER_END_RE.search(before)
        if filler is not None:
            if not relative and "的" in filler.group():
                return frozenset()
            before = before[:filler.start()]
        mt = self.object_end_rx.search(before)
        return self.classes[mt.group()] if mt is not None else frozenset()


@functools.cache
def _agreement() -> _Agreement:
    path = resources.files("rol_analysis") / "catalogue" / "agreement.toml"
    return _load_agreement(path.read_text(encoding="utf-8"), str(path))


def _load_agreement(text: str, source: str) -> _Agreement:
    """The lexicon in ``text``; an edit that breaks it names the file and the fix."""
    try:
        return _Agreement(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, re.error) as exc:
        what = (f"a missing table or key {exc}" if isinstance(exc, KeyError)
                else f"{type(exc).__name__}: {exc}")
        raise InputError(
            f"{source}: the agreement lexicon cannot be read ({what}). It needs the "
            "tables [rate] (synonyms, manner, not_rates), [object] (strict, optional: "
            "names of classes), [object.classes], "
            "[act.classes] and [modality] (words, regular expressions); restore the "
            "file from the package or fix the entry named."
        ) from None


#: an earlier count of a list and the 、 after it (…活动198场、): the items after it
#: are counts of their own
_ITEM_END_RE = re.compile(r"\d[^\d、，,；;。]{0,4}、")
#: a quoted name (“以法兴企”): the title of one item's campaign or event
_QUOTED_RE = re.compile(r"“[^“”]*”|「[^「」]*」|\"[^\"]*\"")


def exclude_scope(clause: str) -> str:
    """The words of ``clause`` an ``exclude`` word is looked for in: all of them, but
    the quoted names of the list items before the number's own (the words after the
    last earlier count ended by 、).

    A quoted name is the title of that item's campaign or event: 开展“以法兴企”法治宣传
    活动198场、“法安白云”普法直播177场 -> 以法兴企 says what 198场 is, nothing of the
    livestreams' 177场 (trial 4, F9). Every other word of an earlier item stays: a
    list's leading verb (审查行政规范性文件51件、…重大行政决策7件) and its topic (召开常委会
    （全面依法治县委员会）5次、政府常务会3次) are each item's too (blind5 panan, blind13
    kaiyang: cutting the clause at 、 named both wrongly).
    """
    ends = [m.end() for m in _ITEM_END_RE.finditer(clause)]
    if not ends:
        return clause
    return _QUOTED_RE.sub("", clause[:ends[-1]]) + clause[ends[-1]:]


class _Matcher:
    """The catalogue's patterns, aliases and exclusions, compiled and indexed by unit."""

    def __init__(self, cat):
        self.cat = cat
        self.by_unit: dict[str, list[_Entry]] = {}
        self.by_unit_kind: dict[tuple[str, str], list[_Entry]] = {}
        for ind in cat.indicators.values():
            if not ind.patterns and not ind.aliases:
                continue
            # compiled first: a broken pattern is reported with the catalogue file, before
            # its words are read
            rx = _compile(cat, ind, "pattern", ind.patterns, True)
            alias_rx = _compile(cat, ind, "alias", ind.aliases, False)
            exclude_rx = _compile(cat, ind, "exclude", ind.exclude, False)
            lits, musts = _prefilters(ind.patterns)
            alias_lits, alias_musts = _prefilters(ind.aliases)
            entry = _Entry(ind.id, ind.kind, ind.section, family(ind.zh_name), ind.zh_name,
                           rx, lits, alias_rx, alias_lits, exclude_rx,
                           *_agreement().of_name(ind.zh_name, ind.kind),
                           musts=musts, alias_musts=alias_musts, has_all=_has_all(musts),
                           alias_has_all=_has_all(alias_musts))
            for unit in ind.units:
                self.by_unit.setdefault(unit, []).append(entry)
                self.by_unit_kind.setdefault((unit, ind.kind), []).append(entry)
        # the counts whose name joins two acts of one class (废止（宣布失效）): see
        # stated_apart
        acts = _agreement().acts
        self.act_alternatives = {
            ind.id: pairs for ind in cat.indicators.values()
            if ind.kind == "count" and (pairs := _act_alternatives(ind.zh_name, acts))}
        # per unit and kind, the needed words of all entries, found in one regex pass:
        # only the entries one of whose words is present are looked at
        self.index = {key: (_WordIndex([e.lits if e.rx is not None else () for e in es]),
                            _WordIndex([e.alias_lits if e.alias_rx is not None else ()
                                        for e in es]))
                      for key, es in self.by_unit_kind.items()}

    def scored(self, marked: str, measure: str, clause: str, unit: str, kind: str,
               section: str = "", scope: str = "", hash_pos: int = -1,
               families: frozenset = frozenset(), reasons: dict | None = None,
               subsets: set[str] | None = None,
               ) -> tuple[list[tuple[float, str]], set[str]]:
        """(score, indicator id) of every indicator that may name the number, and the
        ids that matched but were ruled out.

        A pattern match scores 10 less a tenth of a point per character the match
        spans (a pattern that finds its words right next to the number beats one that
        reaches across the clause), an alias found in the measure 4, the indicator's
        section 0.5, an annual number 0.2 (a running total loses to the year's own
        figure). An ``exclude`` word in the clause (but a quoted name of an earlier
        list item, :func:`exclude_scope`) rules the indicator out, and so
        does a topic conflict: an indicator of one case-work family (复议, 诉讼, 执法)
        when ``families``, the scope of the number, names others only. A pattern whose
        words stand before 等 with a noun between 等 and the number (专题研究行政立法、
        执法监督等工作11次) names examples of what is counted, not the count: it does not
        match.

        ``reasons``, when given, receives why each indicator that matched the words was
        set aside: ``family`` (a topic conflict), ``subset`` (:func:`narrowed`),
        ``scope`` (:func:`_unfit_scope`), ``agreement`` (:class:`_Agreement`) or
        ``exclude`` (an ``exclude`` word), for the review worksheet (it changes no
        score). ``subsets``, when given, receives the ids set aside because the number
        counts a subset of what they count (:func:`narrowed`; parts names them).
        """
        out: list[tuple[float, str]] = []
        excluded: set[str] = set()
        # a part (其中受理34件) is matched by what it counts; the part rule in _assign
        # keeps it from its whole's indicator
        bare = measure.removeprefix("其中")
        entries = self.by_unit_kind.get((unit, kind))
        if not entries:
            return out, excluded
        pat_index, alias_index = self.index[(unit, kind)]
        own = None  # exclude_scope(clause), read when an indicator with excludes is left
        # a sentence without any word a pattern needs cannot match it (most cannot: one
        # pass for the words is far cheaper than a search per indicator)
        pat_hits = pat_index.hits(marked)
        alias_hits = alias_index.hits(bare)
        for i in sorted(pat_hits | alias_hits):
            e = entries[i]
            if families and e.family and e.family not in families:
                if reasons is not None and (
                        i in pat_hits and e.search(marked)
                        or i in alias_hits and e.alias_search(bare)):
                    reasons.setdefault(e.iid, "family")  # its words are there
                continue
            # e.search(marked), its call spared (the loop's most frequent step)
            mt = (e.rx.search(marked) if i in pat_hits
                  and (e.has_all is None or e.has_all(marked)) else None)
            at = mt.start() if mt is not None else 0
            for _ in range(3):  # the leftmost match may reach far; a later one is closer
                if mt is None or mt.end() - mt.start() <= 6:
                    break
                later = e.rx.search(marked, at + 1)  # its words are there: no pre-check
                if later is None or later.start() > hash_pos:
                    break
                at = later.start()
                if later.end() - later.start() < mt.end() - mt.start():
                    mt = later  # a later match that spans more is no closer
            listed = (mt is not None and mt.start() < hash_pos
                      and _last_of_list(e.zh_name, marked, mt, hash_pos))
            if mt is not None and mt.start() < hash_pos and (
                    listed or _only_examples(e.rx, marked, mt, hash_pos)
                    or self._joint_item(entries, pat_index, e, marked, mt, hash_pos)):
                mt = None
            # one kind of a list the number counts together: its measure, which carries
            # the whole list, does not name that kind's indicator either
            al = (not listed and i in alias_hits
                  and e.alias_search(bare) is not None)
            if mt is None and not al:
                continue
            words = e.rx.pattern if e.rx is not None else ""
            # a channel the indicator excludes (一件事: counted by an indicator of its
            # own) names cases that are no part of this one's count: ruled out, no part
            ch = channel_before(e.zh_name, marked, hash_pos, words)
            if ch and e.exclude_rx is not None and e.exclude_rx.search(ch):
                excluded.add(e.iid)
                if reasons is not None:
                    reasons.setdefault(e.iid, "exclude")
                continue
            if narrowed(e.zh_name, marked, hash_pos, words, ch):
                excluded.add(e.iid)
                if subsets is not None:
                    subsets.add(e.iid)
                if reasons is not None:
                    reasons.setdefault(e.iid, "subset")
                continue
            unfit = (_unfit_scope(e.zh_name, marked, hash_pos)
                     or body_unfit(e.zh_name, marked, hash_pos)
                     or _no_law_topic(e.zh_name, marked))
            if unfit or _agreement().disagrees(e, marked, hash_pos):
                excluded.add(e.iid)
                if reasons is not None:
                    reasons.setdefault(e.iid, "scope" if unfit else "agreement")
                continue
            # the measure carries the topic of the clause before (热线…，按时办结率98%):
            # an excluded scope named there rules the indicator out as well
            # a duration's procedure is often named in a clause before the number's own
            # (企业开办时间进一步缩短，审批时限控制在#): there an excluded topic rules out too
            # so is a subset's (对其中的#项实行告知承诺制): its object is the count's before
            # it in the sentence (…确认证明事项227项，…对其中的#项); and a rate's, whose
            # object is often the counts stated before it (收到司法建议…、检察建议…，按期
            # 办复率#: first runs blind9 langxi, blind12 xicang)
            if own is None and e.exclude_rx is not None:
                own = exclude_scope(clause)
            out_ruled = e.exclude_rx is not None and (
                e.exclude_rx.search(own) or e.exclude_rx.search(bare)
                or (hash_pos > 0 and (unit in DURATION_UNITS or kind == "rate"
                                      or _subset_of_before(marked, hash_pos))
                    and e.exclude_rx.search(marked, 0, hash_pos)))
            if out_ruled:
                excluded.add(e.iid)
                if reasons is not None:
                    reasons.setdefault(e.iid, "exclude")
                continue
            score = 0.0
            if mt is not None:
                score += 10 - min(mt.end() - mt.start() - 1, 40) / 10
                if _DIGIT_RE.search(marked, mt.start(), max(mt.start(), hash_pos - 4)):
                    score -= 3  # the words reach across another number to this one
                elif mt.end() == hash_pos + 1 and marked[hash_pos - 1:hash_pos] in _JOINERS:
                    score -= 2  # "…执法证换发工作和#…": the words belong to the item before
            if al:
                score += 4
            if section and e.section == section:
                score += 0.5
            if scope == "annual":
                score += 0.2
            out.append((score, e.iid))
        return out, excluded

    @staticmethod
    def _joint_item(entries, pat_index, e: _Entry, marked: str, mt: re.Match,
                    hash_pos: int) -> bool:
        """Whether ``e`` matched only the first of two items the number is stated for
        together (开办企业和不动产登记仅用#, 行政复议和行政诉讼案件#): a joint count that
        names neither, unless the indicator's own name holds the second item (办理政协
        提案及社情民意数 for 政协提案及社情民意#) and no other indicator claims it.

        The first item must end in a word the indicator's patterns need (开办企业 before
        和): in 开展法治宣传进机关、进企业活动# the words 法治宣传 head both items."""
        j = _only_first_item(e.rx, marked, mt, hash_pos)
        if j < 0 or not e.lits or not any(marked.endswith(w, 0, j) for w in e.lits):
            return False
        if marked[j + 1:hash_pos][:4] not in e.zh_name:
            return True
        second = marked[j + 1:]
        return any(entries[i] is not e and entries[i].rx is not None
                   and entries[i].search(second) for i in pat_index.hits(second))

    def candidates(self, marked: str, unit: str, kind: str) -> list[str]:
        """Indicator ids whose patterns match ``marked``, best first (no measure)."""
        ranked = sorted(self.scored(marked, "", marked, unit, kind,
                                    hash_pos=marked.find("#"))[0], key=lambda x: -x[0])
        return [iid for _s, iid in ranked]


_MATCHERS: dict[int, _Matcher] = {}


def _matcher(cat) -> _Matcher:
    m = _MATCHERS.get(id(cat))
    if m is None or m.cat is not cat:
        m = _MATCHERS[id(cat)] = _Matcher(cat)
        # what is alive now (the modules, pandas, the catalogue and its compiled
        # patterns) lives as long as the process: out of the collected generations, a
        # full collection walks only what an extraction makes (about 45 ms per MB of
        # text less, issue 9). Reference counting still frees what is frozen.
        gc.freeze()
    return m


# Two or more meetings of different kinds joined before one count (常委会会议和依法治市
# 委员会会议4次; 委员会会议、督察动员会和推进会…，合计4次). 委员会, 社会, 协会 … are no meetings.
_MEETING = r"(?:会议|(?<![员社机学协工商都大])会)"
_JOINT_EVENTS_RE = re.compile(rf"{_MEETING}(?:和|及|与|、|以及)[^，,。；;：:\d]{{1,24}}?{_MEETING}")
# what such meetings did, when the count is of that (常委会、常务会议专题听取…汇报10次)
_MEETING_WORK_RE = re.compile(r"听取|研究|审议|讨论|部署|学习|学法|汇报")


def _joint_meetings(subject: str) -> bool:
    """Whether ``subject``, the words a count follows, names two or more meetings of
    different kinds counted together (see ``_JOINT_EVENTS_RE``), and not work done at
    them."""
    if subject.count("会") < 2:
        return False  # each meeting ends in 会: most subjects hold none (a regex pass less)
    last = _last_match(_JOINT_EVENTS_RE, subject)
    return last is not None and not _MEETING_WORK_RE.search(subject, last.end())


# The bodies whose meetings hold law study (docs/design.md "Confidence"): every theory
# study group of the place (各级…中心组, and 各部门/各单位…中心组 alike: no one body; first
# runs blind4 miyun, blind8 haiyuan, tianshui), the party committee's standing committee,
# the government's executive meeting, the theory study group, a party group's or party
# committee's meeting, a party working committee, an office meeting of a town or street.
# 党组 alone is no meeting (各级党委（党组）), and 党工委理论学习中心组 is the working
# committee's study group, one body. Two vehicles of study that are no body's meeting
# count as other bodies too, so that a count they share with the study group is nobody's
# alone: the party branches' meetings (三会一课, 主题党日) and officials' training (培训,
# 党校): 列为“三会一课”和党委中心组的必学篇目，全年开展专题学习4次; 组织中心组理论学习
# 和法治培训5次 (first runs blind10 shuikuan, blind9 xushe, blind7 xinganmeng). A lecture
# (讲座) is a form of the group's own study (通过专题讲座、集体研讨等形式), no other body.
# A town's or street's 党政班子会 (党政联席会议) joins the party body with the office: a body
# of its own, whose study is the leadership team's (definitions of the executive meeting's
# and officials' study; first run blind15 yingpu: 制定《…党政班子会…学法清单》，全年开展班子
# 会前学法#). A 班子会议 with no 党政 stays for the patterns (dev huangwan's gold).
# A street office's 主任办公会(议) is its executive meeting (召开主任办公会议#次, 召开#次主任
# 办公会: blind10 kongjianglu, blind11 guangnei first runs), not another body's 办公会.
# The staff's meetings (周例会, 职工大会, 干部大会) are bodies of their own, no executive
# meeting: 开展周例会学法#次 is no 常务会议学法 (first run blind16 sizhuang).
_STUDY_BODY_RE = re.compile(r"(各(?:级|部门|单位|系统|乡镇|街镇|镇街|街道|县区|区县|县市区)"
                            r"[^，,。；;：:、]{0,16}?中心组)"
                            r"|(常委会)|(常务会|主任办公会)|(中心组)|(党组(?:扩大)?会)"
                            r"|(党委(?:（扩大）|扩大)?会)"
                            r"|(党工委(?!(?:理论学习)?中心组))|(办公会|办公室会议)"
                            r"|(三会一课|主题党日)|(培训|党校)|(党政班子会|党政联席会)"
                            r"|(周例会|(?:干部)?职工大会|干部大会)")
_ALL_GROUPS, _EXEC, _GROUP = 1, 3, 4
_STUDY_RE = re.compile(r"学法|学习|研讨")
# law content that makes a theory study group's study law study (its definition)
_LAW_CONTENT_RE = re.compile(r"法治|法制|法律|法规|宪法|民法典|学法|依法行政")
_ENFORCERS_RE = re.compile(r"执法人员")


def _study_bodies(text: str) -> set[int]:
    """Which kinds of body (group numbers of ``_STUDY_BODY_RE``) ``text`` names."""
    return {mt.lastindex for mt in _STUDY_BODY_RE.finditer(text)}


# the number's item after it: up to the next item, clause end or number
_ITEM_TAIL_END_RE = re.compile(r"[^，,。；;：:！？!?\n、\d]*")


def _after_last_number(own: str) -> str:
    """``own`` (a clause up to the number) after its last earlier number, if any: the
    number's own item (常务会议学法10次、中心组学法5次: the item before is another
    number's)."""
    last_number = _last_match(_DIGIT_RE, own)
    return own if last_number is None else own[last_number.end():]


def count_bodies(marked: str, hash_pos: int) -> set[int]:
    """The kinds of body (:data:`_STUDY_BODY_RE`) whose count the number at ``hash_pos``
    of ``marked`` is: those its own item names, before the number (after any earlier
    number of the clause: 常务会议学法10次、中心组学法5次) or right after it (召开6次政府
    常务会议); when it names none, those of the nearest clause before it in the sentence
    that names one (纳入镇党委理论学习中心组的学习计划，全年开展专题学习4次; 常务会议会前
    学法4次，专题听取…汇报2次: a later count of the chain is still that body's). Empty
    when no body is named: the text does not say whose count it is."""
    start = _own_clause(marked, hash_pos)[0]
    own = _after_last_number(marked[start:hash_pos])
    tail = _ITEM_TAIL_END_RE.match(marked, hash_pos + 1).group()
    bodies = _study_bodies(own) | _study_bodies(tail)
    end = start - 1
    while not bodies and end > 0:
        bound = _last_match(_CLAUSE_END_RE, marked[:end])
        begin = bound.end() if bound is not None else 0
        bodies = _study_bodies(marked[begin:end])
        end = begin - 1
    return bodies


# Officials as a group: one list for the people who study (below) and the audience of
# law training (_OFFICIALS_RE), so a word added for one is not missed by the other.
_STAFF = "班子|干部|职工|工作人员|公职人员"
# Officials studying, with no meeting in the clause (班子成员共开展学法活动#, 组织干部职工
# 学法#): officials' collective law study (definition of officials_law_training_sessions),
# not a meeting's. First runs blind4 guoyuan, blind7 lizi, blind9 huangzhai, shuangshan.
_PERSONS_STUDY_RE = re.compile(rf"(?:成员|{_STAFF})[^，,。；;：:会\d]{{0,10}}学法")


# A meeting joined with another meeting before one count, or a meeting list closed by 等
# (常务会、法治政府建设专题会等研究部署…#; 县委常委会与县政府常务会共组织集体学法#): the
# count is of several meetings, whatever one of them is a body of its own, so no one
# body's indicator names it. First runs blind6 changsha, blind12 tongren (joined with a
# meeting that is no study body), blind4 lingshou, blind5 huyi.
_MEETINGS_JOINED_RE = re.compile(rf"{_JOINT_EVENTS_RE.pattern}|{_MEETING}等")


def joined_meetings(marked: str, hash_pos: int) -> bool:
    """Whether the number's own item (its clause up to the number, after any earlier
    number) joins a meeting with another one or closes a list of meetings with 等."""
    own = _after_last_number(marked[_own_clause(marked, hash_pos)[0]:hash_pos])
    return _MEETINGS_JOINED_RE.search(own) is not None


# the public as an audience (not 干部群众, cadres and the public together), and officials
_PUBLIC_RE = re.compile(r"(?<!干部)群众|村民|居民|农牧民|农民|市民|学生|青少年|师生|老年人")
_OFFICIALS_RE = re.compile(rf"{_STAFF}|公务员|领导|党员|机关")


# Two study groups joined before one count (市委理论学习中心组和市政府党组理论学习中心组集体
# 学法#): one kind of body twice, still two bodies' joint count (first run blind15
# linxiangshi); so is a group joined with another party body, either first (局党委中心组和
# 机关党委集中学法#: first run blind16 dazu). Groups named only in a clause before the
# number (列入区委…中心组和区政府党组…中心组的学习内容，全年共组织学习#) are whose plan it is,
# not the count's bodies (blind5 changqing's gold names the group's count there).
_PARTY_BODY = r"(?:中心组|党委|党组|支部|党工委)"
_GROUPS_JOINED_RE = re.compile(rf"中心组[、和及与][^，,。；;：:\d]{{0,16}}{_PARTY_BODY}"
                               rf"|{_PARTY_BODY}[、和及与][^，,。；;：:\d]{{0,16}}中心组")
# A meeting's study before the meeting (会前学法) named in the sentence before a count whose
# own item names no body (执行会前学法制度，全年累计学习#): the count takes in the meetings'
# study too, so it is no count of the group alone (first run blind15 huangjueping).
_PRE_MEETING_STUDY = "会前学法"


def _groups_joined_or_study_beside(marked: str, hash_pos: int) -> bool:
    """Whether a law-study count is more than one study group's own: its own item joins
    two groups (:data:`_GROUPS_JOINED_RE`), or names no body while the sentence before it
    names a meeting's pre-meeting study."""
    own = _after_last_number(marked[_own_clause(marked, hash_pos)[0]:hash_pos])
    if _GROUPS_JOINED_RE.search(own):
        return True
    return not _study_bodies(own) and _PRE_MEETING_STUDY in marked[:hash_pos]


# Legal outreach (普法) named in the sentence, but not a 普法 plan, which officials' study is
# written into (写入“八五”普法规划，举办专题讲座#: blind7 jianzhuxincun): with no officials
# in the number's own clause, its training is outreach (举办民法典专题培训#、…，民法典以案普法
# …: first run blind12 shangluo_pufa).
_OUTREACH_RE = re.compile(r"普法(?![”\"]?(?:规划|责任))")


def body_unfit(zh_name: str, marked: str, hash_pos: int) -> bool:
    """Whether the body whose count the number is rules out an indicator of one body's
    study or meetings (docs/design.md "The body decides"): a count of the theory study
    group (中心组 in the name) needs that group as its only body and law content in its
    sentence; one of the executive meeting (常务会) no body but that meeting;
    the study of the Thought (法治思想) is no count of either of them. Other indicators
    are not concerned (False)."""
    if hash_pos < 0:
        return False
    if "中心组" in zh_name:
        return (count_bodies(marked, hash_pos) != {_GROUP}
                or not _LAW_CONTENT_RE.search(marked) or joined_meetings(marked, hash_pos)
                or _groups_joined_or_study_beside(marked, hash_pos))
    if "常务会" in zh_name:
        bodies = count_bodies(marked, hash_pos)
        if joined_meetings(marked, hash_pos):
            return True
        if "汇报" in zh_name:
            # its business (专题研究法治工作) with no meeting named is the leadership's
            # (县委和县政府的主要负责同志), not the executive meeting's
            return bodies != {_EXEC}
        # law study with none named: a town's 班子会议学法, 会前学法 (its patterns decide);
        # but people studying with no meeting in their clause (班子成员开展学法活动#,
        # 组织干部职工学法#) is officials' collective study, no meeting's
        return not bodies <= {_EXEC} or (not bodies and _PERSONS_STUDY_RE.search(
            marked, _own_clause(marked, hash_pos)[0], hash_pos) is not None)
    if "法治思想" in zh_name:
        return bool(count_bodies(marked, hash_pos) & {_EXEC, _GROUP})
    if "学法培训" in zh_name or "法治培训" in zh_name:
        # officials' law training (sessions or trainees): a class or lecture counts only
        # in a sentence about law (专题研讨班…培训干部#人次 with no law named is no law
        # training: first runs blind8 turpan, blind11 jianghan); and not when the
        # sentence names the public (农牧民, 村民 …) while the number's own clause names
        # no officials: whose training it is, the text does not say (列入干部培训…和农牧民
        # 培训大纲，…举办专场讲座#: first run blind9 yanqi)
        # (but the hours of enforcement officers' training are law training hours: the
        # yearly training their rules set is in law, 行政执法人员人均参加培训48课时; trial 26)
        if not _LAW_CONTENT_RE.search(marked) and not (
                "学时" in zh_name and _ENFORCERS_RE.search(marked)):
            return True
        start = _own_clause(marked, hash_pos)[0]
        return ((_PUBLIC_RE.search(marked) is not None
                 or _OUTREACH_RE.search(marked) is not None)
                and _OFFICIALS_RE.search(marked, start, hash_pos) is None)
    return False


def _no_law_topic(zh_name: str, marked: str) -> bool:
    """Whether ``marked`` (the number's sentence) names no law (:data:`_LAW_CONTENT_RE`)
    while the indicator named ``zh_name`` counts instructions on rule-of-law work
    (主要负责人对法治建设作出批示次数): 市委、市政府领导6次作出批示对市场监管工作予以肯定 are
    instructions on another work (first run blind16 taian). Each gold instruction count
    of the seventeen sets names law in its sentence (法治建设, 依法治市, 法治化 …), also
    when its own clause names the work only as 有关工作."""
    return "批示" in zh_name and "法治" in zh_name and not _LAW_CONTENT_RE.search(marked)


def _joint_study(before: str, own: str) -> bool:
    """Whether a law-study count whose own clause is ``own`` (up to the number) is a
    joint count of two or more bodies: named in its own clause (区政府常务会及党组扩大
    会议也学法6次), or, when its own clause names no body, in the clauses of its sentence
    before it (``before``: 列入区委常委会议和区政府常务会议的学习内容，…，全年开展会前学法
    30余次). One body's indicator does not name a count of several bodies' study."""
    if not _STUDY_RE.search(own):
        return False  # most clauses: no study at all (cheap test first)
    own = _after_last_number(own)
    if not _STUDY_RE.search(own):
        return False
    bodies = _study_bodies(own)
    if not bodies:
        if _PERSONS_STUDY_RE.search(own):
            # 组织干部职工学法4次: the officials' own study, whatever bodies' study plans
            # the clauses before list
            return False
        bodies = _study_bodies(before)
    return len(bodies) >= 2


#: A number whose best free indicator beats another free one by this or less stays
#: unnamed (docs/design.md "Confidence"; tuned on the dev and blind sets together).
RUNNER_UP_MARGIN = 0.3


def too_close(best: float, other: float) -> bool:
    """Whether two scores of one number lie within :data:`RUNNER_UP_MARGIN` of each
    other, the margin itself included.

    Scores are sums of tenths, whose floating-point differences fall either side of
    0.3 (10.0 - 9.7 came out above it and was named, 9.9 - 9.6 below it and was a tie):
    a margin of exactly 0.3 is always a tie (first runs: two wrong names at 0.3, no
    right one; docs/design.md "Confidence").
    """
    return abs(best - other) < RUNNER_UP_MARGIN + 1e-9
