"""What a number counts: a short Chinese label (``measure``) built from its clause.

Every mention gets a measure, named by the catalogue or not, so that numbers without an
indicator can still be lined up across reports (``行政复议申请受理数``, ``政务服务事项数``,
``调解成功率``). The label is made from the clause that holds the number:

1. **Words before the number** (from the clause start): the object and the verb,
   ``受理行政复议申请`` in ``受理行政复议申请9件``.
2. **Words after the counting word** while they still name what is counted:
   ``7个部门`` -> ``部门``, ``273名人民调解员`` -> ``人民调解员``, and a verb that
   follows the number (``常务会议9次研究部署…``) up to the next punctuation.
3. **Topic carried over**: when 1 and 2 leave no object, only a verb (``审结52件``,
   ``其中纠错4件``), the nearest domain topic (:data:`TOPICS`) named earlier in the same
   sentence or the sentence before is put in front: ``行政复议审结数``; after a count
   of the sentence that names a thing and no topic, that thing instead
   (``分解重点任务52项，已完成50项``: ``分解重点任务完成数``).
4. **Normalised** so that the same measure in two reports gets the same label:
   adverbs, fillers and linking verbs dropped (``全面``, ``共``, ``达到``, ``为``),
   quotation marks and brackets removed, a few synonyms mapped (:data:`SYNONYMS`: 办结
   -> 审结 in a decided case's label, 审批事项 -> 行政许可事项, 以案讲法 -> 以案释法), capped at
   :data:`MAX_CHARS` characters (the words nearest the number are kept), and a suffix
   by kind: a count ends in ``数``, an amount in ``金额``, a rate keeps its ``率``.
5. **Qualifier words** that change what is counted lead the label: ``累计`` (a running
   total, also from 截至/历年) and ``其中`` (a part of the number before). ``全年`` is the
   default scope of a report and adds nothing, so ``全年受理X`` and ``受理X`` agree.
   The value before a change from a time word's (``由上年的52天缩短至41天``) is led by
   that word (``上年…期限``); the value after it has the label without it.

The label is a reading aid and a grouping key, not a translation: two labels differ
when the reports word a measure differently in ways the rules above do not cover.
"""

from __future__ import annotations

import re

# Python's own regex parser, the one place the package reads it. It is private (the
# former sre_parse/sre_constants, moved into re in 3.11, which pyproject requires), but
# it is the only reader of a pattern that agrees with re itself: the pre-checks built on
# it (skipping's lookahead, the matcher's needed words, the heading search's first
# characters) only ever skip what cannot match. A Python without it loses them, not an
# answer: parsed() gives None and every pattern is searched as written.
try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - CPython 3.11-3.13 have both
    _sre = _sre_parse = None


def parsed(pattern: str, flags: int = 0):
    """The parse tree of ``pattern`` (a ``re._parser.SubPattern``), or None when this
    Python has no such parser: the caller then does without its pre-check."""
    if _sre_parse is None:
        return None
    return _sre_parse.parse(pattern, flags)


def _first_class(items) -> list[str] | None:
    """The character-class items (escaped) one of which every match of the parsed
    pattern ``items`` starts with, or None when that is not known (a match may be empty
    or start with any character)."""
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width: the match starts with what follows
        if op is _sre.LITERAL:
            return [re.escape(chr(av))]
        if op is _sre.IN:
            out = []
            for op2, av2 in av:
                if op2 is _sre.LITERAL:
                    out.append(re.escape(chr(av2)))
                elif op2 is _sre.RANGE:
                    out.append(f"{re.escape(chr(av2[0]))}-{re.escape(chr(av2[1]))}")
                elif op2 is _sre.CATEGORY and av2 is _sre.CATEGORY_DIGIT:
                    out.append(r"\d")  # the same \d, Unicode digits included
                else:
                    return None  # a negated class, another category
            return out
        if op is _sre.BRANCH:
            out = []
            for alt in av[1]:
                first = _first_class(alt)
                if first is None:
                    return None
                out += first
            return out
        if op is _sre.SUBPATTERN:
            # (?i:…) and the like change how a class matches: not followed
            return _first_class(av[-1]) if not (av[1] or av[2]) else None
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            return _first_class(av[2])
        return None  # any character, an optional item, a back-reference …
    return None  # only zero-width items: the match may be empty


