"""What a number counts: the ``measure`` label of every mention."""

from __future__ import annotations

import re

import pytest

from rol_analysis import extract, measure


def _measures(text):
    m = extract.extract_text(text).mentions
    return list(zip(m["value"], m["unit"], m["measure"]))


@pytest.mark.parametrize("a, b", [
    # the same measure written two ways gets one label
    ("全年共受理行政复议申请9件。", "受理行政复议申请9件。"),
    ("2023年依法受理行政复议申请12件。", "今年以来，积极受理行政复议申请30件。"),
    ("组织开展应急演练6次。", "举办应急演练3次。"),
    ("审批事项精简至120项。", "行政许可事项精简至98项。"),
    ("开展以案讲法活动20场。", "开展以案释法活动12场次。"),
])
def test_one_measure_two_phrasings_one_label(a, b):
    assert _measures(a)[0][2] == _measures(b)[0][2]


def test_topic_is_carried_from_the_clause_before():
    got = _measures("行政复议工作规范开展；现已审结52件，其中纠错4件。")
    assert [g[2] for g in got] == ["行政复议审结数", "其中行政复议纠错数"]


def test_carried_topic_only_for_a_clause_without_an_object():
    # what label() puts in front of a bare verb is what carried_topic() reports
    assert measure.carried_topic("审结", "。", "行政复议工作规范开展，") == "行政复议"
    assert measure.carried_topic("受理投诉", "。", "行政复议工作规范开展，") == ""
    assert measure.carried_topic("审结", "。", "工作规范开展，") == ""


def test_a_change_is_labelled_by_the_count_past_the_comparison():
    got = _measures("全县新收行政复议申请86件，较上年多出12件，增幅为16.2%。")
    assert got[-1][2] == "新收行政复议申请变化"
    # a change that names its own rate keeps it
    got = _measures("全县新收行政复议申请86件，较上年多出12件，办结率上升3个百分点。")
    assert got[-1][2].startswith("行政复议审结率")


def test_the_counted_noun_after_the_unit_is_the_measure():
    assert _measures("全县7个部门参与联合执法。") == [(7, "个", "部门数")]
    assert _measures("聘请273名人民调解员。")[0][2].endswith("人民调解员数")


def test_a_running_total_is_marked():
    assert _measures("截至目前，累计受理诉求13件。")[0][2].startswith("累计")


def test_kinds_get_their_suffix():
    got = _measures("调解成功率98%，审减资金1628万元，办理时限压缩至3个工作日。")
    assert got[0][2] == "调解成功率"
    assert got[1][2] == "审减资金"
    assert got[2][2] == "办理时限"  # 压缩至 dropped: the limit itself


def test_every_mention_has_a_measure_also_in_the_seed():
    from pathlib import Path

    raw = (Path(__file__).resolve().parents[1] / "data/raw/weibin/2023.txt").read_text(
        encoding="utf-8")
    result = extract.extract_text(raw, "weibin", 2023)
    assert (result.mentions["measure"].str.len() >= 2).all()
    assert (result.indicators["measure"].str.len() >= 2).all()
    labels = dict(zip(result.mentions["indicator_id"], result.mentions["measure"]))
    assert labels["disputes_mediated"].endswith("调解纠纷数")
    assert labels["mediation_success_rate"] == "调解成功率"


def test_label_is_capped_and_keeps_the_words_nearest_the_number():
    got = measure.label("全区各级行政机关在市政府统一部署下依法受理符合法定条件的行政复议申请",
                        "", "件", "count")
    assert len(got) <= measure.MAX_CHARS + 1
    assert got.endswith("行政复议申请数")


