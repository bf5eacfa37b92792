"""Step 01: find the statistics in a report and map them to the indicator catalogue.

A *mention* is a number with its counting word as the report writes it: ``849件``,
``1628 万元``, ``99%以上``, ``二百余场``, ``提高6个百分点``. Extraction works on the
normalised text (:mod:`rol_analysis.normalize`) and maps every span back to the raw
text, so ``raw[char_start:char_end]`` is the mention as published.

How a mention is read:

- value: digits with separators and decimals, Chinese numerals, ``百分之…``, times the
  scale word (万, 亿); a decrease (下降, 减少) is negative.
- qualifier: ``余 多 逾 超过 以上 高于 不低于 不少于`` -> at_least, ``近 不足 低于 不超过``
  -> at_most, ``约 左右`` -> approx, else exact.
- kind: ``%`` -> rate, ``元`` -> amount, a change (``同比增长12.6%``, ``提高6个百分点``)
  -> change, else count. scope: change, as_of (截至目前, 累计, 目前) or annual.
- two units side by side (``20支（612人）``, ``308批589人次``) are two mentions.

What is not a statistic and is left out: numbers without a counting word (years,
dates, document numbers 〔2023〕5号, plan periods, hotlines 12345; but digits with 万/亿,
``向11.43万农民工``, and a whole number ending its clause after 达/超过, ``访问量累计达
2986773``, are counts with an empty unit), ordinals and ranks (第二届, 前10名),
numbers inside quotation marks or book titles (“1211”机制, “一件事”; a percentage in
quotation marks is a claim and stays: “三个100%”, and so does a quoted achievement that
ends with its count: “整改突出问题2330个”), fixed phrases
and slogans (三项制度, 双随机、一公开, 八五普法, 二十大, listed in ``SLOGANS``), the
service slogans ``24小时``/``365天``, placeholders (``召开会议*次`` has no digit), and
Chinese numerals that read as words rather than counts (``一次性``, ``两个方面``)
unless the catalogue recognises them and a verb leads to or follows them (not
``法治政府建设十项重点任务``).

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

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import measure, numbers
from .exceptions import InputError
from .normalize import normalize
from .tables import INDICATOR_COLUMNS, MENTION_COLUMNS  # noqa: F401 - re-exported

# Counting words, longest first where one is a prefix of another (人次 before 人).
# 个部门 is 个 with 部门 in the measure; 年 only counts in a streak (连续12年).
UNITS = (
    "个百分点", "百分点", "个工作日", "工作日", "个月", "平方公里", "平方米", "公里", "小时",
    "分钟", "人次", "场次", "户次", "家次", "件次", "批次", "台次", "车次", "辆次", "艘次",
    "架次", "个次", "班次", "课时", "学时", "部门",
    "%", "元", "件", "次", "项", "个", "名", "人", "份", "场", "户", "家", "支", "批", "天",
    "期", "条", "起", "部", "处", "所", "座", "辆", "台", "套", "篇", "本", "册", "张",
    "类", "宗", "位", "亩", "吨", "页", "卷", "轮", "堂", "节", "单", "门", "省", "年", "分",
    "种", "面", "票", "成", "倍", "通",
)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_CN_NUM = "[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_MENTION_RE = re.compile(
    # 约/近 inside a word (节约10天, 签约3家, 最近3个月) are no qualifiers
    r"(?P<pre>大约|(?<![节制签预邀履违合条公契特集缔守践解赴])约|将近|接近|(?<![最就附临邻亲])近|不足|不到|不低于|不少于|不超过|不高于|高于|低于|少于"
    r"|超过|逾|多达|突破|超|上(?=[百千万](?!分之))|至少|最少|至多|最多|最长)?"
    # 百余场, 近千人, 上万人次: a bare place word with 余/多 or after 近/逾/超/上
    r"(?P<num>百分之[零〇一二两三四五六七八九十百千点]+|[百千万](?=[余多])|(?<=[近逾超上])[百千万]"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|{_CN_NUM}(?:点[零〇一二三四五六七八九]+)?)"
    r"(?P<q1>余|多)?"
    r"(?P<scale>千万|百万|十万|万|亿|千)?"
    r"(?P<q2>余|多)?"
    rf"(?P<unit>{_UNIT_RE})?"
    r"(?P<post>以上|以下|以内|左右|上下|\+(?![\dA-Za-z+]))?"
)
_AT_LEAST = {"余", "多", "逾", "超过", "超", "多达", "突破", "以上", "高于", "不低于", "不少于",
             "上", "至少", "最少", "+"}
_AT_MOST = {"近", "将近", "接近", "不足", "不到", "以下", "以内", "低于", "不超过", "不高于",
            "少于", "至多", "最多", "最长"}
_APPROX = {"约", "大约", "左右", "上下"}

#: Fixed phrases and slogans whose numerals are names, not counts.
SLOGANS = (
    "一件事", "三项制度", "双随机", "一公开", "八五普法", "七五普法", "六五普法", "二十大",
    "十九大", "十八大", "十四五", "十三五", "十五五", "两个确立", "两个维护", "四个意识",
    "四个自信", "四个全面", "五位一体", "一次办好", "最多跑一次", "跑一次", "一网通办",
    "一网统管", "一窗受理", "一站式", "一张网", "三个一", "千家万户", "一村一", "一社区一",
    "一会一学", "五个一", "一把手", "一对一", "一案一", "一企一", "一户一", "一人一",
    "一事一", "一地一", "一条龙", "一盘棋", "一体化", "一揽子", "一线", "第一责任人",
    "两法衔接", "两个责任", "三零", "三夏", "六防六促", "一号", "一号文件", "两会",
    "两新", "两委", "两级", "三级", "四级", "五级", "一带一路", "7×24", "7*24", "5+2",
)
_SLOGAN_RE = re.compile("|".join(re.escape(s) for s in sorted(SLOGANS, key=len, reverse=True)))
# Round-the-clock service slogans ("24小时自助办理", "全年365天不打烊").
_SLOGAN_VALUES = {(24.0, "小时"), (365.0, "天"), (366.0, "天")}
# Quotation marks and book titles: a number inside names something (“1211”机制).
_QUOTED_RE = re.compile(r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|《[^《》\n]{0,80}》|「[^「」\n]{0,40}」"
                        r"|『[^『』\n]{0,40}』|‘[^‘’\n]{0,20}’|〔[^〔〕\n]{0,10}〕|\[[^\]\n]{0,10}\]")
_SENTENCE_END_RE = re.compile(r"[。！？!?；;\n]")
_CLAUSE_END = "，,。；;：:！？!?\n"
# After the unit: where a clause (or list item) ends, so a Chinese numeral is a count.
_BOUNDARY = set("，,。；;：:、）)（(！？!?\n“”") | {""}
_CHANGE_VERB_RE = re.compile(
    r"(?:同比|环比|较上年|比上年|较去年|比去年|较\d{4}年|与上年相比|与去年相比)?[^，,。；;]{0,4}?"
    r"(?:增长|增加|上升|下降|减少|提高|降低|提升|增幅为?|降幅为?|减幅为?|回落)了?(?:达|为)?$"
    # "比上年少了46人", "较去年多3件": 少/多 right after a comparison, or 少了/多了
    r"|(?:同比|环比|较上年|比上年|较去年|比去年|较\d{4}年)(?:少|多)了?$|(?:少|多)了$"
)
_COMPARE_RE = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|较\d{4}年|与上年相比|与去年相比"
                         r"|上升|下降|增幅|降幅")
_DECREASE_RE = re.compile(r"下降|减少|降低|降幅|减幅|回落|少了?$")
_AS_OF_RE = re.compile(r"截至|截止|至今|目前|累计|历年")
_ANNUAL_RE = re.compile(r"全年|年内|本年|今年|当年|年度|\d{4}年")
_RANGE_BEFORE_RE = re.compile(r"\d[-－~～至到]$")
# "报备及时率、合法合规率(均)达100%": the names share the value.
_SHARED_TAIL_RE = re.compile(r"(?:均|都|全部|全)?(?:达到|达|为|是|保持在|保持|实现)?$")
# List separators. 和/及/与 also occur inside words (及时, 参与, 和谐), so between rate
# names they count only after 率, and 及 never before 时.
_RATE_SEP_RE = re.compile(r"、|(?<=率)[和及与]")
_NAME_SEP_RE = re.compile(r"、|和|及(?!时)|与(?!会)")
# "由494项减少到304项", "从15个工作日压缩至3个工作日": the before and after values.
_CHANGE_TO_RE = re.compile(r"\s*(?:压缩|压减|缩短|减少|降低|精简|提高|提升|增加|增长|控制|下降|降"
                           r"|减|增)"
                           r"(?:至|到|为)\s*")
# 其中, and 包括 after a comma (…12件，包括…3件), not 包括X在内的12个 (the whole itself)
_PART_RE = re.compile(r"其中|(?<=[，,])包括(?![^，,。；;]*在内)")
# The clause around a number: the run of non-punctuation before it, the next mark after.
# (greedy .* backtracks from the end: linear, where [^…]*$ would retry at every start)
_CLAUSE_HEAD_RE = re.compile(r".*[，,。；;：:！？!?\n]", re.S)
_CLAUSE_END_RE = re.compile(r"[，,。；;：:！？!?\n]")
_KIND_HEAD_RE = re.compile(r".*[，,。；;\n]", re.S)
# "A、B、C均不足500件": the same value for each name (均/都/各 right before the value).
# "委员会会议和办公室会议各开了1次": 各 with a short verb before the value.
_SHARED_COUNT_RE = re.compile(r"(?:均|都|各)(?:为|是|达到|达|有|不足|不到|超过|在"
                              r"|(?:召开|开|举办|开展|组织|办理|受理|收到|完成)了?)?$")
# "15分钟公共法律服务圈", "1小时生活圈": a distance or time that names a service radius
_CIRCLE_RE = re.compile(r"[\u4e00-\u9fff]{0,8}圈")
# A single rate name before a value each counted item of the clause before shares.
_EACH_RATE_RE = re.compile(r"(?P<rate>[^、和及与]{1,8}率)(?:均|都)(?:为|是|达到|达|保持在|保持)?")
_ITEM_JOINERS = frozenset("和、及与")
# The verb before a list of names that share a value with 各 (接受述职评议和述法测评各1次).
_EACH_VERB_RE = re.compile(r"接受|开展|进行|组织|召开|举办|举行|参加|参与|完成|听取|实施")
_RESPECTIVELY_RE = re.compile(r"分别(?:为|是|达到|达|有|占)?")
# The noun phrase right after a number (办理了45件人大代表建议和…, 完成了3件重大行政决策的合法
# 性审查): up to the next separator or number; one that starts with a verb is no noun.
_NOUN_AFTER_RE = re.compile(
    r"(?:(?!参与|参加|开展|进行|取得|担任|接受|完成|通过|实现|获得|纳入|提供|签订|处理|发放|"
    r"得到|受到|列入|被|已|均|全部)[^，,。；;：:、和及与（(\d\s“”\"]){2,16}")
_VERB_AFTER_RE = re.compile(r"(?:以上|以下|左右|之|多|余|的|是|为|在|以|中|上|下|内|外|后|前|"
                            r"研究|审议|听取|部署|专题|开展|组织|召开|举办|参加|参与|达到|达|"
                            r"共|累计|合计|同比|比|较|增|减|下降|上升|提高|涉及|覆盖|占)")
# The verb that opens a list of names and applies to each (审查规范性文件、合同分别为…).
_LIST_LEAD_RE = re.compile(
    r"(?:全年|今年|当年|本年度?|年内|共|累计|全县|全市|全区|全镇|全乡|依法|先后|积极)*"
    r"(?P<verb>审查|审核|办理|承办|查处|作出|受理|审结|收到|出具|制定|制发|发布|公开|召开|"
    r"开展|组织|举办|清理|废止|备案|报备|答复|化解|调解|评查|检查|聘请|新增|取消|下放|"
    r"培训|处置|移送|约谈|问责)")


@dataclass
class Mention:
    """One number-with-unit found in the normalised text."""

    start: int  # normalised offsets of the whole mention (prefix qualifier included)
    end: int
    value: float
    unit: str
    qualifier: str
    kind: str
    scope: str = "annual"
    weak: bool = False  # a Chinese numeral read as a word unless the catalogue knows it
    indicators: list[str] = field(default_factory=list)  # one per measure; "" = none
    measures: list[str] = field(default_factory=list)  # what it counts, one per reading
    parts: list[str] = field(default_factory=list)  # per reading: the whole's id, or ""
    # (unit, kind) a count stated without a counting word implies (欠薪8.2亿: 元, amount);
    # matched with it, and written with it once an indicator names the number
    implied: tuple[str, str] | None = None


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
    """

    mentions: object
    indicators: object
    meta: dict