def skipping(pattern: str) -> re.Pattern:
    """``re.compile(pattern)`` led by a lookahead for the characters a match can start
    with, when they are known: the same matches, but a scan skips every other position
    at once instead of trying each alternative there (a long alternation whose words
    start with a lookbehind, a class or a word with many first characters is otherwise
    tried at every position; 2-3x faster on the label regexes)."""
    tree = parsed(pattern)
    first = _first_class(tree) if tree is not None else None
    if not first or pattern.startswith("(?") and pattern[2:3].isalpha():
        return re.compile(pattern)  # (?s)…: global flags must open the pattern
    return re.compile("(?=[" + "".join(dict.fromkeys(first)) + "])(?:" + pattern + ")")

#: Longest label, in characters (the suffix and qualifier prefix not counted).
MAX_CHARS = 16

#: Domain topics that a clause without an object borrows from the clause before.
#: Longest first, so 行政复议 wins over 复议 where both match.
TOPICS = (
    "行政复议", "行政诉讼", "行政应诉", "行政执法", "行政处罚", "行政许可", "行政检查",
    "行政强制", "政务服务", "政府信息", "依申请公开", "规范性文件", "重大行政决策",
    "合法性审查", "人民调解", "矛盾纠纷", "法律援助", "公共法律服务", "法律顾问", "公证",
    "信访", "普法", "法治宣传", "12345", "热线", "建议提案", "人大代表建议", "政协提案",
    "审计", "执法监督", "营商环境", "复议", "诉讼", "应诉", "调解", "培训", "述法", "合同",
    "常务会议", "中心组", "权力事项", "投诉", "举报", "督察", "考核", "证明事项", "涉企",
)
_TOPIC_RE = re.compile("|".join(re.escape(t) for t in sorted(TOPICS, key=len, reverse=True)))

#: Synonyms mapped to one spelling (applied to the label, longest first).
SYNONYMS = {
    "以案讲法": "以案释法", "以案说法": "以案释法", "审批事项": "行政许可事项",
    "许可事项": "行政许可事项", "行政许可事项": "行政许可事项", "行政审批事项": "行政许可事项",
    "办结": "审结", "结案": "审结", "接收": "收到", "受理了": "受理", "场次": "场",
    "化解了": "化解", "出台": "制定", "合法性审核": "合法性审查",
    "各类": "", "各项": "", "各种": "", "印发": "制定", "修订完善": "修订", "人员数": "人员",
    "累计": "", "其中": "",
}
_SYNONYM_RE = re.compile("|".join(re.escape(s) for s in sorted(SYNONYMS, key=len,
                                                                  reverse=True)))

# Words that add nothing to what is counted: adverbs, fillers, linking verbs, time words
# and the light verbs 开展/组织/举办 (组织培训 and 培训 count the same thing).
_FILLER_RE = skipping(
    r"一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|首先|其次|此外|同时|另外|"
    r"截至目前|截止目前|截至|截止|(?:到|至)目前(?:为止)?|目前|从中|至今|现已|已经|共计|总计|合计|累计|共有|为期|"
    r"先后|陆续|全面|积极|深入|扎实|持续|不断|进一步|切实|认真|有效|大力|主动|全力|依法(?!行政|治)|严格|"
    r"每年|每月|择优|一共(?![享建治用])|(?<!公)共(?!享|建|治)|"
    r"稳步|着力|全年|年内|本年度|本年|今年以来|今年|当年|年度|上半年|下半年|全市|全县|"
    r"全区|全镇|全省|全乡|全街道|全局|全国|我市|我县|我区|我镇|我局|本市|本县|本区|"
    # 本级 of 市本级 is no filler: dropped, it left 市 to open the label after a carried
    # topic (其中市本级收到 -> 其中行政复议市收到数); 市本级 is kept whole as gold writers do
    r"(?<![省市县区旗州盟镇乡府])本级|"
    r"第[一二三四五六七八九十\d]+批次?|一年(?:下来|来|中)|近年来|多年来|"
    # a date with its 底/末/初 (截至12月底: no 底 left to open the label)
    r"\d{4}年(?:度|以来)|(?:\d{4}年|\d{1,2}月(?:份)?)(?:\d{1,2}日|[底末初]|[上中下]旬)?|(?:年|月)[底末初]|"
    r"以来|其中|"
    r"组织开展|开展了|开展|举办|(?<![查督承代交经包])办了|举行|召开|进行|"
    # 组织 as the light verb: right before the number (督察共计组织15次) or an event noun
    # (组织法治讲座12场, as 举办法治讲座); not 党组织/社会组织, the nouns
    r"(?<![党会层团织])组织(?=$|召开|举办|举行|实施|专题|法治|集中|培训|讲座|宣传|考试|旁听|观看)|"
    # a comparison with the year before in any of its spellings (同比, 较上年, 比去年:
    # tests/robustness_eval.py found 比去年增长# lose the measure of the clause before)
    r"分别|同比|[较比](?:上一?年度?|去年)(?:同期)?|总数|总量|数量|次数|人数|件数|个数"
)
# 的 as a particle: not the end of 标的 (标的额 is no 标额), which no cut or trim
# splits
_DE_WORDS = "标"
_DE = f"(?<![{_DE_WORDS}])的"
#: The verbs of a change to a value (压缩至, 减少到, 提高为): the value after them is the
#: one after the change (extract's before/after of 由…压缩至…, a label's value before it).
CHANGE_VERBS = "压缩|压减|缩短|减少|降低|精简|提高|提升|增加|增长|控制|下降|降|减|增"
#: 均 as "each, all" (A、B均为…), not the 均 of an average (平均, 人均, 户均, 日均, 月均,
#: 年均: 法律援助平均2天 is no 法律援助平 each 2 days). A 年/月/日 that closes a time word
#: (全年均为, 2023年均为, 每月均为) is no average: that 均 is "each".
EACH_JUN = r"(?:(?<![平人户日月年])|(?<=[全今当本去上每\d]年)|(?<=每[日月]))均"
# Linking words between the object and the number (达到, 为, 有…), trimmed at the end.
_LINK_TAIL_RE = skipping(r"(?:达到了|达到|达|为|是|有|共|计|约|累计|合计|总计|实现|"
                           r"针对|仅有|只有|仅|"
                           r"保持在|保持|占比|占|近|超过|逾|不低于|不少于|高于|低于|多达|超|"
                           rf"{EACH_JUN}|都|已|了|" + _DE + "|由|从|(?<![公展])开|对|向|给|把|将|"
                           rf"(?<![存现实所])在|(?:{CHANGE_VERBS})(?:至|到|在|为))+$")
