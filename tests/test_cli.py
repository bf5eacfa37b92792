"""The rol command as a user meets it: parameters, exit codes, messages."""

import json
import os
import shutil

import docx
import pandas as pd
import pytest
from conftest import REPO, SEED, make_root, rol, rol_here, tree_bytes

from rol_analysis import layout


@pytest.mark.parametrize("args", [
    ["--region", "../../etc", "--year", "2023"],
    ["--region", "weibin", "--year", "2023; import os"],
    ["--region", "weibin", "--year", "1899"],
    ["--region", "weibin", "--year", "2022"],          # no raw file
    ["--region", "nowhere", "--year", "2023"],
    ["--year", "2023"],                                # which region(s)?
    ["--region", "nowhere"],                           # every year of a region with none
    ["--jobs", "0", "--all"],
])
def test_bad_build_parameters_exit_2_and_write_nothing(root, args):
    before = tree_bytes(root)
    proc = rol_here("build", "--root", root, "--quiet", *args)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip()
    assert tree_bytes(root) == before
    assert not (root / "reports").exists() and not (root / "data" / "processed").exists()


def test_root_without_data_raw_is_a_usage_error(tmp_path):
    proc = rol_here("build", "--all", "--root", tmp_path)
    assert proc.returncode == 2
    assert "data/raw" in proc.stderr and "--root" in proc.stderr


def test_list_shows_region_years_and_status(root):
    proc = rol_here("list", "--root", root, check=0)
    assert "weibin/2023" in proc.stdout and "not built" in proc.stdout


def test_help_and_version():
    assert "build" in rol("--help", check=0).stdout
    assert rol("--version", check=0).stdout.startswith("rol, version")


def test_pdf_without_chromium_exits_2_before_building(root):
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--pdf", "--root", root,
                    "-q", env={"ROL_CHROMIUM": str(root / "no-such-chromium")})
    assert proc.returncode == 2
    assert "apt-get install chromium" in proc.stderr
    assert not (root / "reports").exists()


def test_extract_any_file_anywhere(tmp_path):
    doc = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    report = tmp_path / "somewhere" / "卫滨区报告.docx"
    report.parent.mkdir()
    doc.save(report)
    out = tmp_path / "out"
    proc = rol_here("extract", report, "--out", out, check=0)
    assert "catalogue indicators" in proc.stdout
    ind = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig")
    assert set(ind["year"]) == {2023}  # read from the text
    found = dict(zip(ind["indicator_id"], ind["value"]))
    assert found["disputes_mediated"] == 849
    assert found["audit_reduction_amount"] == 16280000
    assert (out / "mentions.parquet").is_file() and (out / "report.json").is_file()
    # no regions.csv above the file: said once the extraction is done, not before it
    assert proc.stderr.startswith("note: no data/raw/regions.csv found above"), proc.stderr


def test_extract_warns_when_the_report_is_for_another_region(tmp_path):
    regions = tmp_path / "regions.csv"
    regions.write_text((REPO / "data/raw/regions.csv").read_text(encoding="utf-8")
                       + "hongqi,红旗区,新乡市,河南省\n", encoding="utf-8")
    proc = rol_here("extract", SEED, "--out", tmp_path / "out", "--region", "hongqi",
               "--regions-csv", regions, check=0)
    assert "warning: 2023.txt" in proc.stderr
    assert "卫滨区" in proc.stderr and "红旗区" in proc.stderr
    proc = rol_here("extract", SEED, "--out", tmp_path / "out2", "--region", "weibin",
               "--year", "2022", "--regions-csv", regions, check=0)
    assert "warning" in proc.stderr and "2023" in proc.stderr and "2022" in proc.stderr


@pytest.mark.parametrize("content,problem", [(b"", "empty"), (b"\x00\x01\x02\xff" * 50, ""),
                                             (None, "the file does not exist")])
def test_extract_bad_file_exits_2_naming_it(tmp_path, content, problem):
    """The error comes first and alone: the note that no regions.csv was found (none
    is, outside a project) used to come before it (reviewer trial, session 22)."""
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    proc = rol_here("extract", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"error: {bad}"), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert problem in proc.stderr
    assert not (tmp_path / "out").exists()


def test_validate_passes_the_seed_and_publishes_nothing(root):
    proc = rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "validation passed" in proc.stdout
    report = root / ".rol-cache/validate/weibin/2023/validation.html"
    assert report.is_file() and str(report) in proc.stdout
    assert not (root / "data" / "processed").exists()
    assert not (root / "reports").exists()
    assert not list((root / ".rol-cache" / "stage").iterdir())


def test_validate_fails_with_exit_1_on_an_impossible_rate(root):
    raw = root / "data/raw/weibin/2023.txt"
    raw.write_bytes(raw.read_bytes().replace("调解成功率100%".encode(), "调解成功率120%".encode()))
    proc = rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 1
    assert "mediation_success_rate" in proc.stderr or "调解成功率" in proc.stderr
    assert "调解成功率120%" in proc.stderr  # the source sentence
    report = root / ".rol-cache/validate/weibin/2023"
    assert str(report / "validation.html") in proc.stderr
    assert "120" in (report / "validation.html").read_text(encoding="utf-8")
    # the JSON beside it describes the same run as the HTML
    validation = json.loads((report / "validation.json").read_text("utf-8"))
    assert validation["success"] is False
    assert not (root / "reports").exists()