# ----------------------------------------------------------------------------- matching

_DIGIT_RE = re.compile(r"\d")
# a clause with nothing but time words, 共/累计 and a light verb before its number
_LIGHT_ONLY_RE = re.compile(r"\s*(?:全年|今年|本年度?|年内|当年|以来|一年来|全年度|共计?|累计|先后|"
                            r"已经?|合计|总计|一共|分别|召开|开展|举办|举行|组织|进行|开|办|"
                            r"了|达到?|为)+\s*")


def _last_clause_start(text: str) -> int:
    """Offset where the last clause of ``text`` starts (after its last punctuation)."""
    head = _CLAUSE_HEAD_RE.match(text)
    return head.end() if head else 0
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


def _needed(items) -> frozenset[str] | None:
    """Words one of which every match of the parsed pattern ``items`` contains (``#``
    aside), or None when no such set of words of two characters or more is found."""
    from re import _parser as sre_parse  # Python >= 3.11, as pyproject requires

    cands: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is sre_parse.LITERAL and arg != ord("#"):
            run += chr(arg)
            continue
        if len(run) >= 2:
            cands.append(frozenset({run}))
        run = ""
        alts = None
        if op is sre_parse.SUBPATTERN:
            alts = _needed(arg[-1])
        elif op is sre_parse.BRANCH:
            parts = [_needed(alt) for alt in arg[1]]
            alts = None if None in parts else frozenset().union(*parts)
        if alts:
            cands.append(alts)
    if len(run) >= 2:
        cands.append(frozenset({run}))
    # the fewest, longest words make the cheapest and surest test
    return max(cands, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _needed_words(pats) -> tuple[str, ...] | None:
    """Words one of which any match of the patterns ``pats`` contains, or None."""
    from re import _parser as sre_parse

    words: set[str] = set()
    for pat in pats or ():
        need = _needed(sre_parse.parse(pat))
        if need is None:
            return None
        words |= need
    return tuple(sorted(words)) or None


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
        self.rx = (re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
                   if words else None)
        self.entries = {w: frozenset().union(*(by_word[v] for v in words if v in w))
                        for w in words}

    def hits(self, text: str) -> frozenset[int]:
        """Indices of the entries that may match ``text``."""
        if self.rx is None:
            return self.always
        found = set(self.rx.findall(text))
        if not found:
            return self.always
        return self.always.union(*(self.entries[w] for w in found))


_ITEM_START_RE = re.compile(r".*[、，,。；;：:！？!?\n]", re.S)


def _only_examples(rx: re.Pattern, marked: str, mt: re.Match, hash_pos: int) -> bool:
    """Whether the match ``mt`` finds its words only in the last example of a list
    closed by 等 before a noun (专题研究行政立法、执法监督等工作#: the number counts
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
    j = max(marked.rfind(c, mt.start() + 1, hash_pos) for c in "和及与、")
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

# Words of the number's own clause that say it counts something other than what an
# indicator names (docs/design.md "Confidence"; measured on dev+blind+blind2+blind3+blind4).
# A verb of change before the counted object (取消行政许可事项#, 对政务服务事项动态调整#次,
# 按期整改…反馈的#问题) makes it a count of what was changed, not of the stock; not when the
# verb states a result (调整后…, 精简为/至…: the stock after the change).
_CHANGE_OBJ_RE = re.compile(r"(取消|下放|调整|承接|划转|整改)(?![后为至到])")
# A per-level item (3个国家级、#省级示范村; 国家级示范村#、市级示范村…) or a list the places
# entered (#村入选…).
_LEVEL_AFTER_RE = re.compile(r"(?:（[^）]{0,8}）)?(?:国家|省|市|县|区|乡镇)级")
_LEVEL_RE_ANY = re.compile(r"(?:国家|省|市|县|区|乡镇)级")
# Training or exams in the number's own clause: it counts trainees, sessions or
# candidates, which only an indicator of training, exams or study names.
_TRAINING_RE = re.compile(r"培训|轮训|参训|考试")
_TRAINING_NAME_RE = re.compile(r"训|考|学|培")
# A noun of the number narrowed to one domain right before it (涉农公证#, 涉企案件#).
_SUBSET_NOUN_RE = re.compile(r"(涉[农企税外侨军黑恶访])[\u4e00-\u9fff]{0,4}$")
# A span of several years before the number (连续4年, 五年来, 三年间, 历年): with 累计 the
# number totals those years. 今年以来 and 2023年以来 are no such span.
_YEARS_SPAN_RE = re.compile(r"连续[\d一二两三四五六七八九十]{1,2}年"
                            r"|(?<![\d年〇零一二两三四五六七八九十])"
                            r"[\d一二两三四五六七八九十]{1,2}年(?:来|间|以来)|历年|多年来")
# The counted noun right after the number: organisations or places. A count of 部门/单位
# cannot take an indicator whose name counts 地区/县/乡镇, nor a count of places one whose
# name counts 部门/机关.
_ORG_PLACE_RE = re.compile(r"(部门|单位|机关)|(地区|县|乡镇|乡|镇|街道|街镇|村|社区)")


def _counted_class(text: str) -> str:
    """``org`` or ``place`` for the last such word of ``text`` ("" when none)."""
    last = ""
    for mt in _ORG_PLACE_RE.finditer(text):
        last = "org" if mt.group(1) else "place"
    return last


def _unfit_scope(zh_name: str, marked: str, hash_pos: int, words: str = "") -> bool:
    """Whether the number's own clause rules out an indicator named ``zh_name``.

    ``marked`` is the sentence with ``#`` for the number (and its unit); ``words`` the
    indicator's patterns, whose own words (涉企检查) are no narrowing."""
    if hash_pos < 0:
        return False
    head = _OWN_CLAUSE_HEAD_RE.match(marked, 0, hash_pos)
    start = head.end() if head else 0
    end_mt = _CLAUSE_END_RE.search(marked, hash_pos)
    end = end_mt.start() if end_mt else len(marked)
    verbs = {mt.group(1) for mt in _CHANGE_OBJ_RE.finditer(marked, start, hash_pos)}
    # 取消1项、承接# and 取消调整…职权共#: one verb the indicator names is enough
    if verbs and not any(v in zh_name for v in verbs):
        return True
    after = marked[hash_pos + 1:end]
    if "级" not in zh_name and (_LEVEL_AFTER_RE.match(after) or len(
            set(_LEVEL_RE_ANY.findall(marked, start, end))) >= 2):
        return True
    own = marked[start:hash_pos]
    if _TRAINING_RE.search(marked, start, end) and not _TRAINING_NAME_RE.search(zh_name):
        return True  # 共有#行政执法人员…参加培训: trainees (or sessions), not the stock
    if own.endswith("类") and own[-2:-1] not in "各等多几这此该同" and "类" not in zh_name:
        return True  # 行政确认类#: one type of a breakdown by type (各类# is all types)
    narrowed = _SUBSET_NOUN_RE.search(own)
    if narrowed and narrowed.group(1) not in zh_name and narrowed.group(1) not in words:
        return True  # 办理涉农公证#: a subset of the indicator's count
    if ("累计" in own and "累计" not in zh_name
            and _YEARS_SPAN_RE.search(marked, 0, hash_pos)):
        return True  # 连续4年开展，累计排查…#: a total over years, not the year's figure
    if "入选" in after and "入选" not in zh_name:
        return True
    noun = _NOUN_END_RE.split(after, 1)[0][:10]
    mine = _counted_class(noun)
    # in a name, 单位 is any unit (法治建设示范单位 may be a town): only 部门/机关 say org
    theirs = _counted_class(zh_name.replace("单位", ""))
    return bool(mine and theirs and mine != theirs)


_NOUN_END_RE = re.compile(r"[、和及与（(]")
_OWN_CLAUSE_HEAD_RE = re.compile(r".*[，,。；;：:！？!?\n“”]", re.S)


class _Matcher:
    """The catalogue's patterns, aliases and exclusions, compiled and indexed by unit."""

    def __init__(self, cat):
        self.cat = cat
        self.by_unit: dict[str, list[_Entry]] = {}
        self.by_unit_kind: dict[tuple[str, str], list[_Entry]] = {}
        for ind in cat.indicators.values():
            if not ind.patterns and not ind.aliases:
                continue
            entry = _Entry(ind.id, ind.kind, ind.section, family(ind.zh_name), ind.zh_name,
                           _compile(cat, ind, "pattern", ind.patterns, True),
                           _needed_words(ind.patterns),
                           _compile(cat, ind, "alias", ind.aliases, False),
                           _needed_words(ind.aliases),
                           _compile(cat, ind, "exclude", ind.exclude, False))
            for unit in ind.units:
                self.by_unit.setdefault(unit, []).append(entry)
                self.by_unit_kind.setdefault((unit, ind.kind), []).append(entry)
        # per unit and kind, the needed words of all entries, found in one regex pass:
        # only the entries one of whose words is present are looked at
        self.index = {key: (_WordIndex([e.lits if e.rx is not None else () for e in es]),
                            _WordIndex([e.alias_lits if e.alias_rx is not None else ()
                                        for e in es]))
                      for key, es in self.by_unit_kind.items()}

    def scored(self, marked: str, measure: str, clause: str, unit: str, kind: str,
               section: str = "", scope: str = "", hash_pos: int = -1,
               families: frozenset = frozenset(),
               ) -> tuple[list[tuple[float, str]], set[str]]:
        """(score, indicator id) of every indicator that may name the number, and the
        ids that matched but were ruled out.

        A pattern match scores 10 less a tenth of a point per character the match
        spans (a pattern that finds its words right next to the number beats one that
        reaches across the clause), an alias found in the measure 4, the indicator's
        section 0.5, an annual number 0.2 (a running total loses to the year's own
        figure). An ``exclude`` word in the clause rules the indicator out, and so
        does a topic conflict: an indicator of one case-work family (复议, 诉讼, 执法)
        when ``families``, the scope of the number, names others only. A pattern whose
        words stand before 等 with a noun between 等 and the number (专题研究行政立法、
        执法监督等工作11次) names examples of what is counted, not the count: it does not
        match.
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
        # a sentence without any word a pattern needs cannot match it (most cannot: one
        # pass for the words is far cheaper than a search per indicator)
        pat_hits = pat_index.hits(marked)
        alias_hits = alias_index.hits(bare)
        for i in sorted(pat_hits | alias_hits):
            e = entries[i]
            if families and e.family and e.family not in families:
                continue
            mt = e.rx.search(marked) if i in pat_hits else None
            at = mt.start() if mt is not None else 0
            for _ in range(3):  # the leftmost match may reach far; a later one is closer
                if mt is None or mt.end() - mt.start() <= 6:
                    break
                later = e.rx.search(marked, at + 1)
                if later is None or later.start() > hash_pos:
                    break
                at = later.start()
                if later.end() - later.start() < mt.end() - mt.start():
                    mt = later  # a later match that spans more is no closer
            if mt is not None and mt.start() < hash_pos and (
                    _only_examples(e.rx, marked, mt, hash_pos)
                    or self._joint_item(entries, pat_index, e, marked, mt, hash_pos)):
                mt = None
            al = i in alias_hits and e.alias_rx.search(bare) is not None
            if mt is None and not al:
                continue
            if _unfit_scope(e.zh_name, marked, hash_pos,
                            e.rx.pattern if e.rx is not None else ""):
                excluded.add(e.iid)
                continue
            # the measure carries the topic of the clause before (热线…，按时办结率98%):
            # an excluded scope named there rules the indicator out as well
            out_ruled = e.exclude_rx is not None and (e.exclude_rx.search(clause)
                                                      or e.exclude_rx.search(bare))
            if out_ruled:
                excluded.add(e.iid)
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
                   and entries[i].rx.search(second) for i in pat_index.hits(second))

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
    return m


# ----------------------------------------------------------------------------- mentions

def _spans(regex: re.Pattern, text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in regex.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the (sorted, disjoint) spans."""
    starts, ends = spans
    i = bisect.bisect_right(starts, a) - 1
    if i >= 0 and ends[i] > a:
        return True
    return i + 1 < len(starts) and starts[i + 1] < b


def _qualifier(*words: str | None) -> str:
    for w in words:
        if w in _AT_LEAST:
            return "at_least"
        if w in _AT_MOST:
            return "at_most"
        if w in _APPROX:
            return "approx"
    return "exact"


# what may follow a quoted claim's number before the closing mark: a short noun (举措)
_TWO_DIGITS_RE = re.compile(r"\D*\d\d")
_CLAIM_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{0,3}[）)]?")


