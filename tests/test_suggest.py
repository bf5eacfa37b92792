"""``rol catalogue suggest``: unnamed numbers of every published region-year grouped by
measure and unit, ranked, printed as TOML stanzas ready to review."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from rol_analysis import catalogue, cli, extract, fileio, suggest
from rol_analysis.exceptions import UsageError

# Tiny reports written for these tests (not taken from any real report).
REPORTS = {
    ("hexi", 2023): "二、深化放管服改革\n全年新增政务服务事项52项，网上办理业务2474件。"
                    "企业开办时间由5天压缩至1天。\n六、矛盾纠纷化解\n全年法律顾问审查合同86份。",
    ("songlin", 2023): "二、优化营商环境\n本年度新增政务服务事项40项。"
                       "全年法律顾问审查合同120份，提出意见35条。",
    ("qingshan", 2024): "二、政务服务\n新增政务服务事项12项，网上办理业务310件。",
}
def _publish(root, region, year, text):
    ex = extract.extract_text(text, region, year)
    extract.write_tables(ex, root / "data" / "processed" / region / str(year))
    return ex


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for (region, year), text in REPORTS.items():
        _publish(root, region, year, text)
    # a staging folder of an unfinished build is not published: never read
    _publish(root / "data" / "processed" / "hexi" / ".2024.building", "hexi", 2024,
             "新增政务服务事项99项。")
    return root


def test_groups_ranked_by_region_years_then_numbers(root):
    groups, _, stats = suggest.collect(root)
    top = groups[0]
    assert (top.measure, top.unit) == ("新增政务服务事项数", "项")
    assert top.region_years == {"hexi/2023", "songlin/2023", "qingshan/2024"}
    assert top.count == 3
    assert (groups[1].measure, len(groups[1].region_years)) == ("网上办理业务数", 2)
    # named numbers (审查合同 is a catalogue indicator) are not suggested
    assert all(g.measure != "审查合同数" for g in groups)
    assert stats["region_years"] == 3


def test_output_is_valid_toml_with_ready_to_review_stanzas(root):
    text = suggest.suggest(root)
    data = tomllib.loads(text)
    first = data["indicator"][0]
    assert first["zh_name"] == "新增政务服务事项数"
    assert (first["section"], first["kind"], first["units"]) == ("functions", "count", ["项"])
    assert all("#" in p for p in first["patterns"])
    # the guessed patterns find the number in the group's own sentences
    marked = ["全年新增政务服务事项#，网上办理业务2474件。", "本年度新增政务服务事项#。"]
    assert any(re.search(p, m) for p in first["patterns"] for m in marked)
    assert "# 3 regions, 3 region-years, 3 numbers: hexi/2023, qingshan/2024, songlin/2023" in text
    assert "#   songlin/2023: 本年度新增政务服务事项40项。" in text
    assert "# of the group's 3 sentences, the patterns match 3, 3" in text
    assert "99项" not in text  # the staging folder was not read


def test_a_suggestion_fits_the_catalogue_once_named(root, tmp_path):
    stanza = tomllib.loads(suggest.suggest(root))["indicator"][0]
    lines = [f"{k} = {v!r}" if not isinstance(v, list) else f"{k} = {v!r}"
             for k, v in stanza.items() if k != "en_name"]
    path = tmp_path / "indicators.toml"
    path.write_text(catalogue.default_path().read_text(encoding="utf-8") + "\n[[indicator]]\n"
                    + "\n".join(lines) + "\nen_name = 'New government service items'\n",
                    encoding="utf-8")
    cat = catalogue.parse(path)
    assert cat.indicator(stanza["id"]).zh_name == "新增政务服务事项数"


def test_min_regions_keeps_groups_many_region_years_share(root):
    data = tomllib.loads(suggest.suggest(root, min_regions=2))
    assert [i["zh_name"] for i in data["indicator"]] == ["新增政务服务事项数", "网上办理业务数"]
    assert suggest.suggest(root, min_regions=4).count("[[indicator]]") == 0
    with pytest.raises(UsageError):
        suggest.suggest(root, min_regions=0)


def test_numbers_without_a_counting_word_ask_for_their_unit(tmp_path):
    for region in ("hexi", "songlin"):
        _publish(tmp_path, region, 2023, "五、普法宣传\n全年普法直播累计观看超86万。")
    text = suggest.suggest(tmp_path)
    stanza = tomllib.loads(text)["indicator"][0]
    assert stanza["units"] == []  # no guessed unit; the reviewer supplies it
    assert "without a counting word" in text


def test_output_is_deterministic(root):
    assert suggest.suggest(root) == suggest.suggest(root)


def _decided(root, tmp_path, decisions, more=""):
    """A copy of the corpus whose hexi/2023 worksheet decides ``decisions``, ``(text,
    action, indicator_id)`` each (then the lines ``more``)."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(root, corpus)
    ex = _publish(corpus, "hexi", 2023, REPORTS[("hexi", 2023)])
    at = {t: s for s, t in zip(ex.mentions["char_start"], ex.mentions["text"], strict=True)}
    fileio.write_text(
        corpus / "data" / "reviews" / "hexi" / "2023.csv",
        "char_start,text,action,indicator_id,value,unit,qualifier,note,reviewer,date\n"
        + "".join(f"{at[text]},{text},{action},{iid},,,,,li,2024-03-01\n"
                  for text, action, iid in decisions) + more)
    return corpus, at


def _reviewed(root, tmp_path, more=""):
    """A copy of the corpus where a reviewer set hexi's 2474件 to online_services_handled."""
    return _decided(root, tmp_path, [("2474件", "set", "online_services_handled")], more)[0]