def test_misspelled_suite_in_the_root_exits_2_naming_file_and_entry(root):
    local = root / "expectations"
    shutil.copytree(layout.resource_dir(root.parent / "none", "expectations"), local)
    suite = json.loads((local / "critical.json").read_text(encoding="utf-8"))
    suite["expectations"][3]["type"] = "expect_column_values_to_be_betwen"
    (local / "critical.json").write_text(json.dumps(suite), encoding="utf-8")
    proc = rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 2
    assert "critical.json" in proc.stderr and "#3" in proc.stderr
    assert "expect_column_values_to_be_betwen" in proc.stderr
    (local / "critical.json").write_text("{not json", encoding="utf-8")
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
    assert proc.returncode == 2 and "critical.json" in proc.stderr
    assert not (root / "reports/weibin/2023/brief.html").exists()


def test_build_warns_when_the_report_names_another_region(root):
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\n")
    (root / "data/raw/hongqi").mkdir()
    # Weibin's report with a line added, filed as Hongqi (the same text, whatever its
    # bytes, is refused as a copy: test_filing)
    (root / "data/raw/hongqi/2023.txt").write_bytes(
        SEED.read_bytes() + "\n（测试用副本，另加一行。）\n".encode())
    proc = rol_here("build", "--region", "hongqi", "--year", "2023", "--root", root, "-q", check=0)
    assert "warning: hongqi/2023" in proc.stderr
    assert "卫滨区" in proc.stderr and "红旗区" in proc.stderr


def test_extract_in_a_project_fills_the_region_slug_from_regions_csv(root, tmp_path):
    rol_here("extract", "data/raw/weibin/2023.txt", "--out", tmp_path / "out", cwd=root, check=0)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["region"] == "weibin" and report["warnings"] == []


def test_all_with_a_filter_that_matches_nothing_names_the_filter(root):
    proc = rol_here("build", "--all", "--region", "weibn", "--root", root)
    assert proc.returncode == 2 and "region weibn" in proc.stderr


def test_a_stray_file_that_is_not_a_report_year_is_ignored(root):
    (root / "data/raw/weibin/1999.txt").write_text("旧文件", encoding="utf-8")
    proc = rol_here("list", "--root", root, check=0)
    assert "weibin/2023" in proc.stdout
    assert not any(line.startswith("weibin/1999") for line in proc.stdout.splitlines())
    assert "weibin/1999.txt: 1999 is outside the report years" in proc.stdout