def _quoted_claim(spans: tuple[list[int], list[int]], text: str, a: int, b: int,
                  unit: str, chinese: bool) -> bool:
    """Whether the number at [a, b) inside a quotation is a claim, not part of a name.

    A percentage inside quotation marks (not a book title) still states a level
    (“三个100%”). So does a quoted achievement that ends with its count: a clause of four
    characters or more, then two digits or more, a counting word and at most a short noun
    (“排查整改突出问题2330个”, “实施方案（300条举措）”). A name keeps its number inside
    (“1211”机制, “15分钟服务圈”, “一件事”).
    """
    starts, ends = spans
    i = bisect.bisect_right(starts, a) - 1
    if i < 0 or text[starts[i]] not in "“\"'":
        return False
    if unit == "%":
        return True
    # two digits or more: “最多跑1次” is a slogan, an achievement counts many
    return (not chinese and a - starts[i] - 1 >= 4 and bool(_TWO_DIGITS_RE.match(text, a, b))
            and bool(_CLAIM_TAIL_RE.fullmatch(text, b, ends[i] - 1)))


_YEAR_SPAN_LEADS = ("提前", "提前了", "历时", "用时", "耗时", "缩短", "缩短了", "延长", "延长了")
# A word-like Chinese numeral (召开三次常务会议, 会议两次专题听取) is a count when a verb
# or a light word leads to it, or a verb follows it (besides _VERB_AFTER_RE's);
# otherwise it sits inside a name.
_WEAK_LEAD_RE = re.compile(
    r"(?:了|共|计|有|达|为|召开|开展|举办|举行|组织|制定|出台|印发|确定|明确|提出|部署|完成|推出"
    r"|建立|设立|建成|办理|进行|开设|聘请|开|办|听取|审议|研究|培训|发布|作出|受理|审结|新增)$")
