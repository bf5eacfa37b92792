"""Numbers with their counting words (:mod:`rol_analysis.mentions`), read directly.

Most of the number grammar is tested through :func:`rol_analysis.extract.extract_text`
in tests/test_extract.py, where a reader sees it; these tests look at the mentions alone.
"""

from __future__ import annotations

import pytest

from rol_analysis.mentions import find_mentions


def _read(sentence: str) -> list[tuple[str, float, str]]:
    """(text, value, unit) of every number found in ``sentence``."""
    return [(sentence[m.start:m.end], m.value, m.unit) for m in find_mentions(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("分别为48、65件。", [("48", 48, "件"), ("65件", 65, "件")]),
    ("分别办理12、15和20件。", [("12", 12, "件"), ("15", 15, "件"), ("20件", 20, "件")]),
    # a bare number is not a list item when words stand between it and the next number
    ("编号12、其他事项共5件。", [("5件", 5, "件")]),
])
def test_only_an_unbroken_list_borrows_the_next_unit(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # the count repeats the four (six) names just listed: not a statistic
    ("盗窃案件、诈骗案件、交通事故和火灾数量等4个指标持续下降。", []),
    ("清单涵盖行政给付、行政许可、行政裁决、行政确认、行政奖励和其他权力等6类。", []),
    # more units than were named: a count of its own
    ("市场监管、交通运输等12个部门开展联合检查。", [("12个", 12, "个")]),
    ("抽查了甲镇、乙镇和丙街道等5个乡镇。", [("5个", 5, "个")]),
])
def test_a_count_after_deng_that_repeats_the_list_is_no_statistic(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a Chinese numeral right before a quoted name counts the slogan's names
    ("全力融入三个“一号工程”建设。", []),
    ("坚持两个“毫不动摇”。", []),
    # digits, or a qualifier, before the quote still count things
    ("建成3个“枫桥式”司法所。", [("3个", 3, "个")]),
    ("共建成十余个“共享法庭”。", [("十余个", 10, "个")]),
])
def test_a_chinese_numeral_before_a_quoted_name_is_no_count(sentence, expected):
    assert _read(sentence) == expected


def _one(sentence: str) -> tuple[str, float, str, str, str]:
    """(text, value, unit, kind, qualifier) of the single number in ``sentence``."""
    found = find_mentions(sentence)
    assert len(found) == 1, [(sentence[m.start:m.end], m.value) for m in found]
    m = found[0]
    return sentence[m.start:m.end], m.value, m.unit, m.kind, m.qualifier


@pytest.mark.parametrize("sentence,expected", [
    ("信访事项中涉及征地的占约五分之一。", ("约五分之一", 20, "%", "rate", "approx")),
    ("参训人员中青年干部超过三分之二。", ("超过三分之二", 66.67, "%", "rate", "at_least")),
    ("全县4分之3的村居建成法律服务点。", ("4分之3", 75, "%", "rate", "exact")),
])
def test_a_fraction_is_a_percentage(sentence, expected):
    assert _one(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence", [
    "依法行政十分重要，分之外不计。",  # 十分 is an adverb: no numeral after 分之
    "比赛进入四分之决赛阶段。",       # no numerator: no fraction
])
def test_fen_zhi_without_both_numbers_is_no_fraction(sentence):
    assert find_mentions(sentence) == []


def test_a_cut_stated_as_its_size_is_a_rate_a_yearly_drop_a_change():
    # the size of a reform's cut: a positive rate, like 减少幅度达60%
    assert _one("试点窗口审批时限减幅达45%。") == ("45%", 45, "%", "rate", "exact")
    assert _one("登记材料降幅为30%。") == ("30%", 30, "%", "rate", "exact")
    # against last year: still a change, negative
    assert _one("信访总量同比降幅为12%。") == ("12%", -12, "%", "change", "exact")
    assert _one("收案数较上年减幅达8%。") == ("8%", -8, "%", "change", "exact")
    # no comparison, but a yearly count rather than a time limit or paperwork cut
    assert _one("刑事案件发案数降幅达20%。") == ("20%", -20, "%", "change", "exact")
    # 减少/降低/下降 a percentage of what a reform cuts, no earlier period (blind15 wushen)
    assert _one("办理环节平均减少74.85%。") == ("74.85%", 74.85, "%", "rate", "exact")
    assert _one("企业开办时间降低了50%。") == ("50%", 50, "%", "rate", "exact")
    assert _one("办理时限同比减少30%。") == ("30%", -30, "%", "change", "exact")


