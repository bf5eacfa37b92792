"""A raw report filed under another year than its own is not published (trial 2, item 1)."""

from __future__ import annotations

import pytest
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
    # the index lists it with the reason, and no link to a brief (trial 23)
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "weibin/2022/" not in index and "but is filed as 2022" in index

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


@pytest.mark.parametrize("resave", ["gb18030", "crlf-bom", "docx"])
def test_a_resaved_copy_of_another_regions_report_is_not_published(seed_copy, resave):
    """The same report re-saved in GB18030, with CRLF and a BOM, or as .docx is refused
    like a byte-identical copy (its figures would be counted twice in the panel), the
    message saying that the texts are identical though the files differ; the same
    <year>.shared.txt confirms a report the two regions really share."""
    root = seed_copy
    text = SEED.read_bytes().decode("utf-8")
    (root / "data/raw/hongqi").mkdir()
    if resave == "docx":
        import docx

        copy = root / "data/raw/hongqi/2023.docx"
        document = docx.Document()
        for para in text.splitlines():
            document.add_paragraph(para)
        document.save(copy)
    else:
        copy = root / "data/raw/hongqi/2023.txt"
        copy.write_bytes(text.encode("gb18030") if resave == "gb18030" else
                         b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    proc = rol_here("validate", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode == 2, proc
    err = " ".join(proc.stderr.split())
    assert (f"hongqi/{copy.name}: its text is identical to that of" in err
            and "weibin/2023.txt, the 2023 report of another region (weibin), though the "
                "files differ" in err), err
    assert "put hongqi's own 2023 report at" in err and "Traceback" not in err
    assert not (root / "data/processed/hongqi").exists()

    confirm = root / "data/reviews/hongqi/2023.shared.txt"
    confirm.parent.mkdir(parents=True)
    confirm.write_text("weibin\n", encoding="utf-8")
    proc = rol_here("validate", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode in (0, 1), proc  # past the filing check: validation ran
    from rol_analysis import extract, layout

    meta = extract.extract_paths(layout.build_paths(root, "hongqi", 2023)).meta
    assert any("the same text as weibin's report 2023.txt; one report of both regions"
               in w for w in meta["warnings"]), meta["warnings"]


def test_a_resaved_copy_under_another_year_is_refused(seed_copy):
    """Within one region too: the 2023 report re-saved as GB18030 under 2022 is one
    report filed under two years, whatever its bytes."""
    root = seed_copy
    copy = root / "data/raw/weibin/2022.txt"
    copy.write_bytes(SEED.read_bytes().decode("utf-8").encode("gb18030"))
    proc = rol_here("validate", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    err = " ".join(proc.stderr.split())
    assert "weibin/2022.txt: its text is identical to that of" in err
    assert "one report filed under two years (2022 and 2023)" in err


def test_text_digests_are_cached_by_file_digest(tmp_path):
    """A file is decoded once: the digest is kept under .rol-cache by the file's
    sha256, so a batch does not decode every raw file per region-year."""
    from rol_analysis import filing

    report = tmp_path / "a.txt"
    report.write_bytes(SEED.read_bytes())
    digest = filing.text_digest(report, tmp_path)
    stored = list((tmp_path / ".rol-cache/text-digest").iterdir())
    # with the year the report states, read in the same decode (`rol list`)
    assert len(stored) == 1 and stored[0].read_text().split() == [digest, "2023"]
    assert filing.stated_year(report, tmp_path) == 2023
    # a GB18030 re-save says the same; a changed figure does not
    other = tmp_path / "b.txt"
    other.write_bytes(SEED.read_bytes().decode("utf-8").encode("gb18030"))
    assert filing.text_digest(other, tmp_path) == digest
    other.write_bytes(SEED.read_bytes().decode("utf-8").replace("1", "2", 1).encode("gb18030"))
    assert filing.text_digest(other, tmp_path) != digest
