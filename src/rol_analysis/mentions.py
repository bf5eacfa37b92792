"""Find the statistics a report states: numbers with their counting words.

A *mention* is a number with its counting word as the report writes it: ``849件``,
``1628 万元``, ``99%以上``, ``二百余场``, ``提高6个百分点``. :func:`find_mentions` works
on the normalised text (:mod:`rol_analysis.normalize`); :mod:`rol_analysis.extract` maps
every span back to the raw text, so ``raw[char_start:char_end]`` is the mention as
published.

How a mention is read:

- value: digits with separators and decimals, Chinese numerals, ``百分之…`` and other
  fractions (``四分之一`` -> 25, unit %), times the scale word (万, 亿); a decrease
  (下降, 减少) is negative, and so is every item of a list after it (同比减少83起、
  107人), but a reform's cut of a time limit or paperwork stated by its size with no
  comparison (``时限减幅达60%``) is a positive rate.
- qualifier: ``余 多 逾 超过 以上 高于 不低于 不少于`` -> at_least, ``近 不足 低于 不超过``
  -> at_most, ``约 左右`` -> approx, else exact; of a fall, they bound its size, so the
  negative value swaps them (下降2个百分点以上 -> -2, at_most).
- kind: ``%`` -> rate, ``元`` -> amount, a change (``同比增长12.6%``, ``提高6个百分点``)
  -> change, else count. scope (:func:`_scope`): change, as_of (截至目前, 累计, 目前) or
  annual.
- two units side by side (``20支（612人）``, ``308批589人次``) are two mentions.

What is not a statistic and is left out: numbers without a counting word (years,
dates, document numbers 〔2023〕5号, plan periods, hotlines 12345; but digits with 万/亿,
``向11.43万农民工``, and a whole number ending its clause after 达/超过, ``访问量累计达
2986773``, ``评查案卷370余，``, and a zero after its noun, ``行政补偿0。``, are counts
with an empty unit), a model's formula
(“1组+1办+16个专班”, and an aside with + that spells one out), ordinals and ranks
(第二届, 前10名), numbers inside quotation marks or book titles (“1211”机制, “一件事”;
a percentage in quotation marks is a claim and stays: “三个100%”, and so does a quoted
achievement that ends with its count: “整改突出问题2330个”, or a quote that holds only the
mention: 做到“最多80天”。), fixed phrases
and slogans (三项制度, 双随机、一公开, 八五普法, 二十大, listed in ``SLOGANS``), the
service slogans ``24小时``/``365天``, placeholders (``召开会议*次`` has no digit), and
Chinese numerals that read as words rather than counts (``一次性``, ``两个方面``)
unless the catalogue recognises them and a verb leads to or follows them (not
``法治政府建设十项重点任务``).

Also here: the sentence helpers every later step uses (:func:`_sentence_bounds`,
:func:`_sentence_of`; the last match of a pattern is :func:`measure._last_match`).

Not here: what a number counts (its ``measure``, :mod:`rol_analysis.measure`), which
indicator names it (:mod:`rol_analysis.matcher`), whether it is a part of a total
(:mod:`rol_analysis.parts`), and the tables written from it (:mod:`rol_analysis.extract`).
This module does not read the catalogue.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from . import numbers
from .measure import _last_match

# Counting words, longest first where one is a prefix of another (人次 before 人).
# 个部门 is 个 with 部门 in the measure; 年 only counts in a streak (连续12年).
UNITS = (
    "个百分点", "百分点", "个工作日", "工作日", "个月", "平方公里", "平方米", "公里", "小时",
    "分钟", "人次", "场次", "户次", "家次", "件次", "批次", "台次", "车次", "辆次", "艘次",
    "架次", "个次", "班次", "课时", "学时", "部门",
    "%", "元", "件", "次", "项", "个", "名", "人", "份", "场", "户", "家", "支", "批", "天",
    "期", "条", "起", "部", "处", "所", "座", "辆", "台", "套", "篇", "本", "册", "张",
    "类", "宗", "位", "亩", "吨", "页", "卷", "轮", "堂", "节", "单", "门", "省", "年", "分",
    "种", "面", "票", "成", "倍", "通", "组",
    # measure words of counted things a report lists (悬挂横幅7幅, 刊发报道646则, 典型案例
    # 5例, 办理业务1.2万笔, 展板20块, 原创歌曲3首, 公开信2封): none of them follows a year,
    # a date or a code, so each one makes its number a count
    "幅", "则", "例", "笔", "块", "首", "封",
    # measures of land and of a concentration a department reports (获批用林面积611.4公顷,
    # PM2.5平均浓度为30微克/立方米): units of physical quantities, never of a year or a code
    "公顷", "微克/立方米", "毫克/立方米", "毫克/升",
    # the same concentrations in symbols (PM10浓度为34µg/m3; NFKC makes µ the Greek μ)
    "μg/m3", "mg/m3", "mg/L",
    # more measure words of counted things (取缔非法捕捞网具150副, 刻制电子印章183枚) and
    # the tiers of a plan or a checklist (列出10大类37项重点工作, 3方面17小项考核要求)
    "副", "枚", "大类", "小类", "大项", "小项",
)
#: The tiers of a plan or a checklist, counted in digits only (七大类… names a grouping)
_TIER_UNITS = frozenset({"大类", "小类", "大项", "小项"})
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_CN_NUM = "[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_MENTION_RE = re.compile(
    # every mention starts with a qualifier, a digit or a numeral character: this
    # lookahead lets the scan skip all other positions at once (4x faster, same matches)
    r"(?=[大约将接近不高低少超逾多突上至最百千万一二两三四五六七八九十]|\d)"
    # 约/近 inside a word (节约10天, 签约3家, 最近3个月) are no qualifiers
    r"(?P<pre>大约|(?<![节制签预邀履违合条公契特集缔守践解赴])约|将近|接近|(?<![最就附临邻亲])近|不足|不到|不低于|不少于|不超过|不高于|高于|低于|少于"
    r"|超过|逾|多达|突破|超|上(?=[百千万](?!分之))|至少|最少|至多|最多|最长)?"
    # 百余场, 近千人, 上万人次: a bare place word with 余/多 or after 近/逾/超/上
    r"(?P<num>百分之[零〇一二两三四五六七八九十百千点]+"
    # 四分之一, 三分之二, 4分之1: a fraction, read as a percentage
    rf"|(?:\d+|{_CN_NUM})分之(?:\d+(?:\.\d+)?|{_CN_NUM})"
    r"|[百千万](?=[余多])|(?<=[近逾超上])[百千万]"
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
# A model's formula and its spelled-out parts (“1组+1办+1中心+16个专班”模式, “1+3”（综窗+
# 公安、税务、不动产3个主题综合专区）): its numbers name the model's pieces, no statistic.
_FORMULA_RE = re.compile(r"“[^“”\n]{0,40}\+[^“”\n]{0,40}”|（[^（）\n]{0,60}\+[^（）\n]{0,60}）"
                         r"|\([^()\n]{0,60}\+[^()\n]{0,60}\)")
_SENTENCE_END_RE = re.compile(r"[。！？!?；;\n]")
# After the unit: where a clause (or list item) ends, so a Chinese numeral is a count.
_BOUNDARY = set("，,。；;：:、）)（(！？!?\n“”") | {""}
# A comparison with an earlier period: 同比, 较上年(同期), 比上一年度, 较同期, 比2019年,
# 与上年相比, 与2022年的558件相比
_THAN = (r"同比|环比|[较比](?:上一?年度?|去年|同期|\d{4}年)"
         r"|与(?:上一?年度?|去年|\d{4}年[^，,。；;]{0,12})(?:同期)?相比")
# the verbs of a change (also read by extract's one change shared by several names)
_CHANGE_VERBS = r"增长|增加|上升|下降|减少|提高|降低|提升"
_CHANGE_VERB_RE = re.compile(
    rf"(?:{_THAN})?[^，,。；;]{{0,4}}?"
    # 达, 达到 and 为 alike (降幅达/降幅达到/降幅为#, 同比增长达到#: tests/robustness_eval.py
    # found 达到 read as a level where 达 was a change)
    rf"(?:{_CHANGE_VERBS}|增幅为?|降幅为?|减幅为?|回落)了?(?:达到?|为)?$"
    # "比上年少了46人", "较去年多3件", "较2019年多出842件": 少/多 right after a comparison,
    # or 少了/多了
    rf"|(?:{_THAN})(?:少|多)(?:出|了)?$|(?:少|多)了$"
)
# the last characters of _CHANGE_VERB_RE's matches ($ may also stand before a last \n):
# of its verbs (增长, 回落, 增幅 …), 了, 达, 达到, 为, 少, 多, 出 (tests/test_mentions.py)
_CHANGE_VERB_ENDS = frozenset("长加升降少高低幅为落了达到多出")
_COMPARE_RE = re.compile(rf"{_THAN}|上升|下降|增幅|降幅")
# "减幅达60%": the size of a cut; "同比降幅": a change against an earlier period. A
# percentage right after 减少/降低/下降 is one too when its clause names what a reform cuts
# and no earlier period (办理环节平均减少74.85%, like 申报材料精简43.3%).
_CUT_BY_RE = re.compile(r"(?:减幅|降幅)(?:为|达到?)?$|(?:减少|降低|下降)了?(?:达到?|为)?$")
# what a reform cuts (not a yearly count): time limits, paperwork, steps, costs
# (入企, 扰企: the visits to firms that joint inspection cuts, as 跑动 the trips of a citizen:
# 合计减少入企2233次，扰企降幅达到59%)
_CUT_OBJECT_RE = re.compile(r"时限|时间|用时|时长|材料|环节|成本|费用|流程|证明|跑动|入企|扰企")
_THAN_BEFORE_RE = re.compile(_THAN)
_DECREASE_RE = re.compile(r"下降|减少|降低|降幅|减幅|回落|少了?$")
_AS_OF_RE = re.compile(r"截至|截止|至今|目前|累计|历年")
_ANNUAL_RE = re.compile(r"全年|年内|本年|今年|当年|年度|\d{4}年")
#: Marks between the two ends of a range (3-5件, 3～5家, 3至5天).
_RANGE_MARKS = "-－~～至到"
_RANGE_BEFORE_RE = re.compile(rf"\d[{_RANGE_MARKS}]$")
# The clause around a number: the run of non-punctuation before it, the next mark after.
# (greedy .* backtracks from the end: linear, where [^…]*$ would retry at every start)
#: The marks that end a clause (a sentence's end marks among them).
CLAUSE_MARKS = "，,。；;：:！？!?\n"
_CLAUSE_HEAD_RE = re.compile(rf".*[{CLAUSE_MARKS}]", re.S)
_CLAUSE_END_RE = re.compile(rf"[{CLAUSE_MARKS}]")
_KIND_HEAD_RE = re.compile(r".*[，,。；;\n]", re.S)
# "15分钟公共法律服务圈", "1小时生活圈": a distance or time that names a service radius
_CIRCLE_RE = re.compile(r"[\u4e00-\u9fff]{0,8}圈")
_VERB_AFTER_RE = re.compile(r"(?:以上|以下|左右|之|多|余|的|是|为|在|以|中|上|下|内|外|后|前|"
                            r"研究|审议|听取|部署|专题|开展|组织|召开|举办|参加|参与|达到|达|"
                            r"共|累计|合计|同比|比|较|增|减|下降|上升|提高|涉及|覆盖|占)")


#: What an ASCII character right before a number makes it: a letter or digit, part of a
#: code or a longer number (A3, 12); one of these marks, part of a code, a version or a
#: decimal (V2.0, 2023-5, 0.5, 1/3). find_mentions skips such a start; own_number too.
_CODE_MARKS = "._-/"
_CN_NUMERALS = numbers.CN_DIGITS + numbers.CN_PLACES
#: What a number written without a counting word is part of when one of these follows
#: it: a date (2023年, 12月, 5日).
_DATE_WORDS = "年月日"


def number_context(text: str, start: int, end: int) -> str:
    """What ``text[start:end]``, a number as a report writes it (``3件``, ``约1.2万人``,
    ``十三项``, ``12``), is part of in ``text``; ``""`` when it is a number of its own.

    The extractor's own reading (:func:`find_mentions`), for the places that look for a
    number's text in a report or a sentence (``rol review`` locating an ``add``,
    ``rol catalogue suggest`` marking a number in its sentence, a review row's counting
    word). The text may be raw: full-width digits and marks count as their ASCII forms.

    Parameters
    ----------
    text : str
        The report's text or a sentence.
    start, end : int
        Where the number's text stands in ``text``.

    Returns
    -------
    str
        ``"longer number"`` (the ``2件`` of ``12件``, the ``5`` of ``0.5``, the ``234`` of
        ``1,234``, the ``三项`` of ``十三项``, the ``3`` of ``3.5``), ``"code"`` (``A3``,
        ``V2``, ``5G``, ``2023/5``), ``"ordinal"`` (``第3次``; not 连续第3年, a count
        of years), ``"range"`` (either end of ``3-5件``, ``3至5家``, and so of a date
        written ``2023-05-01``), ``"date"`` (a number without a counting word before 年,
        月 or 日: ``2023年``, ``12月``), or ``""``.

    Examples
    --------
    >>> number_context("共12件", 2, 4), number_context("第3次", 1, 3)
    ('longer number', 'ordinal')
    >>> number_context("共3件", 1, 3)
    ''
    """
    from .normalize import map_char

    if not 0 <= start < end <= len(text):
        return "longer number"  # nothing of its own there (an empty or cut-off text)

    def at(i: int, last: bool = False) -> str:
        if not 0 <= i < len(text):
            return " "  # the text's edge bounds a number like a space
        ch = map_char(text[i])  # ① -> 1, ５ -> 5, ． -> .; 〇 and ，stay
        return ch[-1:] if last else ch[:1]

    first, last = at(start), at(end - 1, last=True)
    before, before2 = at(start - 1, last=True), at(start - 2, last=True)
    after, after2 = at(end), at(end + 1)
    cn_first = first in _CN_NUMERALS and "分之" not in text[start:end]
    if before.isascii() and before.isdigit() or before == "," and before2.isdigit():
        return "longer number"
    if before == "." and before2.isdigit():
        return "longer number"
    if before in _RANGE_MARKS and before2.isascii() and before2.isdigit():
        return "range"
    if before.isascii() and (before.isalnum() or before in _CODE_MARKS):
        return "code"
    if before == "第" and not text[max(0, start - 3):start].endswith("连续第"):
        return "ordinal"
    # 点 is a decimal point between numerals only: 三点五 is one number, 重点三项 is 三项
    if cn_first and (before in _CN_NUMERALS or before == "点" and before2 in _CN_NUMERALS):
        return "longer number"
    if last.isascii() and last.isdigit():
        if after.isascii() and after.isdigit() or after in ".," and after2.isdigit():
            return "longer number"
        if after in _RANGE_MARKS and after2.isascii() and after2.isdigit():
            return "range"
        if after.isascii() and after.isalpha() or after in _CODE_MARKS and after2.isdigit():
            return "code"
    if last in _CN_NUMERALS and (after in _CN_NUMERALS
                                 or after == "点" and after2 in numbers.CN_DIGITS):
        return "longer number"
    if (last.isdigit() or last in _CN_NUMERALS) and after in _DATE_WORDS:
        return "date"
    return ""


def own_number_starts(text: str, needle: str, start: int = 0) -> list[int]:
    """Every start of ``needle`` in ``text``, from ``start`` on, where it is a number of
    its own (:func:`number_context` says ``""``), in text order."""
    out = []
    at = text.find(needle, start) if needle else -1
    while at >= 0:
        if not number_context(text, at, at + len(needle)):
            out.append(at)
        at = text.find(needle, at + 1)
    return out


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
    sample: bool = False  # drawn from a whole (抽选四家单位): a part of what it counts
    # a weak numeral that counts a set (三项重大决策之一, 出台了…一百条和…: _closes_set),
    # kept so counted_word does not test it again
    closes_set: bool = False
    # it only says how many bodies just named share the next value (A、B、C3个小组各召开
    # 1次), or it heads the rates stated right after it (实现“三个100%”，即A、B、C均达
    # 100%: extract._drop_headlines): no row of its own
    shares: bool = False
    indicators: list[str] = field(default_factory=list)  # one per measure; "" = none
    measures: list[str] = field(default_factory=list)  # what it counts, one per reading
    parts: list[str] = field(default_factory=list)  # per reading: the whole's id, or ""
    # (unit, kind) a count stated without a counting word implies (欠薪8.2亿: 元, amount);
    # matched with it, and written with it once an indicator names the number
    implied: tuple[str, str] | None = None


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


_FLIPPED = {"at_least": "at_most", "at_most": "at_least"}


def _signed(qual: str, kind: str, value: float) -> str:
    """The qualifier of a fall: 下降2个百分点以上 is a change of −2 or less (at_most), as
    the words bound the size of the fall, not the signed value (trial 5 F12)."""
    return _FLIPPED.get(qual, qual) if kind == "change" and value < 0 else qual


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
                  unit: str, chinese: bool, qualified: bool = False) -> bool:
    """Whether the number at [a, b) inside a quotation is a claim, not part of a name.

    A percentage inside quotation marks (not a book title) still states a level
    (“三个100%”), and so does a quote that holds nothing but the mention, written in
    digits or with a qualifier, and is no name's first word (审批做到“最多80天”。); a bare
    Chinese numeral and its counting word alone in quotes is a slogan's word
    (深化“一门”“一窗”改革). So does a quoted achievement that ends
    with its count: a clause of four characters or more, then two digits or more, a
    counting word and at most a short noun
    (“排查整改突出问题2330个”, “实施方案（300条举措）”). A name keeps its number inside
    (“1211”机制, “15分钟服务圈”, “一件事”).
    """
    starts, ends = spans
    i = bisect.bisect_right(starts, a) - 1
    if i < 0 or text[starts[i]] not in "“\"'":
        return False
    if unit == "%":
        return True
    if (unit and (qualified or not chinese) and starts[i] + 1 == a and ends[i] - 1 == b
            and text[ends[i]:ends[i] + 1] in _BOUNDARY):
        # the quote holds the mention alone and names nothing after it: a pledge the
        # report quotes (审批做到“最多80天”), unlike “15分钟”服务圈 or “3550”目标
        return True
    # two digits or more: “最多跑1次” is a slogan, an achievement counts many
    return (not chinese and a - starts[i] - 1 >= 4 and bool(_TWO_DIGITS_RE.match(text, a, b))
            and bool(_CLAIM_TAIL_RE.fullmatch(text, b, ends[i] - 1)))


_YEAR_SPAN_LEADS = ("提前", "提前了", "历时", "用时", "耗时", "缩短", "缩短了", "延长", "延长了",
                    # how long a thing has stood still (已停工4年, 闲置3年): a duration too
                    "停工", "停产", "停建", "停业", "闲置", "搁置", "拖欠", "积压")
# Acts that make, choose, staff or handle the things a report counts (新建两个工作站,
# 选派两名干部, 评选出三家示范单位): the numeral after one counts what the act made.
_COUNTING_ACTS = (r"新建|创建|组建|成立|培育|评选出?|选派|选聘|选树|聘任|聘用|配备|招录|录用"
                  r"|派驻|表彰|命名|认定|打造|修订|废止|办结|化解|查处|约谈|通报|督办|走访"
                  r"|接待|开通|增设|取消|下放|承接|精简|汇编|印制|制作|发放|张贴|悬挂|刊发"
                  r"|创作|邀请|签订|评为|获评|列席|旁听|参加|参与|编印|摄制|拍摄")
# A word-like Chinese numeral (召开三次常务会议, 会议两次专题听取) is a count when a verb
# or a light word leads to it, or a verb follows it (besides _VERB_AFTER_RE's);
# otherwise it sits inside a name.
_WEAK_LEAD_RE = re.compile(
    r"(?:了|共|计|有|达|为|召开|开展|举办|举行|组织|制定|出台|印发|确定|明确|提出|部署|完成|推出"
    r"|建立|设立|建成|办理|进行|开设|聘请|开|办|听取|审议|研究|培训|发布|作出|受理|审结|新增"
    rf"|承担|在内的|先后|{_COUNTING_ACTS})$")
# 包括…在内的五个专项小组: the count of a whole that names one of its members, always a
# count
# 出台七项…方案, 先后三轮征求意见: issuing or doing things in rounds counts them too.
_LEAD_VERB_RE = re.compile(r"(?:了|召开|开展|举办|举行|组织|设立|建立|承担|确定|在内的"
                           rf"|出台|制定|印发|推出|先后|{_COUNTING_ACTS})$")
# 列为区政府三项重大决策之一: the numeral counts the set the thing is one of (20项民生实事
# 之一 in digits is a count too).
_ONE_OF_RE = re.compile(r"[^，,。；;：:、“”《》\d]{1,10}之一")
# 出台了优化营商环境一百条以及…: an issuing verb, a short topic, then the numeral with its unit
# closing what was issued (a list mark, 和/及/与 or the clause's end after it); a numeral
# followed by its noun (制定法治政府建设十项重点任务) stays inside a name.
_ISSUED_RE = re.compile(r"(?:出台|制定|印发|推出|发布)了?[^，,。；;：:、“”《》\d]{1,10}$")
_ISSUED_END = frozenset("和及与、，,。；;")
# …or with its unit and a short noun that ends the clause (出台了本年度的法治政府建设十项重点
# 任务，): the noun names what was issued, the numeral counts it; a longer name after it
# (十项重点任务实施方案) or no issuing verb (全省确定的…十项重点任务) keeps it a word.
_ISSUED_NOUN_RE = re.compile(r"[^，,。；;：:、“”《》\d]{1,4}(?=[，,。；;])")
_WEAK_AFTER_RE = re.compile(r"主持|带头|深入|赴|前往|作出|批示|调研|督导|讲授|宣讲|学习|学法|到")
# A word-like Chinese numeral the grammar itself reads as a count, whatever names it
# (blind16's first run missed each): an event held (举办了一期培训班: a holding verb with
# 了, then sessions, times or rounds; 开展了一次性… stays a word), the subject of a
# selection (两项工作被列入…, 两件案例入选…, 三个单位获评…: what was chosen was counted)
# and what each of several had (各有一行政许可案卷和…). 一件事 and 一次性 are no subjects.
_HELD_RE = re.compile(r"(?:举办|召开|开展|举行|组织|开办)了$")
_HELD_UNITS = frozenset({"期", "次", "场", "轮"})  # 开展了一批…活动: a batch, no count
_SELECTED_RE = re.compile(r"[^，,。；;：:、“”《》\d]{1,6}?"
                          r"(?:被列入|被列为|被评为|被确定为|被命名为|入选|获评|荣获)")
_NOT_COUNTED_NEXT = frozenset("事性体站式把定些般致切样")
# 的三期培训, 两场讲座: sessions (期, 场) directly before the training or lecture they
# are: a count of events, as a numeral before a name's noun (十项重点任务) is not.
_EVENT_UNITS = frozenset({"期", "场"})
_EVENT_NOUN_RE = re.compile(r"(?:培训|讲座|宣讲|报告会|授课|轮训|专题讲座)")
# 《A》《B》两部规范性文件: a numeral right after a closing title mark, its counting word,
# then a noun of documents, counts the titles just listed (the documents the year's work
# acted on). After a closing quote (“A”和“B”两条主线) it sizes a slogan list and stays a word.
_TITLES_COUNTED_RE = re.compile(r"(?:部|件|项|个|份)(?:行政)?(?:规范性文件|文件|法律|法规|规章"
                                r"|条例|办法|规定|制度|政策)")
# 本局的一件重大行政决策事项: one thing of a kind the catalogue counts, after 的; kept
# only when an indicator names it (一件事 stays a word)
_ONE_THING_UNITS = frozenset({"件"})
# 申请人申请一次、提交一次材料，就能实现…: a number in a clause of its own that is the
# condition of the next (，就能/即可…: what one must do for a service to follow) is what the
# service asks, not what the year did. Without the comma it is the time a thing took
# (仅用1个工作日就能办完, 压缩到2个工作日内即可完成): a statistic.
_CONDITION_RE = re.compile(r"[^，,。；;：:]{0,12}[，,](?:就能|就可|即可|便能|便可)")
# 实现零纠错, 做到零事故: 零 before an adverse event the year avoided is a count of none, the
# statistic in a Chinese numeral; unquoted only (做到“零投诉” is a slogan's word) and not a
# change (保持零增长).
_NONE_HAPPENED_RE = re.compile(r"(?:实现|做到|达到)(零)(?:纠错|差错|事故|投诉|败诉|复议|诉讼|信访"
                               r"|上访|延误|超时|逾期|违法|错案)")
# 为期两周, 为期三个月: 为期 ("lasting") before a numeral and a time unit always states a
# duration, a Chinese numeral as much as digits (the scan reads 两周 as a word).
_LASTING_RE = re.compile(rf"为期(?P<n>\d+|{_CN_NUM})(?P<unit>个工作日|工作日|个月|周|天|年|小时)")
# 企业开办半日办结: half a day, the time a service takes (半 is no numeral elsewhere: 半年
# is a period, 半数 a share)
_HALF_DAY_RE = re.compile(r"半(?:个)?(?:日|天|工作日|个工作日)"
                          r"(?=内?(?:办结|完成|办完|办成|出证|领照))")
# Targets and expected values are not what was done or had (有望降至5%以下, 市考核指标为
# 45%以上, 下达的6万平方米年度目标): the value a plan sets, not a statistic. A count of
# targets (明确35个量化目标) is one: counting units keep it.
_TARGET_BEFORE_RE = re.compile(r"(?:有望|力争|考核指标为?(?:比值)?)"
                               r"(?:[降升提增减]至|达到|达|超过|保持在|控制在|在)?$")
_TARGET_AFTER_RE = re.compile(r"(?:的)?(?:年度|工作)?目标(?!任务)")
_TARGET_COUNT_UNITS = frozenset({"个", "项", "条", "类", "件"})
# A cadence: how often a recurring act is held, per a period shorter than the report's
# year (党委会定期学法每月1次, 按每两月1次的频次, 常务会每季度至少听取1次): what a rule or a
# practice sets, not how many times it happened in the year; the year's count, when the
# report states it (…开展学习5次), is the statistic. A figure per year (每年服务15万人次,
# 每年安排专项资金150万元) is the year's own amount and stays one.
_CADENCE_RE = re.compile(r"每[一两二三四五六\d]?个?(?:季度|季|半年|月|周|星期|旬|日|天)"
                         r"[^，,。；;：:、\d“”《》]{0,8}$")
_CADENCE_UNITS = frozenset({"次", "回", "期", "场", "轮"})
# A floor a rule sets (要求每人每年参加线下培训不少于90课时, 规定…至少, 每季度不少于1次): what
# must be done, not what was. 均/都 before the floor says everyone reached it (全员学时均不少于
# 40学时), a statistic; so does a floor with no rule word (超过40件). After 确保 a floor
# is the aim, 均 or not (确保全系统参考率、合格率均不低于95%): what is to be ensured.
_FLOOR = r"(?:不少于|至少|不低于|不得少于|最少)[^，,。；;：:、]{0,10}$"
_REQUIRED_FLOOR_RE = re.compile(
    r"(?:每[一两二三四五六\d]?个?(?:年|季度|季|半年|月|周|人)|要求|规定(?!》)|原则上|必须)"
    rf"[^，,。；;：:]{{0,24}}?(?<![均都]){_FLOOR}"
    rf"|确保[^，,。；;：:]{{0,24}}?{_FLOOR}")
# A sample drawn from a whole (抽选四家单位, 随机抽取三个部门): a count, but a part of the
# whole the sentence counts, so the matcher marks it and never gives it the whole's name.
# Not 抽查 (抽查两次 counts inspections) nor events (抽取两轮): units of things drawn only.
_SAMPLE_LEAD_RE = re.compile(r"(?:抽选|抽取|选取)$")
# In digits only bodies drawn (另选取8个单位…述法): a sample of files in digits (抽取执法
# 案卷46卷进行评查) is what a review counts, the review's own figure.
_SAMPLE_BODY_UNITS = frozenset({"家", "个", "名", "位", "所", "部门"})
_SAMPLE_UNITS = _SAMPLE_BODY_UNITS | {"件", "份", "条"}
# "十三届三次、四次全会", "五届二次会议": which session of a congress or a plenum, an
# ordinal without 第 (right after 届, or a later item of such a list), not a count.
_SESSION_BEFORE_RE = re.compile(r"届(?:[一二三四五六七八九十]+次、)+$")
# "两项整改率均达到100%": the numeral says how many rates share the value, no count.
# (项, or 个 right before a rate word of two or three characters: 两个覆盖率均; no 的
# between: 三个乡镇的覆盖率均… and 三个乡镇覆盖率均… count towns.)
# The rate name after 项 and after 个, and the word that shares the value: also how
# extract._N_RATES_RE reads those rates, so the count dropped here is the one read there.
_SHARED_RATE = r"[^，,。；;：:、的\d]{0,8}率"
_SHARED_RATE_SHORT = r"[^，,。；;：:、的\d]{1,2}率"
_ALL_OF = "(?:均|都|全部)"
_RATES_SHARED_RE = re.compile(_SHARED_RATE + _ALL_OF)
_RATES_SHARED_GE_RE = re.compile(_SHARED_RATE_SHORT + _ALL_OF)
# "败诉94件，败诉率为7.4%，两项指标均为近五年来的最低值": how many of the figures just stated
# share a claim, as 两项整改率均 counts rates.
_FIGURES_SHARED_RE = re.compile("(?:指标|数据|数字)" + _ALL_OF)
# "组建37支10人以上的普法志愿者队伍": a size right after the count of what it sizes, with
# 以上/以下 and 的 (a class every one of the 37 is in), not a count of its own.
_SIZE_OF_EACH_RE = re.compile(r"\d(?:支|个|家|所)$")


# A count without a counting word: digits with a scale word (向11.43万农民工, 讨回欠薪8.2亿),
# or a whole number that ends its clause after 达/超过/突破 (访问量累计达2986773).
_BIG_SCALES = frozenset({"万", "亿", "千万", "百万"})
# 为 as 达 after a quantity or a total (访问量为#, 累计为#: tests/robustness_eval.py), not
# after any word (热线为12345 is a number, no count)
_BARE_LEAD_RE = re.compile(r"(?:达到?|共计|合计|总计)$|[量数计]为$")
_BARE_PRE = frozenset({"超过", "超", "逾", "多达", "突破"})
_CLAUSE_ENDS = frozenset("，,。；;！!？?\n")
# 1集体 (honoured collectives), not 集体经济/集体土地 (collective property)
_COLLECTIVE_RE = re.compile(r"集体(?!经济|土地|资产|所有|产权|林|企业|组织|学习|约谈|研究|讨论)")


# 平均综合成绩99.2, 考核得分为96.5: a score a report states without 分, right after the
# score's name; only with decimals, which no year, code or hotline has.
_SCORE_BEFORE_RE = re.compile(r"(?:成绩|得分|评分|分数|总分)(?:为|是|达到?)?$")
# A Chinese numeral and its counting word the group's title glosses in brackets
# (事项类别（规范性文件5类、行政决策6类、政府合同5类）): how many kinds each heading
# holds, the size of a list, not what the year did (a count of kinds stated on its own,
# 考评任务3类12项 or 行政职权57类, stays one).
_KINDS_GLOSSED_RE = re.compile(r"(?:类别|类型|种类)[（(][^（）()]*$")
# 三省一区, 两区一县: a numeral with its counting word directly followed by another
# numeral names a grouping (of regions, of tasks), it counts nothing on its own.
_CN_COMPOUND_RE = re.compile(r"[一二两三四五六七八九十][\u4e00-\u9fff]")

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
    if m.group("scale") in _BIG_SCALES or _COLLECTIVE_RE.match(text, m.end()):
        return True  # 8.2亿, and 1集体 (collectives are counted without a counting word)
    num, a = m.group("num"), m.start()
    if ((m.group("q1") or m.group("q2") or num == "0") and nxt in _CLAUSE_ENDS
            and "\u4e00" <= text[a - 1:a] <= "\u9fff"):
        # 评查案卷370余，: a noun, then its count with 余/多 ends the clause; so does a
        # zero (行政补偿0。, 败诉的案件为0。): none of a kind, never a year or a code
        return True
    if "." in num and nxt in _CLAUSE_ENDS and _SCORE_BEFORE_RE.search(text, max(0, a - 4), a):
        return True  # 平均综合成绩99.2，: a score with decimals, stated without 分
    if not (m.group("pre") in _BARE_PRE or _BARE_LEAD_RE.search(text[max(0, a - 2):a])):
        return False
    if nxt and nxt not in _CLAUSE_ENDS:
        return False
    digits = num.replace(",", "")
    return digits.isdigit() and len(digits) >= 3 and not (
        len(digits) == 4 and 1900 <= int(digits) <= 2100)


_LIST_GAP_RE = re.compile(r"\s*[、和及]\s*")
_LIST_CLAUSE_RE = re.compile(rf"[^{CLAUSE_MARKS}]*$")


def _names_listed(text: str, end: int) -> int:
    """How many names the list ending at ``end`` (just before 等) holds: "A、B和C" is 3.

    A count after 等 that equals it repeats the list (等4个核心指标 after four names);
    a larger one (卫生等26个部门) counts more than was named, a statistic.
    """
    clause = _LIST_CLAUSE_RE.search(text, max(0, end - 80), end).group()
    if "、" not in clause:
        return 0
    last = clause.rsplit("、", 1)[1]
    return clause.count("、") + 1 + (1 if re.search("[和及与]", last) else 0)


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
    formulas = _spans(_FORMULA_RE, text)
    out: list[Mention] = []
    pending: list[re.Match] = []  # bare numbers in a list waiting for the next unit
    for m in _MENTION_RE.finditer(text):
        num, unit_w = m.group("num", "unit")  # read once: the checks below ask often
        a, b = m.start(), m.end()
        before = text[a - 1] if a else ""
        # a fraction (百分之五十, 四分之一) is a quantity, never a word
        chinese = not num[0].isdigit() and "分之" not in num
        if before.isascii() and (before.isalnum() or before in _CODE_MARKS) and before:
            continue  # part of a code, a version or a decimal we did not start at
        times = chinese and not unit_w and num != "一" and text.startswith("获", b)
        # nearly half the matches: a numeral inside a word (统一, 一体化) and a year
        # (2023年). Every check below drops them too, and with no bare number waiting
        # for a unit there is nothing for them to clear: skipped at once (the mention
        # scan's hot loop; the numeral before the streak and span tests it needs not)
        if not pending and chinese and not unit_w and not _each_had(text, a) and not times:
            continue
        streak = (text[max(0, a - 3):a].endswith(("连续", "连续第"))
                  or bool(_STREAK_WON_RE.search(text, max(0, a - 9), a)))
        # 提前2年, 历时3年, 缩短1年: a span of years, not a year
        early = text[max(0, a - 3):a].endswith(_YEAR_SPAN_LEADS)
        if not pending and unit_w == "年" and not (streak or early):
            continue
        if (before == "第" and not streak) or _RANGE_BEFORE_RE.search(text[max(0, a - 2):a]):
            continue
        if chinese and before and before in numbers.CN_NUMERAL_CHARS:
            continue
        if before == "前" and unit_w in ("名", "位"):
            continue  # "位列全省前10名", "排名前五位": a rank, not a count
        if chinese and unit_w == "次" and (
                before == "届" or _SESSION_BEFORE_RE.search(text, max(0, a - 16), a)):
            continue  # 十三届三次、四次全会: the ordinal of a session, no count
        if chinese and (unit_w == "项" and _RATES_SHARED_RE.match(text, b)
                        or unit_w == "个" and _RATES_SHARED_GE_RE.match(text, b)):
            continue  # 两项整改率均达到100%: how many rates share one value
        if chinese and unit_w in ("项", "个") and _FIGURES_SHARED_RE.match(text, b):
            continue  # 两项指标均为近五年来的最低值: how many figures share a claim
        if (m.group("post") in ("以上", "以下") and text.startswith("的", b)
                and _SIZE_OF_EACH_RE.search(text, max(0, a - 2), a)):
            continue  # 37支10人以上的队伍: the size of each team, no count
        if before == "等" and (chinese or unit_w == "类"):
            # "…、政府信息公开等八类", "行政许可、行政处罚等10类权责事项": the count of the
            # categories of the list just named, however many it names
            continue
        if chinese and unit_w in _TIER_UNITS:
            continue  # 七大类行政权力事项: a grouping's name; 10大类37项 in digits counts
        if unit_w == "类" and _KINDS_GLOSSED_RE.search(text, max(0, a - 40), a):
            continue  # 事项类别（规范性文件5类、行政决策6类）: sizes of kinds glossed
        if chinese and unit_w and _CN_COMPOUND_RE.match(text, b):
            continue  # 三省一区, 两区一县: numerals joined into one name, no count
        if before == "等" and _names_listed(text, a - 1) == numbers.scaled(num, ""):
            continue  # "A、B、C和D等4个指标": it counts the names just listed, no more
        unit = unit_w or ""
        if (_TARGET_BEFORE_RE.search(text, max(0, a - 12), a)
                or unit not in _TARGET_COUNT_UNITS and _TARGET_AFTER_RE.match(text, b)):
            pending.clear()
            continue  # 有望升至45%以上, 6万平方米年度目标: a target, not a statistic
        if _CONDITION_RE.match(text, b):
            pending.clear()
            continue  # 申请一次、提交一次材料，就能实现…: what a service asks, no count
        if _a_rule(text, a, b, unit):
            pending.clear()
            continue  # 每月1次, 要求…不少于90课时: a rule's cadence or floor, no statistic
        if unit and (_RANK_FIELD_RE.match(text, b)
                     or "入选" in text[max(0, a - 4):a]  # ends every match: a cheap test first
                     and _ONE_TITLE_SELECTED_RE.search(text, max(0, a - 90), a)):
            pending.clear()
            continue  # 在全国261个地级市中居第19名, 《…案》入选30个…: the field, no count
        if "分之" in num:
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
            if (chinese and not _each_had(text, a) and not times
                    or not chinese and not _bare_count(text, m)):
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
        if (_inside(quoted, a, b)
                and not _quoted_claim(quoted, text, a, b, unit, chinese, bool(
                    m.group("pre") or m.group("q1") or m.group("q2") or m.group("post")))
                or _inside(slogans, a, b) or _inside(formulas, a, b)):
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
        weak = (chinese and after not in _BOUNDARY and not streak and not times
                and not (m.group("pre") or m.group("q1") or m.group("q2")))
        if weak and _counted_numeral(text, a, b, unit):
            weak = False  # 举办了一期培训班, 两件案例入选, 各有一…案卷: a count by grammar
        one_named = (weak and value == 1 and unit in _ONE_THING_UNITS and before == "的"
                     and after not in _NOT_COUNTED_NEXT)
        if (chinese and after == "“" and unit in ("个", "项", "条")
                and not (m.group("pre") or m.group("q1") or m.group("q2"))):
            continue  # 融入三个“一号工程”, 两个“确保”: how many names a slogan holds
        if chinese and value == 1 and weak and not one_named:
            continue  # 一次性, 一个, 一批…: a word, not a count
        if chinese and value == 1 and unit == "批":
            continue  # 播放宣传标语一批: "a batch of", however it ends its clause
        sample = bool(unit in (_SAMPLE_UNITS if chinese else _SAMPLE_BODY_UNITS)
                      and _SAMPLE_LEAD_RE.search(text, max(0, a - 4), a))
        closes_set = bool(weak) and _closes_set(text, a, b)
        if weak and not (before in _BOUNDARY or _WEAK_LEAD_RE.search(text[max(0, a - 4):a])
                         or sample or closes_set or one_named
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
        if chinese and before in ("数", "几") and qual == "exact":
            qual = "at_least"  # 数十场, 几十次: some tens, not ten
        kind, value = _kind(text, a, unit, value)
        prev = out[-1] if out else None
        if (kind != "change" and prev is not None and prev.kind == "change"
                and _shares_change(prev.unit, unit) and text[prev.end:a] in ("、", "和", "及")):
            # "分别下降21.74%、15.31%", "同比减少83起、107人、124人": the verb before the
            # list changes every item
            kind = "change"
            value = -abs(value) if prev.value < 0 else value
        qual = _signed(qual, kind, value)
        mention = Mention(a, b, value, unit, qual, kind, weak=weak, sample=sample,
                          closes_set=closes_set,
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
                out.append(Mention(p.start(), p.end(), pv, unit, _signed(pq, pk, pv), pk))
        pending.clear()
        out.append(mention)
    for h in _HALF_DAY_RE.finditer(text):
        kind, value = _kind(text, h.start(), "天", 0.5)
        out.append(Mention(h.start(), h.end(), value, "天", "exact", kind))
    for h in _NONE_HAPPENED_RE.finditer(text):
        if not _inside(quoted, h.start(1), h.end(1)):
            # none of the cases (件) the event is counted in, 事故 in 起 as elsewhere
            implied = ("起" if h.group().endswith("事故") else "件", "count")
            out.append(Mention(h.start(1), h.end(1), 0.0, "", "exact", "count",
                               implied=implied))
    # the spans read so far, by start, with the furthest end of each prefix: whether one
    # overlaps [a, b) is a bisect, not a look at every mention (quadratic in a long text)
    taken = sorted((x.start, x.end) for x in out)
    starts = [s for s, _e in taken]
    reach = list(itertools.accumulate((e for _s, e in taken), max))
    for h in _LASTING_RE.finditer(text):
        a, b = h.start("n"), h.end()
        i = bisect.bisect_left(starts, b)  # the spans that start before b
        if i and reach[i - 1] > a:
            continue  # 为期3天: the scan above read it already
        value = numbers.scaled(h.group("n"), "")
        out.append(Mention(a, b, value, h.group("unit"), "exact", "count"))
    out.sort(key=lambda x: x.start)
    return out


# characters that make a new counting word the start of another word (通过, 面向)
_NOT_UNIT_NEXT = {"通": frozenset("过知报道讯行用达畅告关"), "面": frozenset("向对临积貌上"),
                  "组": frozenset("织建成长员合团"), "笔": frozenset("录记试者"),
                  "首": frozenset("次批个位先届家府长都页创"), "例": frozenset("外如会"),
                  "封": frozenset("闭存面顶装控堵"), "块": frozenset("状"),
                  # 机关一支部获评…: a branch's name (支部), not one team
                  "支": frozenset("部持付援撑"),
                  # 2副局长 would be a rank, not two sets of a thing
                  "副": frozenset("局县市区主科处部长院书经总组队所庭省镇乡职秘团会厅理教调检署司")}
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


def _shares_change(prev_unit: str, unit: str) -> bool:
    """Whether a bare list item in ``unit`` after a change in ``prev_unit`` is a change too.

    The same unit always is ("分别下降21.74%、15.31%"); counts in different counting
    words are a list of what changed ("同比减少83起、107人", the accidents and the deaths).
    A rate next to a count is not: a percentage or points after a count's change (or a
    count after a rate's) is another kind of statistic.
    """
    rates = ("%", "个百分点", "百分点", "倍")
    return prev_unit == unit or (prev_unit not in rates and unit not in rates)


def _kind(text: str, start: int, unit: str, value: float) -> tuple[str, float]:
    """(kind, signed value): change when a change verb leads to the number."""
    lo = max(0, start - 80)  # a bounded look-back: rfind over the whole text is O(n)
    head = _KIND_HEAD_RE.match(text, lo, start)
    clause_start = head.end() if head else lo
    left = text[max(clause_start, start - 16):start]
    if unit in ("个百分点", "百分点"):
        is_change = True
    else:
        # every match ends the clause with one of _CHANGE_VERB_ENDS (a search of each
        # position of the clause's tail costs 3 µs, the test of its last character none)
        m = (_CHANGE_VERB_RE.search(left)
             if left[-1:] in _CHANGE_VERB_ENDS or left.endswith("\n") else None)
        # For a count, 增加/减少 alone may describe the level ("新增…"); require a
        # comparison word in the clause. A percentage after 增长 is always a change.
        is_change = bool(m) and (unit in ("%", "倍")
                                 or bool(_COMPARE_RE.search(text[clause_start:start])))
        if (is_change and unit == "%" and _CUT_BY_RE.search(left)
                and _CUT_OBJECT_RE.search(text, clause_start, start)
                and not _THAN_BEFORE_RE.search(text[clause_start:start])):
            # 办理时限减幅达60%: how much a reform cut a time limit or the paperwork,
            # stated as a positive rate (like 减少幅度达60.2%); 同比降幅为5% and
            # 发案数降幅达20% still compare two years
            is_change = False
    if is_change:
        if _DECREASE_RE.search(left[-8:]):
            value = -abs(value)
        return "change", value
    if unit == "%":
        return "rate", value
    if unit == "元":
        return "amount", value
    return "count", value


def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END_RE.finditer(text)]


def _sentence_of(bounds: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos)
    start = bounds[i - 1] if i else 0
    end = bounds[i] if i < len(bounds) else len(text)
    return start, end


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


_PERSON_UNITS = frozenset({"位", "名"})


def counted_word(text: str, m: Mention) -> bool:
    """Whether the weak mention ``m`` is a count even when no indicator names it: an act
    leads to it (开展了三轮权责清单清理, 主要承担九项职能) or it opens a clause after a comma
    (，三个镇和…街道), or it is a sample drawn (抽选四家单位), or it counts a set
    (三项重大决策之一: :attr:`Mention.closes_set`), or it counts people after 有
    (有两位负责人参加). At a sentence's start,
    after a closing quote (“A”和“B”两条主线) or in a heading it stays a word, and so it
    does when no noun follows it."""
    a, nxt = m.start, text[m.end:m.end + 1]
    if not "\u4e00" <= nxt <= "\u9fff":
        return False  # no noun follows (两项5分别计): nothing it counts
    return (m.sample or text[a - 1:a] == "，"
            or bool(_LEAD_VERB_RE.search(text, max(0, a - 4), a))
            or m.closes_set
            # 有两位负责人参加…: people someone had, counted in 位/名 after 有
            or m.unit in _PERSON_UNITS and text[a - 1:a] == "有")


def _a_rule(text: str, a: int, b: int, unit: str) -> bool:
    """Whether the number at [a, b) (its qualifier included) with counting word ``unit``
    is what a rule or practice sets rather than what the year did: a cadence
    (每月1次, 每季度至少听取1次), a required floor (要求每人每年…不少于90课时) or a time
    limit counted from an event (自决定作出之日起7个工作日内)."""
    head = _CLAUSE_HEAD_RE.match(text, max(0, a - 40), a)
    start = head.end() if head else max(0, a - 40)
    if unit in _CADENCE_UNITS and _CADENCE_RE.search(text, start, a):
        return True
    if (unit in _DEADLINE_UNITS and _FROM_EVENT_RE.search(text, start, a)
            and (text.endswith("内", 0, b) or text.startswith("内", b))):
        return True
    return bool(_REQUIRED_FLOOR_RE.search(text[start:b]))


# A time limit counted from an event (自决定作出之日起7个工作日内公示, 自受理之日起3日内):
# how long a rule allows, not how long the year's work took. A cut's figure (压缩到2个工作日内,
# 由15个工作日压缩至3个工作日) has no 自…起 before it and stays a statistic.
_DEADLINE_UNITS = frozenset({"个工作日", "工作日", "天", "小时", "个月", "分钟"})
_FROM_EVENT_RE = re.compile(r"(?:自|从)[^，,。；;：:\d]{1,20}?(?:之日|之时|后)?起$")
# A ranking's field (在全国261个地级市中居第19名, 在全国87个综合候选地区中胜出, 西北5省中
# 唯一获评…): the number sizes the peers the region was compared with, not its own work. A
# pool the region's own entries were chosen from (从全区申报的54个项目中评出…) names no rank
# and stays a count.
# 《郎溪县某公司…案》入选30个全国安全生产优秀执法案例: one titled item entered a list of
# N; the N sizes the list (two titles or more before 入选 may be what it counts).
_ONE_TITLE_SELECTED_RE = re.compile(r"(?<![》、和及与])《[^《》]{1,80}》(?:成功)?入选(?:了|为)?$")
_RANK_FIELD_RE = re.compile(r"(?:[^，,。；;：:、\d“”《》（(]|[（(][^（）()\d]{0,8}[）)]){0,12}?中"
                            r"(?:居|排名|排在|排|位列|位居|名列|胜出|脱颖而出|唯一|率先|首个|首家)")


# 连获省政府5年督查激励: 连获 (won in a row) before what was won and N年 states a streak
# as 连续5年获… does; the words between name the award, with no pause and no number
_STREAK_WON_RE = re.compile(r"连获[^，,。；;：:、“”《》\d]{0,6}$")


def _each_had(text: str, a: int) -> bool:
    """Whether the numeral at ``a`` follows 各有 (各有一行政许可案卷和…: one each)."""
    return text.endswith("各有", 0, a)


def _counted_numeral(text: str, a: int, b: int, unit: str) -> bool:
    """Whether the word-like Chinese numeral at [a, b) with counting word ``unit`` is a
    count by the grammar around it: an event held (举办了一期培训班), the subject of a
    selection (两项工作被列入…, 两件案例入选), what each of several had (各有一…), or the
    documents whose titles it follows (《A》《B》两部规范性文件)."""
    if text[b:b + 1] in _NOT_COUNTED_NEXT:
        return False  # 开展了一次性…, 一件事入选…: a word
    if unit in _HELD_UNITS and _HELD_RE.search(text, max(0, a - 3), a):
        return True
    if unit in _EVENT_UNITS and _EVENT_NOUN_RE.match(text, b):
        return True  # 培训班的三期培训, 两场讲座: sessions of the training it names
    if unit and _SELECTED_RE.match(text, b):
        return True
    if text[a - 1:a] == "》" and _TITLES_COUNTED_RE.match(text, b - len(unit)):
        return True  # 《A》《B》两部规范性文件: the documents just listed
    return _each_had(text, a)


def _closes_set(text: str, a: int, b: int) -> bool:
    """Whether the word-like numeral at [a, b) counts a set: the one a thing is one of
    (三项重大决策之一) or the items an issuing verb put out (出台了优化营商环境一百条以及…)."""
    return bool(_ONE_OF_RE.match(text, b)) or (
        (text[b:b + 1] in _ISSUED_END or text.startswith("以及", b)
         or bool(_ISSUED_NOUN_RE.match(text, b)))
        and bool(_ISSUED_RE.search(text, max(0, a - 14), a)))

