"""Reviewers' corrections: the review file, `rol review`, and the round trip through a build."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import SEED, make_root
from conftest import rol_here as rol

from rol_analysis import layout, reviews
from rol_analysis.exceptions import InputError

RAW = SEED.read_text(encoding="utf-8")


def _write(path, rows, columns=reviews.COLUMNS):
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _at(text: str, after: str = "") -> int:
    return RAW.index(text, RAW.index(after) if after else 0)


@pytest.mark.parametrize(("row", "problem"), [
    ({"action": "approve"}, "unknown action 'approve'"),
    ({"action": "set", "value": "八百"}, "value '八百' is not a plain decimal number"),
    ({"action": "set", "indicator_id": "no_such_thing"}, "is not in the catalogue"),
    ({"action": "set", "qualifier": "roughly"}, "qualifier 'roughly' is unknown"),
    ({"action": "set"}, "set changes nothing"),
    ({"action": "add", "value": "3"}, "add needs indicator_id, value and unit"),
    ({"action": "confirm", "char_start": "x"}, "is not a position"),
    ({"action": "confirm", "char_start": "1_0"}, "is not a position"),
])
def test_malformed_review_rows_name_file_row_and_fix(tmp_path, row, problem):
    path = tmp_path / "2023.csv"
    base = {"char_start": "10", "text": "849件"}
    _write(path, [{"char_start": "0", "text": "x"}, {**base, **row}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    msg = err.value.message
    assert str(path) in msg and "row 3" in msg and problem in msg
    assert "README" in msg or "Use" in msg or "Write" in msg or "Fill" in msg or "Give" in msg


@pytest.mark.parametrize(("typed", "meant"), [("confrim", "confirm"), ("Exlcude", "exclude"),
                                             ("unamne", "unname"), ("approve", None)])
def test_a_mistyped_action_is_told_the_action_it_is_close_to(tmp_path, typed, meant):
    """Trial 4 (F16): `confrim` got "unknown action 'confrim'" and no hint."""
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", "action": typed}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    msg = err.value.message
    assert f"row 2: unknown action {typed!r}. " in msg
    assert (f"Did you mean {meant!r}? Use one of" in msg) if meant else "Did you mean" not in msg


@pytest.mark.parametrize(("cells", "problem"), [
    ({"ocr_check": "confirm", "reviewer": "李四"},
     "the action 'confirm' is in the ocr_check column and the action column is empty"),
    ({"stale": "Set", "indicator_id": "disputes_mediated"},
     "the action 'Set' is in the stale column"),
    ({"indicator_id": "disputes_mediated", "reviewer": "李四"},
     "indicator_id, reviewer filled in but action is empty"),
])
def test_a_row_with_a_decision_but_no_action_is_refused_not_skipped(tmp_path, cells, problem):
    """Trial 24: `confirm` typed one column to the left was skipped: the build applied
    nothing and said nothing."""
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", **cells}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    msg = err.value.message
    assert f"{path}, row 2: {problem}" in msg and "decides nothing" in msg
    assert "action" in msg.split(". ", 1)[1]  # the fix says where the action goes


def test_a_row_with_cells_beyond_the_header_is_refused(tmp_path):
    path = tmp_path / "2023.csv"
    _write(path, [])
    # a cell inserted before note shifts the reviewer and date past the header
    row = ["10", "849件"] + [""] * (len(reviews.FOUND) + 7) + ["李四", "2026-11-30"]
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerow(row)
    with pytest.raises(InputError) as err:
        reviews.read(path)
    assert "row 2: the row has 20 or more cells, the header 19" in err.value.message
    assert "'2026-11-30' stand beyond the last column" in err.value.message


def test_a_note_alone_leaves_a_row_undecided(tmp_path):
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", "note": "confirm later"}])
    assert reviews.read(path) == []


def test_rol_build_refuses_an_action_in_the_wrong_column_and_publishes_nothing(tmp_path):
    root = make_root(tmp_path / "p")
    _write(reviews.review_file(root, "weibin", 2023),
           [{"char_start": str(_at("849件")), "text": "849件", "ocr_check": "confirm",
             "reviewer": "李四"}])
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr + proc.stdout
    assert "2023.csv, row 2: the action 'confirm' is in the ocr_check column" in msg
    assert "Move 'confirm' to the action column" in msg
    assert not (root / "reports" / "weibin" / "2023").exists()


@pytest.mark.parametrize("value", ["1e3", "5_5", "0x10", "５", "1,2,3", "nan", "inf",
                                   "95.87%", "1.", ".5", "+5"])
def test_a_value_that_is_not_a_plain_decimal_number_is_refused(tmp_path, value):
    """The README says digits: float() alone would read 1e3 as 1000 and 5_5 as 55."""
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", "action": "set", "value": value}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    assert f"row 2: value {value!r} is not a plain decimal number" in err.value.message
    assert "no exponent" in err.value.message


@pytest.mark.parametrize(("value", "read"), [(" 850 ", 850), ("1,250", 1250),
                                             ("95.87", 95.87), ("-5", -5)])
def test_plain_decimal_values_are_read_spaces_around_them_ignored(tmp_path, value, read):
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", "action": "set", "value": value}])
    assert reviews.read(path)[0].value == read


def test_rol_review_refuses_an_exponent_value_with_exit_2(tmp_path):
    root = make_root(tmp_path / "p")
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [{"char_start": str(_at("849件")), "text": "849件", "action": "set",
                    "value": "1e3", "reviewer": "李四"}])
    before = sheet.read_bytes()
    proc = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr + proc.stdout
    assert "2023.csv, row 2: value '1e3' is not a plain decimal number" in msg
    assert sheet.read_bytes() == before  # refused, not rewritten


def test_every_bad_row_is_listed_in_one_message_and_a_unit_must_be_the_texts(tmp_path):
    # The trial's file: an exponent, a negative count and 2号 added with unit 次 took
    # three builds, one message each, and the third was published (号 never checked).
    root = make_root(tmp_path / "p")
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [
        {"char_start": str(_at("849件")), "text": "849件", "action": "set", "value": "1e3",
         "reviewer": "李四"},
        {"text": "5件", "action": "add", "indicator_id": "disputes_mediated", "value": "-5",
         "unit": "件", "reviewer": "李四"},
        {"text": "2号", "action": "add", "indicator_id": "law_exams_held", "value": "2",
         "unit": "次", "reviewer": "李四"},
        {"char_start": str(_at("849件")), "text": "849件", "action": "confirm",
         "reviewer": "李四"},
    ])
    proc = rol("validate", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr
    assert "Traceback" not in msg and "3 rows need correcting" in msg
    assert "row 2: value '1e3' is not a plain decimal number" in msg
    assert "row 3 (add '5件'): the value -5 is negative" in msg
    assert "row 4: unit '次' is not the counting word of the text '2号'" in msg
    assert "Write unit '号'" in msg
    assert "row 5" not in msg


def test_rows_refused_when_applied_are_listed_with_the_others_in_one_message(tmp_path):
    # A stale char_start, an add of a number already extracted and a part set above its
    # whole were found only when the decisions were applied, one per build.
    root = make_root(tmp_path / "p")
    aid = _at("751件")
    _write(reviews.review_file(root, "weibin", 2023), [
        {"char_start": str(_at("849件") + 1), "text": "849件", "action": "confirm",
         "reviewer": "李四"},
        {"char_start": str(_at("13件")), "text": "13件", "action": "set", "value": "1e3",
         "reviewer": "李四"},
        {"char_start": str(_at("273名")), "text": "273名", "action": "add",
         "indicator_id": "people_mediators", "value": "273", "unit": "名", "reviewer": "李四"},
        {"char_start": str(aid), "text": "751件", "action": "set", "value": "900",
         "indicator_id": "disputes_mediated_successfully", "reviewer": "李四"},
        {"char_start": str(_at("54个")), "text": "54个", "action": "confirm",
         "reviewer": "李四"},
    ])
    proc = rol("validate", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr
    assert "Traceback" not in msg and "4 rows need correcting" in msg, msg
    rows = [line for line in msg.splitlines() if line.startswith("  - ")]
    assert [r.split(", row ")[1][0] for r in rows] == ["2", "3", "4", "5"]
    assert "row 2: the raw report no longer has '849件'" in rows[0]
    assert "row 3: value '1e3' is not a plain decimal number" in rows[1]
    assert "row 4: '273名' at" in rows[2] and "use set (or confirm) instead of add" in rows[2]
    assert (f"row 5 (set at char_start {aid}, '751件'): with it "
            "disputes_mediated_successfully (调解成功纠纷数) 900 件 (this row) is above "
            "disputes_mediated") in rows[3]
    assert "row 6" not in msg


@pytest.mark.parametrize(("text", "unit"), [
    ("849件", "件"), ("3个部门", "个"), ("1,020 人次", "人次"), ("8600余人", "人"),
    ("3.27亿元", "元"), ("96.4%", "%"), ("2595", "次")])
def test_a_unit_that_is_the_texts_counting_word_is_accepted(tmp_path, text, unit):
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": text, "action": "set", "unit": unit}])
    assert reviews.read(path)[0].unit == unit


def test_missing_columns_say_how_to_refresh(tmp_path):
    path = tmp_path / "2023.csv"
    _write(path, [{"action": "confirm"}], columns=["action", "char_start"])
    with pytest.raises(InputError, match="columns text, indicator_id.*rol review"):
        reviews.read(path)


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    """`rol review` -> decisions typed in -> `rol build`, on a copy of the seed."""
    root = make_root(tmp_path_factory.mktemp("reviews") / "p")
    proc = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = _read(sheet)
    first = sheet.read_bytes()
    by_text = {}
    for r in rows:
        by_text.setdefault(r["text"], r)
    mediated, mediators = by_text["849件"], by_text["273名"]
    # The decisions exercise the mechanics on the seed (every number of which extraction
    # reads right): the survey's 2 days are excluded and the 365 days added in their place.
    not_a_stat = next(r for r in rows if r["found_indicator_id"] == "delegation_survey_days")
    mediated.update(action="set", value="850", note="misread", reviewer="李四",
                    date="2024-03-01")
    mediators.update(action="confirm", reviewer="李四", date="2024-03-01")
    not_a_stat.update(action="exclude", reviewer="王五", note="not a statistic")
    missed = _missed_number(rows)
    rows.append({"char_start": str(missed[0]), "text": missed[1], "action": "add",
                 "indicator_id": "delegation_survey_days", "value": missed[2], "unit": "天",
                 "reviewer": "王五", "date": "2024-03-02"})
    _write(sheet, rows)
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root)
    return root, proc, first, build, dict(mediated=mediated, mediators=mediators,
                                           excluded=not_a_stat, missed=missed)


def _missed_number(rows):
    """A number extraction does not list (365天 of "全年365天不打烊"), so ``add`` applies."""
    start = RAW.index("365天")
    assert all(int(r["char_start"]) != start for r in rows)
    return start, "365天", "365"


def test_rol_review_lists_every_number_with_empty_decisions(round_trip):
    root, proc, first, _, _ = round_trip
    assert first.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(first.decode("utf-8-sig"))))
    assert list(rows[0]) == reviews.COLUMNS
    mentions = pd.read_csv(root / "data" / "processed" / "weibin" / "2023" / "mentions.csv",
                           encoding="utf-8-sig", keep_default_na=False)
    # every published number (bar the excluded one, plus the added one) is in the sheet
    assert len(rows) >= mentions["char_start"].nunique() - 1
    assert all(r["action"] == "" and r["reviewer"] == "" for r in rows)
    for r in rows:
        s = int(r["char_start"])
        assert RAW[s:s + len(r["text"])] == r["text"]
        assert r["sentence"] and r["found_value"]
        # every seed number is named: its name is among the candidates offered
        for iid in r["found_indicator_id"].split(";"):
            assert iid + " " in r["candidates"] and "未归入" not in r["candidates"]
    assert "2023.csv" in proc.stdout


def test_decisions_reach_tables_validation_brief_and_index(round_trip):
    root, _, _, build, d = round_trip
    assert build.returncode == 0, build.stdout + build.stderr
    out = root / "data" / "processed" / "weibin" / "2023"
    ind = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", keep_default_na=False)
    men = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    row = ind.set_index("indicator_id").loc["disputes_mediated"]
    assert row["value"] == 850 and row["review"].startswith("set | 李四")
    assert "原读作 849 件" in row["review"]
    assert ind.set_index("indicator_id").loc["people_mediators", "review"] == "confirm | 李四"
    added = ind.set_index("indicator_id").loc["delegation_survey_days"]
    assert added["text"] == d["missed"][1] and added["review"] == "add | 王五"
    excluded = int(d["excluded"]["char_start"])
    assert excluded not in set(men["char_start"])
    # validation and ratios see the corrected value
    ratios = pd.read_csv(root / "reports" / "weibin" / "2023" / "ratios.csv",
                         encoding="utf-8-sig")
    assert 850 in set(ratios["denominator"].dropna()) or "850" in ratios.to_csv()
    assert (root / "reports" / "weibin" / "2023" / "validation.json").is_file()
    page = BeautifulSoup((root / "reports" / "weibin" / "2023" / "brief.html").read_text(
        encoding="utf-8"), "lxml")
    header = page.get_text()
    # the excluded number counts as decided, and stays visible: sentence, reading, note
    assert "已复核 4 个数字" in header and "排除 1" in header
    gone = page.select(".excluded-numbers table.excluded tbody tr")
    assert len(gone) == 1
    cells = [td.get_text() for td in gone[0].find_all("td")]
    assert cells[0].startswith(d["excluded"]["text"])
    assert cells[1] == d["excluded"]["sentence"]
    assert "delegation_survey_days" in cells[2] and cells[3].startswith("王五")
    assert cells[4] == "not a statistic"
    corrected = page.select(".num.reviewed-set")
    assert corrected and "850" in corrected[0].get_text()
    confirmed = page.select_one(".num.reviewed-confirm")
    assert confirmed is not None
    # a decided number carries its own mark, never the unconfirmed one (○) ...
    assert confirmed.find_next_sibling("span")["class"] == ["review-mark"]
    # ... while every number named automatically and not decided shows ○, and the header
    # counts them: 3 of the names were decided (set, confirm, add)
    n = len(ind)
    assert len(page.select(".sections .num.unconfirmed")) == n - 3
    assert f"{n} 个指标名称中 {n - 3} 个为自动命名、未经复核确认" in header
    assert "原读作 849 件" in page.select_one(".sources").get_text()
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "部分审核 partly reviewed" in index


def test_refreshing_the_worksheet_keeps_decisions(round_trip):
    root, _, _, _, d = round_trip
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    rows = _read(reviews.review_file(root, "weibin", 2023))
    decided = {(r["char_start"], r["text"]): r["action"] for r in rows if r["action"]}
    again = reviews.review_file(root, "weibin", 2023).read_bytes()
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert reviews.review_file(root, "weibin", 2023).read_bytes() == again  # idempotent
    assert decided[(d["mediated"]["char_start"], "849件")] == "set"
    assert decided[(str(d["missed"][0]), d["missed"][1])] == "add"
    assert len(decided) == 4


def test_review_file_is_part_of_the_fingerprint(round_trip):
    from rol_analysis import pipeline

    root, *_ = round_trip
    paths = layout.build_paths(root, "weibin", 2023)
    sheet = reviews.review_file(root, "weibin", 2023)
    data = sheet.read_bytes()
    before = pipeline.data_fingerprint(root, paths)
    try:
        sheet.write_bytes(data.replace(b"misread", b"misread twice"))
        assert pipeline.data_fingerprint(root, paths) != before
    finally:
        sheet.write_bytes(data)
    assert pipeline.data_fingerprint(root, paths) == before


def test_stale_decision_stops_the_build_naming_the_row(tmp_path):
    root = make_root(tmp_path / "p")
    s = _at("849件")
    _write(reviews.review_file(root, "weibin", 2023),
           [{"char_start": str(s), "text": "849件", "action": "confirm", "reviewer": "李四"}])
    raw = root / "data" / "raw" / "weibin" / "2023.txt"
    raw.write_text(RAW.replace("849件", "851件"), encoding="utf-8")
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr + proc.stdout
    assert "2023.csv, row 2" in msg and "'849件'" in msg and "'851件'" in msg
    assert not (root / "data" / "processed" / "weibin" / "2023").exists()


def test_worksheet_marks_numbers_read_by_ocr_and_flags_low_scores():
    """Issue 12: a number OCR read with a low recognition score stands out in the
    worksheet (page, score, 待核); numbers from a text layer carry no OCR note."""
    from rol_analysis.ocr import LOW_SCORE

    mentions = pd.DataFrame([
        {"char_start": 10, "text": "849件", "measure": "调解纠纷数", "indicator_id": "x",
         "value": 849.0, "unit": "件", "qualifier": "exact", "sentence": "s",
         "page": 2, "ocr_score": LOW_SCORE - 0.2},
        {"char_start": 30, "text": "12次", "measure": "学法数", "indicator_id": "",
         "value": 12.0, "unit": "次", "qualifier": "exact", "sentence": "t",
         "page": 3, "ocr_score": 0.99},
        {"char_start": 50, "text": "5项", "measure": "事项数", "indicator_id": "",
         "value": 5.0, "unit": "项", "qualifier": "exact", "sentence": "u",
         "page": None, "ocr_score": float("nan")},
    ])
    checks = [r["ocr_check"] for r in reviews.worksheet_rows(mentions, [])]
    assert checks[0] == f"第2页 OCR {LOW_SCORE - 0.2:.2f} 待核 check"
    assert checks[1] == "第3页 OCR 0.99"
    assert checks[2] == ""


@pytest.mark.parametrize("value,empty", [
    (None, True), ("", True), (float("nan"), True), ("pd.NA", True),
    (0, False), (0.0, False), (849.0, False), ("849", False),
])
def test_an_empty_review_cell_is_none_nan_na_or_blank(value, empty):
    """A nullable column's <NA> (a Float64 value or Int64 page as pandas reads it) is an
    empty cell, as None, NaN and "" are, instead of stopping the review with "boolean
    value of NA is ambiguous"; a zero is a value."""
    assert reviews._missing_or_empty(pd.NA if value == "pd.NA" else value) is empty