@pytest.mark.parametrize("link", ["达", "达到", "为"])
def test_da_dadao_and_wei_read_alike_before_a_change_or_a_cut(link):
    # 降幅达/降幅达到/降幅为 are one statement (tests/robustness_eval.py found 达到 read
    # as a level where 达 was a change): a yearly drop, or a cut of visits to firms
    assert _one(f"刑事案件发案数降幅{link}20%。") == ("20%", -20, "%", "change", "exact")
    assert _one(f"收案数同比增长{link}15%。") == ("15%", 15, "%", "change", "exact")
    cut = find_mentions(f"合计减少入企2233次，扰企降幅{link}59%。")[-1]
    assert (cut.value, cut.kind) == (59, "rate")


def test_a_bare_total_after_wei_is_a_count_but_not_a_hotline():
    # 访问量累计为# as 访问量累计达# (robustness_eval: 达->为 lost the number)
    assert [(m.value, m.kind) for m in find_mentions("年访问量累计为2986773，")] == \
        [(2986773, "count")]
    assert find_mentions("服务热线为12345，") == []


@pytest.mark.parametrize("sentence,expected", [
    # a fall of 2 points or more is a change of -2 or less (trial 5 F12)
    ("力争行政复议纠错率较上年下降2个百分点以上。", ("2个百分点以上", -2, "个百分点", "change",
                                                 "at_most")),
    ("案件量同比减少近10%。", ("近10%", -10, "%", "change", "at_least")),
    # a rise keeps its words' bound
    ("调解成功率较上年提高3个百分点以上。", ("3个百分点以上", 3, "个百分点", "change", "at_least")),
    # a list sharing the fall: each of them
    ("收案数和结案数分别下降5%以上、3%以上。", None),
])
def test_the_qualifier_of_a_fall_bounds_the_signed_change(sentence, expected):
    if expected is not None:
        assert _one(sentence) == pytest.approx(expected)
    else:
        found = find_mentions(sentence)
        assert [(m.value, m.kind, m.qualifier) for m in found] == [
            (-5, "change", "at_most"), (-3, "change", "at_most")]


def test_the_verb_before_a_list_of_counts_changes_every_item():
    # blind18 hunan_yjt: the accidents, the deaths and the injuries all fell
    found = find_mentions("全省发生生产安全事故1244起、死亡1318人、受伤354人，"
                          "同比减少83起、107人、124人。")
    assert [(m.value, m.kind) for m in found][3:] == [
        (-83, "change"), (-107, "change"), (-124, "change")]
    # a rate next to a count's change is another statistic: the level of the rate
    found = find_mentions("同比增加12件、98%。")
    assert [(m.value, m.kind) for m in found] == [(12, "change"), (98, "rate")]