def test_extract_run_from_another_folder_finds_the_files_own_regions_csv(root, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rol_here("extract", root / "data/raw/weibin/2023.txt", "--out", tmp_path / "out",
             cwd=elsewhere, check=0)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["region"] == "weibin"
    # a file in no project: the slug stays empty, and the user is told why
    lone = tmp_path / "lone" / "2023.txt"
    lone.parent.mkdir()
    shutil.copy(SEED, lone)
    proc = rol_here("extract", lone, "--out", tmp_path / "out2", cwd=elsewhere, check=0)
    assert "no data/raw/regions.csv found" in proc.stderr and "--region" in proc.stderr


def test_list_names_what_it_ignores_with_reason_and_fix(root):
    raw = root / "data/raw"
    (raw / "weibin/2024.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (raw / "Bad_Region").mkdir()
    (raw / "Bad_Region/2023.txt").write_text("x", encoding="utf-8")
    (raw / "weibin/2022.txt").mkdir()
    out = rol_here("list", "--root", root, check=0).stdout
    assert "weibin/2023" in out
    lines = {line.split(":")[0].strip(): line for line in out.splitlines()}
    assert "is not a report format" in lines["weibin/2024.doc"]
    assert "save it as .docx" in lines["weibin/2024.doc"]
    assert "not a region slug" in lines["Bad_Region/"] and "bad-region" in lines["Bad_Region/"]
    assert "a folder, not a report file" in lines["weibin/2022.txt/"]


def test_list_proposes_the_year_a_file_name_holds_and_flags_a_region_without_a_row(root):
    """Trial 4 (F16): `liwan/2024年.txt` was told "e.g. …/liwan/2023.txt", and a region
    folder with no regions.csv row was flagged by `rol build` only."""
    raw = root / "data/raw"
    (raw / "liwan").mkdir()
    shutil.copy(SEED, raw / "liwan" / "2024年.txt")
    (raw / "weibin/报告.txt").write_text("x", encoding="utf-8")
    (raw / "haizhu").mkdir(exist_ok=True)
    shutil.copy(SEED, raw / "haizhu" / "2023.txt")
    out = rol_here("list", "--root", root, check=0).stdout
    lines = {line.split(":")[0].strip(): line for line in out.splitlines()}
    assert f"rename it to {raw / 'liwan' / '2024.txt'}" in lines["liwan/2024年.txt"], out
    assert "2023.txt" not in lines["liwan/2024年.txt"]
    # a name without a year still gets the example
    assert "name it <year>.txt, e.g." in lines["weibin/报告.txt"]
    flagged = [line for line in out.splitlines() if line.startswith("warning: data/raw/")]
    assert len(flagged) == 1, out  # liwan has no report named by a year: never built
    assert ("warning: data/raw/haizhu/: region 'haizhu' has no row in data/raw/regions.csv"
            in flagged[0] and "add a row haizhu,<zh_name>,<city>,<province>,<level>"
            in flagged[0]), flagged


def test_year_file_that_is_a_folder_is_named_as_a_folder(root):
    (root / "data/raw/weibin/2022.txt").mkdir()
    proc = rol_here("build", "--region", "weibin", "--year", "2022", "--root", root)
    assert proc.returncode == 2
    assert "2022.txt: this is a folder, not a report file" in proc.stderr


@pytest.mark.parametrize("slug", ["weibin\n", "a" * 300, "weibin\nx"])
def test_slug_must_match_in_full_and_be_short(root, slug):
    proc = rol_here("build", "--region", slug, "--year", "2023", "--root", root)
    assert proc.returncode == 2, proc
    assert "is not a region slug" in proc.stderr and "at most 64" in proc.stderr
    assert "File name too long" not in proc.stderr and len(proc.stderr) < 600


def test_messages_name_the_folder_not_dot(tmp_path):
    proc = rol_here("list", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"error: {tmp_path}: no data/raw/ folder" in proc.stderr


def test_unwritable_output_folder_exits_2_naming_it(seed_copy, monkeypatch):
    # Tests may run as root, which chmod cannot stop: the write fails as it would for
    # a user whose reports/<region> is read-only.
    import errno

    from rol_analysis import pipeline

    target = seed_copy / "data" / "processed" / "weibin" / "2023"

    def refuse(journal):  # the first rename of the publish: the data folder
        raise PermissionError(errno.EACCES, "Permission denied", journal["moves"][0][1])

    monkeypatch.setattr(pipeline, "_apply", refuse)
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", seed_copy,
                    "--force", "-q")
    assert proc.returncode == 2, proc
    assert f"cannot write {target}: permission denied" in proc.stderr
    assert "This is a bug" not in proc.stderr


def test_scan_without_the_ocr_extra_exits_2_with_the_install_command(tmp_path, monkeypatch):
    """Whether or not the extra is installed here, a user without it sees this."""
    pytest.importorskip("reportlab")
    from click.testing import CliRunner
    from reportlab.pdfgen import canvas

    from rol_analysis import cli, ocr

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan), invariant=1)
    c.rect(72, 500, 400, 200, fill=1)  # ink and no text layer, as a scanned page
    c.showPage()
    c.save()
    monkeypatch.setattr(ocr, "available", lambda: False)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["extract", str(scan), "--out", str(out)])
    assert result.exit_code == 2
    assert layout.install_command("ocr") in result.stderr and str(scan) in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def _closed_reader(*args):
    """Run ``rol ARGS`` (this checkout's code) with stdout a pipe whose reader has
    already gone, as in ``rol list | head -0``: every write meets a broken pipe."""
    import os
    import subprocess
    import sys

    r, w = os.pipe()
    os.close(r)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    try:
        return subprocess.run([sys.executable, "-m", "rol_analysis.cli", *map(str, args)],
                              stdout=w, stderr=subprocess.PIPE, text=True, env=env,
                              timeout=300)
    finally:
        os.close(w)


@pytest.mark.parametrize("args", [("list", "--root", "{root}"), ("catalogue", "check")])
def test_output_into_a_reader_that_stopped_ends_quietly(root, args):
    proc = _closed_reader(*(a.format(root=root) for a in args))
    # 141 = 128 + SIGPIPE, what `seq 1 100000 | head -1` leaves for seq
    assert proc.returncode == 141, proc
    assert proc.stderr == ""


def test_a_build_whose_reader_stopped_still_publishes_and_updates_the_panel(
        seed_copy, monkeypatch):
    from rol_analysis import cli

    real = cli.click.echo
    said = []

    def echo(message=None, file=None, nl=True, err=False, color=None):
        if not err:
            raise BrokenPipeError(32, "Broken pipe")  # `| head` has closed stdout
        said.append(message)
        real(message, file, nl, err, color)

    monkeypatch.setattr(cli, "_pipe_closed", False)
    monkeypatch.setattr(cli.click, "echo", echo)
    shutil.rmtree(seed_copy / "data/processed/panel", ignore_errors=True)
    proc = rol_here("build", "--all", "--root", seed_copy, "-q")
    assert proc.returncode == 141, proc
    assert not [m for m in said if "internal error" in str(m) or "Traceback" in str(m)]
    assert (seed_copy / "data/processed/panel/manifest.json").is_file()
    assert (seed_copy / "reports/weibin/2023/brief.html").is_file()