def test_reviewers_set_decisions_become_alias_suggestions(root, tmp_path):
    corpus = _reviewed(root, tmp_path, "0,x,confirm,,,,,,li,2024-03-01\n")
    data = tomllib.loads(suggest.suggest(corpus))
    assert data["alias"] == [{
        "indicator": "online_services_handled", "measure": "网上办理业务数",
        "units": ["件"], "patterns": data["alias"][0]["patterns"]}]
    assert all("#" in p for p in data["alias"][0]["patterns"])


def test_root_without_processed_data_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no processed data"):
        suggest.collect(tmp_path)


def test_cli_prints_toml_and_exits_2_without_data(root, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli.main, ["catalogue", "suggest", "--root", str(root),
                                  "--min-regions", "2"])
    assert ok.exit_code == 0, ok.output
    assert len(tomllib.loads(ok.output)["indicator"]) == 2
    bad = runner.invoke(cli.main, ["catalogue", "suggest", "--root", str(tmp_path)])
    assert bad.exit_code == 2
    assert "no processed data" in bad.output and "rol build" in bad.output


def test_a_worksheet_measure_serves_when_the_number_is_not_published(root, tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(root, corpus)
    fileio.write_text(
        corpus / "data" / "reviews" / "songlin" / "2023.csv",
        "char_start,text,measure,found_indicator_id,found_value,found_unit,"
        "found_qualifier,sentence,action,indicator_id,value,unit,qualifier,note,reviewer,"
        "date\n"
        "9999,7场,普法讲座场次,,7,场,exact,全年举办普法讲座7场。,set,legal_lectures,,,,,"
        "wang,2024-03-02\n")
    alias = tomllib.loads(suggest.suggest(corpus))["alias"][0]
    assert (alias["indicator"], alias["measure"], alias["units"]) == (
        "legal_lectures", "普法讲座场次", ["场"])
    assert any(re.search(p, "全年举办普法讲座#。") for p in alias["patterns"])


def test_scope_words_do_not_split_a_group():
    assert suggest.group_key("累计法治宣传活动数") == suggest.group_key("法治宣传活动数")
    assert suggest.group_key("其中全年新增政务服务事项数") == "新增政务服务事项数"
    assert suggest.group_key("其中") == "其中"


# Hand-written processed tables: parts (part_of) and a table from before part_of existed.
_HEAD = "region,year,indicator_id,part_of,value,unit,text,char_start,sentence,section,kind,measure"


def _table(root, region, year, rows, head=_HEAD):
    fileio.write_text(root / "data" / "processed" / region / str(year) / "mentions.csv",
                      head + "\n" + "".join(",".join(r) + "\n" for r in rows))


def _rec(region, year, iid, part_of, value, unit, start, sentence, measure):
    return [region, str(year), iid, part_of, value, unit, value + unit, str(start),
            sentence, "disputes", "count", measure]


@pytest.fixture(scope="module")
def parts_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    closed = "admin_reconsideration_closed"
    for region, total, part, online in (("hexi", "52", "4", "31"), ("songlin", "40", "6", "9")):
        sentence = f"全年审结行政复议案件{total}件，其中县级审结{part}件。"
        _table(root, region, 2023, [
            _rec(region, 2023, closed, "", total, "件", 10, sentence, "审结行政复议案件数"),
            _rec(region, 2023, "", closed, part, "件", 30, sentence, "其中县级审结数"),
            _rec(region, 2023, "", "", online, "件", 60, f"复议网上受理{online}件。",
                 "复议网上受理数"),
        ])
    # written before part_of existed: no such column, every number counts as not a part
    _table(root, "qingshan", 2021,
           [[r for n, r in enumerate(_rec("qingshan", 2021, "", "", "12", "件", 5,
                                          "复议网上受理12件。", "复议网上受理数")) if n != 3]],
           head=_HEAD.replace("part_of,", ""))
    return root


def test_a_part_is_listed_under_its_whole_not_proposed(parts_root):
    groups, _, stats = suggest.collect(parts_root)
    assert [(g.measure, len(g.region_years)) for g in groups] == [("复议网上受理数", 3)]
    assert stats["parts"] == 2 and stats["unnamed"] == 5
    (whole,) = stats["breakdowns"]
    assert whole.indicator_id == "admin_reconsideration_closed"
    assert [(g.measure, g.unit, g.count) for g in whole.groups] == [("其中县级审结数", "件", 2)]
    text = suggest.suggest(parts_root)
    assert [i["zh_name"] for i in tomllib.loads(text)["indicator"]] == ["复议网上受理数"]
    zh = catalogue.load().indicator("admin_reconsideration_closed").zh_name
    assert (f"# breakdowns of admin_reconsideration_closed {zh}: 2 regions, 2 region-years, "
            "2 numbers") in text
    assert ("#   其中县级审结数 (件): 2 regions, 2 region-years, 2 numbers: hexi/2023, "
            "songlin/2023") in text
    assert "#     songlin/2023: 全年审结行政复议案件40件，其中县级审结6件。" in text
    assert "NOT\n# proposed as new indicators" in text
    assert "# 2 numbers without an indicator are parts of a total" in text


def test_min_regions_applies_to_parts_too(parts_root):
    assert "breakdowns of" in suggest.suggest(parts_root, min_regions=2)
    text = suggest.suggest(parts_root, min_regions=3)
    assert "breakdowns of" not in text and "Parts of totals" not in text
    # trial 23: the header said the parts were listed at the end, and none was
    assert ("# an indicator already names (part_of): not proposed; none in at least 3 "
            "regions, so none listed.") in text
    assert [i["zh_name"] for i in tomllib.loads(text)["indicator"]] == ["复议网上受理数"]


def test_a_table_without_part_of_still_counts(parts_root):
    (group,) = suggest.collect(parts_root)[0]
    assert "qingshan/2021" in group.region_years
    runner = CliRunner()
    out = runner.invoke(cli.main, ["catalogue", "suggest", "--root", str(parts_root)])
    assert out.exit_code == 0, out.output
    assert ("# 3 regions, 3 region-years, 3 numbers: hexi/2023, qingshan/2021, songlin/2023"
            in out.output)


def test_a_pattern_is_built_where_the_reviewed_number_stands_not_where_its_text_first_does(
        tmp_path):
    # the same "3件" twice in one sentence: the reviewer's `set` is about the second
    text = "三、依法决策\n全年对重大决策事项开展合法性审查共3件，法律顾问出具书面审查意见3件。"
    ex = _publish(tmp_path, "hexi", 2023, text)
    second = ex.mentions[ex.mentions["text"] == "3件"]["char_start"].max()
    fileio.write_text(
        tmp_path / "data" / "reviews" / "hexi" / "2023.csv",
        "char_start,text,action,indicator_id,value,unit,qualifier,note,reviewer,date\n"
        # (an indicator that counts 件: legal_advisor_services, in 次, is refused)
        f"{second},3件,set,legal_opinions_issued,,,,,li,2024-03-01\n")
    out = suggest.suggest(tmp_path)
    alias = tomllib.loads(out)["alias"][0]
    assert alias["measure"] == "法律顾问出具书面审查意见数"
    own = "全年对重大决策事项开展合法性审查共3件，法律顾问出具书面审查意见#。"
    other = "全年对重大决策事项开展合法性审查共#，法律顾问出具书面审查意见3件。"
    assert alias["patterns"]
    assert all(re.search(p, own) and not re.search(p, other) for p in alias["patterns"])
    assert "# of the alias's 1 sentence, the patterns match 1, 1" in out


def test_marked_sentences_mark_each_number_where_it_stands():
    s = "受理13件，办结3件，其中3件当场办结。"
    rows = [{"char_start": "40", "text": "13件", "sentence": s},
            {"char_start": "46", "text": "3件", "sentence": s},
            {"char_start": "46", "text": "3件", "sentence": s},  # a second reading
            {"char_start": "51", "text": "3件", "sentence": s}]
    assert suggest.marked_sentences(rows) == {
        "40": "受理#，办结3件，其中3件当场办结。", "46": "受理13件，办结#，其中3件当场办结。",
        "51": "受理13件，办结3件，其中#当场办结。"}
    # not a number of its own inside 13件, even when 13件 was not read as one
    assert suggest.marked_sentences(rows[1:2]) == {"46": "受理13件，办结#，其中3件当场办结。"}
    # a hand-edited worksheet's char_start that is no position is skipped, not a crash
    bad = [{**rows[1], "char_start": c} for c in ("inf", "1e999", "nan", "x")]
    assert suggest.marked_sentences(bad) == {}


@pytest.mark.parametrize("sentence, text", [
    ("累计审查1,234件，本年审查234件。", "234件"),       # inside a longer number
    ("召开第3次常务会议，全年共审议3次。", "3次"),        # an ordinal
    ("每季度调解3-5件，全年调解5件。", "5件"),            # a range's end
    ("12月开展专项整治，查处违法案件12", "12"),           # a date
])
def test_a_reviewed_number_is_marked_where_it_is_a_number_of_its_own(sentence, text):
    """A worksheet row alone in its sentence (nothing before it to search after): the
    mark, and so the alias pattern, was put in 1,#, 第#常务会议, 3-#, #月."""
    rows = [{"char_start": "60", "text": text, "sentence": sentence}]
    at = sentence.rindex(text)
    assert suggest.marked_sentences(rows) == {
        "60": sentence[:at] + "#" + sentence[at + len(text):]}


def test_a_guess_that_matches_none_of_its_examples_is_not_proposed(tmp_path):
    # (a label of whole words: 企业数 alone would be too short to be proposed at all)
    g = suggest.Group("受益企业数", "家", region_years={"hexi/2023"}, count=1,
                      examples=[("hexi/2023", "惠及企业，1800家受益。", "惠及企业，#家受益。")])
    g.labels["受益企业数"] += 1
    text = suggest.render([g], [], {"region_years": 1, "numbers": 1, "unnamed": 1,
                                    "no_measure": 0})
    stanza = tomllib.loads(text)["indicator"][0]
    assert stanza["patterns"] == []  # `rol catalogue check` refuses it until written
    assert ("# WRITE THE PATTERN BY HAND: no pattern guessed from the measure matches any "
            "of the group's 1 example sentence above") in text
    assert "the patterns match 0" not in text
    # copied in as it is, the stanza fails the catalogue check until a pattern is written
    path = tmp_path / "indicators.toml"
    path.write_text(catalogue.default_path().read_text(encoding="utf-8") + "\n"
                    + text.replace("en_name = ''", "en_name = 'Firms'"), encoding="utf-8")
    problems, _ = catalogue.check(path)
    assert any("pattern" in p.message(str(path)) for p in problems), problems


def test_an_indicator_a_reviewer_un_named_is_not_hinted_at(tmp_path):
    # Trial 3: a reviewer un-named 99.7% (service_positive_review_rate), and suggest then
    # proposed that very indicator's patterns for its wording
    head = _HEAD + ",review"
    sentence = "对105名党政主要负责人开展述法测评，好评率99.7%。"
    _table(tmp_path, "tongliang", 2024, [
        [*_rec("tongliang", 2024, "", "", "99.7", "%", 30, sentence, "好评率")[:10], "rate",
         "好评率", "set | 李四 | 原读作 99.7 % · service_positive_review_rate"]], head=head)
    text = suggest.suggest(tmp_path)
    assert "close to the existing service_positive_review_rate" not in text
    assert ("# a reviewer un-named service_positive_review_rate from 1 number of this group "
            "(unname): not its wording") in text
    # without the decision, the hint is there (it is the decision that removes it)
    _table(tmp_path, "tongliang", 2024, [
        [*_rec("tongliang", 2024, "", "", "99.7", "%", 30, sentence, "好评率")[:10], "rate",
         "好评率", ""]], head=head)
    assert "close to the existing service_positive_review_rate" in suggest.suggest(tmp_path)


def test_a_pattern_that_matches_numbers_outside_its_group_is_not_proposed(tmp_path):
    # Trial 3: suggest proposed 开展# and patterns that name numbers of other groups; each
    # guess is now counted against every published number's sentence
    for region, text in (("hexi", "全年网上办理业务2474件。"), ("songlin", "网上办理业务310件。"),
                         ("qingshan", "网上办理业务咨询30件。")):
        _publish(tmp_path, region, 2023, "二、政务服务\n" + text)
    text = suggest.suggest(tmp_path)
    stanza = next(i for i in tomllib.loads(text)["indicator"] if i["zh_name"] == "网上办理业务数")
    assert stanza["patterns"] == ["网上办理业务#"]
    assert ("# numbers outside the group they match, in the sentences of all 3 numbers "
            "read: 0") in text
    assert ("# not proposed: '网上办理业务[^，,。；;]{0,8}#' (matches 1 number outside the "
            "group)") in text
    assert not any(re.search(p, "网上办理业务咨询#。") for p in stanza["patterns"])


def test_a_pattern_of_fewer_than_three_characters_is_not_proposed():
    kept, refused = suggest.guess_patterns("开展数", ["开展#"])
    assert kept == []
    assert refused == [("开展[^，,。；;]{0,8}#", "only 2 characters besides '#'"),
                       ("开展#", "only 2 characters besides '#'")]
    lines = suggest._pattern_lines(kept, refused, 1, "alias")
    assert lines[0].startswith("# WRITE THE PATTERN BY HAND") and lines[-1] == "patterns = []"


def test_a_label_cut_out_of_longer_words_is_listed_not_proposed(tmp_path):
    # Trial 3: stanzas were proposed under labels such as 件事数 (of 一件事) and 覆盖数; a
    # label must be whole words of its sentence, 3 characters or more besides its ending
    rows = [
        ("件事数", "3", "个", "谋划9个“综合查一次”场景和3个“监管一件事”。"),
        ("谋划综合查一数", "9", "个", "谋划9个“综合查一次”场景和3个“监管一件事”。"),
        ("覆盖数", "900", "人次", "组织干部学法8次，覆盖900人次。"),
        ("形式习近平法治思想专题学习数", "6", "场",
         "借助支部会、主题党日等形式组织习近平法治思想专题学习6场。"),
        ("行政复议审结数", "45", "件", "行政复议方面，全年办结45件。"),
    ]
    _table(tmp_path, "taojia", 2025, [
        _rec("taojia", 2025, "", "", value, unit, 10 * n + sentence.index(value), sentence,
             measure) for n, (measure, value, unit, sentence) in enumerate(rows)])
    text = suggest.suggest(tmp_path)
    assert [i["zh_name"] for i in tomllib.loads(text)["indicator"]] == ["行政复议审结数"]
    assert ("# 1 group in at least 1 region (of 5; the years of one region count once), and "
            "4 groups whose label is not whole words of its sentences, listed at the end, not "
            "proposed.") in text
    for measure, _, unit, _ in rows[:4]:
        assert f"#   {measure} ({unit}): 1 region, 1 region-year, 1 number: taojia/2025" in text
    assert "#     taojia/2025: 组织干部学法8次，覆盖900人次。" in text


# Trial 5 F11: a label opening inside a word, and --min-regions counting one county's years.
def test_a_label_opening_inside_a_word_is_not_proposed(tmp_path):
    # 件 is the tail of 文件: 件、合同协议数 names no statistic (and no hint at the
    # contract filings it shares characters with)
    _publish(tmp_path, "hexi", 2023,
             "一、依法决策\n全年审查镇政府及党政办公室拟发文件、合同协议等58件，提出意见70条。")
    _publish(tmp_path, "songlin", 2023,
             "一、依法决策\n审查区政府及其办公室拟印发文件、合同协议等74件。")
    text = suggest.suggest(tmp_path)
    assert "件、合同协议数" not in [i["zh_name"] for i in
                                    tomllib.loads(text).get("indicator", [])]
    assert "#   件、合同协议数 (件): 2 regions, 2 region-years, 2 numbers" in text
    assert "close to the existing contracts_filed" not in text
    assert not suggest.whole_label("件、合同协议数", ["审查拟发文件、合同协议等#件。"])
    # a list that opens the clause is whole words: 县、乡 stands after a comma
    assert suggest.whole_label("县、乡两级调解组织数", ["全市，县、乡两级调解组织#个。"])


def test_min_regions_counts_regions_not_the_years_of_one(tmp_path):
    # dongshan states 县委巡察 two years running; only hexi and songlin share 进驻率
    for region, year, text in [
            ("dongshan", 2023, "一、组织领导\n全年开展县委巡察3轮。"),
            ("dongshan", 2024, "一、组织领导\n全年开展县委巡察4轮，问题全部整改。"),
            ("hexi", 2024, "二、政务服务\n政务服务事项进驻率达到96.5%。"),
            ("songlin", 2024, "二、政务服务\n政务服务事项进驻率98.1%。")]:
        _publish(tmp_path, region, year, text)
    two = suggest.suggest(tmp_path, min_regions=2)
    assert [i["zh_name"] for i in tomllib.loads(two)["indicator"]] == ["政务服务事项进驻率"]
    one = suggest.suggest(tmp_path)
    assert "县委巡察轮数" in [i["zh_name"] for i in tomllib.loads(one)["indicator"]]
    assert "# 1 region, 2 region-years, 2 numbers: dongshan/2023, dongshan/2024" in one
    assert "# Read 4 region-years (3 regions)" in two
    assert "1 group in at least 2 regions" in two
    # what is shared by regions ranks before what one region states year after year
    ranked = [g.measure for g in suggest.collect(tmp_path)[0]]
    assert ranked[:2] == ["政务服务事项进驻率", "县委巡察轮数"]


# Trial 5 F9: --min-regions printed single-region aliases, a pattern held one report's
# figure (实现20类#) and pattern pieces were cut out of words (行案 of 执行案件).
def test_min_regions_holds_for_aliases_too(root, tmp_path):
    corpus = _reviewed(root, tmp_path)
    one = suggest.suggest(corpus)
    assert len(tomllib.loads(one)["alias"]) == 1
    assert "# 1 alias from reviewers' set decisions in at least 1 region (of 1)." in one
    assert "# 1 region, 1 region-year: hexi/2023" in one
    two = suggest.suggest(corpus, min_regions=2)
    assert "alias" not in tomllib.loads(two)
    assert "# 0 aliases from reviewers' set decisions in at least 2 regions (of 1)." in two


def test_a_pattern_never_holds_a_reports_figure():
    kept, refused = suggest.guess_patterns("实现20类事项数", ["乡镇可办实现20类事项#。"])
    assert ("实现20类事项[^，,。；;]{0,8}#", "holds a figure (20) of one report") in refused
    assert kept and not any(re.search(r"\d", suggest._bare(p)) for p, _ in kept)
    # the words before the number never reach back over another number (20类): 项实现20类#
    # was guessed, a cut word (事项) and one report's figure
    kept, refused = suggest.guess_patterns("数", ["乡镇可办事项实现20类#。"])
    assert kept == [] and refused == [("数[^，,。；;]{0,8}#", "matches none of them")]
    kept, _ = suggest.guess_patterns("下放事项数", ["向乡镇下放事项实现20类#。"])
    assert kept and not any(re.search(r"\d", suggest._bare(p)) for p, _ in kept)


def _pieces(patterns) -> set[str]:
    """The words of guessed patterns: what stands between their gaps and '#'."""
    return {w for p in patterns for w in re.split(r"\[[^\]]*\]\{\d*,?\d*\}|#", p) if w}


@pytest.mark.parametrize("measure, sentence, whole, cut, others", [
    # reviewer trial, session 22: 晓率 of 知晓率, 训班 of 培训班 (the measure's first and
    # last two characters)
    ("法治宣传教育知晓率", "群众对法治宣传教育的知晓率达#。", "知晓率", "晓率", []),
    ("举办法治培训班数", "全年举办法治专题培训班#期。", "培训班", "训班", []),
    # cut by the gold sets' unnamed groups (rol catalogue suggest over tests/data)
    ("涉及劳动者数", "为涉及劳动者#人追回工资。", "劳动者", "动者", []),
    ("AQI优良率", "全年AQI优良率为#。", "AQI", "AQ", []),
    # the measure's ending 额 cut, 处罚金 cut out of 处罚金额
    ("所涉处罚金额", "办结案件12件，所涉处罚金额#。", "所涉处罚金额", "所涉处罚金", []),
    # the six characters before the number: 年召开党委会 (全年), 期、专题研讨 (3期);
    # 审查[^，,。；;]{0,12}盖率 (覆盖率)
    # (党委会[^，,。；;]{0,8}# would name another group's 召开专题党委会#次)
    ("党委会数", "全年召开党委会#次。", "召开党委会", "年召开党委会", ["召开专题党委会#次。"]),
    ("专题研讨数", "举办培训班3期、专题研讨#次。", "专题研讨", "期、专题研讨",
     ["专题研讨会议#次。"]),
    ("审查覆盖率", "重大行政决策合法性审查覆盖率达到#。", "覆盖率", "盖率", []),
])
def test_guessed_patterns_are_whole_words(measure, sentence, whole, cut, others):
    kept, refused = suggest.guess_patterns(
        measure, [sentence], lambda p: sum(1 for o in others if re.search(p, o)))
    assert kept, refused
    pieces = _pieces(p for p, _ in kept + refused)
    assert cut not in pieces
    assert any(whole in w for w in pieces), pieces
    # and each still finds its number
    assert all(re.search(p, sentence) for p, _ in kept)


def test_the_words_before_the_number_grow_where_a_few_would_name_other_numbers():
    # 专题党委会# would also name another group's 区委召开专题党委会5次: the whole words
    # before it, up to 10 characters, are guessed then (the cut 开专题党委会# was before)
    others = ["区委召开专题党委会#次。"]
    kept, refused = suggest.guess_patterns(
        "专题党委会数", ["全年召开专题党委会#次，研究法治工作。"],
        lambda p: sum(1 for o in others if re.search(p, o)))
    assert [p for p, _ in kept] == ["全年召开专题党委会#"]
    assert ("专题党委会#", "matches 1 number outside the group") in refused


# Reports where the guesses used to cut words: 居民[^，,。；;]{0,12}晓率, 育的知晓率达#,
# AQ[^，,。；;]{0,12}良率 (the measure's first and last two characters, the six before the
# number).
WORDY = {
    "hexi": "五、普法宣传\n群众对法治宣传教育的知晓率达92%。为涉及劳动者350人追回工资。"
            "全年AQI优良率为88.5%。",
    "songlin": "四、普法依法治理\n法治宣传教育知晓率为95%。为涉及劳动者120人追回欠薪。",
    "qingshan": "三、普法\n居民法治宣传教育知晓率达到90%，全市AQI优良率为91%。",
}


def test_pasted_suggestions_pass_the_check_and_name_their_own_numbers(tmp_path):
    """The analyst's loop: suggest, paste the stanzas that have patterns (an id and an
    English name written), check the catalogue, rebuild: each new indicator names the
    numbers of its own group, and no other."""
    for region, text in WORDY.items():
        _publish(tmp_path, region, 2023, text)
    out = suggest.suggest(tmp_path)
    pieces = _pieces(re.findall(r"'([^']*#[^']*)'", out))
    # (居民法治宣传教育知晓率 and 法治宣传教育知晓率 are one statistic: one stanza, whose
    # pattern takes the words both share)
    assert {"法治宣传教育知晓率", "AQI", "优良率"} <= {
        w for p in pieces for w in re.split(r"[\\(){}?:|]", p)}
    assert not pieces & {"晓率", "良率", "AQ", "育的知晓率达"}, pieces
    stanzas, names = [], {}
    for n, block in enumerate(out.split("\n\n")):
        if "[[indicator]]" not in block or "patterns = []" in block:
            continue
        data = tomllib.loads(block[block.index("[[indicator]]"):])["indicator"][0]
        iid = f"new_indicator_{n}"
        names[iid] = data["zh_name"]
        stanzas.append(block.replace(f"id = '{data['id']}'", f"id = '{iid}'")
                       .replace("en_name = ''", f"en_name = 'New indicator {n}'"))
    assert len(stanzas) >= 3, out
    path = tmp_path / "indicators.toml"
    path.write_text(catalogue.default_path().read_text(encoding="utf-8") + "\n"
                    + "\n\n".join(stanzas) + "\n", encoding="utf-8")
    problems, _ = catalogue.check(path)
    assert problems == [], [p.message(str(path)) for p in problems]
    cat = catalogue.load(str(path))
    named, measures = {}, {}
    for region, text in WORDY.items():
        rows = extract.extract_text(text, region, 2023, catalogue=cat).mentions
        for rec in rows.to_dict("records"):
            measures[(region, rec["text"])] = rec["measure"]
            if rec["indicator_id"].startswith("new_indicator_"):
                named[(region, rec["text"])] = names[rec["indicator_id"]]
    # every rate of 知晓率 and AQI优良率, each under its own group's name, nothing else;
    # 居民法治宣传教育知晓率 under the name of the group it was merged into
    assert set(named) == {("hexi", "92%"), ("hexi", "88.5%"), ("songlin", "95%"),
                          ("qingshan", "90%"), ("qingshan", "91%")}
    assert named[("hexi", "92%")] == "知晓率"
    assert named[("hexi", "88.5%")] == named[("qingshan", "91%")] == "AQI优良率"
    assert named[("qingshan", "90%")] == named[("songlin", "95%")] == "法治宣传教育知晓率"
    assert measures[("qingshan", "90%")] == "居民法治宣传教育知晓率"


def test_only_suggest_loads_the_word_segmenter():
    # the dictionary (a few MB, ~0.1 s) is suggest's: rol build and the notebooks never
    # load it
    import subprocess
    import sys

    code = ("import sys\nfrom rol_analysis import cli, extract, suggest\n"
            "extract.extract_text('五、普法\\n法治宣传教育知晓率为95%。', 'hexi', 2023)\n"
            "before = 'rjieba' in sys.modules\n"
            "suggest.guess_patterns('法治宣传教育知晓率', ['法治宣传教育知晓率为#。'])\n"
            "print(before, 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out == ["False", "True"]


@pytest.mark.parametrize("measure, sentence", [
    ("办理执行案件数", "依法办理执行案件#，执结率90%。"),
    ("办理刑事案件数", "依法办理刑事案件#。")])
def test_pattern_pieces_are_whole_words(measure, sentence):
    # 件数 is cut as the ending only where the sentence does not write 案件 as one word
    kept, _ = suggest.guess_patterns(measure, [sentence])
    assert kept and all("案件" in p for p, _ in kept)
    pieces = {w for p, _ in kept for w in re.split(r"\[[^\]]*\]\{\d*,?\d*\}|#", p) if w}
    assert not pieces & {"行案", "事案"} and any(w.endswith("案件") for w in pieces)
    assert suggest._stem("行政复议申请受理件数", ["受理行政复议申请#。"]) == "行政复议申请受理"


def test_a_group_counted_in_another_unit_is_not_sent_to_the_indicator_of_its_words(tmp_path):
    # reviewer trial, session 21: 评查2次 beside 抽查案卷210卷 got the hint "maybe the patterns
    # of case_file_reviews (files, 卷) need this wording" and the very name of that indicator,
    # which would have made case_file_reviews take the count of review rounds
    g = suggest.Group("行政执法案卷评查数", "次", region_years={"hexi/2024"}, count=1,
                      examples=[("hexi/2024", "开展行政执法案卷评查2次，抽查案卷210卷。",
                                 "开展行政执法案卷评查#次，抽查案卷210卷。")])
    g.labels["行政执法案卷评查数"] += 1
    text = suggest.render([g], [], {"region_years": 1, "numbers": 1, "unnamed": 1,
                                    "no_measure": 0})
    assert ("# close to the existing case_file_reviews (行政执法案卷评查数), which counts in "
            "卷/份/件/宗/个/本, not 次: probably another thing counted") in text
    assert "maybe its patterns need this wording instead" not in text
    assert ("# zh_name: case_file_reviews already has this name; rol catalogue check refuses "
            "two indicators with one name: rename this one") in text
    # pasted in as printed (with an English name), the check refuses the name and the id
    path = tmp_path / "indicators.toml"
    path.write_text(catalogue.default_path().read_text(encoding="utf-8") + "\n"
                    + text.replace("en_name = ''", "en_name = 'Review rounds'"),
                    encoding="utf-8")
    messages = [p.message(str(path)) for p in catalogue.check(path)[0]]
    assert any("is also the name of case_file_reviews" in m for m in messages), messages
    assert any("placeholder rol catalogue suggest printed" in m for m in messages), messages


def test_numbers_reviewers_marked_new_come_first_under_the_name_they_proposed(root, tmp_path):
    corpus, _ = _decided(root, tmp_path, [("52项", "new", "政务服务事项新增数")])
    text = suggest.suggest(corpus)
    data = tomllib.loads(text)
    first = data["indicator"][0]
    assert (first["zh_name"], first["units"], first["kind"]) == ("政务服务事项新增数", ["项"],
                                                                "count")
    assert any(re.search(p, "全年新增政务服务事项#，网上办理业务2474件。")
               for p in first["patterns"])
    assert "# 1 new indicator reviewers asked for (`new` decisions)" in text
    # the same wording in the other reports is the same statistic: joined to it
    assert ("# 3 regions, 3 region-years, 3 numbers: hexi/2023, qingshan/2024, "
            "songlin/2023; marked new by li (and 2 numbers of the same measure no reviewer "
            "marked)") in text
    assert "#   hexi/2023: 全年新增政务服务事项52项" in text
    # ... and no longer a group of the machine's, below it
    assert all(i["zh_name"] != "新增政务服务事项数" for i in data["indicator"])
    assert data["indicator"][1]["zh_name"] == "网上办理业务数"


def test_a_set_the_indicators_definition_excludes_proposes_no_alias(root, tmp_path):
    # reviewer trial: a slip (a 件 count set to an indicator of 次, a change set to a rate)
    # grew the catalogue by an alias; a set! names a number so on purpose: no alias either
    corpus, at = _decided(root, tmp_path, [("52项", "set!", "admin_approval_items"),
                                           ("2474件", "set", "legal_advisor_services")])
    text = suggest.suggest(corpus)
    assert "alias" not in tomllib.loads(text)
    assert "# 2 set decisions whose indicator's definition excludes the number" in text
    assert (f"#   hexi/2023 char_start {at['2474件']} '2474件' (set "
            "legal_advisor_services): legal_advisor_services takes 次, not 件") in text
    assert (f"#   hexi/2023 char_start {at['52项']} '52项' (set! "
            "admin_approval_items): set!: named knowingly against") in text


# Trial 23: what a pasted suggestion would name wrongly.
def _row(region, year, start, value, unit, sentence, measure, kind="count", iid=""):
    return [region, str(year), iid, "", value, unit, value + unit, str(start), sentence,
            "enforcement", kind, measure]


def test_a_stated_change_is_left_out_with_one_line_saying_why(tmp_path):
    # 较上年减少3卷 was proposed as an indicator 发现问题案卷变化 with the pattern 较上年减少#
    for region, found, fewer in (("hexi", "15", "3"), ("songlin", "18", "4")):
        sentence = f"抽查案卷240卷，发现问题案卷{found}卷，较上年减少{fewer}卷。"
        _table(tmp_path, region, 2024, [
            _row(region, 2024, 12, found, "卷", sentence, "发现问题案卷数"),
            _row(region, 2024, 22, fewer, "卷", sentence, "发现问题案卷变化", "change")])
    text = suggest.suggest(tmp_path)
    assert [i["zh_name"] for i in tomllib.loads(text)["indicator"]] == ["发现问题案卷数"]
    assert "较上年减少" not in "".join(tomllib.loads(text)["indicator"][0]["patterns"])
    assert ("# 1 group of stated changes left out (发现问题案卷变化): a change is no "
            "statistic of its own but the year-over-year check of its level's indicator."
            ) in text.splitlines()


def test_an_alias_never_carries_a_wrong_label_or_a_frame_only_pattern(tmp_path):
    # A reviewer set 总数达1770名 (labelled 法律援助数 by the machine) to
    # legal_literate_villagers: the alias proposed measure 法律援助数 and the pattern
    # 总数达#, which names any 总数达N名 as 法律明白人
    sentence = "新培育农村“法律明白人”310名，总数达1770名。"
    _table(tmp_path, "qinglan", 2024, [
        _row("qinglan", 2024, 11, "310", "名", sentence, "新培育农村法律明白人数",
             iid="legal_literate_villagers"),
        _row("qinglan", 2024, 20, "1770", "名", sentence, "法律援助数")])
    fileio.write_text(
        tmp_path / "data" / "reviews" / "qinglan" / "2024.csv",
        "char_start,text,action,indicator_id,value,unit,qualifier,note,reviewer,date\n"
        "20,1770名,set,legal_literate_villagers,,,,总数,li,2026-11-30\n")
    text = suggest.suggest(tmp_path)
    (alias,) = tomllib.loads(text)["alias"]
    assert alias["indicator"] == "legal_literate_villagers" and alias["patterns"] == []
    assert "measure" not in alias and "measure = '法律援助数'" not in text
    assert ("# measure: none; the label the machine read holds no word of the number's "
            "clause: the reviewer's set says it was a wrong guess") in text
    assert ("'总数达#': only words that frame the numbers of many statistics (总数、达), "
            "none of what it counts") in text


def test_frame_words_come_from_the_gold_sets_and_are_current():
    import importlib.util
    from pathlib import Path

    from rol_analysis import words

    spec = importlib.util.spec_from_file_location(
        "frame_words", Path(__file__).with_name("frame_words.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = script.OUT.read_text(encoding="utf-8")
    assert shipped == script.text(), "run .venv/bin/python tests/frame_words.py"
    frames = words.frame_words()
    assert {"总数", "达", "共计", "累计", "达到"} <= frames
    assert not {"案件", "培训", "事项", "调解", "法律明白人"} & frames
    assert words.only_frame(["累计", "达到"]) == ["累计", "达到"]
    assert words.only_frame(["调解纠纷"]) == []


def test_a_label_standing_whole_in_its_sentence_is_proposed(tmp_path):
    # 免罚金额: two characters besides its ending, but the report's own words
    # (免罚金额171.6万元): it was listed under "cut out of longer words"
    for region, value in (("liutang", "1716000"), ("qinglan", "1362000")):
        sentence = "对市场主体免罚530次，免罚金额171.6万元。"
        _table(tmp_path, region, 2024, [
            _row(region, 2024, 18, value, "元", sentence.replace("171.6万", value),
                 "免罚金额", "amount")])
    assert suggest.whole_label("免罚金额", ["对市场主体免罚530次，免罚金额#。"])
    assert not suggest.whole_label("覆盖数", ["组织干部学法8次，覆盖#。"])
    text = suggest.suggest(tmp_path)
    assert [i["zh_name"] for i in tomllib.loads(text)["indicator"]] == ["免罚金额"]
    assert "not whole words" not in text


# Trial 26: one statistic each county words its own way (invented reports). Alone, each
# wording was a one-county group, and `--min-regions 2` listed none.
SAME_STATISTIC = {
    "anping": "二、政务服务\n成立帮办代办服务队，全年帮办代办企业事项1960件。"
              "归集电子证照41类。容缺受理事项98件。",
    "baishi": "二、政务服务\n县政务服务中心设代办帮办窗口，全年代办业务1384件。上线电子证照52类。",
    "chengdong": "二、政务服务\n开设帮办代办窗口，全年帮办代办服务2665件，办结2601件。",
    "dongxi": "二、政务服务\n帮办代办服务企业群众2210件次，办结2187件。",
}


@pytest.fixture(scope="module")
def wordings(tmp_path_factory):
    root = tmp_path_factory.mktemp("wordings")
    for region, text in SAME_STATISTIC.items():
        _publish(root, region, 2023, text)
    return root


def test_one_statistic_worded_several_ways_is_one_group_ranked_first(wordings):
    groups, _, _ = suggest.collect(wordings)
    top = groups[0]
    assert top.unit == "件"
    assert suggest.regions(top.region_years) == {"anping", "baishi", "chengdong"}
    assert set(top.labels) == {"帮办代办企业事项数", "代办业务数", "帮办代办服务数"}
    # what differs in a stage verb (办结) or the act (归集 / 上线) stays apart
    by_label = {k: g for g in groups for k in g.labels}
    assert by_label["帮办代办服务办结数"] is not top
    assert by_label["归集电子证照数"] is not by_label["上线电子证照数"]
    text = suggest.suggest(wordings, min_regions=2)
    assert "# 2 groups in at least 2 regions" in text
    stanza = text.split("\n\n")[1]
    # every county's sentence is shown, with its region-year
    for region in ("anping", "baishi", "chengdong"):
        assert f"#   {region}/2023: " in stanza
    data = tomllib.loads(stanza[stanza.index("[[indicator]]"):])["indicator"][0]
    # the words the wordings share first; dongxi's 2210件次 is the same statistic in
    # another unit, no number outside the group
    assert data["patterns"][0] == "帮办代办[^，,。；;]{0,8}#"
    assert "# numbers outside the group they match" in stanza


def test_a_number_of_the_same_statistic_is_not_outside_the_group():
    corpus = suggest.Sentences()
    corpus.add(("a/2022", "1"), set(), "受众群众#。", "受众群众数")
    corpus.add(("a/2023", "1"), set(), "开展活动380场次，受众群众#。", "受众群众数")
    corpus.add(("b/2023", "1"), set(), "受众群众参加培训#。", "受众群众培训数")
    members = {("a/2023", "1")}
    assert corpus.outside("受众群众#", members) == 1
    assert corpus.outside("受众群众#", members, labels=("受众群众数",)) == 0
    # a number of another statistic still counts against the pattern
    assert corpus.outside("受众群众[^，,。；;]{0,8}#", members, labels=("受众群众数",)) == 1


def test_a_number_the_catalogue_names_is_outside_the_group_even_of_the_same_statistic():
    # read-back B: group 受理涉企行政复议案件数, pattern 行政复议案件# matching a number named
    # admin_reconsideration_received: the proposal would collide with that indicator
    corpus = suggest.Sentences()
    corpus.add(("a/2023", "1"), set(), "受理涉企行政复议案件#。", "受理涉企行政复议案件数")
    corpus.add(("b/2023", "1"), {"admin_reconsideration_received"}, "受理行政复议案件#。",
               "受理涉企行政复议案件数")
    assert corpus.outside("行政复议案件#", {("a/2023", "1")},
                          labels=("受理涉企行政复议案件数",)) == 1


def test_a_shared_verb_alone_is_no_hint_of_an_existing_indicator(wordings):
    # 容缺受理事项数 and petitions_received 受理信访事项数 share 受理 (and 事项): two things
    text = suggest.suggest(wordings)
    block = next(b for b in text.split("\n\n") if "zh_name = '容缺受理事项数'" in b)
    assert "close to the existing" not in block
    assert suggest.same_statistic("代办业务数", "帮办代办企业事项数")
    assert not suggest.same_statistic("容缺受理事项数", "受理信访事项数")


@pytest.mark.parametrize(("a", "b"), [("行政复议案件数", "涉企行政复议案件数"),
                                      ("行政复议案件数", "涉及民营企业的行政复议案件数")])
def test_a_narrowed_statistic_is_not_the_whole_one(a, b):
    # read-back B: 涉企 (专项, 涉及…的: yoy's scope words) counts one kind of the whole's
    # things, so the two are not joined into one proposal
    assert not suggest.same_statistic(a, b)