_WEAK_AFTER_RE = re.compile(r"主持|带头|深入|赴|前往|作出|批示|调研|督导|讲授|宣讲|学习|学法|到")


# A count without a counting word: digits with a scale word (向11.43万农民工, 讨回欠薪8.2亿),
# or a whole number that ends its clause after 达/超过/突破 (访问量累计达2986773).
_BIG_SCALES = frozenset({"万", "亿", "千万", "百万"})
_BARE_LEAD_RE = re.compile(r"(?:达到?|共计|合计|总计)$")
_BARE_PRE = frozenset({"超过", "超", "逾", "多达", "突破"})


# What a count without a counting word counts, from the words around it: people-times
# (观看人次超1232万), money (讨回欠薪8.2亿), people (工作人员超过150万, 向11.43万农民工).
_PERSON_TIMES_RE = re.compile(r"人次")
_MONEY_RE = re.compile(r"金额|资金|欠薪|工资|薪酬|报酬|费用|补贴|补助|损失|成本|经费|奖金|罚没|罚款"
                       r"|款项|欠款|税费|减税|降费|贷款|融资|投资|收入")
_PEOPLE_RE = re.compile(r"人数|人员|群众|农民工|居民|村民|职工|干部|党员|学生|市民|网民|用户|人口")
_PEOPLE_AFTER_RE = re.compile(r"(?:名|位)?(?:农民工|群众|居民|村民|职工|干部|党员|学生|市民|网民"
                              r"|用户|人)")


def _implied_unit(text: str, a: int, b: int) -> tuple[str, str] | None:
    """(unit, kind) implied by the words around a count without a counting word at
    [a, b) (see ``_PERSON_TIMES_RE``…), or None when they imply none."""
    head = _KIND_HEAD_RE.match(text, max(0, a - 24), a)
    left = text[head.end() if head else max(0, a - 24):a]
    if _PERSON_TIMES_RE.search(left):
        return "人次", "count"
    if _MONEY_RE.search(left):
        return "元", "amount"
    if _PEOPLE_RE.search(left) or _PEOPLE_AFTER_RE.match(text, b):
        return "人", "count"
    return None


def _bare_count(text: str, m: re.Match) -> bool:
    """Whether the arabic number ``m`` with no counting word is still a statistic.

    Years, dates, document numbers, hotlines and codes have no scale word and do not
    end a clause right after 达/超过, so they stay out.
    """
    nxt = text[m.end():m.end() + 1]
    if nxt.isascii() and (nxt.isalnum() or nxt in "+.-_/*×%"):
        return False  # a code, a version, a formula (5+2)
    if m.group("scale") in _BIG_SCALES:
        return True
    num, a = m.group("num"), m.start()
    if not (m.group("pre") in _BARE_PRE or _BARE_LEAD_RE.search(text[max(0, a - 2):a])):
        return False
    if nxt and nxt not in "，,。；;！!？?\n":
        return False
    digits = num.replace(",", "")
    return digits.isdigit() and len(digits) >= 3 and not (
        len(digits) == 4 and 1900 <= int(digits) <= 2100)


_LIST_GAP_RE = re.compile(r"\s*[、和及]\s*")