def test_a_review_applies_to_tables_read_with_nullable_floats():
    """Tables read with pandas' nullable dtypes (``read_parquet(...,
    dtype_backend="numpy_nullable")``) hold <NA> in a Float64 column: ``ocr_score`` of a
    text report has no value. A review applies to them as to extraction's own float64
    tables, instead of stopping with "float() argument must be a string or a real number,
    not 'NAType'"; the empty cells stay empty (NaN) and the decision's value is there."""
    from rol_analysis import extract

    text = "全年新收行政复议申请860件，其中市级收到312件、县级收到548件。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    for table in (ex.mentions, ex.indicators):
        for col in ("value", "ocr_score"):
            table[col] = table[col].astype("Float64")
    ex.mentions.loc[ex.mentions["text"] == "548件", "value"] = pd.NA
    decision = reviews.Decision(2, text.index("860件"), "860件", "set",
                                "admin_reconsideration_received", 861.0, "", "", "",
                                "李四", "")
    out = reviews.apply(ex, text, [decision], "r/2023.csv")
    for table in (out.mentions, out.indicators):
        assert str(table["value"].dtype) == str(table["ocr_score"].dtype) == "float64"
        assert table["ocr_score"].isna().all()
    men = out.mentions.set_index("text")
    assert men.loc["860件", "value"] == 861 and men.loc["312件", "value"] == 312
    assert pd.isna(men.loc["548件", "value"])


def test_a_reviewer_naming_a_part_makes_it_no_part():
    """A `set` that gives a part (part_of filled, no id) an indicator clears its part_of:
    a named number is the indicator's figure, never a part of another."""
    from rol_analysis import extract

    text = "全年新收行政复议申请860件，其中市级收到312件、县级收到548件。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    start = text.index("312件")
    assert ex.mentions.set_index("text").loc["312件", "part_of"] != ""
    decision = reviews.Decision(2, start, "312件", "set", "admin_reconsideration_accepted",
                                None, "", "", "", "李四", "")
    out = reviews.apply(ex, text, [decision], "r/2023.csv").mentions.set_index("text")
    assert out.loc["312件", "indicator_id"] == "admin_reconsideration_accepted"
    assert out.loc["312件", "part_of"] == ""
    assert out.loc["548件", "part_of"] == "admin_reconsideration_received"


@pytest.mark.parametrize(("action", "iid"), [("set", "disputes_mediated"), ("new", ""),
                                            ("unname", "")])
def test_a_decided_tie_is_no_longer_a_tie(action, iid):
    """mentions.csv's ``candidates`` (the indicators a tie was left between) is empty once
    a reviewer named, unnamed or marked the number new: a named number has no tie, and
    next year's comparison does not offer it again as an unconfirmed 未确认 tie
    (read-back B)."""
    from rol_analysis import extract

    text = "全县有人民调解员1285名。全年排查调处矛盾纠纷3462件，涉及金额5870万元。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    assert ex.mentions.set_index("text").loc["3462件", "candidates"] != ""
    decision = reviews.Decision(2, text.index("3462件"), "3462件", action, iid, None, "",
                                "", "", "李四", "")
    out = reviews.apply(ex, text, [decision], "r/2023.csv").mentions.set_index("text")
    assert out.loc["3462件", "candidates"] == ""


# ------------------------------------------------------- candidates in the worksheet
# Sentences written for these tests: each shows one reason a reviewer reads in the
# ``candidates`` column, beside a sentence where the same words get a name.


def _cells(text: str) -> dict[str, str]:
    """text of each number -> its worksheet ``candidates`` cell."""
    from rol_analysis import catalogue, extract

    ex = extract.extract_text(text, "r", 2023, explain=True)
    rows = reviews.worksheet_rows(ex.mentions, [], ex.explain, catalogue.load())
    # the matcher's part: the similar-wording tail is tested in tests/test_similar.py
    return {r["text"]: _matcher_part(r["candidates"]) for r in rows}


def _matcher_part(cell: str) -> str:
    return cell.partition("。" + reviews.SIMILAR_MARK)[0]


def test_a_tie_lists_both_indicators_and_says_it_is_a_tie():
    cell = _cells("街道举办法治讲座5场。")["5场"]
    assert cell.startswith("legal_education_events 普法宣传活动场次；"
                           "officials_law_training_sessions ")
    assert "未归入：legal_education_events 与 officials_law_training_sessions 得分相近" in cell
    # the same lecture count with its audience named is named: no reason given
    named = _cells("全年面向干部群众组织法治讲座12场。")["12场"]
    assert named == "legal_education_events 普法宣传活动场次"