def test_a_reader_that_stopped_in_an_earlier_run_leaves_the_next_exit_code_alone(
        monkeypatch):
    """In one process (a notebook or a test calling the CLI twice), a closed pipe of an
    earlier run must not make a later run that wrote everything exit 141."""
    from rol_analysis import cli

    monkeypatch.setattr(cli, "_pipe_closed", True)  # what a run cut by `| head` leaves
    proc = rol_here("catalogue", "check")
    assert proc.returncode == 0, proc


PROSE_ONLY = ("某县2024年法治政府建设工作情况\n\n"
              "全县坚持以习近平法治思想为指引，依法行政稳步推进，法治政府建设取得明显成效。\n"
              "下一步，我们将持续用力，推动各项工作迈上新台阶。\n")


def test_a_report_without_any_statistic_is_bad_input_naming_causes_and_fix(tmp_path):
    bad = tmp_path / "cover.txt"
    bad.write_text(PROSE_ONLY, encoding="utf-8")
    proc = rol_here("extract", bad, "--out", tmp_path / "out")
    assert proc.returncode == 2, proc
    assert f"{bad}: no statistic was found in it" in proc.stderr
    for cause in ("wrong file", "cover page", "table of contents", "scan without a text layer",
                  layout.install_command("ocr"), "Fix: put the full text of the report"):
        assert cause in proc.stderr, cause
    assert "Traceback" not in proc.stderr and not (tmp_path / "out").exists()


def test_build_all_with_a_report_without_statistics_fails_only_it_with_exit_2(seed_copy):
    root = seed_copy
    (root / "data/raw/nonum").mkdir()
    (root / "data/raw/nonum/2024.txt").write_text(PROSE_ONLY, encoding="utf-8")
    for command in ("validate", "review"):
        proc = rol_here(command, "--region", "nonum", "--year", "2024", "--root", root)
        assert proc.returncode == 2 and "no statistic was found" in proc.stderr, proc
    assert not (root / "data/reviews/nonum").exists()
    proc = rol_here("build", "--all", "--root", root, "-q")
    assert proc.returncode == 2, proc
    # bad input: the line `rol validate` gives it too (grep -E '^(FAILED|UNREADABLE|ERROR) ')
    assert "\nUNREADABLE nonum/2024: " in "\n" + proc.stderr
    assert "no statistic was found" in proc.stderr
    assert "nonum/2024 (unreadable, exit 2)" in proc.stderr
    assert "FAILED " not in proc.stderr and "Traceback" not in proc.stderr
    # bad input: no validation-failed page, no half-written tables, the others publish
    assert not (root / "reports/nonum").exists() and not (root / "data/processed/nonum").exists()
    # the index lists it with the reason printed above, and no link (trial 23)
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "nonum/2024/" not in index and "no statistic was found" in index
    assert (root / "reports/weibin/2023/brief.html").is_file()
    panel = pd.read_parquet(root / "data/processed/panel/region_years.parquet")
    assert sorted(panel["region"]) == ["weibin"]


def test_extract_reads_issuer_and_date_from_a_web_pages_metadata_table(tmp_path):
    from test_reading import META_PAGE

    page = tmp_path / "2024.html"
    page.write_text(META_PAGE, encoding="utf-8")
    rol_here("extract", page, "--out", tmp_path / "out", "--region", "mouxian", check=0)
    report = json.loads((tmp_path / "out/report.json").read_text(encoding="utf-8"))
    assert (report["issuer"], report["date"]) == ("某某县人民政府", "2025-02-18")
    # a page whose report is signed keeps the signature: the text's own date wins
    rol_here("extract", REPO / "tests/data/inputs/yunxi_2023_gov_page.gbk.html", "--out",
             tmp_path / "signed", "--region", "yunxi", check=0)
    signed = json.loads((tmp_path / "signed/report.json").read_text(encoding="utf-8"))
    assert (signed["issuer"], signed["date"]) == ("云溪市人民政府", "2024-03-25")


def test_when_stdout_s_reader_stops_errors_still_reach_stderr(tmp_path):
    root = make_root(tmp_path / "project", {("nonum", 2024): PROSE_ONLY.encode("utf-8"),
                                             ("empty", 2024): b""})
    proc = _closed_reader("build", "--all", "--root", root, "-q")
    # the panel's line met the closed pipe; the failures printed after it are not lost
    assert proc.returncode == 2, proc
    assert proc.stderr.rstrip().endswith(
        "2 of 2 region-years failed: empty/2024 (unreadable, exit 2), nonum/2024 (unreadable, "
        "exit 2); exit code 2."), proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def _pdf_root(tmp_path, lines, unicode_map=True):
    from pdf_fixtures import text_pdf

    root = make_root(tmp_path / "proj")
    (root / "data" / "raw" / "weibin" / "2023.txt").unlink()
    pdf = root / "data" / "raw" / "weibin" / "2023.pdf"
    pdf.write_bytes(text_pdf(lines, unicode_map))
    return root, pdf


PDF_LINES = ["卫滨区2023年法治政府建设年度报告", "（⼆）依法化解社会⽭盾纠纷",
             "全区⼈⺠调解组织调解纠纷849件，举办培训班12期。", "新乡市卫滨区司法局"]