@pytest.mark.parametrize("sentence,expected", [
    # the quote holds the pledge alone: a claim
    ("企业开办全流程压缩到“最多3天”。", ("最多3天", 3, "天", "count", "at_most")),
    ("项目审批实现“60个工作日”，", ("60个工作日", 60, "个工作日", "count", "exact")),
    # a qualifier makes a Chinese numeral a pledge too
    ("企业开办做到“最多三天”。", ("最多三天", 3, "天", "count", "at_most")),
])
def test_a_quote_holding_only_the_number_is_a_claim(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "打造“15分钟”法律服务圈。",   # the quote is the first word of a name
    "推行“最多跑1次”改革。",      # more than the number in the quote: a slogan
    "对标“3550”目标。",           # no counting word
    # a bare Chinese numeral and its counting word alone in quotes: a slogan's word
    "深化“一门”“一窗”改革，推进“两个”清单落实。",
])
def test_a_quoted_name_keeps_its_number(sentence):
    assert find_mentions(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("推出联办套餐26组。", ("26组", 26, "组", "count", "exact")),
    ("成立调解小分队5组，", ("5组", 5, "组", "count", "exact")),
])
def test_zu_counts_groups(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize("sentence", ["第3组织部门参会。", "由7组建而成的专班。"])
def test_zu_that_starts_a_word_counts_nothing(sentence):
    assert find_mentions(sentence) == []


def test_years_a_thing_stood_still_are_a_duration():
    assert _one("已停产6年的厂区完成处置。") == ("6年", 6, "年", "count", "exact")
    assert _one("该地块闲置3年后收回。") == ("3年", 3, "年", "count", "exact")
    # a period or a year is still no statistic
    assert find_mentions("近3年来，2024年实施三年行动。") == []


def test_a_whole_that_names_one_member_is_counted():
    from rol_analysis.mentions import counted_word

    text = "组建了包括行政复议在内的六个工作专班，"
    (m,) = find_mentions(text)
    assert (text[m.start:m.end], m.value, m.unit) == ("六个", 6, "个")
    assert counted_word(text, m)
    # the same numeral inside a name, no verb or 在内的 before it: a word
    text = "落实依法治县六个工作专班制度。"
    assert all(not counted_word(text, m) for m in find_mentions(text))


def test_some_tens_is_at_least_ten():
    assert _one("开展送法进村活动数十场。") == ("十场", 10, "场", "count", "at_least")
    assert _one("组织旁听庭审几十次。") == ("十次", 10, "次", "count", "at_least")
    # without 数/几 the numeral is exact
    assert _one("组织旁听庭审十次。") == ("十次", 10, "次", "count", "exact")


@pytest.mark.parametrize("sentence,expected", [
    # a count compared with a named year is a change, like one compared with 上年
    ("共收到申请3100件，比2021年增加了420件。", ("420件", 420, "change")),
    ("新收案件980件，较2020年多出135件。", ("135件", 135, "change")),
    ("受理诉求860件，与2022年的700件相比增加了160件。", ("160件", 160, "change")),
    ("办件量比上一年增加了20件。", ("20件", 20, "change")),
    ("调解纠纷较同期增加45件。", ("45件", 45, "change")),
])
def test_a_count_against_a_named_year_is_a_change(sentence, expected):
    last = find_mentions(sentence)[-1]
    assert (sentence[last.start:last.end], last.value, last.kind) == expected


@pytest.mark.parametrize("sentence", [
    "2021年增加调解组织12件。",        # a year, no comparison: a level
    "与律师事务所相比增加了12件。",      # compared with no period
    "受理诉求860件，与2022年的700件相比。",  # the earlier year's value is a level
])
def test_without_a_compared_period_a_count_stays_a_level(sentence):
    assert find_mentions(sentence)[-1].kind == "count"


@pytest.mark.parametrize("sentence", [
    # which session of a congress or a plenum: an ordinal without 第, no count
    "区委召开九届五次、六次全会部署依法行政工作。",
    "县人大十八届二次会议审议了政府工作报告。",
])
def test_the_session_number_of_a_plenum_is_no_count(sentence):
    assert _read(sentence) == []


def test_meetings_counted_beside_a_plenum_still_count():
    # the numeral is led by a verb and no 届 comes before it: a count of meetings
    assert _read("全年召开两次全会研究法治工作。") == [("两次", 2, "次")]


def test_how_many_rates_share_a_value_is_no_count():
    # 三项 says how many rates share 100%, it counts nothing
    assert _read("开展回头看，三项办结率均达到100%。") == [("100%", 100, "%")]
    # without a shared rate after it the numeral still counts
    assert _read("开展回头看，完成三项整改任务。") == [("三项", 3, "项")]


def test_a_sample_drawn_is_counted():
    from rol_analysis.mentions import counted_word

    text = "从各部门中随机抽取五个部门的负责人现场述法。"
    (m,) = find_mentions(text)
    assert (text[m.start:m.end], m.value, m.unit, m.sample) == ("五个", 5, "个", True)
    assert counted_word(text, m)
    # the same numeral inside a name, with no act of drawing before it: a word
    text = "推行五个部门联席制度。"
    assert all(not counted_word(text, m) for m in find_mentions(text))


def test_bodies_drawn_in_digits_are_a_sample_but_not_files():
    # bodies chosen in digits are a sample; files drawn in digits are what a review counts
    assert [m.sample for m in find_mentions("另选取6个单位进行述法。")] == [True]
    assert [m.sample for m in find_mentions("抽取执法案卷40份进行评查。")] == [False]


def test_checks_drawn_at_random_are_no_sample():
    # 抽查 counts the checks themselves, and 轮 counts rounds: neither is a sample drawn
    assert [m.sample for m in find_mentions("全年抽查两次，随机抽取两轮。")] == [False, False]


def test_a_numeral_before_places_with_a_shared_rate_still_counts():
    # 三个乡镇 counts towns; only 项 right before the rate name says how many rates
    assert _read("全县有三个乡镇的法律顾问覆盖率均达到100%。") == [
        ("三个", 3, "个"), ("100%", 100, "%")]


def test_collective_property_is_no_count_of_collectives():
    assert _read("全县有1集体获评先进。") == [("1", 1, "")]
    assert _read("2023集体经济组织完成登记。") == []


def test_issuing_or_doing_things_in_rounds_counts_a_chinese_numeral():
    from rol_analysis.mentions import counted_word

    for text, shown in (("对照短板，印发五项专项整治工作方案。", "五项"),
                        ("清理文件时先后两轮公开征求意见。", "两轮")):
        (m,) = find_mentions(text)
        assert text[m.start:m.end] == shown and counted_word(text, m)
    # the same numeral with no act before it stays a word inside a name
    text = "落实五项专项整治工作方案要求。"
    assert all(not counted_word(text, m) for m in find_mentions(text))


def test_targets_and_expected_values_are_not_statistics():
    # what was reached is a statistic; the value it may reach and the target are not
    text = "一审案件调解率为41.2%，有望升至42%以上（区考核指标为42%以上）。"
    assert [m.value for m in find_mentions(text)] == [41.2]
    text = "区里下达的3万平方米年度目标已提前完成。"
    assert find_mentions(text) == []
    # a count of targets is a count: 8个 counts what was set
    (m,) = find_mentions("年初明确8个量化目标。")
    assert (m.value, m.unit) == (8, "个")
    # 有望 only before the value: a value stated after the clause stays
    assert [m.value for m in find_mentions("工作有望提速，全年办结案件36件。")] == [36]


@pytest.mark.parametrize("sentence, expected", [
    # a cadence per a period shorter than the year: how often, not how many times
    ("2024年共开展周例会学法11次、党委会定期学法每月1次，并通过主题党日学法。", [11]),
    ("按每两月1次的频次开展中心组法治学习5次，组织干部职工学法4次。", [5, 4]),
    ("区委常委会每半年、区政府常务会每季度至少听取1次法治建设工作汇报。", []),
    ("按照中心组学法制度，每季度集体学法不少于1次。", []),
    ("街道每个月召开2次例会，全年召开例会24次。", [24]),
    # a floor a rule sets: what must be done
    ("要求每人每年参加线下培训不少于90课时、线上培训不少于50课时。", []),
    ("按照规定，执法人员参加培训原则上不少于60学时。", []),
    # what a report ensures is the aim, even for everyone (均): blind18 yubei
    ("组织法治理论知识考试，确保全系统参考率、合格率均不低于95%。", []),
    # what was reached stays: a floor everyone reached (均), a floor with no rule word,
    # a figure per year, a level per unit
    ("全员学时均不少于40学时，参考率达到100%。", [40, 100]),
    ("组织全员执法培训，全年学法不少于12次。", [12]),
    ("12348热线每年服务15万人次，每年安排专项资金150万元。", [150000, 1500000]),
    ("每个所的人员都在4人以上，最多的有10人。", [4, 10]),
])
def test_a_rules_cadence_or_floor_is_no_statistic(sentence, expected):
    assert [m.value for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a time limit counted from an event: what a rule allows (blind19 rushan)
    ("行政许可决定自作出之日起7个工作日内全部公示，今年以来共公示行政许可信息40条。", [40]),
    ("自受理申请之日起3天内作出决定。", []),
    # a time limit cut to: what the reform reached, a statistic
    ("开办企业压缩到2个工作日内即可完成。", [2]),
    ("办理时限由15个工作日压缩至3个工作日。", [15, 3]),
])
def test_a_time_limit_counted_from_an_event_is_no_statistic(sentence, expected):
    assert [m.value for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # the field of a ranking or a selection won: the peers, not the region's work
    ("城市信用监测在全国261个地级市中居第19名。", []),
    ("兴庆区在全国87个综合候选地区中脱颖而出，是西北5省中唯一获评示范区的县（区）。", []),
    ("在全省16个县（市、区）中排名第3。", []),
    # one titled case entered a list of 30 (blind18 xuancheng); two titles may be counted
    ("《郎溪县某公司主要负责人未履行安全生产管理职责案》入选30个全国安全生产优秀执法案例。", []),
    ("《甲案》《乙案》入选2个省级典型案例。", [2]),
    # a pool the region's own entries were chosen from names no rank: counts
    ("从全区申报的54个项目中评出区级优秀项目6个。", [54, 6]),
    ("全市12个部门中有10个完成整改。", [12, 10]),
])
def test_the_field_of_a_ranking_is_no_count(sentence, expected):
    assert [m.value for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # how many of the figures just stated share a claim (blind15 taizhou)
    ("一审行政案件败诉94件，败诉率为7.4%，两项指标均为近五年来的最低值。", [94, 7.4]),
    # the size of each of the things just counted (blind15 yingpu)
    ("组建37支10人以上的普法志愿者队伍。", [37]),
    ("组建101人的立法专家库。", [101]),
    # 一批: "a batch of", whatever follows it (blind18 huaiji)
    ("张贴宣传海报、滚动播放标语一批，出动宣传车12次。", [12]),
    ("共发布4批典型案例。", [4]),
])
def test_a_numeral_that_qualifies_other_figures_is_no_count(sentence, expected):
    assert [m.value for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    # measure words of counted things (横幅, 报道, 案例, 业务, 展板, 歌曲, 信)
    ("全村悬挂普法横幅12幅。", [("12幅", 12, "幅")]),
    ("主流媒体刊登普法报道318则。", [("318则", 318, "则")]),
    ("编发行政执法典型案例6例。", [("6例", 6, "例")]),
    ("窗口全年办理不动产业务2.4万笔。", [("2.4万笔", 24000, "笔")]),
    ("更新宪法宣传展板9块，创作法治歌曲3首，寄送致企业公开信40封。",
     [("9块", 9, "块"), ("3首", 3, "首"), ("40封", 40, "封")]),
    # the same characters starting a word after a number count nothing
    ("制作询问2笔录，开展2首次执法。", []),
])
def test_measure_words_of_counted_things_are_units(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a noun, then its count with 余 or 多 ending the clause: a count with no unit
    ("组织卷宗评查，抽评卷宗260余，发现问题35个。", [("260余", 260, ""), ("35个", 35, "个")]),
    ("走访企业80多。", [("80多", 80, "")]),
    # no 余/多, or the clause goes on: a bare number stays out
    ("抽评卷宗260，发现问题35个。", [("35个", 35, "个")]),
    ("编号2023余下事项另议。", []),
])
def test_a_count_with_yu_ending_its_clause_needs_no_unit(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # the numbers of a model's formula name its pieces: inside the quote ...
    ("构建“1专班+2中心+12个工作站”的服务格局。", []),
    # ... and in the aside that spells the formula out
    ("推行“1+2”（大厅+公证、仲裁2个专区）的服务模式。", []),
    # a quoted achievement and an aside with no formula keep their numbers
    ("完成“排查整改突出问题2330个”任务。", [("2330个", 2330, "个")]),
    ("设立调解室（含12个村调解点）。", [("12个", 12, "个")]),
])
def test_the_numbers_of_a_model_formula_are_no_statistics(sentence, expected):
    assert _read(sentence) == expected