def test_a_part_says_whose_part_it_is():
    cells = _cells("全年新收行政复议申请860件，其中市级收到312件、县级收到548件。")
    assert cells["312件"] == ("admin_reconsideration_received 收到行政复议申请数 的部分 "
                             "(a part of it)")
    assert cells["860件"] == "admin_reconsideration_received 收到行政复议申请数"


def test_a_share_of_a_named_total_does_not_say_the_total_has_no_indicator():
    # reviewer trial, session 21: the cell of 35% said "a part of a total that has no
    # indicator" beside its total, 412件, named legal_aid_cases in the same worksheet
    cells = _cells("全县共办结法律援助案件412件，其中刑事案件占比35%。")
    assert cells["412件"] == "legal_aid_cases_closed 法律援助结案数"
    assert cells["35%"] == ("部分在总数中的占比，目录中没有这一占比的指标 (the share of a "
                            "part in its total; no catalogue indicator names that share)")
    # a count whose total no indicator names keeps its reason
    assert _cells("全区建成文化广场20个，其中新建8个。")["8个"] == (
        "总数的部分，总数无指标 (a part of a total that has no indicator)")


def test_a_subset_says_whose_part_it_is():
    # a restricting modifier on the indicator's noun (共性问题): a part, said as one
    cell = _cells("年内开展法治督察，发现共性问题8个。")["8个"]
    assert cell == "inspection_problems_found 督察（考核评估）发现问题数 的部分 (a part of it)"
    assert _cells("年内开展法治督察，发现问题8个。")["8个"] == (
        "inspection_problems_found 督察（考核评估）发现问题数")


def test_an_indicator_ruled_out_by_a_check_is_named_with_the_check():
    # (调整: 取消 is now powers_cancelled's own change, session 7)
    cell = _cells("本年度共调整行政许可事项12项。")["12项"]
    assert cell == ("未归入：admin_approval_items 行政审批事项数 被排除：范围不符 scope "
                    "(ruled out by a check)")
    assert "被排除" not in _cells("市政府重大行政决策草案7件经合法性审查。")["7件"]


def test_an_indicator_taken_by_a_better_number_names_that_number():
    """The reviewer reads which number took the indicator (its char_start and text, as
    its own worksheet row shows them), so the two rows can be compared."""
    from rol_analysis import catalogue, extract

    text = "全年调解纠纷530件。各调解委员会调解纠纷530件。"
    ex = extract.extract_text(text, "r", 2023, explain=True)
    first, second = reviews.worksheet_rows(ex.mentions, [], ex.explain, catalogue.load())
    assert _matcher_part(first["candidates"]) == "disputes_mediated 受理调解纠纷数"
    assert first["found_indicator_id"] == "disputes_mediated"
    assert _matcher_part(second["candidates"]) == (
        f"disputes_mediated 受理调解纠纷数。未归入：disputes_mediated（取走者：char_start "
        f"{first['char_start']} “530件”） 已归入更相符的另一个数 (its indicators went to "
        "numbers that fit them better)")
    # a number left unnamed for another reason names no taker
    assert "取走者" not in _cells("街道举办法治讲座5场。")["5场"]


def test_an_indicator_taken_by_another_reading_of_the_same_number_says_so():
    # one rate shared by two kinds of item: the first reading takes the indicator
    cell = _cells("全年办理人大代表建议12件、政协委员提案20件，办复率均为100%。")["100%"]
    assert "suggestions_reply_rate（取走者：本数的另一读法 another reading of this number）" in cell
    assert "char_start" not in cell


def test_a_named_number_with_a_close_runner_up_says_so():
    """A number named although another indicator scored within the tie margin (that
    indicator went to another number first): the reviewer is pointed there first."""
    cells = _cells("全年面向干部群众组织法治讲座12场。街道举办法治讲座5场。")
    start = "全年面向干部群众组织法治讲座12场。".index("12场")
    assert cells["5场"].startswith("legal_education_events 普法宣传活动场次；"
                                  "officials_law_training_sessions ")
    assert cells["5场"].endswith(
        f"次选 legal_education_events（取走者：char_start {start} “12场”） 得分接近，请先核对 "
        "(a runner-up scored about as well and went to another number: check this name "
        "first)")
    # named with no rival near it: no hint; a tie stays a tie (unnamed), not a hint
    assert cells["12场"] == "legal_education_events 普法宣传活动场次"
    assert "次选" not in _cells("街道举办法治讲座5场。")["5场"]


@pytest.mark.parametrize(("text", "number", "says"), [
    ("召开依法治区委员会会议和区委常委会会议共4次。", "4次", "几个机构或会议合计的数"),
    ("企业开办时间由10个工作日压缩至2个工作日。", "10个工作日", "变化前的数值"),
    ("全区新建口袋公园7个。", "7个", "目录中没有词语和单位都相符的指标"),
    # the other figures are named, so the reason can be checked (trial 5 F7)
    ("去年调解纠纷420件。今年调解纠纷530件。", "530件",
     "disputes_mediated 受理调解纠纷数 还有其他数值（char_start 6 “420件”），看不出哪个是总数"),
    ("全年县委理论学习中心组专题学习13次，县政府常务会议专题学法5次，举办领导干部法治专题讲座3期；"
     "县委党校主体班次开设法治课程3门，举办干部培训班18期。", "3期",
     "officials_law_training_sessions 领导干部学法培训场次 还有其他数值（char_start 72 “18期”），"
     "看不出哪个是总数"),
    ("年度培训考试和新任干部考法的合格率均达100%。", "100%", "与前一项由“和”连接、共用一个比率"),
    ("该改造工程被确定为县政府五项重点民生工程之一。", "五项", "所属清单的项数，不是本单位的统计"),
])
def test_an_unnamed_number_says_why(text, number, says):
    assert "未归入：" + says in _cells(text)[number]


@pytest.mark.parametrize(("text", "number"), [
    ("区政府常务会议全年听取法治建设工作汇报4次。", "4次"),
    ("企业开办时间由10个工作日压缩至2个工作日。", "2个工作日"),
    ("全年人民调解组织调解纠纷530件。", "530件"),
])
def test_a_named_number_gives_no_reason(text, number):
    cell = _cells(text)[number]
    assert cell and "未归入" not in cell and "的部分" not in cell


def test_refreshing_an_old_worksheet_adds_candidates_and_keeps_decisions():
    """A worksheet written before the column existed keeps its decisions on refresh."""
    from rol_analysis import catalogue, extract

    text = "街道举办法治讲座5场。全年调解纠纷530件。"
    ex = extract.extract_text(text, "r", 2023, explain=True)
    old = [{"char_start": str(text.index("5场")), "text": "5场", "action": "set",
            "indicator_id": "legal_education_events", "reviewer": "李四"}]
    rows = reviews.worksheet_rows(ex.mentions, old, ex.explain, catalogue.load())
    lecture = next(r for r in rows if r["text"] == "5场")
    assert lecture["action"] == "set" and lecture["indicator_id"] == "legal_education_events"
    assert "得分相近" in lecture["candidates"]


# A decision the validation gate would refuse is refused when the decisions are applied,
# naming the review row: the gate's message blames the report, not the review.
@pytest.mark.parametrize(("row", "says"), [
    ({"action": "set", "indicator_id": "legal_advisor_services"},
     "legal_advisor_services (法律顾问提供法律服务次数) counts 次, not 件, and the text "
     "'849件' counts in 件, so its unit stays 件: legal_advisor_services does not take this "
     "number. Pick an indicator that counts 件"),
    ({"action": "set", "value": "-5"}, "the value -5 is negative"),
])
def test_a_decision_the_gate_would_refuse_stops_the_build_naming_the_row(tmp_path, row,
                                                                         says):
    root = make_root(tmp_path / "p")
    s = _at("849件")
    _write(reviews.review_file(root, "weibin", 2023),
           [{"char_start": str(s), "text": "849件", "reviewer": "李四", **row}])
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr + proc.stdout
    assert f"2023.csv, row 2 ({row['action']} at char_start {s}, '849件')" in msg, msg
    assert says in msg and ("indicators.toml" in msg or "never is" in msg)
    assert "validation failed" not in msg and "Traceback" not in msg
    assert not (root / "data" / "processed" / "weibin" / "2023").exists()
    assert not (root / "reports" / "weibin" / "2023").exists()


@pytest.mark.parametrize(("action", "iid", "value", "unit", "says"), [
    ("set", "disputes_mediated", 849.5, "", "the value 849.5 is not a whole number, and "
     "disputes_mediated is a count"),
    ("set", "", None, "次", "disputes_mediated (受理调解纠纷数) counts 件、起、宗; this "
     "number is 次"),
    ("set", "complaint_window_satisfaction_rate", None, "", "is stated in %, not 件"),
    ("add", "delegation_survey_days", 365, "件", "delegation_survey_days"),
    ("add", "delegation_survey_days", -3, "天", "the value -3 is negative"),
])
def test_every_gate_check_of_a_decision_names_its_row(tmp_path, action, iid, value, unit,
                                                      says):
    from rol_analysis import catalogue, extract

    # an add's text counts in its unit (else that is the message): 849件 for 件
    text = "849件" if action == "set" or unit == "件" else "365天"
    ex = extract.extract_text(RAW, "weibin", 2023)
    ex.mentions["review"] = ""
    with pytest.raises(InputError) as err:
        if action == "add":  # an add's number is its row's alone: checked when read
            path = tmp_path / "2023.csv"
            _write(path, [{"char_start": str(_at(text)), "text": text, "action": action,
                           "indicator_id": iid, "value": f"{value:g}", "unit": unit}])
            reviews.read(path)
        else:
            path = "r/2023.csv"
            decision = reviews.Decision(2, _at(text), text, action, iid, value, unit, "", "",
                                        "李四", "")
            reviews.apply(ex, RAW, [decision], path, catalogue.load())
    msg = err.value.message
    assert msg.startswith(f"{path}, row 2 ({action} at char_start {_at(text)}, '{text}')")
    assert says in msg and "build again" in msg


def test_an_indicator_refusing_the_texts_own_counting_word_sends_to_no_other_unit(tmp_path):
    """Trial 4 (F5): 120次 set to legality_reviews (件、项、份、件次) said "… or, if the
    report means 件…, write that unit"; writing 件 then said "unit '件' is not the
    counting word of the text '120次' … Write unit '次'". The first message now says
    the indicator does not take the number, and what can be done instead."""
    from rol_analysis import catalogue, extract

    text = "对区级重要会议纪要开展合法性审查120次。全年调解纠纷530件。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    start = text.index("120次")
    path = tmp_path / "2023.csv"
    decision = reviews.Decision(2, start, "120次", "set", "legality_reviews", None, "", "",
                                "", "李四", "")
    with pytest.raises(InputError) as err:
        reviews.apply(ex, text, [decision], path, catalogue.load())
    msg = err.value.message
    assert "legality_reviews (合法性审查事项数) counts 件、项、份、件次, not 次" in msg, msg
    assert "does not take this number" in msg and "write that unit" not in msg
    assert ('add "次" to its units in src/rol_analysis/catalogue/indicators.toml (the '
            '[[indicator]] with id = "legality_reviews")') in msg
    # the unit the old message offered is refused, so offering it was a circle
    _write(path, [{"char_start": str(start), "text": "120次", "action": "set",
                   "indicator_id": "legality_reviews", "unit": "件"}])
    with pytest.raises(InputError, match="Write unit '次'"):
        reviews.read(path)
    # a number whose text has no counting word may still be given the indicator's unit
    bare = "全年调解纠纷共计2595，"
    ex = extract.extract_text(bare, "r", 2023)
    ex.mentions["review"] = ""
    assert list(ex.mentions["unit"]) == [""]
    decision = reviews.Decision(2, bare.index("2595"), "2595", "set", "legality_reviews",
                                None, "", "", "", "李四", "")
    with pytest.raises(InputError, match="if the report means 件、项、份、件次, write that unit"):
        reviews.apply(ex, bare, [decision], path, catalogue.load())