def test_pdf_font_warnings_stay_out_of_validate_review_and_extract(tmp_path):
    # Chromium's font descriptors have no FontBBox: pdfminer warned once per font and
    # page in every command but build (the trial's PDF: 158 lines from rol review).
    root, pdf = _pdf_root(tmp_path, PDF_LINES)
    for args in (["validate", "--region", "weibin", "--year", "2023", "--root", root],
                 ["review", "--region", "weibin", "--year", "2023", "--root", root],
                 ["extract", pdf, "--out", tmp_path / "out"]):
        proc = rol(*args)
        assert "FontBBox" not in proc.stderr + proc.stdout, args
        assert proc.returncode in (0, 1), (args, proc.stderr)


def test_pdf_without_a_unicode_map_is_not_called_a_scan(tmp_path, monkeypatch):
    # A Chromium print without CJK fonts: every glyph reads as (cid:N). It has a text
    # layer, so "scanned image" misled; the message says what is wrong and both fixes.
    from rol_analysis import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    root, pdf = _pdf_root(tmp_path, PDF_LINES, unicode_map=False)
    before = tree_bytes(root)
    proc = rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert str(pdf) in proc.stderr and "cannot be decoded" in proc.stderr
    assert "no Unicode map" in proc.stderr and "embedded Unicode fonts" in proc.stderr
    assert layout.install_command("ocr") in proc.stderr
    assert "scanned" not in proc.stderr
    assert tree_bytes(root) == before


RADICAL_LINES = ["卫滨区2023年法治政府建设年度报告", "（⼆）依法化解社会⽭盾纠纷",
                 "全区⼈⺠调解组织调解纠纷849件，培训调解员120⼈。", "新乡市卫滨区司法局"]


def test_radicals_in_a_pdf_read_as_ordinary_characters(tmp_path):
    # Chromium's PDFs write ⼆ (U+2F06) for 二 and ⺠ (U+2EA0) for 民: sources quoted
    # look-alikes, and a reviewer's row typed from the keyboard (120人) matched nothing.
    root, pdf = _pdf_root(tmp_path, RADICAL_LINES)
    proc = rol_here("extract", pdf, "--out", tmp_path / "out", check=0)
    men = pd.read_csv(tmp_path / "out" / "mentions.csv", encoding="utf-8-sig")
    texts = set(men["text"]) | set(men["sentence"]) | set(men["measure"])
    assert "120人" in texts and "全区人民调解组织调解纠纷849件，培训调解员120人。" in texts
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for t in texts for c in str(t))
    start = int(men.loc[men["text"] == "120人", "char_start"].iloc[0])
    review = root / "data" / "reviews" / "weibin" / "2023.csv"
    review.parent.mkdir(parents=True)
    review.write_text("char_start,text,action,indicator_id,value,unit,qualifier,note,"
                      f"reviewer,date\n{start},120人,confirm,,,,,,李,2024-01-02\n",
                      encoding="utf-8")
    proc = rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode in (0, 1), proc.stderr


def test_validate_all_and_a_regions_years_check_each_and_name_what_failed(root):
    raw = root / "data/raw/weibin"
    (raw / "2024.txt").write_bytes((raw / "2023.txt").read_bytes()
                                   .replace(b"2023", b"2024")
                                   .replace("调解成功率100%".encode(), "调解成功率120%".encode()))
    for args in (["--all"], ["--region", "weibin"]):
        proc = rol_here("validate", *args, "--root", root)
        assert proc.returncode == 1, proc
        assert "weibin/2023: validation passed" in proc.stdout
        # the line `rol build` gives a failed validation (grep '^FAILED ')
        assert "\nFAILED weibin/2024: " in "\n" + proc.stderr
        assert ("1 of 2 region-years did not pass: weibin/2024 (failed validation, exit 1)"
                in proc.stderr)
    assert (root / ".rol-cache/validate/weibin/2024/validation.html").is_file()
    assert not (root / "reports").exists()


# ------------------------------------------------ trial 23: what the messages say