# Where a number's text is a number of its own (rol review locating an add, suggest marking
# a number in its sentence, a review row's counting word): the extractor's reading.
@pytest.mark.parametrize("sentence, needle, nth, expected", [
    ("办结13件，其中3件当场办结", "3件", 0, "longer number"),
    ("办结13件，其中3件当场办结", "3件", 1, ""),
    ("累计1,234件，本年234件", "234件", 0, "longer number"),
    ("调解成功率2.5%，新增5%", "5%", 0, "longer number"),
    ("十三项任务和三项制度", "三项", 0, "longer number"),
    ("聚焦重点三项任务", "三项", 0, ""),            # 点 is a decimal point only between numerals
    ("召开第3次常务会议，审议3次", "3次", 0, "ordinal"),
    ("连续第3年获评", "3年", 0, ""),              # 连续第N年 counts years
    ("建成5G基站5个", "5", 0, "code"),
    ("编号A3件", "3件", 0, "code"),
    ("每季度调解3-5件，全年调解5件", "5件", 0, "range"),
    ("每季度调解3至5件", "3", 0, "range"),
    ("12月开展整治，查处12起", "12", 0, "date"),
    ("12月开展整治，查处12起", "12", 1, ""),
    ("全年办结１２件", "２件", 0, "longer number"),  # raw text: full-width digits
])
def test_number_context_names_what_a_number_is_part_of(sentence, needle, nth, expected):
    from rol_analysis.mentions import number_context

    at = -1
    for _ in range(nth + 1):
        at = sentence.index(needle, at + 1)
    assert number_context(sentence, at, at + len(needle)) == expected