def test_the_raw_report_is_read_and_an_add_checked_once(tmp_path, monkeypatch):
    # rol review read the raw report twice for an add given by its text (to place it,
    # then to extract); a build read it twice to apply any decision, and checked an
    # add's unit, range and sign twice.
    from rol_analysis import reading

    root = make_root(tmp_path / "p")
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [{"text": "365天", "action": "add", "indicator_id": "delegation_survey_days",
                    "value": "365", "unit": "天", "reviewer": "王五"}])
    calls = {"read_report": 0, "_misfit": 0}

    def counted(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)

    counted(reading, "read_report")
    counted(reviews, "_misfit")
    paths = layout.build_paths(root, "weibin", 2023)
    reviews.write_worksheet(paths)
    assert calls["read_report"] == 1
    assert next(r for r in _read(sheet) if r["action"] == "add")["char_start"] == str(
        _at("365天"))
    calls.update(read_report=0, _misfit=0)
    from rol_analysis import extract

    out = extract.extract_paths(paths)
    assert calls == {"read_report": 1, "_misfit": 1}
    assert "delegation_survey_days" in set(out.mentions["indicator_id"])


def test_a_negative_value_set_on_an_unnamed_change_is_not_refused():
    """Unnamed, only a count or an amount may not be negative (the gate's
    mentions.nonnegative): a fall the reviewer writes with its sign (下降5% as -6) is a
    change, which the gate lets through, so the decision must not stop the build."""
    from rol_analysis import catalogue, extract

    text = "全年受理行政复议案件52件，同比下降5%。全年调解纠纷530件。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    change = ex.mentions["kind"] == "change"
    ex.mentions.loc[change, "indicator_id"] = ""  # a change no indicator names
    ex.indicators = ex.indicators[ex.indicators["kind"] != "change"]
    start = text.index("5%")
    fall = reviews.Decision(2, start, "5%", "set", "", -6.0, "", "", "", "李四", "")
    reviews.apply(ex, text, [fall], "r/2023.csv", catalogue.load())
    row = ex.mentions[ex.mentions["char_start"] == start].iloc[0]
    assert row["value"] == -6 and row["kind"] == "change" and row["indicator_id"] == ""
    # a count set negative is still refused, naming the row
    count = reviews.Decision(3, text.index("530件"), "530件", "set", "", -530.0, "", "",
                             "", "李四", "")
    with pytest.raises(InputError, match="the value -530 is negative"):
        reviews.apply(ex, text, [count], "r/2023.csv", catalogue.load())


def test_a_worksheet_with_no_decision_leaves_the_brief_up_to_date(seed_copy):
    """`rol review` writes a worksheet; until a decision is recorded in it, nothing a
    build makes depends on it: no rebuild, `rol list` says up to date."""
    root = seed_copy
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    assert sheet.is_file()
    listed = rol("list", "--root", root, check=0).stdout
    assert "weibin/2023" in listed and "up to date" in listed, listed
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "up to date" in build.stdout, build.stdout
    # a reviewer's note on an undecided row, or a refreshed worksheet, changes nothing
    rows = _read(sheet)
    rows[0]["note"] = "looked at, not decided"
    _write(sheet, rows)
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "up to date" in rol("list", "--root", root, check=0).stdout
    # a decision does
    rows = _read(sheet)
    rows[0].update(action="confirm", reviewer="李四")
    _write(sheet, rows)
    listed = rol("list", "--root", root, check=0).stdout
    assert "data/reviews/weibin/2023.csv records decisions now" in listed, listed


def test_rol_review_pinning_an_add_row_leaves_the_brief_up_to_date(seed_copy):
    """Trial 4 (F13): after an add given by its text alone was built, `rol review`
    wrote the char_start it found into the row, and `rol list` called the brief
    outdated ("has changed decisions"), forcing a second build of the same decisions."""
    root = seed_copy
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = _read(sheet)
    # the survey's 2 days give way to the 365 days, as in the round trip
    next(r for r in rows if r["found_indicator_id"] == "delegation_survey_days").update(
        action="exclude", reviewer="王五")
    rows.append(dict(_ADD))  # char_start empty: rol finds it
    _write(sheet, rows)
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "weibin/2023: built" in build.stdout, build.stdout
    assert "up to date" in rol("list", "--root", root, check=0).stdout
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    (added,) = [r for r in _read(sheet) if r["action"] == "add"]
    assert added["char_start"] == str(_at("365天")) and "365天" in added["sentence"]
    listed = rol("list", "--root", root, check=0).stdout
    assert "weibin/2023" in listed and "up to date" in listed, listed
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "weibin/2023: up to date" in build.stdout, build.stdout
    # the pinned row is still a decision: changing it outdates the brief
    rows = _read(sheet)
    next(r for r in rows if r["action"] == "add")["value"] = "366"
    _write(sheet, rows)
    assert "has changed decisions" in rol("list", "--root", root, check=0).stdout


def test_a_pin_digests_an_add_row_as_the_row_with_its_char_start(tmp_path):
    """reviews.fingerprint with the build's pins: the unpinned row is the pinned one;
    another place, or a pin of other words, is not."""
    sheet = tmp_path / "2023.csv"
    _write(sheet, [{**_ADD, "sentence": "全年365天"}])
    loose = reviews.fingerprint(sheet)
    pinned = reviews.fingerprint(sheet, [["365天", "全年365天", 120]])
    assert pinned != loose
    assert reviews.fingerprint(sheet, [["365天", "全年", 120]]) == loose
    _write(sheet, [{**_ADD, "char_start": "120", "sentence": "全年365天不打烊。"}])
    assert reviews.fingerprint(sheet) == pinned
    _write(sheet, [{**_ADD, "char_start": "121", "sentence": "全年365天"}])
    assert reviews.fingerprint(sheet) != pinned