@pytest.mark.parametrize("text, expected", [
    # the copula before the counted thing is not part of it
    ("办件最多的是城东街道（860件）。", "城东街道数"),
    ("受理量较大的单位有县自然资源局（420件）。", "县自然资源局数"),
    # 国有/所有 are words, not a copula
    ("涉及国有土地上房屋征收的占12%。", "涉及国有土地上房屋征收比例"),
    # a preposition alone before the number, or right after the unit, is no object
    ("对36件行政规范性文件开展审查。", "行政规范性文件数"),
    ("又聘请了2家在金融、税务领域见长的律所。", "聘请数"),
    # a time phrase is not what is counted
    ("全镇一年下来累计开展普法活动20余次。", "累计普法活动数"),
    # a long label starts at a word boundary, never inside a name
    ("县委、县政府举办习近平法治思想专题讲座2场。", "县政府习近平法治思想专题讲座数"),
])
def test_labels_are_contiguous_phrases(text, expected):
    assert _measures(text)[0][2] == expected


def test_the_far_verb_and_the_enumeration_stay_in_the_label():
    assert _measures("区司法局收到被申请人为区政府的行政复议申请28件。")[0][2] == \
        "收到行政复议申请数"
    assert _measures("主动公开教育、卫生、交通等各类信息230条。")[0][2] == "公开信息数"
    assert _measures("清理行政权力事项，第一批取消2项。")[0][2] == "权力事项取消数"


def test_a_bare_filing_verb_takes_the_topic_before_it():
    # 报备 alone counts the documents of the sentence before
    assert _measures("加强规范性文件管理。全年报备8件。")[0][2] == "规范性文件报备数"


# skipping(): a lookahead for the first characters, the same matches as re.compile
_SKIP_TEXTS = ["共计受理案件12件，其中依法办结10件", "收到了１２３件，有效办理", "公共服务共享",
               "达到了98%以上", "截至目前共有3个", "２０２３年以来", "ABC abc 123", ""]


