"""What a number counts: the ``measure`` label of every mention."""

from __future__ import annotations

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