def _write_as(path, rows, encoding, errors="strict"):
    """A worksheet saved in ``encoding`` without a BOM (Excel's plain "CSV" on a Chinese
    Windows writes GBK)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=reviews.COLUMNS, lineterminator="\r\n",
                       extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding, errors))


def test_a_worksheet_saved_as_gbk_is_read_as_regions_csv_is(seed_copy):
    """Trial 4 (F15): a worksheet saved as GBK was refused ("not UTF-8"), while
    regions.csv accepts GBK. It is read; its decisions are the same decisions as in
    UTF-8 (no rebuild for saving it in another encoding); `rol review` rewrites it as
    UTF-8 with BOM and says so."""
    root = seed_copy
    from rol_analysis import pipeline

    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = _read(sheet)
    mediators = next(r for r in rows if r["text"] == "273名")
    mediators.update(action="confirm", reviewer="李四", note="核对无误")
    _write(sheet, rows)
    paths = layout.build_paths(root, "weibin", 2023)
    utf8 = pipeline.data_fingerprint(root, paths)["review"]
    _write_as(sheet, rows, "gbk")
    with pytest.raises(UnicodeDecodeError):
        sheet.read_bytes().decode("utf-8")
    (decided,) = reviews.read(sheet)
    assert (decided.text, decided.reviewer, decided.note) == ("273名", "李四", "核对无误")
    assert pipeline.data_fingerprint(root, paths)["review"] == utf8
    proc = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "was saved as GB18030; rewritten as UTF-8 with BOM" in proc.stdout, proc.stdout
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [r["reviewer"] for r in _read(sheet) if r["action"]] == ["李四"]
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "weibin/2023: built" in build.stdout, build.stdout
    ind = pd.read_csv(root / "data" / "processed" / "weibin" / "2023" / "indicators.csv",
                      encoding="utf-8-sig", keep_default_na=False)
    assert ind.set_index("indicator_id").loc["people_mediators", "review"] == "confirm | 李四"


def test_rol_list_says_a_review_file_it_cannot_read_is_bad_input(seed_copy):
    """Trial 4 (F15): `rol list` said "outdated: its review file … has changed
    decisions" for a file no build can read; it names the problem and its fix, as the
    build does (exit 2)."""
    root = seed_copy
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = [{"char_start": str(_at("273名")), "text": "273名", "action": "confirm",
             "reviewer": "Zoë Müller", "note": "vérifié"}]
    # a Western Windows' "CSV" (名 lost as ?): neither UTF-8 nor GBK
    _write_as(sheet, rows, "cp1252", "replace")
    listed = rol("list", "--root", root, check=0).stdout
    assert "changed decisions" not in listed, listed
    line = next(ln for ln in listed.splitlines() if ln.startswith("weibin/2023"))
    assert "error: " in line and "data/reviews/weibin/2023.csv" in line, line
    assert "its encoding cannot be established" in line and "CSV UTF-8" in line, line
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    assert "CSV UTF-8" in build.stderr, build.stderr
    # a header that is not the worksheet's is said as such too
    _write(sheet, rows, columns=["char_start", "text", "action"])
    line = next(ln for ln in rol("list", "--root", root, check=0).stdout.splitlines()
                if ln.startswith("weibin/2023"))
    assert "the columns indicator_id, value" in line and "rol review" in line, line


# A number the extractor missed in a .docx or an .html report is added by its text: its
# char_start in the decoded text (which differs from anything a reviewer could count in
# Word or a browser) is found for them.
def _seed_as(fmt: str, extra: str = "") -> bytes:
    """The seed report as a Word document or a government web page (header, navigation
    and footer around the article), with ``extra`` as a last paragraph."""
    lines = [line for line in RAW.splitlines() if line.strip()] + ([extra] if extra else [])
    if fmt == "docx":
        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        buf = io.BytesIO()
        document.save(buf)
        return buf.getvalue()
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return ('<html><head><meta charset="utf-8"><title>卫滨区2023年法治政府建设年度报告</title>'
            '</head><body><div id="nav">首页 | 政务公开 | 法治政府 | 2 件通知</div>'
            f'<div id="zoom">{body}</div><div id="foot">版权所有 卫滨区人民政府 '
            '电话 0373-1234567</div></body></html>').encode()


def _root_with(tmp_path, fmt: str, extra: str = ""):
    root = make_root(tmp_path / "p")
    (root / "data" / "raw" / "weibin" / "2023.txt").unlink()
    raw = root / "data" / "raw" / "weibin" / f"2023.{fmt}"
    raw.write_bytes(_seed_as(fmt, extra))
    return root, raw


_ADD = {"char_start": "", "text": "365天", "action": "add",
        "indicator_id": "delegation_survey_days", "value": "365", "unit": "天",
        "reviewer": "王五"}


def test_an_add_override_may_also_give_the_number_by_its_text_alone(tmp_path):
    """add! is an add in every way but the definition check: like add, it may leave
    char_start empty (found by its text when applied); it was refused as "not a position"."""
    sheet = tmp_path / "2023.csv"
    _write(sheet, [{**_ADD, "action": "add!"}])
    (d,) = reviews.read(sheet)
    assert (d.action, d.forced, d.char_start, d.text) == ("add", True, None, "365天")


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_a_missed_number_is_added_by_its_text_alone(tmp_path, fmt):
    from rol_analysis import extract
    from rol_analysis.reading import read_report

    root, raw = _root_with(tmp_path, fmt)
    decoded = read_report(raw).text
    at = decoded.index("365天")
    assert at != _at("365天")  # the decoded text's offsets are not the .txt's
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [_ADD])
    # the build (step 01) finds it as it is ...
    paths = layout.build_paths(root, "weibin", 2023)
    men = extract.extract_paths(paths).mentions
    added = men[men["review"] == "add | 王五"]
    assert list(added["char_start"]) == [at] and list(added["text"]) == ["365天"]
    # ... and `rol review` writes the place it found into the worksheet, pinning it
    proc = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "char_start may stay empty" in proc.stdout  # how to add is said where it is done
    row = next(r for r in _read(sheet) if r["action"] == "add")
    assert row["char_start"] == str(at) and "365天" in row["sentence"]
    assert decoded[at:at + 4] == "365天"


def test_a_text_found_at_several_places_lists_them_and_words_around_it_pick_one(tmp_path):
    root, raw = _root_with(tmp_path, "html", extra="便民服务中心全年365天开放，节假日照常受理。")
    from rol_analysis.reading import read_report

    decoded = read_report(raw).text
    first, second = decoded.index("365天"), decoded.rindex("365天")
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [_ADD])
    before = sheet.read_bytes()
    proc = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr + proc.stdout
    assert "2023.csv, row 2 (add '365天', no char_start)" in msg and "at 2 places" in msg
    assert f"char_start {first} …" in msg and f"char_start {second} …" in msg
    assert "中心全年【365天】开放" in msg and "sentence" in msg
    assert sheet.read_bytes() == before  # refused, not rewritten
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    assert "at 2 places" in build.stderr + build.stdout
    # the words around it, copied from the page with its line breaks, pick the second
    from rol_analysis import pipeline

    paths = layout.build_paths(root, "weibin", 2023)
    unplaced = pipeline.data_fingerprint(root, paths)["review"]
    _write(sheet, [{**_ADD, "sentence": "服务中心全年\n365天 开放"}])
    # they decide where the number is, so they are part of the build fingerprint
    assert pipeline.data_fingerprint(root, paths)["review"] not in (unplaced, None)
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    row = next(r for r in _read(sheet) if r["action"] == "add")
    assert row["char_start"] == str(second)


@pytest.mark.parametrize(("text", "raw"), [
    ("三件", "全年办理复议案件十三件，当年调解纠纷三件。"),
    ("3件", "全年办理复议案件13件，当年调解纠纷3件。"),
    ("十二次", "召开会议二十二次，组织培训十二次。"),
    # 点 is no numeral before a number (重点三项), only between digits (三点五)
    ("三项", "办理案件十三项，聚焦重点三项任务。"),
])
def test_an_add_by_its_text_is_not_found_inside_a_longer_number(text, raw):
    """三件 inside 十三件 is part of another number, as 3件 inside 13件 is: the one place
    the text is a number of its own is found, with no question which is meant."""
    add = reviews.Decision(2, None, text, "add", "disputes_mediated", 3.0, "件", "exact",
                           "", "李四", "")
    (placed,) = reviews.locate([add], raw, "r/2023.csv")
    assert placed.char_start == raw.rindex(text)


@pytest.mark.parametrize(("text", "raw"), [
    ("3次", "召开第3次常务会议，全年共审议3次。"),       # an ordinal
    ("5件", "每季度调解3-5件，全年调解5件。"),           # a range's end
    ("12", "12月开展专项整治，全年查处违法案件12"),       # a date
    ("3件", "依据B3件标准，当年调解纠纷3件。"),           # a code
])
def test_an_add_by_its_text_is_not_found_in_an_ordinal_a_range_a_date_or_a_code(text, raw):
    """The extractor reads none of these as a number (mentions.number_context): an add
    whose text stands there once more, as a number, is placed there without asking
    (before, rol build stopped: "has '3次' at 2 places", the ordinal among them)."""
    add = reviews.Decision(2, None, text, "add", "disputes_mediated", 3.0, "件", "exact",
                           "", "李四", "")
    (placed,) = reviews.locate([add], raw, "r/2023.csv")
    assert placed.char_start == raw.rindex(text)
    with pytest.raises(InputError, match=f"the report's text has no number '{text}'"):
        reviews.locate([add], raw[:raw.rindex(text)], "r/2023.csv")


@pytest.mark.parametrize(("text", "word"), [
    ("10大亮点", ""), ("十大亮点", ""), ("50强", ""), ("三大类", "类"), ("2号文件", "号"),
    ("2号", "号")])
def test_a_word_of_rank_after_a_number_is_no_counting_word(tmp_path, text, word):
    """Trial 4 (F14): an add of 10大亮点 with unit 个 was refused: "which counts in
    '大亮点'. Write unit '大亮点'", a unit no indicator takes. The extractor reads no
    counting word there (十大亮点: ten highlights, a bare count); 2号 still counts in 号."""
    assert reviews.counting_word(text) == word
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "", "text": text, "action": "add",
                   "indicator_id": "rol_model_units", "value": "10", "unit": "个"}])
    if word:
        with pytest.raises(InputError, match=f"which counts in '{word}'. Write unit '{word}'"):
            reviews.read(path)
        return
    (add,) = reviews.read(path)
    raw = f"被列入市涉外法治建设{text}；"
    (placed,) = reviews.locate([add], raw, path)
    assert placed.char_start == raw.index(text)


@pytest.mark.parametrize(("text", "unit", "word"), [("3-5件", "件", ""), ("5G", "个", ""),
                                                    ("12年", "次", "年")])
def test_the_counting_word_of_a_range_or_a_code_is_none(tmp_path, text, unit, word):
    """3-5件 counted in "-5件", 5G in "G": the message named a counting word that is
    none. A range or a code has no one counting word to compare; 连续12年's 12年 still
    counts in 年."""
    assert reviews.counting_word(text) == word
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": text, "action": "set", "unit": unit}])
    if word:
        with pytest.raises(InputError, match=f"which counts in '{word}'"):
            reviews.read(path)
    else:
        assert reviews.read(path)[0].unit == unit


def test_refreshing_a_worksheet_whose_header_has_spaces_keeps_its_decisions(tmp_path):
    """read() takes a header cell saved with spaces ("action ", as a spreadsheet may
    write it); rewriting the worksheet must read it the same way, not drop the
    decisions made under it."""
    root = make_root(tmp_path / "p")
    sheet = reviews.review_file(root, "weibin", 2023)
    s = _at("849件")
    padded = [f" {c} " if c in ("action", "reviewer", "char_start") else c
              for c in reviews.COLUMNS]
    _write(sheet, [{" char_start ": str(s), "text": "849件", " action ": "confirm",
                    " reviewer ": "李四"}], columns=padded)
    assert [d.action for d in reviews.read(sheet)] == ["confirm"]
    decided = reviews.write_worksheet(layout.build_paths(root, "weibin", 2023)).decided
    assert decided == 1
    row = next(r for r in _read(sheet) if r["text"] == "849件")
    assert (row["action"], row["reviewer"]) == ("confirm", "李四")


def test_words_around_an_add_pick_its_place_whatever_the_spaces():
    """The text is copied as the raw report has it (365 天) and the words around it from
    the worksheet's sentence cell, which is the readable sentence (365天): spaces are
    ignored on both sides, as they are when the words are looked for in the report."""
    raw = "中心全年365 天开放，热线365 天值守。"
    add = reviews.Decision(2, None, "365 天", "add", "delegation_survey_days", 365.0, "天",
                           "exact", "", "李四", "", context="热线365天值守")
    (placed,) = reviews.locate([add], raw, "r/2023.csv")
    assert placed.char_start == raw.rindex("365 天")
    wrong = reviews.Decision(2, None, "365 天", "add", "delegation_survey_days", 365.0,
                             "天", "exact", "", "李四", "", context="热线366天值守")
    with pytest.raises(InputError, match="do not contain the text"):
        reviews.locate([wrong], raw, "r/2023.csv")


def test_an_excluded_number_is_kept_in_report_json_with_the_decision(tmp_path):
    """An excluded number leaves the tables, but report.json keeps where it is, its
    sentence, what extraction read and the reviewer's note, for the brief."""
    import json

    from rol_analysis import extract

    text = "二、化解矛盾纠纷\n2023年3月，全年受理行政复议申请9件，审结8件。"
    ex = extract.extract_text(text, "weibin", 2023)
    men = ex.mentions.set_index("text")
    start = int(men.loc["9件", "char_start"])
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": str(start), "text": "9件", "action": "exclude",
                   "reviewer": "王五", "note": "上年结转，不是本年数", "date": "2024-03-02"}])
    reviews.apply(ex, text, reviews.read(path), path)
    assert "9件" not in set(ex.mentions["text"])
    extract.write_tables(ex, tmp_path / "out")
    meta = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    (gone,) = meta["excluded"]
    assert gone["char_start"] == start and gone["text"] == "9件"
    assert gone["sentence"] == "2023年3月，全年受理行政复议申请9件，审结8件。"
    # what extraction had read, whatever name it gave
    assert gone["reading"] == f"9 件 · {men.loc['9件', 'indicator_id'] or '未归入指标'}"
    assert (gone["reviewer"], gone["note"], gone["date"]) == ("王五", "上年结转，不是本年数",
                                                              "2024-03-02")
    # a report nobody excluded a number of has no such key
    plain = extract.extract_text(text, "weibin", 2023)
    extract.write_tables(plain, tmp_path / "plain")
    assert "excluded" not in json.loads((tmp_path / "plain" / "report.json").read_text(
        encoding="utf-8"))


def test_a_decision_that_puts_a_part_above_its_whole_names_its_row():
    """A gate relation (successful mediations <= mediations) broken by a reviewer's value
    is the review row's fault, not the report's."""
    from rol_analysis import extract

    text = "某区2023年法治政府建设年度报告\n全区人民调解组织共受理矛盾纠纷849件，调解成功845件。"
    s = text.index("849件")
    ex = extract.extract_text(text, "weibin", 2023)
    assert set(ex.indicators["indicator_id"]) >= {"disputes_mediated",
                                                   "disputes_mediated_successfully"}
    bad = reviews.Decision(4, s, "849件", "set", "", 800.0, "", "", "", "李四", "")
    with pytest.raises(InputError) as err:
        reviews.apply(ex, text, [bad], "r/2023.csv")
    assert err.value.message.startswith(
        f"r/2023.csv, row 4 (set at char_start {s}, '849件'): with it "
        "disputes_mediated_successfully (调解成功纠纷数) 845 件 (char_start "
        f"{text.index('845件')}, '845件') is above disputes_mediated (受理调解纠纷数) 800 件 "
        "(this row); the validation gate refuses that")
    fine = reviews.Decision(4, s, "849件", "set", "", 846.0, "", "", "", "李四", "")
    out = reviews.apply(extract.extract_text(text, "weibin", 2023), text, [fine], "r.csv")
    assert 846 in set(out.indicators["value"])