@pytest.mark.parametrize("sentence, needle", [
    ("办结13件，其中3件当场办结", "3件"), ("累计1,234件，本年234件", "234件"),
    ("召开第3次常务会议，审议3次", "3次"), ("编号A3件，另有3件", "3件"),
    ("每季度调解3-5件，全年调解5件", "5件"), ("完成十三项任务，新增三项。", "三项"),
    ("全年调解0.5万件，新增5万件", "5万件"),
])
def test_own_number_starts_are_where_the_extractor_reads_that_number(sentence, needle):
    from rol_analysis.mentions import own_number_starts

    read = [m.start for m in find_mentions(sentence)
            if sentence[m.start:m.end] == needle]
    assert own_number_starts(sentence, needle) == read == [sentence.rindex(needle)]


def test_one_set_of_clause_marks():
    """The clause searches (mentions' clause head and end, a name list's clause, parts'
    level labels) read the same marks: a mark added to CLAUSE_MARKS reaches them all."""
    from rol_analysis import mentions

    text = "受理12件" + "".join(f"{c}办结3件" for c in mentions.CLAUSE_MARKS)
    assert len(mentions._CLAUSE_END_RE.findall(text)) == len(mentions.CLAUSE_MARKS)
    assert mentions._CLAUSE_HEAD_RE.match(text).end() == text.rindex("办结")
    assert mentions._LIST_CLAUSE_RE.search(text).group() == "办结3件"