# the adverbs that open a figure's own phrase (平均2天, 最快1个工作日); not the 最多 of
# 最多跑一次, the name of a reform (一网通办、最多跑一次事项1200项 counts both)
_FIGURE_ADVERB_RE = re.compile(r"平均|人均|最快|最短|最长|最多(?!跑)|最少")
#: 和, 及 and 与 as joining words, not as the first character of a word (和解, 和谐,
#: 及时, 与会): a clause opener dropped from a label, and a list split at one (extract),
#: keep those words whole (与会代表 is no 会代表, 及时回复 no 时回复).
HE, JI, YU = "和(?!谐|解)", "及(?!时)", "与(?!会)"
# Clause openers that are not the object (对15家企业…: 对 is a preposition; 即 "namely"
# after a headline figure, 实现“三个100%”，即报备率…, not 即办率, 即时).
_LEAD_RE = re.compile(rf"^(?:对|向|为|给|在|于|将|把|从|由|按照|经|通过|围绕|针对|并|且|{HE}|{JI}|"
                      r"即(?![时办将可便使])|"
                      rf"{YU}|而|其|该|各级|各类|各|相关|有关|共|均|都|还|又|已|累计|是|"
                      r"有(?![效序力利])|、)+")
# Where a label cut to MAX_CHARS may start: after a list mark, a joining word or 的.
_WORD_BREAK_RE = re.compile(rf"、|{_DE}|{HE}|{JI}|{YU}")
# "执法总量最多的是宝平街道", "较多的部门有区综合执法局": what follows the copula is
# the thing counted.
_COPULA_RE = skipping(r"(?<![但于就])是|(?<![具拥国所没只占])有(?![效序力利关所])")
# A preposition right before the number: what it governs is what is counted.
_FRAME_PREP_RE = re.compile(r"(?:针对|面向|(?<![反应相绝])对|(?<![方指导])向|把|给)$")
# A preposition right after the counting word opens an adverbial, not a noun
# ("聘请了3家在土地征用…领域…的律所"); 内 (压缩到27个工作日内) closes the number's own phrase.
_PREP_HEAD_RE = re.compile(r"^(?:在|对|向|从|于|给|为|按|内(?![容部涵设]))")
# The items of a list before this number at the end of its clause (分别为3、5、; 已有5个市、;
# 市、 when the clause is read from the number before): each item a number with at most
# a short noun, the first one opening the clause read or starting at a digit, ended by
# 、 or 和 right before this number.
_LIST_CHAIN_RE = re.compile(rf"(?:^|(?=[0-9０-９]))(?:[0-9０-９.,]*[^0-9０-９、，,。；;：:]{{0,8}}"
                            rf"(?:、|{HE}))+$")