@pytest.mark.parametrize(("old", "new", "says"), [
    (None, "d1", "records decisions now"), ("d1", None, "records no decision any more"),
    ("d1", "d2", "has changed decisions")])
def test_rol_list_says_what_the_decisions_did(old, new, says):
    from rol_analysis import pipeline

    reasons = pipeline._explain({"review": old}, {"review": new}, "data/reviews/x/2023.csv")
    assert reasons == [f"its review file data/reviews/x/2023.csv {says}"]


def test_unname_keeps_the_number_and_counts_as_a_correction(tmp_path):
    # Trial 2: a wrong name could only be replaced by another name or the number excluded.
    # unname drops the name and keeps the number (Other statistics); with a total's id in
    # indicator_id it makes the number a part of that total.
    root = make_root(tmp_path / "p")
    sheet = reviews.review_file(root, "weibin", 2023)
    _write(sheet, [
        {"char_start": str(_at("13件")), "text": "13件", "action": "unname",
         "reviewer": "李四", "note": "not the window's requests"},
        {"char_start": str(_at("106次")), "text": "106次", "action": "unname",
         "indicator_id": "joint_credit_checks", "reviewer": "李四"},
    ])
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    out = root / "data" / "processed" / "weibin" / "2023"
    men = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    ind = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", keep_default_na=False)
    window = men[men["char_start"] == _at("13件")].iloc[0]
    assert window["indicator_id"] == "" and window["value"] == 13
    assert window["review"].startswith("set | 李四")
    assert "原读作 13 件 · complaint_window_requests" in window["review"]
    feedback = men[men["char_start"] == _at("106次")].iloc[0]
    assert feedback["indicator_id"] == "" and feedback["part_of"] == "joint_credit_checks"
    assert not {"complaint_window_requests", "joint_credit_feedback"} & set(ind["indicator_id"])
    page = BeautifulSoup((root / "reports" / "weibin" / "2023" / "brief.html").read_text(
        encoding="utf-8"), "lxml")
    assert "已复核 2 个数字" in page.get_text() and "更正 2" in page.get_text()
    other = page.select_one(".other-stats").get_text()
    assert "13件" in other and "106次" in other
    # Trial 3: the un-named numbers carry ✎ and their footnote says what they were read as
    marked = {s.get_text(): s.find_next_sibling("span").get_text()
              for s in page.select(".other-stats .num.reviewed-set")}
    assert marked == {"13件": "✎", "106次": "✎"}
    notes = page.select_one(".sources").get_text()
    assert "复核更正（李四）：13件 不归入指标 原读作 13 件 · complaint_window_requests" in notes
    assert "106次 作为" in notes and "原读作 106 次 · joint_credit_feedback" in notes
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "部分审核 partly reviewed" in index
    # the worksheet's prompt and help list every action, unname too
    said = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "confirm/set/exclude/add/unname" in said.stdout
    assert "unname" in rol("review", "--help", check=0).stdout


def test_unname_refuses_a_new_value(tmp_path):
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "13件", "action": "unname", "value": "12"}])
    with pytest.raises(InputError, match="row 2: unname changes only the name"):
        reviews.read(path)


def test_unname_makes_a_part_of_a_stated_total_it_does_not_exceed(tmp_path):
    # An unname row's indicator_id makes the number a part of that total: a part above
    # its stated total is refused like a set's, naming the file, the row and the fix.
    root = make_root(tmp_path / "p")
    _write(reviews.review_file(root, "weibin", 2023), [
        {"char_start": str(_at("13件")), "text": "13件", "action": "unname",
         "indicator_id": "normative_docs_filed", "reviewer": "李四"},
        {"char_start": str(_at("106次")), "text": "106次", "action": "unname",
         "indicator_id": "joint_credit_checks", "reviewer": "李四"},
    ])
    proc = rol("validate", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = proc.stderr
    assert "Traceback" not in msg and "row 3" not in msg, msg
    assert "data/reviews/weibin/2023.csv, row 2 (unname" in msg, msg
    assert (f"row 2 (unname at char_start {_at('13件')}, '13件'): as a part of "
            "normative_docs_filed (规范性文件备案数) it is 13 件, above that total, 4 件 "
            f"(char_start {_at('4件')}, '4件'); a part is never above its whole") in msg
    assert "leave it empty to leave the number unnamed" in msg


def test_unname_makes_parallel_items_parts_of_a_total_the_report_does_not_state():
    """Trial 5 F4: data/reviews/README.md says a reviewer may make parallel items with
    no total parts of X, and extraction records such parts itself (part_of names the
    total whether or not the report states it), but the reviewer's unname was refused
    because no number of the report was X."""
    from rol_analysis import extract

    text = "全年开展“双随机、一公开”监管，抽查企业120户、餐饮经营户23户、学校幼托机构8户。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    assert list(ex.indicators["indicator_id"]) == ["random_inspections"]
    rows = [reviews.Decision(n, text.index(t), t, "unname", "random_inspections", None,
                             "", "", "", "李四", "")
            for n, t in ((2, "120户"), (3, "23户"), (4, "8户"))]
    out = reviews.apply(ex, text, rows, "r/2023.csv")
    men = out.mentions.set_index("text")
    assert list(men.loc[["120户", "23户", "8户"], "part_of"]) == ["random_inspections"] * 3
    assert (men.loc[["120户", "23户", "8户"], "indicator_id"] == "").all()
    assert "random_inspections" not in set(out.indicators["indicator_id"])


def test_unname_of_a_part_keeps_whose_part_it_was_in_the_original_reading():
    """Trial 5 F10: a part un-named by a reviewer had 原读作 … · 未归入指标 as its original
    reading, losing the total it had been read as a part of."""
    from rol_analysis import extract

    text = "全年新收行政复议申请860件，其中市级收到312件、县级收到548件。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    rows = [reviews.Decision(2, text.index("312件"), "312件", "unname", "", None, "", "",
                             "", "李四", "")]
    men = reviews.apply(ex, text, rows, "r/2023.csv").mentions.set_index("text")
    assert men.loc["312件", "part_of"] == ""
    assert men.loc["312件", "review"] == (
        "set | 李四 | 原读作 312 件 · admin_reconsideration_received 的部分")
    # `rol catalogue suggest` learns no unnamed indicator from it: it had none
    from rol_analysis import suggest

    assert suggest._unnamed_by_reviewer(men.loc["312件"].to_dict()) == ""


@pytest.mark.parametrize(("typed", "candidates", "meant"), [
    ("fully_online_service_radte", "", "Did you mean 'fully_online_service_rate' "
     "(政务服务事项全程网办率) or 'online_service_rate' (政务服务事项网上可办率)?"),
    # the row's candidates cell first: the reviewer copied from there
    ("online_service_rat", "online_service_rate 政务服务事项网上可办率",
     "Did you mean 'online_service_rate' (政务服务事项网上可办率)? Use an id"),
    ("政务服务事项全程网办率", "", "Did you mean 'fully_online_service_rate' "),
])
def test_a_mistyped_indicator_id_gets_a_did_you_mean(tmp_path, typed, candidates, meant):
    # Trial 5 F7: a mistyped action got "Did you mean", a mistyped id did not.
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "13件", "action": "set",
                   "indicator_id": typed, "candidates": candidates}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    assert f"{path}, row 2: indicator_id {typed!r} is not in the catalogue" in err.value.message
    assert meant in err.value.message, err.value.message


def test_a_review_file_edited_during_a_build_is_reported_and_left_outdated(seed_copy,
                                                                           monkeypatch):
    # Trial 2: a review file edited while a build ran was not reported; the build used
    # the file as its kernel read it, but recorded the file as it was when it started.
    from rol_analysis import pipeline

    root = seed_copy
    sheet = reviews.review_file(root, "weibin", 2023)
    s = _at("849件")

    def decide(value):
        _write(sheet, [{"char_start": str(s), "text": "849件", "action": "set",
                        "value": value, "reviewer": "李四"}])

    def published_value():
        men = pd.read_csv(root / "data/processed/weibin/2023/mentions.csv",
                          encoding="utf-8-sig", keep_default_na=False)
        return men.loc[men["char_start"] == s, "value"].iloc[0]

    edit = {}
    real = pipeline.run_notebook

    def run_notebook(root_, nb_name, *args, **kwargs):
        if nb_name == "01_clean.ipynb" and edit.get("before"):
            decide(edit.pop("before"))  # after the build's fingerprint, before step 01
        out = real(root_, nb_name, *args, **kwargs)
        if nb_name == "01_clean.ipynb" and edit.get("after"):
            decide(edit.pop("after"))  # step 01 has read the file: too late for this build
        return out

    monkeypatch.setattr(pipeline, "run_notebook", run_notebook)
    decide("850")
    edit["after"] = "851"
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert ("warning: weibin/2023: data/reviews/weibin/2023.csv changed while this build "
            "ran: the published tables and brief use its decisions as the build read them"
            ) in proc.stderr, proc.stderr
    # one version, the one read: the tables and the brief say 850, not 851
    assert published_value() == 850
    brief = BeautifulSoup((root / "reports/weibin/2023/brief.html").read_text(
        encoding="utf-8"), "lxml").get_text(" ")
    assert "850" in brief and "851" not in brief
    listed = rol("list", "--root", root, check=0).stdout
    assert "its review file data/reviews/weibin/2023.csv has changed decisions" in listed

    # edited after the build took its fingerprint but before step 01 read it: the build
    # is of the new file, says nothing, and is up to date (no second rebuild)
    edit["before"] = "852"
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "changed while this build ran" not in proc.stderr and published_value() == 852
    listed = rol("list", "--root", root, check=0).stdout
    assert "up to date" in listed and "outdated" not in listed, listed


# ------------------------------------------------------- a corrected report replaces the old

SMALL = ("渭滨区2023年法治政府建设工作报告\n\n一、推进依法行政\n"
         "全年组织领导干部集体学法12次。全区受理行政复议案件45件，已办结41件。\n"
         "行政机关负责人出庭应诉率达到100%。开展法治宣传活动80场。\n")
DECIDED = ("45件", "41件", "80场")


def _corrected(tmp_path, new_raw):
    """Decisions on SMALL's 45件, 41件 and 80场, the report replaced by ``new_raw``,
    then `rol review` again: (root, its output, the rewritten worksheet's rows)."""
    root = make_root(tmp_path / "p", {("weibin", 2023): SMALL.encode("utf-8")})
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = _read(sheet)
    for r in rows:
        if r["text"] in DECIDED:
            r.update(action="confirm", reviewer="李四")
    _write(sheet, rows)
    (root / "data" / "raw" / "weibin" / "2023.txt").write_text(new_raw, encoding="utf-8")
    out = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    return root, out.stdout, _read(sheet)


def _decided(rows) -> dict:
    return {r["text"]: r for r in rows if r["action"]}