def find_mentions(text: str) -> list[Mention]:
    """All statistics in normalised ``text`` (catalogue not consulted).

    Parameters
    ----------
    text : str
        Normalised text (:attr:`Normalized.text`).

    Returns
    -------
    list of Mention
        In text order; Chinese-numeral mentions that may be words are marked ``weak``.
    """
    quoted = _spans(_QUOTED_RE, text)
    slogans = _spans(_SLOGAN_RE, text)
    out: list[Mention] = []
    pending: list[re.Match] = []  # bare numbers in a list waiting for the next unit
    for m in _MENTION_RE.finditer(text):
        num = m.group("num")
        a, b = m.start(), m.end()
        before = text[a - 1] if a else ""
        chinese = not num[0].isdigit() and not num.startswith("百分之")
        if before.isascii() and (before.isalnum() or before in "._-/") and before:
            continue  # part of a code, a version or a decimal we did not start at
        streak = text[max(0, a - 3):a].endswith(("连续", "连续第"))
        # 提前2年, 历时3年, 缩短1年: a span of years, not a year
        early = text[max(0, a - 3):a].endswith(_YEAR_SPAN_LEADS)
        if (before == "第" and not streak) or _RANGE_BEFORE_RE.search(text[max(0, a - 2):a]):
            continue
        if chinese and before and before in numbers.CN_NUMERAL_CHARS:
            continue
        if before == "前" and m.group("unit") in ("名", "位"):
            continue  # "位列全省前10名", "排名前五位": a rank, not a count
        if chinese and before == "等":
            continue  # "…、政府信息公开等八类": the count of the list just named
        unit = m.group("unit") or ""
        if num.startswith("百分之"):
            unit = unit or "%"
            if unit != "%":
                continue
        if not unit:
            # "分别为48、65件": a bare number followed by a list separator borrows the
            # unit of the next number.
            nxt = text[b:b + 1]
            if not chinese and nxt in ("、", "和", "及") and not _inside(quoted, a, b):
                pending.append(m)
                continue
            pending.clear()
            if chinese or not _bare_count(text, m):
                continue
        if unit in ("分钟", "小时", "公里") and _CIRCLE_RE.match(text, b):
            pending.clear()
            continue  # 15分钟公共法律服务圈: the name of a service radius, not a time
        if unit == "年" and not (streak or early):
            pending.clear()
            continue  # a year or a period (2023年, 十四五), unless 连续12年 or 提前2年 …
        if unit == "分" and not _is_score(text, a, b, num):
            pending.clear()
            continue  # 三分之一, 十分重要, 5分别…: 分 is a score only in a score's context
        if (_inside(quoted, a, b) and not _quoted_claim(quoted, text, a, b, unit, chinese)
                or _inside(slogans, a, b)):
            pending.clear()
            continue
        try:
            value = numbers.scaled(num, m.group("scale") or "")
        except ValueError:
            continue
        if (value, unit) in _SLOGAN_VALUES:
            continue
        after = text[b:b + 1]
        # a qualifier (十余家, 近百名, 不少于两次) makes a Chinese numeral a count
        weak = (chinese and after not in _BOUNDARY and not streak
                and not (m.group("pre") or m.group("q1") or m.group("q2")))
        if chinese and value == 1 and weak:
            continue  # 一次性, 一个, 一批…: a word, not a count
        if weak and not (before in _BOUNDARY or _WEAK_LEAD_RE.search(text[max(0, a - 4):a])
                         or _VERB_AFTER_RE.match(text, b) or _WEAK_AFTER_RE.match(text, b)):
            continue  # 法治政府建设十项重点任务: a numeral inside a name, no verb counts it
        if chinese and value == 1 and unit in ("起", "处") and before in ("在", "到"):
            continue  # "捆绑在一起", "合在一处": together, not one case or one place
        if unit in _NOT_UNIT_NEXT and after in _NOT_UNIT_NEXT[unit]:
            continue  # 3通过, 2通知, 5面向: the character starts a word, it counts nothing
        if unit == "成":
            if value > 10 or not (after in _BOUNDARY or after == "的" or m.group("post")):
                continue  # 一成不变, 3成员…: not tenths
            value, unit = value * 10, "%"  # 八成以上: tenths of a whole, a rate
        qual = _qualifier(m.group("pre"), m.group("q1"), m.group("q2"), m.group("post"))
        kind, value = _kind(text, a, unit, value)
        prev = out[-1] if out else None
        if (kind != "change" and prev is not None and prev.kind == "change"
                and prev.unit == unit and text[prev.end:a] in ("、", "和", "及")):
            kind = "change"  # "分别下降21.74%、15.31%": the list shares the change
            value = -abs(value) if prev.value < 0 else value
        mention = Mention(a, b, value, unit, qual, kind, weak=weak,
                          implied=_implied_unit(text, a, b) if not unit else None)
        # Only an unbroken list borrows the unit ("48、65件"): "编号12、其他事项共5件"
        # must not turn 12 into 12件.
        chain = [*pending, m]
        if not all(_LIST_GAP_RE.fullmatch(text[x.end():y.start()])
                   for x, y in zip(chain, chain[1:])):
            pending.clear()
        for p in pending:
            if text[p.end():p.end() + 1] in ("、", "和", "及"):
                pv = numbers.scaled(p.group("num"), p.group("scale") or "")
                pq = _qualifier(p.group("pre"), p.group("q1"), p.group("q2"))
                pk, pv = _kind(text, p.start(), unit, pv)
                out.append(Mention(p.start(), p.end(), pv, unit, pq, pk))
        pending.clear()
        out.append(mention)
    out.sort(key=lambda x: x.start)
    return out


# characters that make a new counting word the start of another word (通过, 面向)
_NOT_UNIT_NEXT = {"通": frozenset("过知报道讯行用达畅告关"), "面": frozenset("向对临积貌上")}
_SCORE_CONTEXT_RE = re.compile(r"得分|分数|评分|打分|测评|考评|考核|满意度|评估|排名|成绩|总分")
_NOT_SCORE_NEXT = set("之别局类析院会队支钟公部区段期批项")


def _is_score(text: str, a: int, b: int, num: str) -> bool:
    """Whether ``分`` after the number at [a, b) is a score (``80.13分``, ``得分92分``).

    A score has decimals or stands in a score's context; 分 that begins another word
    (分之, 分别, 分局, 分类…) is not one.
    """
    if text[b:b + 1] in _NOT_SCORE_NEXT:
        return False
    return "." in num or bool(_SCORE_CONTEXT_RE.search(text, max(0, a - 20), a))


def _kind(text: str, start: int, unit: str, value: float) -> tuple[str, float]:
    """(kind, signed value): change when a change verb leads to the number."""
    lo = max(0, start - 80)  # a bounded look-back: rfind over the whole text is O(n)
    head = _KIND_HEAD_RE.match(text, lo, start)
    clause_start = head.end() if head else lo
    left = text[max(clause_start, start - 16):start]
    if unit in ("个百分点", "百分点"):
        is_change = True
    else:
        m = _CHANGE_VERB_RE.search(left)
        # For a count, 增加/减少 alone may describe the level ("新增…"); require a
        # comparison word in the clause. A percentage after 增长 is always a change.
        is_change = bool(m) and (unit in ("%", "倍")
                                 or bool(_COMPARE_RE.search(text[clause_start:start])))
    if is_change:
        if _DECREASE_RE.search(left[-8:]):
            value = -abs(value)
        return "change", value
    if unit == "%":
        return "rate", value
    if unit == "元":
        return "amount", value
    return "count", value


# ---------------------------------------------------------------------------- extraction

def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END_RE.finditer(text)]


def _sentence_of(bounds: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos)
    start = bounds[i - 1] if i else 0
    end = bounds[i] if i < len(bounds) else len(text)
    return start, end


_WS_RE = re.compile(r"\s+")
_CJK_WS_RE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def _clean_sentence(raw: str) -> str:
    """Raw sentence for display: ``**`` dropped, spaces next to Chinese removed."""
    raw = raw.replace("**", "")
    return _WS_RE.sub(" ", _CJK_WS_RE.sub("", raw)).strip()


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