@pytest.mark.parametrize("pattern", [
    r"(?<!公)共(?!享|建)|达到了?|\d{4}年(?:以来)?",  # a lookbehind, words and \d
    r"(?:有|是|达)+$",  # a repeat anchored at the end
    r"[0-9０-９]+件|[一二三]{2,}",  # ranges and a class
])
def test_skipping_finds_what_re_finds(pattern):
    fast, plain = measure.skipping(pattern), re.compile(pattern)
    assert fast.pattern.startswith("(?=[")  # the scan skips by first character
    for text in _SKIP_TEXTS:
        assert [m.span() for m in fast.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
        assert fast.sub("", text) == plain.sub("", text)
    # \d is Unicode's: a full-width year is still found
    if r"\d" in pattern:
        assert fast.search("２０２３年以来").group() == "２０２３年以来"


@pytest.mark.parametrize("pattern", [
    r"a?b",  # the match may start with b
    r".共",  # any character
    r"[^共]计",  # a negated class
    r"(?i:abc)",  # a flag changes how a class matches
    r"(?s)共.",  # global flags must open the pattern
    r"x*",  # may be empty
])
def test_skipping_leaves_unknown_starts_alone(pattern):
    assert measure.skipping(pattern).pattern == pattern


@pytest.mark.parametrize("text, expected", [
    # a name list that opens with 与会 or 及时: the words stay whole (were 会代表, 时回复)
    ("与会代表和列席人员分别为40人、12人。", ["与会代表数", "列席人员数"]),
    ("及时受理及及时回复分别为120件和115件。", ["及时受理数", "及时回复数"]),
    ("及时回应网络舆情354起。", ["及时回应网络舆情数"]),
    # 及时 with the verb it qualifies, before a 的-cut (was 处理问题事项; 及时问题事项 alone)
    ("并及时处理政务服务网各类指南发布中的问题事项800多条。", ["及时处理问题事项数"]),
    ("和解结案3件。", ["和解结案数"]),  # 结案 is 审结 only of a decided case
])
def test_a_label_keeps_the_words_yu_hui_ji_shi_and_he_jie_whole(text, expected):
    assert [m[2] for m in _measures(text)] == expected


# Labels cut inside a word or misquoting their clause (labels13): each sentence below got
# a fragment or another clause's words before the rule after its comment.
@pytest.mark.parametrize("text, expected", [
    # 一共 is one filler: its 一 was left in the label (调解组织一受理纠纷数)
    ("全区各级调解组织一共受理纠纷300件。", ["调解组织受理纠纷数"]),
    # 次 after 一 is part of a name (一件事一次办), not the end of the noun (推出一件事一数)
    ("推出25个“一件事一次办”集成服务。", ["推出一件事一次办集成服务数"]),
    # …等形式 is how, not what: 形式宪法学习数
    ("通过座谈、讲座等形式开展宪法学习12次。", ["宪法学习数"]),
    # 从中, 到目前, 办了 are fillers: 中推荐单位参评数, 到已走访企业数, 读书会办数
    ("从中择优推荐3家单位参评。", ["推荐单位参评数"]),
    ("到目前已走访企业40家。", ["走访企业数"]),
    ("读书会全年办了18次。", ["读书会数"]),
    # a preposition right before the number governs what is counted; who acts is not
    # it (委托第三方机构乡镇数), and 针对 is one word (针高频事项…)
    ("委托第三方机构对12个乡镇开展评估。", ["乡镇数"]),
    # a later item of a list: the earlier item's words are not this one's (乡、镇数,
    # 三年得分为、数)
    ("全县已有4个乡、9个镇完成创建。", ["乡数", "镇数"]),
    ("群众满意度逐年提高，三年得分分别为73.56、76.71、80.13分。", ["三年得分数"] * 3),
    # 在…中 frames the noun (村调委会中数)
    ("在300个村调委会中选聘调解员1200名。", ["村调委会数", "村调委会中选聘调解员数"]),
    # 内 closes the number's phrase (审批时限内时长)
    ("审批时限压缩到15个工作日内。", ["审批时限"]),
    # a hotline's number is its name (受理诉求数, 平台处理投诉数)
    ("12345受理诉求800件。", ["12345受理诉求数"]),
    ("全市12315平台处理投诉900件。", ["12315平台处理投诉数"]),
    # 都, 已, 之一 end the noun after the counting word (村都数, 指标已数, 试点县之一数);
    # 全 does not end it inside 安全 (安数)
    ("全乡7个村都配备了法律顾问。", ["村数"]),
    ("年度14项指标已完成。", ["指标数"]),
    ("本县是全省15个试点县之一。", ["试点县数"]),
    ("对50家安全生产重点企业开展检查。", ["安全生产重点企业数"]),
    # a capped label does not start inside 一件事 (件事中…), and the 件 of 文件 is
    # no verb to keep before a 等-cut (件工作任务完成数)
    ("推动市里首批、第二批“一件事”中的20个集成办事场景上线。", ["一件事中集成办事场景数"]),
    ("制定规范性文件后评估、专项整治等工作任务共完成22项。", ["工作任务完成数"]),
    # an exam named after the last topic owns the rates that follow (行政复议参考率)
    ("行政复议工作规范开展。在年度学法用法考试中，参考率、通过率均达100%。",
     ["考试参考率", "考试通过率"]),
    ("行政复议工作规范开展。干部法律知识考试如期举行，年内考试通过35人。", ["考试通过数"]),
])
def test_labels_are_whole_words_of_their_own_clause(text, expected):
    assert [g[2] for g in _measures(text)] == expected


def test_lead_preposition_zhendui_is_dropped_whole():
    (label,) = [g[2] for g in _measures("针对90项高频事项逐一细化标准。")]
    assert label.startswith("高频事项")


# Ratchet: dev-set labels that suggest.whole_label refuses (tests/labels_eval.py; 28
# before labels13). Lower it as labels improve; never raise it to make a change pass.
# Session 19 (reword20): the dev texts reworded again (paraphrase check, dev README), same
# code: 25 -> 34 (short 14 -> 24, cut 11 -> 10): the new wording puts more counts right
# after a place or a bare verb (对9个镇, 审查365件), which the label cannot make whole.
MAX_DEV_NOT_WHOLE = 34


def test_dev_labels_not_whole_do_not_grow():
    from dev_eval import DEV
    from labels_eval import labels

    got = labels(DEV)
    assert got.short + got.cut <= MAX_DEV_NOT_WHOLE, "\n".join(
        f"{why} {name} {label} ({g['anchor']})" for name, why, label, g in got.failures)


# Trial 4 F12 (labels14): garbled labels of the brief's 其他统计, on paraphrased sentences.
@pytest.mark.parametrize("text, expected", [
    # the 依法 of 依法行政 is no verb; 研究部署 before the list is (was 依法事项数)
    ("县委常委会会议和县政府常务会议研究部署依法行政、法治督察等事项12次。", ["研究部署事项数"]),
    # a bare 会议 after 等 keeps the list's first item (was 依法会议数)
    ("召开县委全面依法治县委员会会议、全县依法治县工作推进会等会议5次。",
     ["县委依法治县委员会会议等会议数"]),
    # a streak says what was achieved (was 连续年数, 执法考评连续位列年数)
    ("全县连续5年被评为“平安建设先进县”，执法考评连续3年位列全市第一。",
     ["连续获评平安建设先进县年数", "执法考评连续位列第一年数"]),
    # but organs joined by 、 own what follows: no 承担省委等任务数 (the list is 试点等)
    ("全年承担省委、省政府法治领域改革试点等任务5项。", ["任务数"]),
    # persons described before 的: the person noun after it is counted (was 吸收热心公益数)
    ("吸收80名热心公益、业务精通的调解骨干为会员。", ["吸收调解骨干数"]),
    # but 213名公证员的服务: 服务 is no person
    ("213名公证员的服务下沉到社区。", ["公证员数"]),
    # a long noun after the count is not cut inside a word (was …思想重数)
    ("县政府党组会议先后6次专题学习习近平法治思想重要论述以及《条例》等法规。",
     ["专题学习习近平法治思想重要论述数"]),
    # the exam of the clause, not the 中心组 of the sentence before (was 中心组参考率); 组织
    # right before the number is the verb, as 开展 would be (was 组织公职人员数)
    ("县委理论学习中心组开展集中学法4次。组织1万余名公职人员参加学法考试，参考率和合格率均为100%。",
     ["县委理论学习中心组集中学法数", "公职人员数", "考试参考率", "考试合格率"]),
])
def test_trial4_labels_keep_the_words_of_their_clause(text, expected):
    assert [g[2] for g in _measures(text)] == expected


# Trial 24 F14: labels a reviewer could not read (the report's sentences, invented by the
# tester); the label of the sentence's last number.
@pytest.mark.parametrize("text, expected", [
    # 截至12月底: no 底 left to open the label; the tasks counted are the count before's,
    # not the 常务会议 of the sentence before (was 累计常务会议底已完成数)
    ("召开县政府常务会议研究法治政府建设工作5次。制定年度法治政府建设工作要点，分解重点任务"
     "52项，截至12月底已完成50项。", "累计分解重点任务完成数"),
    # a running total after an increment is no increment (was 累计普法数)
    ("新增全国民主法治示范村（社区）2个，累计达到19个。", "累计民主法治示范村社区数"),
    # 市本级 is one word, kept whole (was 其中行政复议市收到数)
    ("全市各级行政复议机构共收到行政复议申请1826件，其中市本级收到612件。",
     "其中市本级收到数"),
    # the verb of the count before goes with its complement (seed: was 到奖惩对象反馈数)
    ("核查到奖惩对象98个，反馈106次。", "奖惩对象反馈数"),
    # the 的 of 标的 is no particle (was 标额)
    ("岑阳仲裁委员会受理案件2216件，标的额13.6亿元。", "标的额"),
])
def test_trial24_labels_read_as_words(text, expected):
    assert _measures(text)[-1][2] == expected


def test_the_value_before_a_change_is_told_from_the_value_after():
    # both were 行政复议案件平均审理期限由上年时长
    got = _measures("行政复议案件平均审理期限由上年的52天缩短至41天。")
    assert [g[2] for g in got] == ["上年行政复议案件平均审理期限", "行政复议案件平均审理期限"]


def test_rounds_are_counted_as_rounds():
    # was 行政执法案卷评查数, the name of the indicator of the 355 case files
    got = _measures("开展行政执法案卷评查2轮，共评查案卷355卷。")
    assert got[0][2] == "行政执法案卷评查轮数"
    assert got[1][2] != got[0][2]


def test_a_bare_number_in_a_list_borrows_no_count_before():
    # another item of the list, not more of the count before (blind20)
    got = _measures("有2卷获评农业农村部优秀案卷，3卷被浙江省农业农村厅认定为优秀。")
    assert got[1][2] != got[0][2]


# Trial 26 (invented county reports): labels that cut 平均 to 平, read a service's 办结 as a
# court's 审结, or doubled the ending a report's own time or degree word already gives.
@pytest.mark.parametrize("text, expected", [
    ("办理法律援助案件587件，法律援助平均2天完成指派。",
     ["办理法律援助案件数", "法律援助平均时长"]),
    ("办理法律援助案件612件，法律援助申请受理后平均1.5天完成指派。",
     ["办理法律援助案件数", "法律援助申请受理后平均时长"]),
    # a service, a request: 办结 as the report writes it (was 审结率, 帮办代办服务审结数)
    ("帮办代办服务企业群众2210件次，办结2187件，办结率99.0%。",
     ["帮办代办服务企业群众数", "帮办代办服务企业群众办结数", "办结率"]),
    # a decided case: 办结 is 审结 as before, so two reports' wordings agree
    ("区行政复议局新收行政复议申请215件，办结204件，平均审结用时48天。",
     ["区行政复议局新收行政复议申请数", "行政复议审结数", "平均审结用时"]),
    ("全年收到复议申请142件，办结125件，平均办案周期35天。",
     ["收到复议申请数", "复议审结数", "平均办案周期"]),
    ("组织开展年终述法，述法测评满意度为95.1%。", ["述法测评满意度"]),
])
def test_a_label_keeps_average_done_and_the_reports_own_ending(text, expected):
    assert [m[2] for m in _measures(text)] == expected


def test_an_average_after_a_list_mark_is_one_reading_of_its_own_number():
    # 做到当日受理、平均2个工作日内指派: 平均's 均 is no "each" (A、B均为…): one number,
    # one row (trial 26: two rows at one char_start, 做到当日受理时长 and 法律援助平时长)
    m = extract.extract_text("办理法律援助案件405件，为受援群众挽回经济损失1263万元，"
                             "做到当日受理、平均2个工作日内指派。").mentions
    two = m[m["text"] == "2个工作日"]
    assert list(two["measure"]) == ["法律援助平均时长"]
    # 均 as "each" still gives each name its reading
    m = extract.extract_text("受理、审结案件均为12件。").mentions
    assert len(m[m["text"] == "12件"]) == 2



def test_the_most_of_a_reform_name_keeps_the_items_before_it():
    # 最多跑一次 names a reform, not the figure's own 最多 (read-back B: the label lost
    # 推行一网通办 and 送法进企业)
    m = extract.extract_text("开展送法进企业、最多跑一次宣传活动30场。").mentions
    assert "送法进企业" in m.set_index("text").at["30场", "measure"]

@pytest.mark.parametrize("text", ["受理、审结案件全年均为12件。", "受理、审结案件今年均为12件。",
                                  "受理、审结案件2023年均为12件。", "受理、审结案件每月均为12件。"])
def test_each_after_a_time_word_still_gives_each_name_its_reading(text):
    # 全年均为, 2023年均为, 每月均为: the 年/月 closes a time word, so 均 is "each" (two
    # readings), not 年均/月均's average (read-back B: 全年均为0件 was one joint unnamed reading)
    m = extract.extract_text(text).mentions
    assert len(m[m["text"] == "12件"]) == 2