@pytest.mark.parametrize("text, shown, value", [
    # an event held: a holding verb with 了, then sessions or times
    ("五月在党校举办了一期执法人员业务培训班。", "一期", 1),
    ("年内召开了两次专题推进会。", "两次", 2),
    # the subject of a selection: what was chosen was counted
    ("营商环境和信用监管三项工作被列入市级激励事项。", "三项", 3),
    ("两件调解案例入选全省优秀案例。", "两件", 2),
    ("全区四个司法所获评先进集体。", "四个", 4),
    # what each of several had, one each
    ("年度评查中各有一许可案卷和处罚案卷获评优秀。", "一", 1),
    # the documents whose titles it follows
    ("对《甲实施意见》《乙工作方案》两部规范性文件经审核后予以废止。", "两部", 2),
    # sessions directly before the training they are
    ("参加了专题培训班的三期培训，提高了能力。", "三期", 3),
])
def test_a_numeral_the_grammar_counts_is_kept_unnamed(text, shown, value):
    from rol_analysis.mentions import counted_word

    (m,) = [m for m in find_mentions(text) if text[m.start:m.end] == shown]
    assert m.value == value and (not m.weak or counted_word(text, m))


@pytest.mark.parametrize("text", [
    "开展了一次性告知服务。",              # 一次性: a word
    "开展了一批行之有效的实践活动。",      # a batch of, no count
    "一件事集成改革入选全省典型。",        # 一件事 names a reform
    "机关一支部获评红旗党支部。",          # a branch's name, not one team
    "各有一定的成效。",                    # 一定: a word
    "坚持一把手负责，推行一站式服务。",
    # after a closing quote the numeral sizes a slogan list
    "围绕“灾后重建”和“绿色转型”两条工作主线推进。",
])
def test_fixed_expressions_near_those_words_stay_words(text):
    from rol_analysis.mentions import counted_word

    assert all(m.weak and not counted_word(text, m) for m in find_mentions(text))