def test_an_inserted_clause_moves_every_decision_and_the_build_then_succeeds(tmp_path):
    # a sentence inserted before them, a word inside their sentence: offsets shift
    new = SMALL.replace("全年", "新聘法律顾问。全年").replace("全区受理", "全区依法受理")
    root, out, rows = _corrected(tmp_path, new)
    decided = _decided(rows)
    assert "moved 3 decisions" in out and "stale" not in out
    for text in DECIDED:
        assert decided[text]["char_start"] == str(new.index(text)), text
        assert f"'{text}', char_start {SMALL.index(text)} → {new.index(text)}" in out
        assert decided[text]["found_indicator_id"] and not decided[text]["stale"]
    # one row per number: no stale copy left at the old offset
    assert sorted(r["text"] for r in rows) == ["100%", "12次", "41件", "45件", "80场"]
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    men = pd.read_csv(root / "data" / "processed" / "weibin" / "2023" / "mentions.csv")
    assert men.loc[men["text"].isin(DECIDED), "review"].str.startswith("confirm").all()


@pytest.mark.parametrize(("new", "stale", "why"), [
    # a figure corrected: its decision is stale, the later ones move (offsets +1)
    (SMALL.replace("45件", "145件"), "45件", "has no number '45件' any more"),
    # the sentence repeated earlier: 80场 fits both places
    (SMALL.replace("全年", "上半年开展法治宣传活动80场。全年"), "80场", "at 2 places"),
], ids=["corrected_figure", "ambiguous_duplicate"])
def test_a_decision_that_cannot_be_placed_once_is_marked_stale(tmp_path, new, stale, why):
    root, out, rows = _corrected(tmp_path, new)
    decided = _decided(rows)
    row = decided[stale]
    assert row["char_start"] == str(SMALL.index(stale)) and row["action"] == "confirm"
    assert why in row["stale"] and "delete the row" in row["stale"]
    # what extraction read there is gone: it was read from the old text
    assert not any(row[c] for c in ("measure", "found_indicator_id", "candidates",
                                    "found_value", "found_unit"))
    line = rows.index(row) + 2
    assert "1 decision is stale" in out
    assert f"row {line} '{stale}' at char_start {SMALL.index(stale)}: " in out
    others = [t for t in DECIDED if t != stale]
    assert f"moved {len(others)} decisions" in out
    for text in others:
        assert decided[text]["char_start"] == str(new.index(text))
    # the build stops on it and sends the reviewer to `rol review`
    from rol_analysis import extract

    with pytest.raises(InputError) as err:
        extract.extract_paths(layout.build_paths(root, "weibin", 2023))
    assert f"row {line}" in err.value.message and "`rol review`" in err.value.message


#: Two equal numbers in one sentence, with different words next to each, and a number
#: whose neighbour in its sentence is the figure corrected below (paraphrased).
TWICE = ("渭滨区2023年法治政府建设工作报告\n\n一、推进依法行政\n"
         "全年收到复议申请88件，其中受理76件，按期办结率达到100%。"
         "全区法院审理一审行政案件37件，行政首长到庭应诉37件，到庭率保持100%。\n")


def _nth(text: str, s: str, n: int) -> int:
    """The start of the ``n``-th (0-based) ``s`` in ``text``."""
    at = -1
    for _ in range(n + 1):
        at = text.index(s, at + 1)
    return at


def test_equal_numbers_and_a_corrected_neighbour_move_by_their_own_words(tmp_path):
    """Trial 5 F6: after a clause was inserted and a figure corrected, the two 37件 of an
    unchanged sentence were stale (“in the same words at 2 places”), 88件 was
    stale because its neighbour 76件 became 77件, and the summary counted the stale rows
    as numbers of the report."""
    root = make_root(tmp_path / "p", {("weibin", 2023): TWICE.encode("utf-8")})
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    rows = _read(sheet)
    wanted = {(TWICE.index("88件"), "88件"), (TWICE.index("76件"), "76件"),
              (_nth(TWICE, "37件", 0), "37件"), (_nth(TWICE, "37件", 1), "37件")}
    for r in rows:
        if (int(r["char_start"]), r["text"]) in wanted:
            # a note per row, so each moved decision can be told from the other
            r.update(action="confirm", reviewer="李四", note=f"was {r['char_start']}")
    _write(sheet, rows)
    new = TWICE.replace("一、推进依法行政\n", "一、推进依法行政\n新聘法律顾问3名。").replace(
        "受理76件", "受理77件")
    (root / "data" / "raw" / "weibin" / "2023.txt").write_text(new, encoding="utf-8")
    out = rol("review", "--region", "weibin", "--year", "2023", "--root", root,
              check=0).stdout
    rows = _read(sheet)
    by_note = {r["note"]: r for r in rows if r["action"]}
    shift = len("新聘法律顾问3名。")
    for old, text in sorted(wanted - {(TWICE.index("76件"), "76件")}):
        row = by_note[f"was {old}"]
        assert row["char_start"] == str(old + shift) and not row["stale"], (text, row)
        assert new[old + shift:old + shift + len(text)] == text
        assert f"'{text}', char_start {old} → {old + shift}" in out
    # each 37件 went to its own place: the first to the first, not both to one
    assert {by_note[f"was {_nth(TWICE, '37件', i)}"]["char_start"] for i in (0, 1)} == {
        str(_nth(new, "37件", i)) for i in (0, 1)}
    # the corrected figure itself cannot be placed: stale, and said so apart
    stale = by_note[f"was {TWICE.index('76件')}"]
    assert "has no number '76件' any more" in stale["stale"]
    assert "moved 3 decisions" in out and "1 decision is stale" in out
    numbers = sum(1 for r in rows if not r["stale"])
    assert numbers == len(rows) - 1
    assert (f"weibin/2023: {numbers} numbers, 3 decided, and 1 stale decision listed "
            "above") in out, out


def _sheet(raw: str, decided: list[tuple[int, str]]) -> list[dict]:
    """Worksheet rows of ``raw``'s sentences: one per number given, decided, with the
    sentence it is in (as `rol review` writes it)."""
    rows = []
    for start, text in decided:
        row = {c: "" for c in reviews.COLUMNS}
        row.update(char_start=str(start), text=text, action="confirm",
                   sentence=reviews._sentence_at(raw, start, start + len(text)))
        rows.append(row)
    return rows


@pytest.mark.parametrize(("new", "stays", "why"), [
    # the sentence twice in the corrected report: each 37件 fits two places
    (TWICE.replace("\n全年", "\n" + TWICE.split("。")[1] + "。全年"), ["37件", "37件"],
     "in the same words at 2 places"),
    # its own words edited (其中受理 → 其中依法受理) as well as its neighbour corrected
    (TWICE.replace("其中受理76件", "其中依法受理77件"), ["88件"],
     "nor with its own words, 收到复议申请【88件】，其中受理"),
], ids=["repeated_sentence_tie", "own_words_changed"])
def test_a_decision_without_one_closest_place_stays_stale(new, stays, why):
    rows = _sheet(TWICE, [(TWICE.index("88件"), "88件"), (_nth(TWICE, "37件", 0), "37件"),
                          (_nth(TWICE, "37件", 1), "37件")])
    moved, stale = reviews.reanchor(rows, "新的一句。" + new)  # every offset shifts
    assert sorted(r["text"] for r in stale) == stays
    assert all(why in r["stale"] and "delete the row" in r["stale"] for r in stale)
    assert sorted(r["text"] for r, _ in moved) == sorted(
        r["text"] for r in rows if r not in stale)


def test_equal_numbers_of_a_lightly_changed_sentence_move_each_to_its_own_place():
    # a word inserted at the sentence's start, then also the first 37件 corrected to
    # 39件: the second still moves, and to the second place, by the words next to it
    two = [(_nth(TWICE, "37件", i), "37件") for i in (0, 1)]
    new = "新的一句。" + TWICE.replace("全区法院", "全区人民法院")
    moved, stale = reviews.reanchor(_sheet(TWICE, two), new)
    assert not stale and [(r["char_start"], old) for r, old in moved] == [
        (str(_nth(new, "37件", i)), two[i][0]) for i in (0, 1)]
    fixed = new.replace("行政案件37件", "行政案件39件")
    moved, stale = reviews.reanchor(_sheet(TWICE, two), fixed)
    assert [(r["char_start"], old) for r, old in moved] == [(str(fixed.index("37件")),
                                                            two[1][0])]
    assert len(stale) == 1 and "nor with its own words, 一审行政案件【37件】" in stale[0]["stale"]


def test_a_number_squeezed_between_others_is_not_placed_by_its_few_words():
    # 5件 has only 件、 and 、 once its neighbours' digits are cut: too little to find
    # it by once its sentence changed (3件 corrected to 4件)
    raw = "全年办理复议3件、5件、7件。"
    rows = _sheet(raw, [(raw.index("5件"), "5件")])
    moved, stale = reviews.reanchor(rows, "另起一句。" + raw.replace("3件", "4件"))
    assert not moved and "too few to find it by" in stale[0]["stale"]


def test_a_decision_keeps_every_unnamed_reading_of_another_number():
    """Two names read off one number with no indicator for either (按期公开率、群众知晓率均为
    100%) are two rows; a decision on any number of the report dropped the second, so
    the brief and the panel lost a stated figure."""
    from rol_analysis import extract

    text = "全年办理行政复议案件12件。全区年度报告按期公开率、群众知晓率均为100%。"
    ex = extract.extract_text(text, "r", 2023)
    ex.mentions["review"] = ""
    rate = ex.mentions[ex.mentions["text"] == "100%"]
    assert len(rate) == 2 and not any(rate["indicator_id"])
    decision = reviews.Decision(2, text.index("12件"), "12件", "confirm", "", None, "", "",
                                "", "李四", "")
    out = reviews.apply(ex, text, [decision], "r/2023.csv").mentions
    assert sorted(out.loc[out["text"] == "100%", "measure"]) == sorted(rate["measure"])


def test_a_peer_whose_table_and_sources_both_changed_is_one_reason():
    # Trial 5 F8: `rol list` said each reviewed peer twice ("… source sentences are
    # numbered differently (the links to them); … published peer x/2023 changed").
    from rol_analysis import pipeline

    old = {"peers": {"x/2023": "a", "y/2023": "c"}, "anchors": {"x/2023": "1", "y/2023": "3"}}
    new = {"peers": {"x/2023": "b", "y/2023": "c"}, "anchors": {"x/2023": "2", "y/2023": "4"}}
    assert pipeline._explain(old, new) == [
        "published peer y/2023's source sentences are numbered differently (the links to "
        "them)", "published peer x/2023 changed"]


def test_after_a_review_build_and_list_say_to_rebuild_the_briefs_that_compare(
        pool_batch, tmp_path):
    """Trial 5 F8: after recording decisions on one region and building it, the year's
    other briefs (which show it as a peer) were outdated and nothing said to run
    `rol build --all`."""
    import shutil

    root = tmp_path / "batch"
    shutil.copytree(pool_batch[0], root, symlinks=True)
    _write(reviews.review_file(root, "weibin", 2023), [
        {"char_start": str(_at("849件")), "text": "849件", "action": "confirm",
         "reviewer": "李四"}])
    said = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "then `rol build --all`" in said.stdout
    assert "set with an indicator_id names a number (an unnamed one too)" in said.stdout
    built = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert ("next: 1 other brief that compares with it is now outdated (hongqi/2023): "
            "run `rol build --all` to rebuild it") in built.stdout, built.stdout
    listed = rol("list", "--root", root, check=0).stdout
    (hongqi,) = [line for line in listed.splitlines() if line.startswith("hongqi/2023")]
    assert hongqi.endswith("outdated: published peer weibin/2023 changed"), hongqi
    assert ("next: `rol build --all` builds the 1 region-year not built or outdated"
            in listed)
    again = rol("build", "--all", "--root", root, check=0)
    assert "next:" not in again.stdout
    assert "next:" not in rol("list", "--root", root, check=0).stdout