def test_build_all_names_what_it_ignores_and_region_alone_builds_its_years(seed_copy):
    """Trial 23: `rol build --all` passed over a .doc and a folder named in Chinese
    without a word (`rol list` named them); `--region R` alone was an error while
    `validate --region R` checked every year of R."""
    raw = seed_copy / "data/raw"
    (raw / "weibin/2024.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (raw / "青岚").mkdir()
    (raw / "青岚/2022.txt").write_text("x", encoding="utf-8")
    proc = rol_here("build", "--all", "--root", seed_copy, "-q")
    assert proc.returncode == 0, proc
    assert f"warning: ignored under {raw} (not built):" in proc.stderr
    lines = {line.split(":")[0].strip(): line for line in proc.stderr.splitlines()}
    assert "fix: open it in Word, WPS or LibreOffice and save it as .docx" in lines[
        "weibin/2024.doc"]
    assert "not a region slug" in lines["青岚/"]
    proc = rol_here("build", "--region", "weibin", "--root", seed_copy, "-q")
    assert proc.returncode == 0, proc
    assert "weibin/2023: up to date" in proc.stdout
    # what --region weibin would have built: its .doc, not another region's folder
    assert "weibin/2024.doc" in proc.stderr and "青岚" not in proc.stderr


def test_a_narrowed_build_names_the_stray_files_of_its_year_whether_or_not_it_builds(root):
    """`rol build --all --region R --year Y` warns of the files of R's folder a build of
    Y might have meant (a name saying Y, or no year) when it builds, and named them in its
    "no raw reports" error by another rule (the name exactly Y): 2024年.txt was in the
    warning and missing from the error, which said nothing was there."""
    from rol_analysis import cli, pipeline
    from rol_analysis.exceptions import UsageError

    raw = root / "data/raw"
    for name in ("2024年.txt", "报告.txt", "2023.doc"):
        (raw / "weibin" / name).write_text("x", encoding="utf-8")
    (raw / "notes.txt").write_text("x", encoding="utf-8")  # in no region's folder
    warned = cli._ignored_lines(cli._ignored_entries(root, "weibin", 2024))
    assert [line.split(":")[0].strip() for line in warned] == [
        "weibin/2024年.txt", "weibin/报告.txt"]
    with pytest.raises(UsageError) as err:
        pipeline.select_targets(root, "weibin", 2024, all_=True)
    found = err.value.message.split("it found ", 1)[1]
    assert [part.split(":")[0] for part in found.split("; ")[:-1]] == [
        str(raw / "weibin/2024年.txt"), str(raw / "weibin/报告.txt")]
    assert f"rename it to {raw / 'weibin/2024.txt'}" in found and "notes" not in found


@pytest.mark.parametrize("name, fix", [
    ("2024.doc", "open it in Word, WPS or LibreOffice and save it as .docx"),
    ("2024.wps", "open it in Word, WPS or LibreOffice and save it as .docx"),
    ("2024.xls", "save it as .txt, .docx, .html or .pdf"),
])
def test_build_of_a_year_filed_in_an_unread_format_names_the_file_and_fix(root, name, fix):
    """Trial 23: `rol build --region oldword --year 2024` said "no raw report …
    expected a file …/2024.<txt|docx|html|pdf>" beside the 2024.doc it had found."""
    doc = root / "data/raw/oldword" / name
    doc.parent.mkdir()
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    before = tree_bytes(root)
    for args in (["--year", "2024"], []):
        proc = rol_here("build", "--region", "oldword", *args, "--root", root, "-q")
        assert proc.returncode == 2, proc
        if args:
            assert f"error: {doc}: {doc.suffix} is not a report format" in proc.stderr
            assert "no raw report" not in proc.stderr
        assert fix in proc.stderr, proc.stderr
    assert tree_bytes(root) == before


def test_a_folder_named_in_chinese_is_told_which_slug_to_rename_it_to(root):
    raw = root / "data/raw"
    (raw / "青岚").mkdir()
    shutil.copy(SEED, raw / "青岚" / "2022.txt")
    # no row names it: the rule and an example, not a slug made up from the characters
    out = rol_here("list", "--root", root, check=0).stdout
    [line] = [ln for ln in out.splitlines() if ln.strip().startswith("青岚/")]
    assert f"`mv {raw / '青岚'} {raw}/<slug>`" in line and "hongqi for 红旗区" in line
    assert "<slug>,<zh_name>,<city>,<province>,<level>" in line and "e.g. to name" not in line
    # its regions.csv row (青岚县, not the town 青岚县白沙镇): that slug
    with open(raw / "regions.csv", "a", encoding="utf-8") as fh:
        fh.write("baisha-ql,青岚县白沙镇,临江市,江西省,town\nqinglan,青岚县,临江市,江西省,county\n")
    out = rol_here("list", "--root", root, check=0).stdout
    assert f"`mv {raw / '青岚'} {raw / 'qinglan'}`" in out and "baisha-ql" not in out
    proc = rol_here("build", "--region", "青岚", "--year", "2022", "--root", root)
    assert proc.returncode == 2, proc
    err = " ".join(proc.stderr.split())
    assert "cannot be built under that name. Fix: regions.csv lists qinglan,青岚县" in err
    assert f"rename the folder to its slug (`mv {raw / '青岚'} {raw / 'qinglan'}`)" in err
    assert "then build with --region qinglan" in err


def test_build_progress_counts_the_region_years_up_to_date(capsys):
    """Trial 23: `[3/11] … built` was followed by `[9/11]`: the five up to date between
    were counted but never said."""
    from rol_analysis import cli, pipeline

    progress = cli._Progress(5)
    progress.tty = False
    for region, status in (("a", "skipped"), ("b", "skipped"), ("c", "built"),
                           ("d", "skipped"), ("e", "skipped")):
        progress("done", pipeline.BuildResult(region, 2023, status))
    progress.close()
    assert capsys.readouterr().err.splitlines() == [
        "[2/5] 2 up to date, skipped", "[3/5] c/2023: ready", "[5/5] 2 up to date, skipped"]
    # nothing to build: nothing said (each result line says "up to date")
    progress = cli._Progress(2)
    progress.tty = False
    for region in "ab":
        progress("done", pipeline.BuildResult(region, 2023, "skipped"))
    progress.close()
    assert capsys.readouterr().err == ""


def test_extract_counts_numbers_as_the_brief_does_and_names_the_year_option(tmp_path):
    """Trial 23: "60 statistics" where the brief said 58 个数字, and a --year that
    differed from the report's was told to "rename it", though extract files nothing."""
    out = tmp_path / "out"
    proc = rol_here("extract", SEED, "--out", out, "--year", "2022", check=0)
    men = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig")
    n = men["char_start"].nunique()
    assert n < len(men)  # the seed has a number with two rows
    assert f": {n} numbers ({len(men)} rows in mentions.csv: " in proc.stdout
    assert "--year 2022 was given" in proc.stderr and "run again with --year 2023" in proc.stderr
    assert "filed as" not in proc.stderr and "rename" not in proc.stderr


@pytest.mark.parametrize("errno_name, says, not_says", [
    ("EROFS", "the file system is read-only", "chmod"),
    ("EACCES", "permission denied", "read-only"),
])
def test_review_that_cannot_write_says_to_run_review_again(root, monkeypatch, errno_name,
                                                            says, not_says):
    """Trial 23: a read-only data/reviews was told "… then run the build again"."""
    import errno

    from rol_analysis import reviews

    sheet = root / "data/reviews/weibin/2023.csv"

    def refuse(paths):
        code = getattr(errno, errno_name)
        raise OSError(code, os.strerror(code), str(sheet))

    monkeypatch.setattr(reviews, "write_worksheet", refuse)
    proc = rol_here("review", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 2, proc
    assert f"cannot write {sheet}: {says}" in proc.stderr and not_says not in proc.stderr
    assert "then run `rol review` again" in proc.stderr and "the build" not in proc.stderr


def test_a_read_only_mount_is_not_told_to_chmod(seed_copy, monkeypatch):
    """Trial 23: reports/ on a read-only file system was told `chmod -R u+w`. There
    ``os.access`` refuses the write as it does for a folder without permission."""
    import errno

    from rol_analysis import exceptions, pipeline

    def refuse(journal):  # the publish's first rename, as on a read-only mount
        raise PermissionError(errno.EACCES, "Permission denied", journal["moves"][0][1])

    monkeypatch.setattr(pipeline, "_apply", refuse)
    monkeypatch.setattr(exceptions, "read_only_mount", lambda path: True)
    before = tree_bytes(seed_copy)
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", seed_copy,
                    "--force", "-q")
    assert proc.returncode == 2, proc
    assert "the file system is read-only" in proc.stderr and "chmod" not in proc.stderr
    assert "--root" in proc.stderr
    assert tree_bytes(seed_copy) == before


def test_list_says_year_mismatch_before_a_build_stops_on_it(tmp_path):
    """Trial 23: a 2024.txt whose title states 2023 showed as "not built"."""
    root = make_root(tmp_path / "p", {("weibin", 2024): SEED.read_bytes()})
    out = rol_here("list", "--root", root, check=0).stdout
    assert ("weibin/2024  2024.txt    not built; year mismatch: the report states 2023, so "
            "`rol build` stops on it (rename it to 2023.txt, or confirm 2024 in "
            "data/reviews/weibin/2024.year.txt)") in out
    # counted as refused, not as one the build builds
    assert ("next: `rol build --all` refuses the 1 region-year not built or outdated until "
            "fixed, as their lines say: weibin/2024 (year mismatch)") in out, out
    confirm = root / "data/reviews/weibin/2024.year.txt"
    confirm.parent.mkdir(parents=True)
    confirm.write_text("2024\n", encoding="utf-8")
    assert "mismatch" not in rol_here("list", "--root", root, check=0).stdout


def _lines_for(log: str, keys) -> dict:
    """Per region-year, the indices of the log's lines that name it."""
    lines = log.splitlines()
    return {k: [i for i, line in enumerate(lines) if k in line] for k in keys}


def test_a_region_without_a_regions_csv_row_is_refused_with_the_line_to_add(tmp_path):
    """A region with no row in the register used to publish with a warning, and the
    other regions' briefs showed the name its title was split into (a made-up place).
    Now its build stops (exit 2, nothing of it published) with the row to add; once
    added, every brief names it as the register does. The log of `rol build … > log
    2>&1` (as CI keeps it) gives each region-year's result in the order the progress
    lines said they finished."""
    import re
    import subprocess

    from conftest import ROL

    from rol_analysis import regions

    seed = SEED.read_bytes()
    root = make_root(tmp_path / "p", {("weibin", 2023): seed,
                                      ("wuxing", 2023): seed.replace("卫滨区".encode(),
                                                                     "无行县".encode())})
    csv = root / "data/raw/regions.csv"
    # `rol list` counts what the build refuses apart from what it builds (it said
    # "builds the 2 region-years")
    listed = rol_here("list", "--root", root, check=0).stdout
    assert ("next: `rol build --all` builds the 1 region-year not built or outdated (the "
            "others are skipped as up to date); it refuses 1 more, as their lines say: "
            "wuxing/2023 (no regions.csv row)") in listed, listed
    with open(tmp_path / "log", "w+", encoding="utf-8") as log:
        code = subprocess.run([str(ROL), "build", "--all", "--jobs", "1", "--root", str(root)],
                              stdout=log, stderr=subprocess.STDOUT, timeout=600).returncode
        log.seek(0)
        text = log.read()
    assert code == 2, text
    assert not (root / "reports/wuxing").exists() and not (root / "data/processed/wuxing").exists()
    error = next(line for line in text.splitlines()
                 if line.startswith("UNREADABLE wuxing/2023: "))
    assert f"{root / 'data/raw/wuxing/2023.txt'}: region 'wuxing' has no row in " in error
    # the line to add, as a command, filled from the report's title and signature
    # (新乡市无行县司法局; province and level are not in them: left empty, which the
    # register reads as unknown)
    assert f"printf 'wuxing,无行县,新乡市,,\\n' >> {csv}" in error, error
    assert "Nothing was published for wuxing/2023." in error
    # the order of events: the results are listed as the progress lines finished them
    at = _lines_for(text, ["weibin/2023", "wuxing/2023"])
    progress = sorted(at, key=lambda k: next(i for i in at[k] if text.splitlines()[i]
                                             .startswith("[")))
    results = sorted(at, key=lambda k: next(i for i in at[k] if text.splitlines()[i]
                                            .startswith((k + ":", f"UNREADABLE {k}:"))))
    assert progress == results == ["wuxing/2023", "weibin/2023"], text
    # weibin's brief, published, shows no trace of it
    page = (root / "reports/weibin/2023/brief.html").read_text(encoding="utf-8")
    assert "无行县" not in page and "wuxing" not in page
    assert "region 'wuxing' has no row" in rol_here("list", "--root", root, check=0).stdout
    # `rol review` refuses it as the build does, with the same row to add: no worksheet
    # filled in for a region the build then stops on
    refused = rol_here("review", "--region", "wuxing", "--year", "2023", "--root", root,
                       check=2).stderr
    assert f"printf 'wuxing,无行县,新乡市,,\\n' >> {csv}" in refused, refused
    assert "No worksheet was written or refreshed for wuxing/2023" in refused
    assert not (root / "data/reviews/wuxing").exists()
    # the fix as printed is a row the register reads, and `rol list` is then content
    line = re.search(r"printf '([^']*)\\n' >>", error).group(1)
    with open(csv, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    assert regions.row_for(csv, "wuxing") == {"region": "wuxing", "zh_name": "无行县",
                                              "city": "新乡市", "province": ""}
    assert "no row" not in rol_here("list", "--root", root, check=0).stdout


def test_list_counts_the_up_to_date_brief_a_new_peer_rebuilds(seed_copy):
    """Trial 24 F17: `rol list` said 3 region-years to build and `rol build --all` built
    4: weibin/2023, listed as up to date, was rebuilt to show a new region of its year."""
    raw = seed_copy / "data/raw"
    (raw / "hongqi").mkdir()
    (raw / "hongqi/2023.txt").write_bytes(SEED.read_bytes().replace("卫滨区".encode(),
                                                                     "红旗区".encode()))
    with open(raw / "regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    out = rol_here("list", "--root", seed_copy, check=0).stdout
    assert ("weibin/2023  2023.txt    up to date until its peer hongqi/2023 (not built yet) "
            "is published: `rol build --all` rebuilds it to show it") in out, out
    assert ("next: `rol build --all` builds the 1 region-year not built or outdated, and "
            "rebuilds the 1 up-to-date brief that shows it once published (2 in all)") in out
    # and the build builds those two
    proc = rol_here("build", "--all", "--root", seed_copy, check=0)
    assert proc.returncode == 0, proc.stderr
    for key in ("weibin/2023", "hongqi/2023"):
        assert f"{key}: built in" in proc.stdout, proc.stdout  # published (stderr: ready)
    out = rol_here("list", "--root", seed_copy, check=0).stdout
    assert out.count("up to date") == 2 and "next:" not in out, out


def test_an_interrupted_batch_says_its_ready_region_years_were_not_published(
        root, monkeypatch):
    """Trial 25: the progress lines said "built" for region-years a Ctrl-C then threw
    away ("interrupted; published outputs unchanged"): they say "ready", and the
    interruption how many were ready and that none was published."""
    from click.testing import CliRunner

    from rol_analysis import cli, pipeline

    def build(root_, targets, progress=None, **_):
        for region in ("a", "b"):
            progress("done", pipeline.BuildResult(region, 2023, "built"))
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build", build)
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    result = CliRunner().invoke(cli.main, ["build", "--all", "--root", str(root)])
    assert result.exit_code == 130
    assert "[1/1] a/2023: ready" in result.output and ": built" not in result.output
    assert result.output.rstrip().endswith(
        "interrupted; published outputs unchanged (2 region-years were ready, none "
        "published: a build publishes its region-years together at its end, or none)")
