"""Catalogue matching (:mod:`rol_analysis.matcher`): the compiled patterns and their index.

How numbers are named in whole sentences is tested through
:func:`rol_analysis.extract.extract_text` in tests/test_extract.py and
tests/test_precision.py; these tests look at the matcher itself.
"""

from __future__ import annotations

from pathlib import Path

from rol_analysis import catalogue, extract, measure
from rol_analysis.matcher import _Matcher, _matcher, _prefilters, _WordIndex


def test_the_needed_words_prefilter_never_hides_a_match():
    # the matcher skips a pattern search when the sentence holds none of the words the
    # pattern needs, or not all the words one pattern needs (_literal_runs); over
    # real-report sentences, every match holds them
    import re as _re

    needed = ['(?:常务会|党组会)[^。]{0,24}听取[^，,]{0,16}法治#']
    # the word index's words: one set per pattern, of two characters or more, no mark #
    assert _prefilters(needed)[0] == ("党组会", "常务会")
    assert _prefilters(['(?:调解)?纠纷#', '#人'])[0] is None  # nothing needed
    # all the words of one pattern: runs, and one word of each alternative; nothing
    # from an optional group, a class or a lookaround; the mark # is in every sentence
    assert _prefilters(needed)[1] == (("法治#", "听取", ("党组会", "常务会")),)
    assert _prefilters(['(?:调解)?纠纷(?=办结)#', '受理(?:案件|)#']) == (
        ("受理", "纠纷"), (("纠纷",), ("受理",)))
    assert _prefilters(['(?:调解)?纠纷#', '#人'])[1] == (("纠纷#",), ("#人",))
    assert _prefilters(['纠纷#', '[^，]{0,4}#'])[1] is None  # the second needs no word
    # a flag: words are not matched as read; neither pre-check
    assert _prefilters(['(?i)app#']) == (None, None)
    # a group with a flag of its own gives nothing; the words around it still count
    assert _prefilters(['(?i:app)办结#', '纠纷#']) == (
        ("办结", "纠纷"), (("办结#",), ("纠纷#",)))
    matcher = _matcher(catalogue.load())
    entries = {e.iid: e for es in matcher.by_unit.values() for e in es}
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))]
    checked = 0
    for text in texts:
        for sent in _re.split(r"[。！？\n]", text):
            for num in _re.finditer(r"\d+(?:\.\d+)?", sent):
                marked = sent[:num.start()] + "#" + sent[num.end():]
                for e in entries.values():
                    if e.rx is not None and e.rx.search(marked):
                        checked += 1
                        assert e.search(marked) is not None, (e.iid, marked)
                        assert e.lits is None or any(w in marked for w in e.lits), (
                            e.iid, marked)
        # aliases likewise, over the measures of the same report's numbers
        for label in extract.extract_text(text).mentions["measure"]:
            for e in entries.values():
                bare = label.removeprefix("其中")
                if e.alias_rx is not None and e.alias_rx.search(bare):
                    checked += 1
                    assert e.alias_search(bare) is not None, (e.iid, label)
                    assert e.alias_lits is None or any(w in label for w in e.alias_lits), (
                        e.iid, label)
    assert checked > 100
    # the one-pass word index finds exactly the entries a word test finds, words
    # inside longer words included (常务会 in 常务会议)
    index = _WordIndex([("常务会",), ("常务会议", "党组会"), None, ()])
    assert index.hits("县政府常务会议研究") == {0, 1, 2}
    assert index.hits("党组会") == {1, 2}
    assert index.hits("无关的句子") == {2}


def test_without_the_regex_parser_every_pattern_is_searched_and_names_are_the_same(
        monkeypatch):
    # re._parser is private: on a Python without it the pre-checks are gone (no
    # needed words, no skipped search, no lookahead): every pattern is searched, and
    # the same names are found, never an error
    cat = catalogue.load()
    usual = _matcher(cat)
    monkeypatch.setattr(measure, "_sre_parse", None)
    assert measure.parsed("纠纷#") is None
    assert _prefilters(["纠纷#"]) == (None, None)
    assert measure.skipping("(?<=a)b|c").pattern == "(?<=a)b|c"
    plain = _Matcher(cat)
    assert all(e.lits is None and e.musts is None
               for es in plain.by_unit.values() for e in es)
    compared = same = 0
    rows = [m for p in sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))
            for m in extract.extract_text(p.read_text(encoding="utf-8"),
                                          catalogue=cat).mentions.itertuples()]
    for m in rows:
        at = m.sentence.find(m.text)
        if at < 0:
            continue
        marked = m.sentence[:at] + "#" + m.sentence[at + len(m.text):]
        named = usual.candidates(marked, m.unit, m.kind)
        found = plain.candidates(marked, m.unit, m.kind)
        # every name is still found; the one rule that reads the patterns' words, a
        # match only in the first of two joined items (_Matcher._joint_item), is off
        assert set(named) <= set(found), marked
        compared += bool(named)
        same += found == named
    assert compared > 100 and same > 0.99 * len(rows)