def _assign(norm_text: str, mentions: list[Mention], matcher: _Matcher,
            sections_of: dict[int, str]) -> None:
    """Fill ``measures`` and ``indicators`` of every mention (see module docstring)."""
    bounds = _sentence_bounds(norm_text)
    by_start = {m.start: m for m in mentions}
    handled: set[int] = set()
    slots: list[_Slot] = []
    group = [0]  # the list construct the next slots belong to (its first slot's index)

    def slot(m: Mention, index: int, marked: str, meas: str, clause: str,
             alt: tuple[str, str, float] | None = None, xclause: str | None = None,
             elided: str = "") -> None:
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
        cands, ruled = matcher.scored(marked, meas, xcl, unit, kind, section, m.scope,
                                      marked.find("#"), fams)
        # the noun-after reading (lowered) only where the text as written names nothing:
        # it cannot change a number that already has a candidate much (and costs a pass)
        if alt is not None and (not alt[2] or not cands):
            # a list item read with the list's leading verb right before it
            # (审查规范性文件、重大行政决策和合同分别为…: 审查合同#): the better score wins
            # "作出了1256件行政处罚决定": the noun after the number read as if before it
            # (作出了行政处罚决定#), 1.5 below a reading of the text as written
            best = dict((iid, sc) for sc, iid in cands)
            amarked, aclause, lower = alt
            acands, excluded = matcher.scored(amarked, meas, aclause, unit, kind,
                                              section, m.scope, amarked.find("#"), fams)
            for sc, iid in acands:
                best[iid] = max(sc - lower, best.get(iid, sc - lower))
            cands = [(sc, iid) for iid, sc in best.items()
                     if iid not in excluded and iid not in ruled]
        if elided:
            # "常务会议专题听取法治建设汇报，全年开了#": the number counts the event of the
            # clause before; matched there too, 1 less than a match in its own clause
            best = dict((iid, sc) for sc, iid in cands)
            for sc, iid in matcher.scored(elided, meas, xcl, unit, kind, section,
                                          m.scope, elided.find("#"), fams)[0]:
                if sc - 1 > best.get(iid, -99.0) and iid not in ruled:
                    best[iid] = sc - 1
            cands = [(sc, iid) for iid, sc in best.items()]
        slots.append(_Slot(m, index, cands, group=group[0]))

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
        carried = _last_family(context)

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
            tail = _SHARED_TAIL_RE.search(left)
            names_part = left[: tail.start()] if tail else left
            names = [names_part[n0:n1] for n0, n1 in _split_names(names_part, 0, _RATE_SEP_RE)]
            if len(names) >= 2 and all(n.endswith("率") for n in names):
                # the first name's topic is every name's (行政复议结案率、满意率)
                shared_topic = measure.topic(context + names[0])
                m.measures = [measure.label(n if measure.topic(n) else shared_topic + n,
                                            "", m.unit, m.kind, context) for n in names]
                m.indicators = [""] * len(names)
                for k, name in enumerate(names):
                    # each name alone before the value, so one name's gap pattern cannot
                    # reach across the list into the next name
                    item_marked = sent[:clause_start] + name + "#" + sent[b:]
                    slot(m, k, item_marked, m.measures[k], name)
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
                m.measures = [measure.label(n + rate, "", m.unit, m.kind, context)
                              for n in names]
                m.indicators = [""] * len(names)
                for k, name in enumerate(names):
                    slot(m, k, sent[:clause_start] + name + rate + "#" + sent[b:],
                         m.measures[k], name + rate)
                continue

        previous = (prev.measures[0] if prev is not None and prev.measures
                    and prev.start >= s0 else "")
        each = _SHARED_COUNT_RE.search(left) if m.kind != "rate" else None
        # "A、B均为…" and "A和B各开了…": 和/及/与 join names only before 各
        sep = _NAME_SEP_RE if each and left[each.start()] == "各" else re.compile("、")
        names = ([left[n0:n1] for n0, n1 in _split_names(left[:each.start()], 0, sep)]
                 if each and sep.search(left[:each.start()]) else [])
        lead = verb_word = ""
        if len(names) >= 2 and len(names[0]) > 16:
            # "负责人接受述职评议和述法测评各1次": the list starts after its verb, which
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
            continue
        m.measures = [measure.label(left, sent[b:], m.unit, m.kind, context, previous)]
        m.indicators = [""]
        if _CHANGE_TO_RE.match(sent, b) and (s0 + b + 1) < s1 and _next_is_number(sent, b):
            # "由494项减少到304项": the value before the change keeps its measure; the
            # indicator is the value after it
            continue
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
        # exclusions read the clause up to the end of the number's list item when a
        # later item has its own number (学法12次、中心组学法6次: 中心组 is the scope of 6);
        # a list of nouns shares the words after it (2700名律师、基层法律服务工作者担任…)
        clause_end = clause_start + len(clause)
        item_end = sent.find("、", b, clause_end)
        if item_end >= 0 and not _DIGIT_RE.search(sent, item_end, clause_end):
            item_end = -1
        xclause = clause if item_end < 0 else sent[clause_start:item_end]
        noun = _NOUN_AFTER_RE.match(sent, b)
        alt = None
        if (noun is not None and not _VERB_AFTER_RE.match(noun.group())
                and sent[a - 1:a] != "、"):
            # not inside a list of nouns (组织法律援助中心、4名执业律师、司法所…)
            alt = (sent[:a] + noun.group() + "#" + sent[noun.end():], xclause, 1.5)
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
        if m.kind == "count" and _joint_meetings(subject):
            # "召开市委常委会会议和依法治市委员会会议4次": one count of two kinds of
            # meeting together; an indicator of either kind counts only its own
            slots[-1].cands = []

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
        if any(other != iid and other not in used and score - s2 < RUNNER_UP_MARGIN
               for s2, other in sl.cands):
            continue  # (nearly) a tie: a wrong name is worse than none
        sl.mention.indicators[sl.index] = iid
        used.add(iid)
        if sl.mention.implied:
            # a named count without a counting word carries the unit its indicator reads
            sl.mention.unit, sl.mention.kind = sl.mention.implied
    _name_wholes(slots)


# Units that count the same kind of thing: a part and its whole share one (其中 may
# switch 个 to 家: 执法主体共56个，其中区直单位32家).
_UNIT_CLASSES = ({"件", "宗", "起", "例", "单", "件次"}, {"人", "名", "位", "人次"},
                 {"次", "场", "场次", "期", "轮", "批", "批次"},
                 {"个", "家", "所", "处", "座", "支"}, {"项", "条", "个", "件"})


def _same_count(a: Mention, b: Mention) -> bool:
    """Whether ``b`` may be the whole of ``a``: the same kind and a unit of one class."""
    if a.kind != b.kind:
        return False
    return a.unit == b.unit or any(a.unit in c and b.unit in c for c in _UNIT_CLASSES)


_ITEM_TAIL_RE = re.compile(r"[^，,。；;：:！？!?\n（）()、\d]{0,12}")
# between two items of one list: a separator, then the next item's own words
_LIST_SEP_RE = re.compile(r"[^，,。；;：:！？!?\n（）()]*?(?:、|和|及|与)"
                          r"([^，,。；;：:！？!?\n（）()、]*)")
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
        cue = _last_match(_PART_RE, norm_text[s0:m.start])
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
        _make_part(sl, taken, 1)
        sl.wholes = [j for j in reversed(wholes) if _same_count(m, slots[j].mention)]
    # "…860件，市级312件、县级548件": a clause that is only a level or sub-unit label and
    # a number, after a total in the same sentence, is an item of that total
    labelled: set[int] = set()
    for k, sl in enumerate(slots):
        m, s0 = sl.mention, sent_start[k]
        lo = max(s0, m.start - 16)
        head = norm_text[lo:m.start]
        cut = max(head.rfind(c) for c in "，,；;：:、")
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
    spans = _breakdown_items(norm_text)
    scope = []
    for k, sl in enumerate(slots):
        m = sl.mention
        if sl.part or k in listed or not best[k]:
            scope.append("")
        elif any(a <= m.start < b for a, b in spans):
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
    _same_concept_twice(norm_text, sent_start, slots)