def test_one_thing_after_de_is_kept_only_when_named():
    from rol_analysis.mentions import counted_word

    text = "本单位的一件重大行政决策事项严格履行了法定程序。"
    (m,) = find_mentions(text)
    assert (text[m.start:m.end], m.value, m.weak) == ("一件", 1, True)
    assert not counted_word(text, m)  # an indicator must name it (重大行政决策)
    assert find_mentions("为群众办好身边的一件事。") == []


def test_half_a_day_to_finish_is_half_a_day():
    assert _read("企业开办做到全程网上办理、半日办结。") == [("半日", 0.5, "天")]
    # half a year is a period, and 半天 with no service finished is no time taken
    assert _read("上半年完成评查，用了半天时间。") == []


@pytest.mark.parametrize("sentence, expected", [
    # 等 + N类 counts the categories of the list just named, however many
    ("共梳理行政许可、行政处罚等10类权责事项39项。", [("39项", 39, "项")]),
    # the kinds a heading's brackets gloss: sizes of lists, not the year's work
    ("对列入审查范围的事项类别（规范性文件5类、行政决策6类、政府合同5类）和事项清单"
     "（共188项）进行梳理。", [("188项", 188, "项")]),
    # a count of kinds stated on its own stays a statistic
    ("牵头完成考评任务3类12项。", [("3类", 3, "类"), ("12项", 12, "项")]),
    ("公开本部门行政职权57类、共114项。", [("57类", 57, "类"), ("114项", 114, "项")]),
    # numerals joined into one name (三省一区) count nothing
    ("参与三省一区交叉检查6家。", [("6家", 6, "家")]),
])
def test_the_kinds_of_a_list_are_no_statistic(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # 为期 states a duration, in a Chinese numeral as in digits, read once
    ("组织为期两周的法治建设专项督察。", [("两周", 2, "周")]),
    ("开展为期2周的督察，为期3天的集中培训。", [("2周", 2, "周"), ("3天", 3, "天")]),
    # a score with decimals right after its name needs no 分
    ("共受理诉求3924件，平均综合成绩99.2，年内成绩始终位居前列。",
     [("3924件", 3924, "件"), ("99.2", 99.2, "")]),
    # 零 before an adverse event the year avoided: none of them
    ("规范性文件报备审查实现零纠错。", [("零", 0, "")]),
])
def test_durations_scores_and_none_in_words_are_statistics(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "违建治理做到“零投诉”。",                  # quoted: a slogan's word
    "新增违建继续保持零增长。",                # a change, no count of events
    # the condition of 就能: what a service asks of an applicant
    "申请人申请一次、提交一次材料，就能实现一次办结。",
])
def test_slogans_changes_and_conditions_stay_words(sentence):
    assert find_mentions(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    # land and a concentration are measured in their own units (blind19's first run missed both)
    ("全年完成用林报批项目61个，获批用林面积611.4公顷。",
     [("61个", 61, "个"), ("611.4公顷", 611.4, "公顷")]),
    ("PM2.5平均浓度为30微克/立方米，达标率100%。",
     [("30微克/立方米", 30, "微克/立方米"), ("100%", 100, "%")]),
    # 连获 + the award + N年 is a streak, as 连续5年获… is
    ("河湖长制工作连获省政府5年督查激励。", [("5年", 5, "年")]),
    # a numeral glued to 获 counts the times an honour was won
    ("某县法院“枫桥式”调解团队三获全国优秀。", [("三", 3, "")]),
])
def test_areas_concentrations_streaks_won_and_times_won_are_statistics(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # 唯一获评: one of a kind, no count of times
    ("西北区是天津市唯一获评全国网络市场监管示范区的区。", []),
    # 连续 + a verb + N年 states no streak won (a plan's length)
    ("依法行政工作连续开展五年。", []),
    # a pause after 连获: 2023年 is a year, not a streak
    ("连获省政府表彰，2023年督查激励事项3个。", [("3个", 3, "个")]),
])
def test_only_a_streak_won_or_times_won_count(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the time a thing took, with no comma before 就能/即可, or in a clause of its own
    ("开办企业分别只需3、5、42个工作日，大部分企业当天办结。", [3, 5, 42]),
    ("开办企业仅用1个工作日就能办完。", [1]),
    ("开办企业压缩到2个工作日内即可完成。", [2]),
])
def test_the_time_a_thing_took_before_jiu_neng_is_read(sentence, expected):
    assert [m.value for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # measure words of things seized or made, and the tiers of a plan or a checklist
    # (blind21's first run missed 副 and 大类; blind14 and blind20 missed 枚 and 小项)
    ("执法中收缴违规渔具42副，为各镇刻制电子公章57枚。",
     [("42副", 42, "副"), ("57枚", 57, "枚")]),
    ("工作要点分为6大类41项任务，细化为3方面22小项考核内容。",
     [("6大类", 6, "大类"), ("41项", 41, "项"), ("22小项", 22, "小项")]),
    # a concentration in symbols (normalised text: NFKC makes the micro sign µ this μ)
    ("全县PM10年均浓度为41μg/m3，同比下降5%。",
     [("41μg/m3", 41, "μg/m3"), ("5%", -5, "%")]),
    # 副 that begins a title counts nothing, and a Chinese numeral before a tier names
    # a grouping
    ("会议由2副局长分别主持。", []),
    ("五大类审批事项的申请材料得到精简。", []),
])
def test_seized_gear_seals_plan_tiers_and_symbol_concentrations_are_counted(sentence,
                                                                             expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a zero after its noun ends the clause: none of that kind (blind21, blind10)
    ("按类别看，行政强制3件，行政赔偿0，信息公开5件。",
     [("3件", 3, "件"), ("0", 0, ""), ("5件", 5, "件")]),
    ("本年度经诉讼被撤销的决定为0。", [("0", 0, "")]),
    # any other bare number, or a zero that runs on, stays out
    ("按类别看，行政赔偿7，另有说明。", []),
    ("编号0号文件另行印发。", []),
])
def test_a_zero_ending_its_clause_is_a_count_of_none(sentence, expected):
    assert _read(sentence) == expected