def says(marked: str, name: str, words: str = "") -> bool:
    """:func:`matcher.narrowed` for the number at ``#`` of ``marked``."""
    from rol_analysis.matcher import narrowed

    return narrowed(name, marked, marked.find("#"), words)


def test_a_restricting_modifier_on_the_indicators_noun_narrows_it_to_a_subset():
    # a property (X性), a channel and a stage right on the words the name counts
    assert says("年内开展法治督察，查出普遍性问题#、个别问题3个", "督察发现问题数")
    assert says("“一网通办”专窗全年办件#", "政务服务事项办件量")
    assert says("报建审批事项压减至#", "行政审批事项数")
    assert says("诉前成功调解矛盾纠纷#", "调解成功纠纷数")
    assert says("组织新录用公务员参加学法考试#", "公务员学法考试参考人数")
    # a domain, before the noun or after the number (as before)
    assert says("全年办理涉外公证#", "办理公证件数")
    assert says("确认#涉企执法单位", "行政执法主体（单位）数")
    # not narrowed: the same clause without the modifier; a modifier the indicator's own
    # name or patterns hold; one on another noun of the clause; modifiers listed together
    assert not says("年内开展法治督察，查出问题#", "督察发现问题数")
    assert not says("全年网上可办事项#", "网上可办政务服务事项数")
    assert not says("诉前调解案件#", "诉前调解案件数", "诉前调解[^，]{0,6}#")
    assert not says("安排#名干部线上参加旁听庭审", "旁听庭审人次")
    assert not says("线上、线下办件共计#", "政务服务事项办件量")
    assert not says("对各单位规范性文件开展清理#", "规范性文件清理次数")
    # criteria and the document class are no property of a subset (合法性审查 …)
    assert not says("完成行政合同合法性审查#", "合同审查数")
    assert not says("提请审议地方性法规草案#", "法规规章草案数")
    assert not says("全年组织公务员参加学法考试#", "公务员学法考试参考人数")


def test_one_kind_of_enforcement_or_a_service_post_is_a_subset():
    joint = "(?:综合查一次|联合执法(?:行动)?)[^，,]{0,8}#"
    # joint action with other departments is one kind of inspection, even though the
    # indicator's own patterns hold 联合执法 (they find the number, the definition makes
    # it a part); a service post (驿站) is one channel of the cases handled
    assert says("城管科会同交通、住建等部门开展联合执法#", "行政执法检查次数", joint)
    assert says("全年牵头组织联合检查#", "行政执法检查次数")
    assert says("社区政务服务驿站全年办件#", "政务服务事项办件量")
    # not narrowed: inspections with no kind, joint work named by the indicator itself,
    # 联合 on another act of the clause, a service centre (the whole counter work)
    assert not says("全年开展行政执法检查#", "行政执法检查次数", joint)
    assert not says("开展联合执法#", "联合执法次数")
    assert not says("联合多部门开展执法检查#", "行政执法检查次数", joint)
    assert not says("政务服务中心全年办件#", "政务服务事项办件量")


def test_a_channel_named_before_a_bare_count_of_cases_narrows_it_to_that_channel():
    # a channel or programme named in an earlier clause, then a bare 办件量: its cases
    assert says("与邻省签订“跨省通办”合作协议，互认事项120余项，办件量#",
                "政务服务事项办件量")
    assert says("推出“一件事”套餐服务，上线集成场景40个，各场景累计办件#",
                "政务服务事项办件量")
    # not narrowed: no channel; the sentence names the whole (the hall opening a
    # channel counts all its cases); the whole online platform (一网通办) is no channel
    assert not says("优化审批流程，精简材料三成，办件量#", "政务服务事项办件量")
    assert not says("区政务服务大厅增设跨省通办窗口，全年办件量#", "政务服务事项办件量")
    assert not says("深化“一网通办”改革，事项全部上网，办件量#", "政务服务事项办件量",
                    "(?:一张网|政务服务网|一网通办)[^，,]{0,4}办理[^，,]{0,10}#")


def test_a_rate_of_principal_heads_only_is_a_subset_of_the_heads_rate():
    rate = "出庭(?:应诉)?率[^，,]{0,6}#"
    assert says("区政府部门主要负责人出庭应诉率为#", "行政机关负责人出庭应诉率", rate)
    assert says("各单位主要负责同志出庭应诉率达#", "行政机关负责人出庭应诉率", rate)
    # not the heads' rate itself, not a count, not an indicator that names 主要
    assert not says("区政府部门负责人出庭应诉率为#", "行政机关负责人出庭应诉率", rate)
    assert not says("主要负责人出庭应诉#", "行政机关负责人出庭应诉数", "负责人[^，,]{0,6}出庭#")
    assert not says("主要负责人出庭应诉率为#", "主要负责人出庭应诉率", rate)