# Reviewer trial (session 22): a `set` that the indicator's own definition excludes passed
# `rol review` silently, and `rol catalogue suggest` turned it into an [[alias]] of that
# indicator. It is refused by `rol review` and by the build, naming the row, the number,
# the indicator, the part of the definition that excludes it and the fixes; `set!`
# records it on purpose.
DEFINED_OUT = RAW + ("\n全区12348热线解答法律咨询1200人次，新聘人民调解员30名，受理调解纠纷"
                     "同比增长12%。\n")


@pytest.fixture
def defined_out(tmp_path):
    """A root whose report says 12348热线…1200人次, 新聘人民调解员30名 and 同比增长12%,
    and its worksheet."""
    root = make_root(tmp_path / "p", {("weibin", 2023): DEFINED_OUT.encode("utf-8")})
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    return root, reviews.review_file(root, "weibin", 2023)


def _decide(sheet, text: str, **decision) -> dict:
    rows = _read(sheet)
    row = next(r for r in rows if r["text"] == text)
    row.update(reviewer="李四", **decision)
    _write(sheet, rows)
    return row


@pytest.mark.parametrize(("text", "iid", "why", "part", "build"), [
    ("1200人次", "public_legal_service_consultations", "by its exclude rule '12348' (what "
     "public_legal_service_consultations does not count), found as '12348' in its clause",
     "exclude", True),
    ("30名", "people_mediators", "by its exclude rule '新聘' (what people_mediators does not "
     "count), found as '新聘' in its clause", "exclude", False),
    ("12%", "mediation_success_rate", "by kind: mediation_success_rate is a rate (a level "
     "in %), and this number is a change", "kind", False),
])
def test_a_set_its_indicators_definition_excludes_is_refused_naming_what_excludes_it(
        defined_out, text, iid, why, part, build):
    root, sheet = defined_out
    row = _decide(sheet, text, action="set", indicator_id=iid)
    line = next(n for n, r in enumerate(_read(sheet), start=2) if r["text"] == text)
    before = sheet.read_bytes()
    said = rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    msg = said.stderr + said.stdout
    assert (f"2023.csv, row {line} (set at char_start {row['char_start']}, '{text}'): the "
            f"definition of {iid}") in msg, msg
    assert why in msg
    # the three ways out, and the one to insist
    assert "write new in action" in msg and "Pick another indicator" in msg
    assert f"widen its {part} in src/rol_analysis/catalogue/indicators.toml" in msg
    assert "write set! instead of set" in msg
    assert "left" in msg and "as it was (not refreshed, no decision applied)" in msg
    assert sheet.read_bytes() == before  # nothing half-written
    if not build:
        return  # the build runs the same check (below, once)
    build = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=2)
    assert why in build.stderr + build.stdout
    assert not (root / "reports" / "weibin" / "2023").exists()
    # set! names it so on purpose: review and build accept it, marked as a correction
    _decide(sheet, text, action="set!", indicator_id=iid)
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert next(r for r in _read(sheet) if r["text"] == text)["action"] == "set!"
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    ind = pd.read_csv(root / "data" / "processed" / "weibin" / "2023" / "indicators.csv",
                      encoding="utf-8-sig", keep_default_na=False).set_index("indicator_id")
    assert ind.loc[iid, "text"] == text and ind.loc[iid, "review"].startswith("set | 李四")
    # the brief tells the override from a set: ✎! where ✎ stands, and what of the
    # definition the reviewer overrode on hover and in the footnote (session 24)
    assert ind.loc[iid, "review"].endswith(" | 违背定义 含排除词“12348” (exclude word “12348”)")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((root / "reports/weibin/2023/brief.html").read_text("utf-8"), "lxml")
    marks = soup.select(".review-against")
    assert marks and {m.get_text() for m in marks} == {"✎!"}
    said = ("违背指标定义：含排除词“12348” (exclude word “12348”) / set against the "
            "indicator's definition")
    assert all(said in m["title"] for m in marks), [m["title"] for m in marks]
    assert said in soup.select_one(".sources").get_text()
    # a plain set keeps its ✎
    assert all(m.get_text() == "✎" for m in soup.select(".review-mark")
               if "review-against" not in m["class"])


@pytest.mark.parametrize(("text", "iid", "why"), [
    ("30名", "people_mediators", "by its exclude rule '新聘' (what people_mediators does "
     "not count), found as '新聘' in its clause"),
    ("12%", "mediation_success_rate", "by kind: mediation_success_rate is a rate (a level "
     "in %), and this number is a change"),
])
def test_an_add_its_indicators_definition_excludes_is_refused_as_a_set_is(
        tmp_path, monkeypatch, text, iid, why):
    """Session 24: a number the extractor missed, added with an indicator whose definition
    excludes it (新聘 people_mediators, a change as a rate), was published unchecked; a
    set of the same number was refused. Refused the same way by `rol review` and the
    build; add! adds it on purpose, marked with what it overrode."""
    from rol_analysis import catalogue, extract, layout

    raw = DEFINED_OUT
    start = raw.index(text, len(RAW))
    unit = "名" if text == "30名" else "%"

    def missed(paths, **kw):  # the extractor missing the number, as it misses 365天
        ex = real(paths, **kw)
        ex.mentions = ex.mentions[ex.mentions["char_start"] != start].reset_index(drop=True)
        return ex

    real = extract.extract_paths
    root = make_root(tmp_path / "p", {("weibin", 2023): raw.encode("utf-8")})
    sheet = reviews.review_file(root, "weibin", 2023)
    row = {"char_start": str(start), "text": text, "action": "add", "indicator_id": iid,
           "value": text.rstrip("名%"), "unit": unit, "reviewer": "李四"}
    _write(sheet, [row])
    monkeypatch.setattr(extract, "extract_paths", missed)
    before = sheet.read_bytes()
    with pytest.raises(InputError) as err:
        reviews.write_worksheet(layout.build_paths(root, "weibin", 2023))
    msg = err.value.message
    assert f"row 2 (add at char_start {start}, '{text}'): the definition of {iid}" in msg
    assert why in msg and "write add! instead of add" in msg and "Pick another" in msg
    assert "write new" not in msg  # a new decision is about an extracted number
    assert sheet.read_bytes() == before
    # the build (apply) refuses it with the same message
    ex = extract.extract_text(raw, "weibin", 2023)
    ex.mentions = ex.mentions[ex.mentions["char_start"] != start].reset_index(drop=True)
    ex.mentions["review"] = ""
    d = reviews.read(sheet)[0]
    with pytest.raises(InputError) as err:
        reviews.apply(ex, raw, [d], sheet, catalogue.load())
    assert why in err.value.message and "write add! instead of add" in err.value.message
    # add! adds it, its mark saying what of the definition it overrode
    _write(sheet, [{**row, "action": "add!"}])
    reviews.write_worksheet(layout.build_paths(root, "weibin", 2023))
    assert next(r for r in _read(sheet) if r["char_start"] == str(start))["action"] == "add!"
    reviews.apply(ex, raw, reviews.read(sheet), sheet, catalogue.load())
    added = ex.indicators.set_index("indicator_id").loc[iid]
    assert added["text"] == text and added["review"].startswith("add | 李四 | 违背定义 ")


def test_a_set_the_definition_takes_is_applied_as_before():
    from rol_analysis import catalogue, extract

    ex = extract.extract_text(DEFINED_OUT, "weibin", 2023)
    ex.mentions["review"] = ""
    # 273名 of the seed is people_mediators' own: no exclude word in its clause
    d = reviews.Decision(2, _at("273名"), "273名", "set", "people_mediators", None, "", "",
                         "", "李四", "")
    reviews.apply(ex, DEFINED_OUT, [d], "r/2023.csv", catalogue.load())
    assert ex.indicators.set_index("indicator_id").loc["people_mediators", "text"] == "273名"


@pytest.mark.parametrize(("row", "problem"), [
    ({"action": "new", "value": "3"}, "new keeps the number as read"),
    ({"action": "new", "indicator_id": "人民调解员人数"},
     "the proposed name '人民调解员人数' is the catalogue's indicator people_mediators"),
    ({"action": "new", "indicator_id": "people_mediators"}, "write set with indicator_id "
     "people_mediators"),
    ({"action": "set!"}, "set! names no indicator"),
])
def test_a_new_or_forced_row_that_cannot_be_is_refused(tmp_path, row, problem):
    path = tmp_path / "2023.csv"
    _write(path, [{"char_start": "10", "text": "849件", **row}])
    with pytest.raises(InputError) as err:
        reviews.read(path)
    assert "row 2" in err.value.message and problem in err.value.message


def test_a_number_that_needs_a_new_indicator_stays_unnamed_and_the_brief_says_so(tmp_path):
    root = make_root(tmp_path / "p")
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = reviews.review_file(root, "weibin", 2023)
    # 2天 of the survey, named delegation_survey_days: no indicator of the catalogue fits
    _decide(sheet, "2天", action="new", indicator_id="专项调研天数", note="调研时长，非指标")
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    men = pd.read_csv(root / "data" / "processed" / "weibin" / "2023" / "mentions.csv",
                      encoding="utf-8-sig", keep_default_na=False)
    rec = men[men["text"] == "2天"].iloc[0]
    assert rec["indicator_id"] == "" and rec["part_of"] == ""
    assert rec["review"] == ("new | 李四 | 原读作 2 天 · delegation_survey_days | "
                             "新指标 专项调研天数")
    page = BeautifulSoup((root / "reports" / "weibin" / "2023" / "brief.html").read_text(
        encoding="utf-8"), "lxml")
    row = next(tr for tr in page.select(".other-stats table.other tbody tr")
               if "2天" in tr.get_text())
    assert "需新增指标“专项调研天数”" in row.get_text()
    assert not row.select(".review-mark")  # no ✓/✎: no name was decided
    # the header counts it among the decided numbers, and says what it is
    assert "排除 0，需新增指标 1" in page.get_text()
    assert "1 needing a new indicator" in page.get_text()
    assert "复核（李四）：2天 需新增指标（提议名称：专项调研天数），原读作 2 天 · " \
        "delegation_survey_days" in page.select_one(".sources").get_text()
    # kept through a refresh, as every decision
    rol("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    kept = next(r for r in _read(sheet) if r["text"] == "2天")
    assert (kept["action"], kept["indicator_id"]) == ("new", "专项调研天数")


def test_rol_review_on_a_report_of_another_year_says_it_wrote_nothing(tmp_path):
    root = make_root(tmp_path / "p", {("weibin", 2022): RAW.replace(
        "调解纠纷849件", "调解纠纷850件").encode("utf-8")})
    said = rol("review", "--region", "weibin", "--year", "2022", "--root", root, check=2)
    msg = said.stderr + said.stdout
    assert "the report states the year 2023" in msg and "run `rol review` again" in msg
    assert "`rol review` wrote nothing" in msg and "no decision was applied" in msg
    assert "Nothing was published" not in msg and "build again" not in msg
    assert not reviews.review_file(root, "weibin", 2022).exists()