#: Quotes, brackets, spaces and other marks a label loses (a character class's body);
#: :func:`_clean` drops ``#`` and the ASCII ``.`` too, suggest.whole_label keeps them.
LABEL_MARKS = r"“”\"‘’'《》「」『』〈〉【】\[\]（）()\s*/·．\-—…"
_DROP_CHARS_RE = re.compile(rf"[{LABEL_MARKS}#.]+")
# a hotline's number (12345, 12315) is its name, not a count: kept
_DIGITS_RE = skipping(r"(?!123[0-9]{2}(?![0-9]))(?<![0-9])"
                        r"[0-9０-９]+(?:[.,][0-9]+)*[%余多万亿千百]*"
                        r"|[零〇一二两三四五六七八九十百千万亿]{2,}")
# After the counting word: a name of what is counted, up to a verb or particle.
_AFTER_STOP_RE = skipping(
    r"[，,。；;：:！？!?\n、0-9]|的|等|和|以及|及|与|并|均|都|已|全部|(?<!安)全|(?<!一)次|"
    r"按(?![期时])|(?<![存所现实自])在(?!线)|"
    r"依托|依法(?!行政|治)|开展|实施|研究|部署|审议|听取|实现|完成|获得|得到|纳入|达到|达|为|被|予以|"
    r"之外|以外|之内|之中|中$|进行|组织|举办|召开|构建|建立|成立|推动|推进|落实|签订|入驻|进驻|通过|涉及|之一|"
    r"参与|参加|提供|发放|接待|选聘|聘请|聘任|配备|设立|担任|列入|评为|命名|统一|整体|"
    r"划转|进入|上线|办理|压缩|压减|缩短|减少|降低|精简|提高|提升|增加|增长|下降|降至|增至")
_PAREN_RE = re.compile(r"[（(][^（()）]{0,8}[)）]")
_VERB_HEAD_RE = re.compile(r"^(?:研究|审议|听取|学习|部署|审查|办理|审结|受理|调解|化解|培训|"
                           r"出庭|接待|解答|提供|发放|覆盖|实现网上(?:可办|办理)|实现|进驻|入驻|"
                           r"划转|上线)")
# Verbs that are not the object: a clause made only of these needs the carried topic.
_VERBS = ("受理", "审结", "审理", "办理", "收到", "收案", "新收", "立案", "纠错", "纠正",
          "撤销", "变更", "确认违法", "责令履行", "维持", "驳回", "终止", "调解", "和解",
          "化解", "败诉", "胜诉", "应诉", "出庭", "答复", "回复", "反馈", "处理", "审查",
          "备案", "报备", "检查", "发现", "整改", "培训", "参训", "考试", "合格", "通过",
          "成功", "按期", "按时", "及时", "依法", "在法定期限内", "法定期限内", "限期",
          "新增", "减少", "提供", "解答", "接待", "涉及", "审核", "核查", "上线", "办件",
          "申请", "案件", "件", "结案", "办结", "已", "成立", "建立", "组建", "完成", "实现",
          "新建", "建成", "服务",
          "公开", "取消", "办理", "开展", "增长", "下降", "提高", "提升", "上升",
          "降低", "增加", "回落", "增幅", "降幅",
          # an average names no object: 法律援助平均2天 is the legal aid's average
          "平均")
_VERB_RE = re.compile("|".join(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True)))
# an adverb among _VERBS goes with the verb it qualifies: 及时处理 is no 及时 alone
_VERB_RUN_RE = re.compile(f"(?:及时|依法|按期|按时|限期)?(?:{_VERB_RE.pattern})")
# the verbs a 的/等-cut keeps before what follows it: 研究部署依法行政、法治考评等事项
# -> 研究部署事项 (the 依法 there is a noun's head, _NOUN_HEAD_RE)
_CUT_VERB_RE = re.compile(r"研究部署|研究|部署|听取|" + _VERB_RUN_RE.pattern)
#: a verb run with its complement (核查到, 查出, 完成了): what a borrowed count drops
_VERB_HEAD_RE = re.compile(f"(?:{_VERB_RUN_RE.pattern})(?:到|出|了)?")
# organs that issue or assign together (党中央、国务院): a 、 between two of them joins
# the owners of what follows, not the items of a list
_ORGAN_RE = re.compile(r"(?:党中央|中共中央|国务院|中央|[省市县区](?:委|政府))")


def _joint_organs(core: str, at: int) -> bool:
    """Whether the 、 at ``at`` of ``core`` stands between two organs (承担党中央、国务院
    …改革试点等任务: the list is 改革试点等, not 党中央)."""
    return bool(re.search(_ORGAN_RE.pattern + "$", core[:at])
                and _ORGAN_RE.match(core, at + 1))