# A level word in a number's own item: 国家级, 全省, 市级, or a place noun right after
# the number (9个市（州）、88个县（市、区）). Each maps to its level.
_ITEM_LEVEL_RE = re.compile(r"国家级|全国|省级|全省|市级|县级|区级|乡(?:（镇）|镇)?级|镇级|街道级"
                            r"|村级|社区级")
_AFTER_LEVEL_RE = re.compile(r"(?:个|家)?(省|市|州|县|区|乡|镇|街道|村|社区)(?![a-z\d])")
_LEVEL_KEY = {"国": "国", "全国": "国", "省": "省", "全省": "省", "市": "市", "州": "市",
              "县": "县", "区": "县", "乡": "乡", "镇": "乡", "街": "乡", "村": "村", "社": "村"}


def _item_span(text: str, s0: int, slots: list[_Slot], k: int, sent_start) -> tuple[int, int]:
    """The words of number ``k``'s own item: from the clause mark or number before it to
    the clause mark or number after it, in its sentence (marks inside an aside such as
    县（市、区） do not count)."""
    m = slots[k].mention
    lo, depth = m.start, 0
    while lo > s0 and m.start - lo < 80:
        c = text[lo - 1]
        depth += (c in "）)") - (c in "（(")
        if depth <= 0 and c in "，,；;：:、":
            break
        lo -= 1
    hi, depth = m.end, 0
    while hi < len(text) and hi - m.end < 80:
        c = text[hi]
        depth += (c in "（(") - (c in "）)")
        if depth <= 0 and c in "，,；;。：:、\n":
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


def _same_thing(a: Mention, b: Mention) -> bool:
    """:func:`_same_count`, without the 个 that also counts items (31个部门 / 1260项)."""
    return a.unit == b.unit or "个" not in (a.unit, b.unit) and _same_count(a, b)


def _level_breakdowns(text: str, sent_start: list[int], slots: list[_Slot]) -> None:
    """Items of one sentence that one indicator fits best, that each name a level, not
    all the same, and one noun after it (国家级…示范村60个、市级…示范村691个; 3个国家级、
    28个省级…示范村; 8个村入选“全国…示范村”，19个村获评“全省…示范村”), are a breakdown
    of that concept by level: every one is a part. Two nouns are two concepts (13个乡级
    工作站和109个村级工作室)."""
    groups: dict[tuple[int, str], list[int]] = {}
    for k, sl in enumerate(slots):
        iid = "" if sl.part else _clear_best(sl.cands)
        if iid and sl.mention.kind in ("count", "amount"):
            groups.setdefault((sent_start[k], iid), []).append(k)
    for (s0, iid), ks in groups.items():
        if len(ks) < 2 or not all(_same_thing(slots[k].mention, slots[ks[0]].mention)
                                  for k in ks):
            continue
        found = [_levels(text, *_item_span(text, s0, slots, k, sent_start), slots[k].mention)
                 for k in ks]
        levels = [lv for lv, _noun in found]
        nouns = {noun for _lv, noun in found} - {""}
        if all(levels) and len(set(levels)) > 1 and len(nouns) <= 1:
            for k in ks:
                _make_part(slots[k], {iid})


_TOTAL_CUE_RE = re.compile(r"共|合计|总计|累计|总数|总量|全年|全(?:国|省|市|州|县|区|镇|街)")


def _unname(sl: _Slot, iid: str) -> None:
    """Keep ``iid`` from ``sl`` without naming a whole: a figure of that concept that
    cannot be told to be the total or a part of it."""
    _make_part(sl, {iid})
    sl.total = [t for t in sl.total if t[1] != iid]


def _noun_after(text: str, sent_start: list[int], slots: list[_Slot], k: int) -> str:
    """The noun of number ``k``'s item, asides left out: the words after the number
    (13个乡（镇）级工作站: 乡级工作站), else those before it (法治宣传长廊9处)."""
    m = slots[k].mention
    lo, hi = _item_span(text, sent_start[k], slots, k, sent_start)
    return _ASIDE_RE.sub("", text[m.end:hi]) or _ASIDE_RE.sub("", text[lo:m.start])


def _distinct_nouns(nouns: list[str]) -> bool:
    """Whether every noun is there and none starts another (问题 / 问题逐一整改: one)."""
    return all(nouns) and not any(a.startswith(b) for i, a in enumerate(nouns)
                                  for j, b in enumerate(nouns) if i != j)


#: How much better a smaller figure of a concept must fit than the largest for the two
#: to be read as different things rather than one concept stated twice.
CLEARLY_BETTER = 1.0


def _same_concept_twice(text: str, sent_start: list[int], slots: list[_Slot]) -> None:
    """One indicator fitting best two or more numbers of a report that count the same
    kind of thing with different values: one may be the total, the others its parts.

    In one sentence a total comes first (发放宣传单60000余份、宣传手册18000余册;
    专题培训两期、法治讲座一期): when the first is the largest, the later ones are its
    parts; when each has a noun of its own, the first keeps it and the others are other
    things; otherwise none of them is named. Across sentences the largest keeps the
    indicator when it fits it better than every smaller one (or ties and says it is a
    total); the others are left unnamed. A smaller one that fits far better
    (``CLEARLY_BETTER``) is read as another thing. A wrong name is worse than none."""
    groups: dict[str, list[int]] = {}
    for k, sl in enumerate(slots):
        iid = "" if sl.part else _clear_best(sl.cands)
        if iid and sl.mention.kind in ("count", "amount"):
            groups.setdefault(iid, []).append(k)
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
        for sk in by_sentence.values():
            vals = [value[k] for k in sk]
            if len(set(vals)) < 2:
                rest += sk
            elif vals[0] == max(vals) and vals.count(vals[0]) == 1:
                rest.append(sk[0])
                for k in sk[1:]:
                    _make_part(slots[k], {iid})
            elif _distinct_nouns([_noun_after(text, sent_start, slots, k) for k in sk]):
                # "建有1个便民服务中心和21个便民服务站": each number has a noun of its
                # own after it; the later ones are other things, the first keeps
                rest.append(sk[0])
                for k in sk[1:]:
                    _unname(slots[k], iid)
            else:
                for k in sk:
                    _unname(slots[k], iid)
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
            or any(k in o.wholes for o in slots) for k in big)
        # a smaller figure in another sentence is no part by that alone (组织…4名执业律师
        # / 受援农民工178人): it is left unnamed, with no whole
        for k in small + ([] if clear else big):
            _unname(slots[k], iid)


def _clauses_before(text: str, s0: int, start: int) -> int:
    """Where the clause before the one holding ``start`` begins (not before ``s0``)."""
    marks = [i for i in range(max(s0, start - 60), start) if text[i] in _CLAUSE_END]
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
_LEVEL_RE = re.compile(r"(?:省|市|州|盟|县|区|旗|乡镇|乡|镇|街道|社区|村)(?:本级|一级|级)"
                       r"|涉(?:企|农|外|军|侨|台|港澳)")  # a subset: 涉企 cases among all
# A clause that names only a level or sub-unit before its number (市级312件, 区直单位32家).
_LABEL_RE = re.compile(r"(?:各)?(?:省|市|州|盟|县|区|旗|乡镇|乡|镇|街道|街镇|社区|村|市州|地市|"
                       r"县区|区县|县市区)(?:本级|一级|级|直)?(?:部门|单位|政府|机关)?")
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
        named = [slots[j].mention.indicators[slots[j].index] for j in sl.wholes]
        fits = {iid for _sc, iid in sl.total}
        iid = next((i for i in named if i in fits), named[0] if named else "")
        m.parts[sl.index] = iid or _clear_best(sl.total)


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
    last = _last_match(_JOINT_EVENTS_RE, subject)
    return last is not None and not _MEETING_WORK_RE.search(subject, last.end())