def test_scored_names_the_ids_a_subset_was_ruled_out_of():
    matcher = _matcher(catalogue.load())
    subsets: set[str] = set()
    marked = "年内开展法治督察，发现共性问题#"
    cands, ruled = matcher.scored(marked, "", "", "个", "count",
                                  hash_pos=marked.find("#"), subsets=subsets)
    assert "inspection_problems_found" in subsets <= ruled
    assert "inspection_problems_found" not in {iid for _s, iid in cands}
    subsets.clear()
    marked = "年内开展法治督察，发现问题#"
    cands, _ruled = matcher.scored(marked, "", "", "个", "count",
                                   hash_pos=marked.find("#"), subsets=subsets)
    assert not subsets and "inspection_problems_found" in {iid for _s, iid in cands}


def test_scored_says_why_it_set_an_indicator_aside():
    """``reasons`` (for the review worksheet) names the check that set a matching
    indicator aside, and is left empty for the one that fits; the scores are the same
    with and without it."""
    matcher = _matcher(catalogue.load())
    marked = "市委理论学习中心组会上学法#。"
    args = (marked, "市委理论学习中心组会上学法数", marked, "次", "count")
    reasons: dict = {}
    told = matcher.scored(*args, hash_pos=marked.find("#"), reasons=reasons)
    assert told == matcher.scored(*args, hash_pos=marked.find("#"))
    # the body whose study it is (the group) rules the executive meeting out
    assert reasons.get("exec_meeting_law_study_sessions") == "scope"
    assert "central_group_law_study_sessions" not in reasons
    # approval items cut (取消) are outside the count of items held: a scope check
    cut = "本年度共取消行政许可事项#。"
    reasons = {}
    matcher.scored(cut, "取消行政许可事项数", cut, "项", "count", hash_pos=cut.find("#"),
                   reasons=reasons)
    assert reasons == {"admin_approval_items": "scope"}


def test_count_bodies_reads_the_numbers_own_item_then_the_nearest_clause_naming_one():
    """The kinds of body whose count a number is (matcher.count_bodies)."""
    from rol_analysis.matcher import _ALL_GROUPS, _EXEC, _GROUP, count_bodies

    def bodies(marked):
        return count_bodies(marked, marked.find("#"))

    # its own item, after any earlier number of the clause
    assert bodies("常务会议学法10次、中心组学法#。") == {_GROUP}
    # right after the number
    assert bodies("市政府先后召开#政府常务会议，专门研究法治议题。") == {_EXEC}
    # the nearest clause before that names one
    assert bodies("纳入镇党委理论学习中心组的学习计划，全年开展专题学习#。") == {_GROUP}
    # every group of the place is its own kind, not the group
    assert bodies("全区各级理论学习中心组专题学习#。") == {_ALL_GROUPS}
    # none named: the text does not say whose count it is (a party committee, 党委, is
    # no meeting)
    assert bodies("镇党委高度重视，全年开展专题学习#。") == set()


def test_officials_studying_with_no_meeting_named_is_no_meetings_study():
    from rol_analysis.matcher import body_unfit

    def unfit(marked, name="常务会议学法次数"):
        return body_unfit(name, marked, marked.find("#"))

    # people as who studied, no meeting in their clause: officials' collective study
    assert unfit("每月组织班子会议讨论工作，全年镇领导班子成员共开展集中学法#")
    assert unfit("全年组织机关干部职工学法#")
    # a meeting that studied is the meeting's study; other indicators are not concerned
    assert not unfit("全年班子会议学法#")
    assert not unfit("全年镇政府常务会议会前学法#")
    assert not unfit("全年组织机关干部职工学法#", "领导干部学法培训场次")


def test_meetings_joined_before_a_count_are_read_in_its_own_item():
    from rol_analysis.matcher import body_unfit, joined_meetings

    def joined(marked):
        return joined_meetings(marked, marked.find("#"))

    # two meetings joined, or a list of meetings closed by 等
    assert joined("县委常委会与县政府常务会共组织集体学法#")
    assert joined("县政府借助常务会议、专项工作会等研究部署法治政府建设工作#")
    assert joined("县政府常务会等研究部署法治政府建设工作#")
    # one meeting, a meeting word inside a word (委员会), or an earlier item's meeting
    assert not joined("县政府常务会议会前学法#")
    assert not joined("依法治县委员会办公室召开会议#")
    assert not joined("常务会议学法10次、中心组学法#")
    # the executive meeting's counts and the group's are then no one's
    marked = "县政府借助常务会议、专项工作会等专题听取法治政府建设汇报#"
    assert body_unfit("常务会专题听取法治政府工作汇报次数", marked, marked.find("#"))
    marked = "县政府常务会议听取法治政府建设专题汇报#"
    assert not body_unfit("常务会专题听取法治政府工作汇报次数", marked, marked.find("#"))