# words that open with a verb of _VERBS but are nouns (依法行政, 依法治区)
_NOUN_HEAD_RE = re.compile(r"依法(?:行政|治)")
# a streak: 连续4年 counts the years of what the clause says after it
_STREAK_RE = re.compile(r"连续$")
# what a streak achieved: the words after the number, up to the clause's end
_STREAK_DEED_RE = re.compile(r"[^，,。；;：:！？!?\n]+")
_HONOUR_RE = re.compile(r"^(?:被评为|被评|评为|被命名为|被授予|荣获)")
# persons counted (名, 位, 人) with words and 的 before a person noun: the words describe
# the persons (吸收100名热心公益、专业素质高的调解能手: 调解能手 is what is counted; the
# 服务 of 213名公证员的服务 is no person: 公证员 is)
_PERSON_UNITS = ("名", "位", "人")
_PERSON_WORD_RE = re.compile(r"(?:人|员|者|手|干部|骨干|代表|律师|专家|党员|群众|学生)$")
_PERSON_MODIFIER_RE = re.compile(r"^[^，,。；;：:！？!?\n的0-9０-９]{1,20}的(?=[\u4e00-\u9fff])")
_AS_OF_RE = re.compile(r"累计|截至|截止|历年|至今")
_SUFFIX_RE = re.compile(r"(?:数|金额|时长|年数|变化|比例)$")
_PART_RE = re.compile(r"其中")
# 由上年的52天缩短至41天: a change from a time word's value to this year's. Both numbers
# read the words before 由; the time word is no part of what is counted, but it tells the
# value before the change (上年…期限, 52) from the one after it (…期限, 41).
_FROM_WHEN_RE = re.compile(r"(?:由|从)(?P<when>上一?年度?|去年|原来|原先|原有)(?:同期)?的?$")
_TO_RE = re.compile(rf"^(?:{CHANGE_VERBS})(?:至|到|为)")
# counting words of rounds and batches: their count is of the rounds (评查2轮: 评查轮数),
# not of what the clause names (the 评查数 of the case files reviewed)
_ROUND_UNITS = ("轮", "批")
# 等 of 等候/等待/等同/等级 is no cut (one list for the regex and _after_cut's rfind; a
# set, since the character after a last 等 is "", which a string would hold)
_NOT_CUT_CHARS = "候待同级"
_CUT_RE = re.compile(rf"{_DE}|等(?![{_NOT_CUT_CHARS}])")
_NOT_CUT_AFTER = frozenset(_NOT_CUT_CHARS)
# The means a list before 等 ends in (以…等形式, 通过…等方式): an adverbial, not the object.
_MEANS_RE = re.compile(r"(?:形式|方式|载体|途径|渠道)")

# characters of a number written in words: a word after one is part of a longer word
_NUMERAL_CHARS = set("一二两三四五六七八九十百千万0123456789０１２３４５６７８９")

_SUFFIX_KEEP = ("数", "量", "率", "额", "金", "款", "费", "次", "人次", "比", "比例", "时长",
                "天数", "年数")


def _clean(text: str) -> str:
    text = _DROP_CHARS_RE.sub("", text)
    text = _FILLER_RE.sub("", text)
    return _DIGITS_RE.sub("", text)


