"""A raw report filed under another year than its own is not published (trial 2, item 1)."""

from __future__ import annotations

from conftest import SEED, rol_here


def test_a_report_filed_under_the_wrong_year_is_not_published(seed_copy):
    root = seed_copy
    raw = root / "data/raw/weibin"
    # the seed (the 2023 report, "2023年" in its title) copied in as 2022
    (raw / "2022.txt").write_bytes(SEED.read_bytes())
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    assert "2022.txt: it is byte for byte the same file as" in proc.stderr
    assert "2023.txt" in proc.stderr and "remove the copy" in proc.stderr
    assert not (root / "reports/weibin/2022").exists()
    assert "Traceback" not in proc.stderr

    # not the same bytes, but it still says 2023: rename it, or confirm the year
    (raw / "2022.txt").write_bytes(SEED.read_bytes().replace(
        "调解纠纷849件".encode(), "调解纠纷850件".encode()))
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    assert "2022.txt: the report states the year 2023" in proc.stderr
    assert "but is filed as 2022" in proc.stderr
    # the stated year has its own file: renaming onto it is not the fix
    assert "if it is the 2023 report, remove it (the region already has" in proc.stderr
    assert "weibin/2023.txt for 2023)" in proc.stderr
    assert "data/reviews/weibin/2022.year.txt" in proc.stderr
    assert not (root / "reports/weibin/2022").exists()
    assert not (root / "data/processed/weibin/2022").exists()
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "weibin/2022" not in index

    # a confirmation that names another year is refused, naming the file
    confirm = root / "data/reviews/weibin/2022.year.txt"
    confirm.parent.mkdir(parents=True)
    confirm.write_text("2023\n", encoding="utf-8")
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    assert "2022.year.txt: its first line should be the filing year 2022" in proc.stderr

    # the analyst confirms that it is the 2022 report with a misprinted title
    confirm.write_text("2022\n标题年份印错，正文为2022年工作。\n", encoding="utf-8")
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 0, proc
    assert (root / "reports/weibin/2022/brief.html").is_file()
    assert "the filing year 2022 is confirmed in 2022.year.txt" in proc.stdout + proc.stderr

    # with no file for the year it states, the fix is to rename it
    (raw / "2023.txt").rename(raw / "2021.txt")
    (raw / "2021.txt").write_bytes(SEED.read_bytes().replace(b"2023", b"2021"))
    confirm.unlink()
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    assert "if it is the 2023 report, rename it to" in proc.stderr
    assert "weibin/2023.txt;" in proc.stderr


def test_a_report_copied_from_another_region_is_not_published(seed_copy):
    """A raw report byte for byte another region's (copied in by mistake when a place
    was added) exits 2 naming both files and whose report it is; two regions that
    really publish one report confirm it in either one's <year>.shared.txt."""
    root = seed_copy
    (root / "data/raw/hongqi").mkdir()
    copy = root / "data/raw/hongqi/2023.txt"
    copy.write_bytes(SEED.read_bytes())
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    proc = rol_here("build", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode == 2, proc
    err = " ".join(proc.stderr.split())
    assert "hongqi/2023.txt: it is byte for byte the same file as" in err
    assert "weibin/2023.txt, the 2023 report of another region (weibin)" in err
    assert "names 卫滨区: it is weibin's report" in err
    assert "put hongqi's own 2023 report at" in err
    assert "data/reviews/hongqi/2023.shared.txt" in err and "Traceback" not in err
    assert not (root / "reports/hongqi").exists()
    assert not (root / "data/processed/hongqi").exists()

    confirm = root / "data/reviews/weibin/2023.shared.txt"
    confirm.parent.mkdir(parents=True)
    confirm.write_text("红旗区\n", encoding="utf-8")
    proc = rol_here("validate", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode == 2, proc
    assert "2023.shared.txt: its first line should be the slug" in proc.stderr

    # one government for both: confirmed on weibin's side, hongqi's brief goes out
    confirm.write_text("hongqi\n两区合署办公，共同发布一份报告。\n", encoding="utf-8")
    proc = rol_here("build", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode == 0, proc
    note = ("2023.txt: the same file as weibin's report 2023.txt; one report of both "
            "regions, confirmed in data/reviews/weibin/2023.shared.txt")
    assert note in proc.stdout + proc.stderr
    assert note in (root / "reports/hongqi/2023/brief.html").read_text(encoding="utf-8")
