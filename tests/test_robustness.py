"""Names stable under rewording: a report that writes 举行 where another writes 召开, or
较上年 for 同比, must get the same names (issue 9; tests/robustness_eval.py measures
this over whole gold sets).

A ratchet over a few fixtures that lost right names under the listed edits before the
catalogue read their synonyms (召开/举行 and 参加/参与 in ``same_words``, 较上年 in the
复议 change patterns, 组织 as a verb of assessing and clean-ups, 与 joining two nouns as
和 does). **Never raise the thresholds to make a change pass**: a change that loses a
name here under a listed wording has made names fragile.
"""

from __future__ import annotations

import pytest
from dev_eval import REPO
from robustness_eval import Edit, apply, carry, measure, read_edits

from rol_analysis import catalogue
from rol_analysis.exceptions import InputError

DATA = REPO / "tests" / "data"
# fixtures whose right names each depended on one wording of a listed edit
CASES = {
    "dev": ["dahe_township_2025", "suining_sfj_2022", "jiyang_2024", "moj_2023",
            "sd_court_2022", "jiaozuo_fyzx_2020"],
    "blind": ["baodi_2024", "changwu_2021", "wutongqiao_2020", "wuyang_2021"],
    "blind2": ["nmg_sft_2022"],
    "blind3": ["shanxi_2025"],
    "blind4": ["tongzhou_fy_2023"],
    "blind7": ["qinan_2019", "yecheng_2023", "yingdong_2023", "jinyun_sfj_2023"],
    "blind5": ["wuchang_2024", "shanghai_court_2022", "fujian_2021", "shaanxi_2025"],
    "blind8": ["tanbin_town_2025", "jianan_2024"],
    "blind9": ["tanjia_street_2025", "yinzhou_tieling_2022"],
    "blind10": ["yuecheng_sfj_2022", "zhongshan_sfj_2020", "luliang_2024"],
    "blind11": ["shibing_2024", "nuoshuihe_town_2024"],
    "blind13": ["xishi_2025"],
    "blind15": ["linxiangshi_2025", "guishan_town_2025"],
}
# Measured over these fixtures and every edit of edits.tsv. On main 0a54fa3: 12 right
# names lost and 14 outcomes changed (召开->举行 4, 同比->较上年 3, 开展->组织 2, 参加->参与
# 1, 培训班->专题培训班 1, 和->与 1 lost and 2 unnamed rows given a wrong name). With the
# synonyms read (same_words, 较上年, 组织 as a verb, 与 as a joiner): none. jiyang holds
# 参与学法抽考: 与 inside a verb is no joiner. A rule that makes a name here depend on one
# of the listed wordings fails this test. The second list of edits (robust21b: 下降->减少,
# 增长->增加, 聘请->聘用, 达到->为, 开展->组织 before a count, …) lost 10 right names (10
# outcomes changed) on main 5663c2c over these fixtures (baodi, shanxi, shanghai_court, yuecheng:
# a change's 减少 read as a cut; yingdong: 较上年增加; changwu, wutongqiao: 聘用;
# fujian: 全程网办的比例为; shibing: 督察共计组织15次): none with 增长/增加 and 聘请/聘任/
# 聘用 in same_words, a change indicator's 减少 as a fall, 全程网办(事项)?, and 组织 right
# before the number a light verb in the measure. The third list (robust22: 同比->比去年, 发放->
# 派发, 宣传资料->宣传材料, 专题会议->专题会, 达->为, 全年->年内, 旁听庭审->庭审旁听, …) lost
# 25 right names (26 outcomes changed) on main 50fdf87 over these fixtures
# (moj, sd_court, nmg_sft, shanxi, tongzhou_fy, yingdong, zhongshan: 比去年增长# lost the
# clause's object; dahe, jiyang, jiaozuo, zhongshan, nuoshuihe, xishi: 派发 and 宣传材料;
# luliang: 专题会 read as a kind apart from 主任会议; wuyang: 访问量累计为#; yecheng: 参加为#;
# shaanxi: 庭审旁听; yinzhou_tieling: 驿站年内办件#): none with 比去年 a filler of the
# measure, 为 read as 达, 年内 as 全年, the materials and hearing patterns' synonyms and a
# meeting's short name compared as its long one. The fourth list (robust22b: 名->人, 个->家,
# 合法性审查->审核, 余->多, 案件…件->起, 同比->较去年同期, 集体学法 …) lost 6 right names (6
# outcomes changed) on main bc35786 over these fixtures (shanxi, yingdong: 较去年同期增长# read
# by no 复议 change pattern; zhongshan: 案件…起 beside 法律事务…件 read as two counting words;
# guishan: 集体学法 no kind of the training count): none with 较去年同期 in those patterns,
# 件/起 one counting word when the name joins two kinds, and 集体学法 a kind (a meeting's
# study none).
MAX_LOST = 0
MAX_CHANGED = 0


@pytest.fixture(scope="module")
def tallies():
    edits = read_edits()
    out = {e.label: [0, 0] for e in edits}
    for folder, names in CASES.items():
        for t in measure(DATA / folder, edits, names):
            out[t.edit.label][0] += t.lost
            out[t.edit.label][1] += t.changed
    return out


def test_names_hold_under_the_listed_rewordings(tallies):
    lost = sum(v[0] for v in tallies.values())
    changed = sum(v[1] for v in tallies.values())
    print({k: v for k, v in tallies.items() if v[1]})
    assert lost <= MAX_LOST, tallies
    assert changed <= MAX_CHANGED, tallies


def test_an_edit_carries_the_anchor_with_it():
    raw = "全年召开专题会议4次，召开常务会议2次。"
    new, spans = apply(Edit("召开", "举行", "same act"), raw)
    assert new == "全年举行专题会议4次，举行常务会议2次。"
    a = raw.find("召开常务会议2次")
    start, end = carry(spans, a, a + len("召开常务会议2次"))
    assert new[start:end] == "举行常务会议2次"
    # an edit straddling the anchor's edge widens it to the whole replacement
    a = raw.find("开专题")
    start, end = carry(spans, a, a + 3)
    assert new[start:end] == "举行专题"


def test_a_pattern_reads_every_word_of_its_group():
    cat = catalogue.load()
    pats = " ".join(cat.indicator("rol_committee_meetings").patterns)
    assert "举行" in pats and "召开" in pats


def test_a_bad_same_words_group_is_refused(tmp_path):
    text = catalogue.default_path().read_text(encoding="utf-8")
    bad = tmp_path / "cat.toml"
    bad.write_text(text.replace('same_words = [["召开", "举行"]', 'same_words = [["召开", "举"]',
                                1), encoding="utf-8")
    with pytest.raises(InputError, match="same_words group #1.*same length"):
        catalogue.parse(bad)