def _after_cut(core: str) -> str:
    """The noun phrase after the last 的/等 when it still names something.

    A verb that opens the clause stays: 受理符合条件的行政复议申请 -> 受理行政复议申请.
    """
    # the last match of _CUT_RE, by rfind (a character each: the last 的, or the last
    # 等 not opening 等候/等待/等同/等级)
    pos = core.rfind("等")
    while pos >= 0 and core[pos + 1:pos + 2] in _NOT_CUT_AFTER:
        pos = core.rfind("等", 0, pos)
    de = core.rfind("的")
    while de > 0 and core[de - 1] in _DE_WORDS:
        de = core.rfind("的", 0, de)
    pos = max(pos, de)
    after = core[pos + 1:]
    means = _MEANS_RE.match(after) if pos >= 0 else None
    if means:
        # 通过专题讲座、集体研讨等形式开展学习: the list names how, not what is counted
        rest = after[means.end():]
        led = _LEAD_RE.sub("", rest)
        return led if len(led) >= 2 else rest
    if pos >= 0 and has_object(after):
        # the clause's first verb, wherever it stands before the cut: 收到以区政府为
        # 被申请人的行政复议申请 -> 收到行政复议申请
        # (件 and 案件 are nouns: the 件 of 文件 is no verb)
        # (a verb inside a noun is none either: the 依法 of 依法行政/依法治区, as
        # _FILLER_RE reads it; 研究部署 and 审议 before a list are the clause's verb)
        verb = next((v for v in _CUT_VERB_RE.finditer(core, 0, pos)
                     if v.group() not in ("件", "案件")
                     and not _NOUN_HEAD_RE.match(core, v.start())), None)
        if verb is None and core[pos] == "等" and len(after) <= 2 and after != "事项":
            # 召开依法治区委员会会议、推进会等会议: a bare 会议/活动 names nothing; the
            # list's first item says which. (Not 事项: 审议重大发展规划等事项 would name
            # the decisions better than 事项数, but its words rank the similar-wording
            # offer major_decisions out of the worksheet's cell, blind12 xicang_town.)
            first = next((i for i in range(pos) if core[i] == "、"
                          and not _joint_organs(core, i)), -1)
            named = core[:first if first > 0 else pos] + "等" + after
            if len(named) <= MAX_CHARS:  # a longer one would be cut inside a name
                return named
        return (verb.group() if verb else "") + after
    return _CUT_RE.sub("", core)


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last match of ``pattern`` in ``text``, or None."""
    last = None
    for last in pattern.finditer(text):  # noqa: B007 - the last match is the result
        pass
    return last


# 办结/结案 is 审结 in the cases a body decides (行政复议, 诉讼): one spelling there, so the
# two reports' 复议办结/审结 agree; a service, a petition or a request is 办结, which 审结
# (a judgment's word) would misread (帮办代办服务办结率 is no 审结率)
CLOSED_WORDS = ("办结", "结案")
DECIDED_RE = re.compile(r"复议|诉讼|应诉|审判|仲裁")


def _synonyms(text: str, of: str | None = None) -> str:
    """``text`` with :data:`SYNONYMS` mapped; 办结/结案 only where the label ``of`` (by
    default ``text``) names a decided case (:data:`DECIDED_RE`)."""
    decided = DECIDED_RE.search(text if of is None else of) is not None
    return _SYNONYM_RE.sub(lambda m: m.group() if m.group() in CLOSED_WORDS and not decided
                           else SYNONYMS[m.group()], text)


def topic(text: str, case_types: bool = True) -> str:
    """The last domain topic (:data:`TOPICS`) named in ``text``, or ``""``.

    With ``case_types=False`` a topic followed by 类 (行政处罚类, a case type of the
    work named before it) is skipped.
    """
    if case_types or "类" not in text:
        found = _TOPIC_RE.findall(text)  # the same matches, without a loop over them
        return found[-1] if found else ""
    last = ""
    for m in _TOPIC_RE.finditer(text):
        if text[m.end():m.end() + 1] != "类":
            last = m.group()
    return last


# An exam named after the last topic: its rates (参考率, 通过率) are the exam's.
_EXAM_RE = re.compile(r"考试|考法")


def carried_word(text: str) -> str:
    """What a clause without an object takes from the ``text`` before it: the last
    domain topic (:func:`topic`), or 考试/考法 when an exam is named after it (学法用法考试
    中，参考率、通过率均达100%: the exam's rates, not those of a topic named before)."""
    last = topic(text)
    exam = _last_match(_EXAM_RE, text)
    if exam is not None and (not last or exam.start() >= text.rfind(last) + len(last)):
        return exam.group()
    return last


# a rate's name (败诉率, 结案率), not a change word (增长率)
_RATE_NAME_RE = re.compile(r"(?<![增下上降])[\u4e00-\u9fff]{2}率")


_NOT_OBJECT_RE = re.compile(r"[率数总了的等共中后前]")


def has_object(core: str) -> bool:
    """Whether ``core`` names something besides verbs (``审结`` has none)."""
    rest = _VERB_RE.sub("", core)
    rest = _NOT_OBJECT_RE.sub("", rest)
    return len(rest) >= 2



def _noun_words(noun: str) -> str:
    """``noun`` (the words after the counting word) up to :data:`MAX_CHARS` characters,
    cut after a word the label rules know (a topic, a verb) when longer, or whole when
    it holds none: never inside a word (专题学习习近平法治思想重要理论 is no …思想重)."""
    if len(noun) <= MAX_CHARS:
        return noun
    ends = [m.end() for rx in (_TOPIC_RE, _VERB_RE) for m in rx.finditer(noun, 0, MAX_CHARS)
            if m.end() <= MAX_CHARS]
    return noun[:max(ends)] if ends else noun  # whole, though long: label keeps it


def _core(left: str, right: str, unit: str = "") -> tuple[str, str]:
    """The object and verb of a clause before a number (``left``) and the noun after its
    counting word (``unit``, ``right``), before a topic is carried and synonyms are
    mapped: (core, the noun after the counting word)."""
    chain = _LIST_CHAIN_RE.search(left)
    if chain:
        # "已有5个市、32个县": the words after the list's first number name the item
        # before (市), not this one; only what leads the list is shared
        left = left[: chain.start()]
    item = left.rfind("、")
    if item >= 0 and _FIGURE_ADVERB_RE.match(left, item + 1):
        # 做到当日受理、平均2个工作日内指派: an item opened by the figure's own adverb is
        # the number's phrase; the items before it are other things done
        left = left[item + 1:]
    cleaned = _clean(left)
    core = _LINK_TAIL_RE.sub("", cleaned)
    # the preposition ends the clause: its last three characters hold any match
    if _FRAME_PREP_RE.search(cleaned, max(0, len(cleaned) - 3)):
        # 委托专家团队对15个区…开展评估: the number is the preposition's object; the
        # words before it say who acts, not what is counted
        core = ""
    led = _LEAD_RE.sub("", core)
    core = led if len(led) >= 2 else core
    core = _after_cut(core)
    copula = _last_match(_COPULA_RE, core)
    if copula is not None and has_object(core[copula.end():]):
        core = core[copula.end():]
    if _LEAD_RE.fullmatch(core):
        core = ""  # only a preposition before the number: 对85件规范性文件
    # what follows the counting word: "7个部门", "273名人民调解员", "9次研究部署"
    right = _PAREN_RE.sub("", right).lstrip("的")
    modifier = _PERSON_MODIFIER_RE.match(right) if unit in _PERSON_UNITS else None
    if modifier and _PERSON_WORD_RE.search(_AFTER_STOP_RE.split(right[modifier.end():])[0]):
        right = right[modifier.end():]
    cut = _AFTER_STOP_RE.search(right)
    if cleaned.endswith("在") and "中" in right[: cut.start() if cut else None]:
        # 在1.1万个村调委会中选聘…: the noun ends at the frame's 中
        cut = re.compile("中").search(right)
    if _PREP_HEAD_RE.match(right):
        cut = re.match("", right)
    noun = _noun_words(_clean(right[: cut.start()] if cut else right))
    if noun:
        core += noun
    elif cut is not None and cut.start() == 0 and not _VERB_RE.search(core):
        verb = _VERB_HEAD_RE.match(right)
        if verb:  # the verb after the number completes it: 常务会议9次研究部署
            core += verb.group()
    return core, noun


def _items_only(left: str) -> bool:
    """Whether the clause before the number is only the items of a list before it
    (``部门、`` of 由18个部门、75项): what the number counts is not said, and a topic
    carried from before would name something else."""
    chain = _LIST_CHAIN_RE.search(left)
    return chain is not None and chain.start() == 0


def carried_topic(left: str, right: str, context: str) -> str:
    """The topic :func:`label` carries into the measure of a count or rate whose own
    clause (``left``, ``right``) names no object, or ``""`` when it carries none."""
    core, noun = _core(left, right)
    if noun or has_object(core) or _items_only(left):
        return ""
    carried = carried_word(context + left)
    return carried if carried and carried not in core else ""


def borrows_previous(left: str, right: str) -> bool:
    """Whether a change's clause (``left``, ``right``) names nothing of its own, so
    that :func:`label` labels it with the measure of the number before it."""
    core = _core(left, right)[0]
    return not has_object(core) and not _RATE_NAME_RE.search(core)


def label(left: str, right: str, unit: str, kind: str, context: str = "",
          previous: str = "") -> str:
    """The measure of one number.

    Parameters
    ----------
    left : str
        The clause before the number (from the last punctuation mark to the number,
        the number's own prefix qualifier excluded).
    right : str
        The text after the number's counting word up to the end of the sentence.
    unit : str
        The counting word (``个`` in ``7个部门``).
    kind : str
        ``count``, ``amount``, ``rate`` or ``change``.
    context : str
        The text before the clause: earlier clauses of the sentence and the sentence
        before; a topic is carried from it when the clause names none.
    previous : str
        The measure of the number before in the same sentence: a change without an
        object of its own (``31.5万件，同比增长17.1%``) is a change of that measure.

    Returns
    -------
    str
        For example ``行政复议审结数``, ``部门数``, ``调解成功率``.
    """
    prefix, whole = "", ""  # whole: words kept uncut, however long
    when = _FROM_WHEN_RE.search(left)
    if when:
        left = left[:when.start()]
        if _TO_RE.match(right):
            prefix = when.group("when").removesuffix("度")  # the value before the change
    if _AS_OF_RE.search(left):
        prefix += "累计"
    elif _PART_RE.search(left):
        prefix += "其中"
    core, noun = _core(left, right, unit)
    if unit == "年" and _STREAK_RE.search(left):
        # 连续4年被评为…先进区: the years of that honour, not of 连续 alone
        deed = _STREAK_DEED_RE.match(right)
        deed = _clean(_HONOUR_RE.sub("获评", deed.group())) if deed else ""
        deed = _noun_words(deed)
        if len(deed) >= 3:  # 连续六年保持100%: 保持 alone says nothing more
            core = core.removesuffix(noun)
            if len(core) + len(deed) > MAX_CHARS:
                core = core[core.rfind("连续"):]  # the honour, not the words before 连续
            core += deed
            noun = whole = deed
    if kind == "change" and previous and not has_object(core) and not _RATE_NAME_RE.search(core):
        # "…率100%，败诉率较上年下降3.1个百分点": a change that names its own rate keeps it
        core = _SUFFIX_RE.sub("", previous.removeprefix("累计").removeprefix("其中"))
    elif not noun and not has_object(core) and not _items_only(left):
        carried = carried_word(context + left)
        before = _SUFFIX_RE.sub("", previous.removeprefix("累计").removeprefix("其中"))
        if (kind == "count" and unit not in DURATION_UNITS and not topic(before)
                and (core or "累计" in prefix)
                and len(_NOT_OBJECT_RE.sub("", _VERB_RE.sub("", before))) >= 4):
            # 分解重点任务52项，截至12月底已完成50项: the count before names a thing of
            # its own (four characters besides its verbs: no 继续 of 16件继续有效) and no
            # topic, so a topic named before it (常务会议) is no topic of this one: the
            # thing the count before names is, without its verb (新增…示范村2个，累计达到
            # 19个: the 19 are no 新增 ones). Only for a clause with a verb of its own or
            # a running total: a bare number (有2卷获评农业农村部优秀案卷，3卷被浙江省…认定
            # 为优秀) is another item of a list, not more of the count before (blind20)
            # (the verb with its complement: 核查到奖惩对象 -> 奖惩对象, not 到奖惩对象)
            verb = _VERB_HEAD_RE.match(before)
            carried = before[verb.end():] if verb and has_object(before[verb.end():]) else before
        if carried and carried not in core:
            core = carried + core
    mapped = _synonyms(noun, core)
    core = _synonyms(core)
    if (whole or len(mapped) > MAX_CHARS) and core.endswith(mapped):
        # a streak's honour, a long noun with no word end the rules know: kept whole
        pass
    elif len(core) > MAX_CHARS:
        # keep the words nearest the number, from the first topic or verb that fits and
        # is no word's tail after a numeral (件 of 一件事), or from a long noun after the
        # counting word (a whole phrase by construction; a short one alone says too little)
        starts = [m.start() for rx in (_TOPIC_RE, _VERB_RE) for m in rx.finditer(core)
                  if len(core) - m.start() <= MAX_CHARS
                  and core[m.start() - 1:m.start()] not in _NUMERAL_CHARS]
        if core.endswith(mapped) and MAX_CHARS // 2 <= len(mapped) <= MAX_CHARS:
            starts.append(len(core) - len(mapped))
        starts.sort()
        if starts:
            core = core[starts[0]:]
        else:
            # start at a word boundary (after 、/和/的), never inside a name
            tail = core[-MAX_CHARS:]
            sep = next((m for m in _WORD_BREAK_RE.finditer(tail) if m.start() < 6), None)
            core = tail[sep.end():] if sep and len(tail) - sep.end() >= 2 else tail
    if kind == "rate":
        if "率" in core:
            core = core[: core.rindex("率") + 1]
        # a rate named by its degree (满意度, 知晓度) is no 满意度比例
        elif not core.endswith(("比例", "比重", "占比", "覆盖面", "度")):
            core += "比例"
    elif kind == "change":
        core += "变化"
    elif kind == "amount":
        if not core.endswith(("额", "金", "款", "费", "资金", "经费")):
            core += "金额"
    elif unit in _ROUND_UNITS:
        if not core.endswith((unit, unit + "数", unit + "次")):
            core += unit + "数"
    elif unit in DURATION_UNITS:
        # a time the report names (审结用时, 办案周期) is no 用时时长
        if not core.endswith(("时长", "天数", "年数", "时间", "期限", "时限", "用时", "耗时",
                              "历时", "周期")):
            core += "时长" if unit != "年" else "年数"
    elif not core.endswith(_SUFFIX_KEEP):
        core += "数"
    return prefix + core


#: Time units: a number in one of them is a duration (kind count, not a whole number):
#: named a 时长 here, never one of a rate's two counts (:mod:`wording`), its procedure or
#: subset read a clause before its own (:mod:`matcher`). The one set: every module that
#: tells durations imports it (this module imports no other of the package).
DURATION_UNITS = frozenset({"天", "工作日", "个工作日", "小时", "分钟", "个月", "年", "学时",
                            "课时", "周"})