def test_what_an_issuing_verb_put_out_is_counted_when_its_noun_ends_the_clause():
    from rol_analysis.mentions import counted_word

    text = "县政府印发了本年度依法行政八项重点工作，并逐项分工。"
    (m,) = find_mentions(text)
    assert text[m.start:m.end] == "八项" and counted_word(text, m)
    # no issuing verb, or a longer name after the noun: a word inside a name
    for text in ("对照上级确定的依法行政八项重点工作，逐项落实。",
                 "县政府印发了依法行政八项重点工作实施方案。"):
        assert all(not counted_word(text, m) for m in find_mentions(text))
    # 以及 closes what was issued as 和 does (blind8's 一百条以及…)
    text = "区里推出了惠企政策三十条以及配套细则。"
    (m,) = find_mentions(text)
    assert text[m.start:m.end] == "三十条" and counted_word(text, m)


def test_people_someone_had_are_counted():
    from rol_analysis.mentions import counted_word

    text = "局机关有三名干部参加了市里的专题培训。"
    (m,) = find_mentions(text)
    assert text[m.start:m.end] == "三名" and counted_word(text, m)
    # other things someone has stay words without an act that counts them
    text = "这项改革有两个方面的意义。"
    assert all(not counted_word(text, m) for m in find_mentions(text))


def test_a_change_is_read_after_every_change_verb_and_its_endings():
    # the change verb ends the words before the number (its last character is looked at
    # before the verb pattern is searched: mentions._CHANGE_VERB_ENDS); every verb, and
    # 了/达/达到/为 after it, still makes the figure a change
    from rol_analysis.mentions import _CHANGE_VERBS

    verbs = _CHANGE_VERBS.split("|") + ["增幅", "降幅", "减幅", "回落", "增幅为"]
    for verb in verbs:
        for tail in ("", "了", "达", "达到", "为", "了达", "了达到"):
            (m,) = find_mentions(f"行政复议收案数同比{verb}{tail}12.5%。")
            assert m.kind == "change", verb + tail
    for said in ("比上年少了", "较去年多", "较2019年多出", "同比多了"):
        (m,) = find_mentions(f"行政复议收案数{said}46件。")
        assert m.kind == "change", said
    (m,) = find_mentions("行政复议收案数同比增长情况良好，达12.5%。")
    assert m.kind == "rate"  # the verb is not in the number's clause