#: A number whose best free indicator beats another free one by less than this stays
#: unnamed (docs/design.md "Confidence"; tuned on the dev and blind sets together).
RUNNER_UP_MARGIN = 0.3


def _last_family(text: str) -> str:
    """The family of the last case-work topic named in ``text`` (see :func:`family`)."""
    last = measure.topic(text, case_types=False)
    return family(last) if last else ""


def _next_is_number(sent: str, pos: int) -> bool:
    """Whether a change verb at ``pos`` (减少到, 压缩至…) leads straight to a number."""
    m = _CHANGE_TO_RE.match(sent, pos)
    return bool(m) and bool(re.match(r"\d|[一二两三四五六七八九十]", sent[m.end():m.end() + 1]))


def _shared_respectively(sent: str, a: int):
    """(start, end, names) when one number follows "A与B分别…" (each did that many)."""
    head = sent[:a]
    rm = _last_match(_RESPECTIVELY_RE, head)
    if rm is None or len(head) - rm.end() > 8 or re.search(r"[，,、\d]", head[rm.end():]):
        return None
    after = sent[a:]
    if re.match(r"[^，,。；;]{0,6}[、和及与]\s*\d", after[1:]):
        return None  # a list of numbers: _respectively's case
    clause_start = max(sent.rfind(c, 0, rm.start()) for c in "，,。；;：:\n") + 1
    names_text = sent[clause_start:rm.start()]
    spans = _split_names(names_text, clause_start, re.compile(r"、|与|和|及(?!时)|同"))
    if len(spans) < 2:
        return None
    return clause_start, rm.start(), [sent[n0:n1] for n0, n1 in spans]


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


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last match of ``pattern`` in ``text``, or None."""
    last = None
    for m in pattern.finditer(text):
        last = m
    return last


def _respectively(sent: str, s0: int, a: int, by_start: dict[int, Mention]):
    """(name spans, mentions) when the mention at ``a`` opens a 分别为 list."""
    head = sent[:a]
    rm = _last_match(_RESPECTIVELY_RE, head)
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
    clause_start = max(sent.rfind(c, 0, rm.start()) for c in "，,。；;：:\n") + 1
    names = _split_names(sent[clause_start:rm.start()], clause_start, _NAME_SEP_RE)
    if len(items) < 2 or len(names) != len(items):
        return None
    return names, items, mid


def _scope(norm_text: str, bounds: list[int], m: Mention) -> str:
    if m.kind == "change":
        return "change"
    s0, _ = _sentence_of(bounds, norm_text, m.start)
    prefix = norm_text[s0:m.start]
    as_of = _last_match(_AS_OF_RE, prefix)
    if as_of is None:
        return "annual"
    if (_ANNUAL_RE.search(prefix, as_of.end())
            or re.search(r"全年|本年|年内", prefix[:as_of.start()])):
        return "annual"
    return "as_of"


def extract_text(raw: str, region: str = "", year: int | None = None, catalogue=None,
                 ocr=None):
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
    spans = sections.section_spans(raw, cat)
    bounds = _sentence_bounds(norm.text)
    section_of: dict[int, str] = {}
    span = None  # the section span of the previous mention: most mentions share one
    section = ""
    for m in mentions:
        m.scope = _scope(norm.text, bounds, m)
        r0 = norm.raw_span(m.start, m.end)[0]
        if span is None or not span[0] <= r0 < span[1]:
            section = sections.section_at(spans, r0)
            span = next(((sp.start, sp.end) for sp in spans[_first_at(spans, r0):][:1]
                         if sp.start <= r0 < sp.end), None)
        section_of[m.start] = section
    _assign(norm.text, mentions, _matcher(cat), section_of)
    mentions = [m for m in mentions if not (m.weak and not any(m.indicators))]

    rows = []
    for m in mentions:
        r0, r1 = norm.raw_span(m.start, m.end)
        s0, s1 = _sentence_of(bounds, norm.text, m.start)
        rs0, rs1 = norm.raw_span(s0, s1)
        base = {
            "region": region, "year": year, "value": float(m.value), "unit": m.unit,
            "qualifier": m.qualifier, "text": raw[r0:r1], "char_start": r0, "char_end": r1,
            "sentence": _clean_sentence(raw[rs0:rs1]),
            "section": section_of[m.start], "kind": m.kind, "scope": m.scope,
            "page": None, "bbox": "", "ocr_score": None,
            "review": "",  # a reviewer's decision, filled by reviews.apply
        }
        where = ocr.locate(r0, r1) if ocr is not None else None
        if where is not None:
            base["page"], base["bbox"], base["ocr_score"] = where
        parts = m.parts if len(m.parts) == len(m.indicators) else [""] * len(m.indicators)
        for iid, meas, whole in zip(m.indicators, m.measures, parts, strict=True):
            rows.append({**base, "indicator_id": iid, "measure": meas, "part_of": whole})
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
    return Extraction(mdf, idf, meta)


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
    df = pd.DataFrame(rows, columns=columns)
    df["year"] = df["year"].astype("Int64")
    df["value"] = df["value"].astype("float64")
    df["char_start"] = df["char_start"].astype("int64")
    df["char_end"] = df["char_end"].astype("int64")
    df["page"] = df["page"].astype("Int64")
    df["ocr_score"] = df["ocr_score"].astype("float64")
    for col in columns:
        if col not in ("year", "value", "char_start", "char_end", "page", "ocr_score"):
            df[col] = df[col].fillna("").astype(str)
    return df


# --------------------------------------------------------------------------- file level

def extract_file(path, region: str | None = None, year: int | None = None,
                 regions_csv=None, catalogue=None) -> Extraction:
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
    info = sections.report_metadata(doc.text, regions_csv)
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
            regions_csv if asserted_region else None, source=path.name)
    result = extract_text(doc.text, region or "", year, catalogue, ocr=doc.ocr)
    result.meta.update({
        "region": region or "", "year": year,
        "region_name": info.get("region_name"), "title": info.get("title"),
        "issuer": info.get("issuer"), "date": info.get("date"),
        "source_file": path.name, "source_sha256": doc.sha256,
        "format": doc.format, "encoding": doc.encoding, "stated_year": info.get("year"),
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
            "warnings", "ocr_pages", "ocr_mean_score")
    meta = {k: extraction.meta.get(k) for k in keys}
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


def extract_paths(paths, reviews: bool = True) -> Extraction:
    """Extract the region-year's raw report (writes nothing).

    With ``reviews`` the reviewers' decisions (``data/reviews/<region>/<year>.csv``)
    are applied to the result: see ``reviews.py``.
    """
    result = extract_file(paths.raw, paths.region, paths.year,
                          regions_csv=_default_regions_csv(paths.root))
    if reviews:
        from . import reviews as _reviews

        result = _reviews.apply_file(result, paths)
    return result


def clean(paths) -> Extraction:
    """Notebook 01: extract ``paths.raw`` and write the tables into ``paths.processed``."""
    result = extract_paths(paths)
    write_tables(result, paths.processed)
    return result


def extract_to(file, out_dir, region: str | None = None, year: int | None = None,
               regions_csv=None) -> tuple[Extraction, list[str]]:
    """``rol extract``: extract one file into ``out_dir``; returns (extraction, warnings).

    The warnings say when the report states another region or year than given.
    """
    result = extract_file(file, region, year, regions_csv=regions_csv)
    write_tables(result, out_dir)
    return result, list(result.meta["warnings"])
