"""The independent second readings (``second_reading.tsv``) and their agreement figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from agreement_eval import SECOND, ReadingError, compare, main, pair_rows

from rol_analysis import catalogue

DATA = Path(__file__).resolve().parent / "data"
READ_TWICE = sorted(p.parent.name for p in DATA.glob(f"*/{SECOND}"))


def _row(anchor, id_="", part_of="", value="1"):
    return {"anchor": anchor, "value": value, "id": id_, "part_of": part_of}


def test_agreement_counts_each_kind_of_difference():
    study = "exec_meeting_law_study_sessions"
    pairs = [
        (_row("x", study), _row("x", study)),
        (_row("y", "officials_trained"), _row("y", "law_exam_participants")),
        (_row("z", "legality_reviews"), _row("z")),
        (_row("w"), _row("w", "rol_special_meetings")),
        (_row("v", part_of="rol_key_tasks"), _row("v", part_of="rol_key_tasks")),
    ]
    pairs = [("a_2024", i, g, s) for i, (g, s) in enumerate(pairs)]
    extractor = {("a_2024", 0): "central_group_law_study_sessions",  # readers agree
                 ("a_2024", 1): "legal_education_participants"}       # they differ
    a = compare(pairs, extractor)
    assert (a.rows, a.same_id, a.either_named) == (5, 2, 4)
    assert (a.both_named_other, a.only_gold_named, a.only_second_named) == (1, 1, 1)
    # scored like the extractor: an id other than gold's (empty gold included) is wrong
    assert a.second_wrong == 2 and (a.second_id_ok, a.gold_with_id) == (1, 3)
    assert (a.with_part, a.same_part) == (1, 1)
    assert (a.extractor_wrong_agreed, a.extractor_wrong_disputed) == (1, 1)
    assert [d[1]["anchor"] for d in a.disputed] == ["y", "z", "w"]


def test_a_second_reading_that_does_not_line_up_is_rejected(tmp_path, capsys):
    (tmp_path / "a_2024.txt").write_text("全年学法3次。", encoding="utf-8")
    head = "id\tsection\tvalue\tunit\tqualifier\tanchor\tzh_name\ten_name\tkind\tmeasure\tpart_of\n"
    (tmp_path / "a_2024.gold.tsv").write_text(
        head + "\tleadership\t3\t次\texact\t学法3次\t\t\tcount\t学法次数\t\n", encoding="utf-8")
    (tmp_path / SECOND).write_text(
        "fixture\tanchor\tvalue\tid\tpart_of\na_2024\t学法4次\t4\t\t\n", encoding="utf-8")
    with pytest.raises(ReadingError, match="学法4次"):
        pair_rows(tmp_path)
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert SECOND in err and "学法3次" in err


def test_the_scorer_names_a_folder_without_a_second_reading(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.parametrize("folder", READ_TWICE)
def test_second_reading_covers_every_gold_row_with_catalogue_ids(folder):
    cat = catalogue.load()
    pairs = pair_rows(DATA / folder)
    assert pairs
    for name, _i, _g, s in pairs:
        for col in ("id", "part_of"):
            assert not s[col] or s[col] in cat.indicators, (folder, name, s["anchor"], s[col])
        assert not (s["id"] and s["part_of"]), (folder, name, s["anchor"])
    # one indicator names one statistic per report, for the second reader too
    seen = [(name, s["id"]) for name, _i, _g, s in pairs if s["id"]]
    assert len(seen) == len(set(seen)), folder


def test_sets_read_twice_are_reported(capsys):
    assert READ_TWICE, "no set has an independent second reading"
    assert main([str(DATA / f) for f in READ_TWICE]) == 0
    out = capsys.readouterr().out
    for f in READ_TWICE:
        assert f"{f}: " in out and "second reader scored like the extractor" in out
