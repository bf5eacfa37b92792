"""The whole pipeline on the seed report, as `rol build` runs it."""

from __future__ import annotations

import csv
import json

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import SEED, make_root, rol, rol_here, tree_bytes

OUTPUTS = ["data/processed/weibin/2023/mentions.csv", "data/processed/weibin/2023/indicators.csv",
           "reports/weibin/2023/brief.html"]


@pytest.fixture
def built(seed_built):
    """The seed built once per session by the real command; (root, its process)."""
    return seed_built


@pytest.fixture
def built_copy(seed_copy):
    """A private copy of the built seed, for tests that change inputs or outputs."""
    return seed_copy, None


def test_build_publishes_tables_brief_notebooks_and_index(built):
    root, proc = built
    for rel in OUTPUTS:
        assert (root / rel).is_file(), rel
    report = root / "reports" / "weibin" / "2023"
    names = sorted(p.name for p in (report / "notebooks").glob("*.ipynb"))
    assert names == ["01_clean.ipynb", "02_validate.ipynb", "03_analyze.ipynb", "04_brief.ipynb"]
    assert (root / "reports" / "index.html").is_file()
    assert (report / "validation.html").is_file()
    # staging happens in the cache folder, which is emptied of it at the end
    assert not list((root / ".rol-cache" / "stage").iterdir())
    assert not [p for p in (root / "reports").rglob("*") if p.name.startswith(".")]
    # no kernel chatter reaches the user
    for noise in ("Traceback", "without encryption", "frozen modules", "Glyph", "Warning"):
        assert noise not in proc.stderr, proc.stderr


def test_executed_notebooks_carry_parameters_and_no_absolute_paths(built):
    root, _ = built
    nb_path = root / "reports" / "weibin" / "2023" / "notebooks" / "01_clean.ipynb"
    text = nb_path.read_text(encoding="utf-8")
    assert str(root) not in text
    nb = nbformat.read(nb_path, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'region = "weibin"' in injected[0].source
    assert "year = 2023" in injected[0].source


def test_build_json_records_inputs(built):
    root, _ = built
    record = json.loads((root / "reports/weibin/2023/build.json").read_text(encoding="utf-8"))
    import hashlib

    assert record["data"]["raw"]["2023.txt"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert record["data"]["parameters"] == {"region": "weibin", "year": 2023}
    assert set(record["data"]["notebooks"]) == {"01_clean.ipynb", "02_validate.ipynb"}
    assert set(record["notebooks"]) == {"03_analyze.ipynb", "04_brief.ipynb"}
    assert record["data"]["expectations"]
    assert record["data"]["package"]["version"]


def test_unchanged_build_is_skipped(built):
    root, _ = built
    before = tree_bytes(root / "reports")
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "up to date" in proc.stdout
    assert tree_bytes(root / "reports") == before
    # how quickly is for bench/batch.py to measure (noop_s), not for a timed test
    assert "up to date" in rol("list", "--root", root, check=0).stdout


def test_forced_rebuild_is_byte_identical(built_copy, seed_built):
    root, _ = built_copy
    first = {rel: (root / rel).read_bytes() for rel in OUTPUTS}
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "--force", "-q",
             check=0)
    # the same bytes as the first build, made in another folder by another process
    # (so no absolute path and no per-process state gets into them)
    assert {rel: (root / rel).read_bytes() for rel in OUTPUTS} == first
    assert {rel: (seed_built[0] / rel).read_bytes() for rel in OUTPUTS} == first
    # a rebuild leaves nothing behind that makes the next build think inputs changed
    assert "up to date" in rol_here("build", "--region", "weibin", "--year", "2023",
                                    "--root", root, check=0).stdout


def test_changed_raw_file_is_rebuilt(built_copy):
    root, _ = built_copy
    raw = root / "data/raw/weibin/2023.txt"
    raw.write_bytes(raw.read_bytes().replace("调解纠纷849件".encode(), "调解纠纷850件".encode()))
    assert "outdated: raw report 2023.txt changed" in rol_here("list", "--root", root).stdout
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q",
                    check=0)
    assert "built" in proc.stdout
    text = (root / "data/processed/weibin/2023/indicators.csv").read_text(encoding="utf-8-sig")
    assert "850" in text


def _confirm_first_number(root):
    """`rol review` for weibin 2023, then a reviewer confirms the worksheet's first row."""
    rol_here("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    sheet = root / "data/reviews/weibin/2023.csv"
    rows = list(csv.DictReader(sheet.open(encoding="utf-8-sig", newline="")))
    rows[0].update(action="confirm", reviewer="li")
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_failed_validation_exits_1_and_keeps_the_last_good_brief(built_copy):
    root, _ = built_copy
    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    before = tree_bytes(root / "reports" / "weibin" / "2023")
    processed_before = tree_bytes(root / "data" / "processed")
    try:
        raw.write_bytes(original.replace("调解成功率100%".encode(), "调解成功率120%".encode()))
        proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "mediation_success_rate" in proc.stderr or "调解成功率" in proc.stderr
        # the fix is a review decision or the catalogue, never an edit of the raw report
        assert "the one published before stays as it was" in proc.stderr
        assert "the published tables and brief were left as they were" in proc.stderr
        assert "rol review --region weibin --year 2023" in proc.stderr
        assert "Correct the raw report" not in proc.stderr
        after = tree_bytes(root / "reports" / "weibin" / "2023")
        # the kept brief keeps linking the validation that passed it ...
        for name in ("brief.html", "build.json", "validation.html", "validation.json"):
            assert after[name] == before[name], name
        # ... and the failed one is published beside it, printed and linked from the index
        failed = root / "reports/weibin/2023/validation-failed.html"
        assert "120" in after["validation-failed.html"].decode("utf-8")
        assert str(failed) in proc.stderr
        index = (root / "reports/index.html").read_text(encoding="utf-8")
        assert 'href="weibin/2023/validation-failed.html"' in index
        assert tree_bytes(root / "data" / "processed") == processed_before
        # no staging folder or lock file anywhere under the published folders (13.2)
        for folder in ("reports", "data/processed"):
            hidden = [p for p in (root / folder).rglob("*") if p.name.startswith(".")]
            assert not hidden, hidden
        listed = rol_here("list", "--root", root, check=0).stdout
        assert "failed validation" in listed
        # a reviewer decides a number: `rol list` names the real file, and says the
        # failure of this region-year in a clause of its own, not after the last reason
        _confirm_first_number(root)
        listed = rol_here("list", "--root", root, check=0).stdout
        assert ("last build failed validation, so the published brief is the one before "
                "it; that brief is outdated: raw report 2023.txt changed; its review file "
                "data/reviews/weibin/2023.csv records decisions now") in listed, listed
        assert "<region>" not in listed and "(last build failed validation)" not in listed
        (root / "data/reviews/weibin/2023.csv").unlink()
    finally:
        raw.write_bytes(original)
    # back to the good report: the next build validates again and the failed report goes
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    validation = json.loads((root / "reports/weibin/2023/validation.json").read_text("utf-8"))
    assert validation["success"] is True
    assert not (root / "reports/weibin/2023/validation-failed.html").exists()
    assert "validation-failed" not in (root / "reports/index.html").read_text("utf-8")
    assert "up to date" in rol_here("list", "--root", root, check=0).stdout


def test_a_region_year_that_never_validated_says_what_changed_since(tmp_path):
    """Trial 5 F13: a report that failed validation at its first build, and a reviewer
    then records a decision: `rol list` says so and what to run, not only "failed
    validation"; an unchanged input says nothing more."""
    bad = SEED.read_bytes().replace("调解成功率100%".encode(), "调解成功率120%".encode())
    root = make_root(tmp_path / "p", {("weibin", 2023): bad})
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=1)
    listed = rol_here("list", "--root", root, check=0).stdout
    assert "failed validation" in listed and "since then" not in listed, listed
    _confirm_first_number(root)
    listed = rol_here("list", "--root", root, check=0).stdout
    assert ("failed validation; since then its review file data/reviews/weibin/2023.csv "
            "records decisions now: run `rol build --region weibin --year 2023` to "
            "validate again") in listed, listed


def test_bad_raw_file_exits_2_and_keeps_outputs(built_copy):
    root, _ = built_copy
    raw = root / "data/raw/weibin/2023.txt"
    before = tree_bytes(root / "reports")
    raw.write_bytes(b"")
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
    assert proc.returncode == 2, proc.stderr
    assert "2023.txt" in proc.stderr and "Traceback" not in proc.stderr
    after = tree_bytes(root / "reports")
    # the published brief, its validation and notebooks are kept as they were; only the
    # record of this attempt's bad input is added, and the index marks the kept brief
    record = after.pop("weibin/2023/input-error.json")
    assert "data/raw/weibin/2023.txt" in json.loads(record)["message"]
    # published, so reproducible: nothing in it depends on the folder the project is in
    assert str(root).encode() not in record and str(root.resolve()).encode() not in record
    index = after.pop("index.html").decode("utf-8")
    assert "latest build stopped on bad input" in index
    before.pop("index.html")
    assert after == before


def test_failed_brief_step_leaves_every_output_as_it_was(built_copy):
    root, _ = built_copy
    import shutil

    from rol_analysis import layout

    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    before = tree_bytes(root / "reports") | {
        f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
    local = root / "notebooks"
    shutil.copytree(layout.resource_dir(root.parent / "none", "notebooks"), local)
    nb = nbformat.read(local / "04_brief.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('disk full')"))
    nbformat.write(nb, local / "04_brief.ipynb")
    # new data *and* a failing brief: the new tables must not be left published
    raw.write_bytes(original.replace("调解纠纷849件".encode(), "调解纠纷851件".encode()))
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
    assert proc.returncode == 1
    assert "04_brief.ipynb" in proc.stderr and "disk full" in proc.stderr
    assert "Traceback" not in proc.stderr
    after = tree_bytes(root / "reports") | {
        f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
    assert after == before


@pytest.mark.slow
def test_parallel_batch_matches_one_off_builds(pool_batch, tmp_path):
    """--all --jobs 2 over two region-years; a one-off build then gives the same notebooks."""
    import shutil

    batch_root, proc = pool_batch
    assert "weibin/2023" in proc.stderr  # the progress bar names the notebook running
    assert "panel: 2 region-years" in proc.stdout  # --all ends with the national panel
    assert (batch_root / "data/processed/panel/panel.duckdb").is_file()
    root = tmp_path / "batch"
    shutil.copytree(batch_root, root)  # the session's reference build stays as it was
    nb_dir = root / "reports/weibin/2023/notebooks"
    batch = tree_bytes(nb_dir) | {"brief": (root / "reports/weibin/2023/brief.html").read_bytes()}
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "红旗区" in index and "卫滨区" in index
    rol_here("build", "--region", "weibin", "--year", "2023", "--force", "--root", root, "-q",
             check=0)
    single = tree_bytes(nb_dir) | {"brief": (root / "reports/weibin/2023/brief.html").read_bytes()}
    assert single == batch
    # the cross-region panel saw the other region in both cases
    assert "红旗区" in batch["brief"].decode("utf-8")


def test_executed_notebooks_hold_no_widgets_or_cdn_references(built):
    root, _ = built
    for nb in (root / "reports/weibin/2023/notebooks").glob("*.ipynb"):
        text = nb.read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget" not in text, nb.name
        assert "cdn." not in text and "https://" not in text.replace(
            "https://github.com", ""), nb.name
    page = (root / "reports/weibin/2023/brief.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "cdn." not in page
    # the catalogue's definitions reach the published page (offline, in-page links)
    assert "指标定义" in page and 'href="#def-exec_meeting_law_study_sessions"' in page
    assert 'id="def-exec_meeting_law_study_sessions"' in page


def test_runner_takes_any_concurrent_futures_executor(tmp_path):
    from conftest import keep_kernel_warm

    from rol_analysis import pipeline

    keep_kernel_warm()

    class Counting(pipeline.InlineExecutor):
        submitted = 0

        def submit(self, fn, /, *args, **kwargs):
            Counting.submitted += 1
            return super().submit(fn, *args, **kwargs)

    root = make_root(tmp_path / "exec")
    results = pipeline.build(root, [("weibin", 2023)], executor=Counting())
    assert [r.status for r in results] == ["built"]
    assert Counting.submitted == 2  # one data task, one brief task
    assert (root / "reports/weibin/2023/brief.html").is_file()
    # nothing stale: nothing is submitted
    pipeline.build(root, [("weibin", 2023)], executor=Counting())
    assert Counting.submitted == 2


def test_a_publish_cut_short_is_finished_by_the_next_build(built_copy):
    """A build killed after its publish journal was written, between two renames."""
    import shutil

    from rol_analysis import pipeline

    root, _ = built_copy
    published = tree_bytes(root / "reports") | {
        f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
    # the state such a kill leaves: new data folder in place, new report still waiting
    txn = root / ".rol-cache/txn/weibin.2023"
    txn.mkdir(parents=True)
    report = root / "reports/weibin/2023"
    shutil.copytree(report, txn / "report")
    (txn / "report" / "marker.txt").write_text("new", encoding="utf-8")
    journal = {"dir": str(txn), "moves": [[str(txn / "data"), str(root / "data/processed/"
                                                                   "weibin/2023")],
                                          [str(txn / "report"), str(report)]]}
    (txn / "journal.json").write_text(json.dumps(journal), encoding="utf-8")
    assert "stopped while publishing" in rol_here("list", "--root", root, check=0).stdout
    assert pipeline.recover(root, "weibin", 2023) is True
    assert (report / "marker.txt").read_text(encoding="utf-8") == "new"
    assert not txn.exists()
    (report / "marker.txt").unlink()
    after = tree_bytes(root / "reports") | {
        f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
    assert after == published
    assert "up to date" in rol_here("list", "--root", root, check=0).stdout


def test_an_index_left_by_a_killed_publish_is_removed_by_the_next(seed_copy):
    """A build killed after rendering its index aside (in .rol-cache/txn/) left the file
    there for good; the next publish, holding the index lock, removes it."""
    from rol_analysis import pipeline

    index = seed_copy / "reports/index.html"
    before = index.read_bytes()
    stale = seed_copy / ".rol-cache/txn/index.999999999.html"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_text("<p>a killed build's index</p>", encoding="utf-8")
    pipeline.publish(seed_copy, [], index=True)
    assert not stale.exists()
    assert list(stale.parent.iterdir()) == []
    assert index.read_bytes() == before


def test_another_regions_line_or_a_later_year_leaves_the_brief_current(built_copy):
    import shutil

    root, _ = built_copy
    regions_csv = root / "data/raw/regions.csv"
    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\n")
    processed = root / "data/processed/weibin"
    shutil.copytree(processed / "2023", processed / "2024")  # a later year, published
    assert "weibin/2023  2023.txt    up to date" in rol_here("list", "--root", root).stdout
    # what the brief does show makes it outdated, and `rol list` says which input
    shutil.copytree(processed / "2023", processed / "2022")  # the previous year
    regions_csv.write_text(regions_csv.read_text(encoding="utf-8").replace(
        "weibin,卫滨区,新乡市", "weibin,卫滨区,新乡"), encoding="utf-8")
    out = rol_here("list", "--root", root).stdout
    assert "outdated: its row in regions.csv changed; published peer weibin/2022 new" in out


def test_build_without_pdf_keeps_an_up_to_date_pdf(built_copy):
    root, _ = built_copy
    report = root / "reports/weibin/2023"
    # as `rol build --pdf` leaves it (printing needs Chromium; the bytes do not matter)
    (report / "brief.pdf").write_bytes(b"%PDF-1.4 printed from this brief.html")
    record = json.loads((report / "build.json").read_text(encoding="utf-8"))
    (report / "build.json").write_text(json.dumps(dict(record, pdf=True)), encoding="utf-8")
    assert "up to date" in rol_here("build", "--region", "weibin", "--year", "2023",
                                    "--root", root, check=0).stdout
    assert "up to date" in rol_here("list", "--root", root).stdout
    assert (report / "brief.pdf").is_file()
    # a forced rebuild gives the same brief.html: the PDF printed from it still holds
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "--force",
             "-q", check=0)
    assert (report / "brief.pdf").read_bytes().startswith(b"%PDF-1.4 printed")
    assert json.loads((report / "build.json").read_text(encoding="utf-8"))["pdf"] is True


def test_one_region_years_problem_stays_its_own_in_a_batch(built_copy):
    """Two raw files for one year fail that region-year; the others build; the summary
    names each failure; the exit code is the worst. Progress without a terminal is one
    line per finished region-year, and nothing at all when nothing needs building."""
    root, _ = built_copy
    raw = root / "data/raw"
    with open(raw / "regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\ndup,某区,新乡市,河南省\n")
    (raw / "hongqi").mkdir()
    # another year: not a peer of weibin/2023, whose brief stays as it is
    (raw / "hongqi/2022.txt").write_bytes(SEED.read_bytes().replace(
        "卫滨区".encode(), "红旗区".encode()).replace(b"2023", b"2022"))
    (raw / "dup").mkdir()
    (raw / "dup/2024.txt").write_bytes(SEED.read_bytes())
    (raw / "dup/2024.docx").write_bytes(b"PK")
    proc = rol_here("build", "--all", "--jobs", "2", "--root", root)
    assert proc.returncode == 2, proc
    assert (root / "reports/hongqi/2022/brief.html").is_file()
    assert "UNREADABLE dup/2024: " in proc.stderr and "several raw reports" in proc.stderr
    assert "1 of 3 region-years failed: dup/2024 (unreadable, exit 2)" in proc.stderr
    assert "\r" not in proc.stderr
    assert "] hongqi/2022: ready" in proc.stderr  # staged; "built" once published
    assert "weibin/2023: up to date" in proc.stdout
    (raw / "dup/2024.docx").unlink()
    (raw / "dup/2024.txt").unlink()
    again = rol_here("build", "--all", "--root", root, check=0)
    assert again.stderr == ""  # no progress bar, no lines: nothing was built


# A script named `rol` that, like the real one, imports the command at the top (a spawned
# worker runs that part again) starts a pool worker and sends it SIGINT over and over
# while it is still starting (Python, the package, the script).
_CTRL_C_AT_WORKER_START = r"""
import contextlib, os, signal, sys, time
import rol_analysis.cli
from rol_analysis import pipeline

if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # this process is not under test
    pool, _ = pipeline.process_executor(1)
    with getattr(pipeline, "_sigint_blocked", contextlib.nullcontext)():
        fut = pool.submit(os.getpid)
    pid = next(iter(pool._processes))
    while not fut.done():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGINT)
        time.sleep(0.002)
    print("worker", fut.result(timeout=120) == pid, flush=True)
    pool.shutdown()
"""


def test_ctrl_c_while_a_worker_starts_says_nothing_from_the_worker(tmp_path):
    # Seen under load: a Ctrl-C reached a worker still importing the `rol` script, which
    # printed its own "interrupted" line (two lines in all) or a traceback, and died.
    import subprocess
    import sys

    script = tmp_path / "rol"
    script.write_text(_CTRL_C_AT_WORKER_START, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert (proc.returncode, proc.stdout) == (0, "worker True\n"), proc.stderr
    assert "interrupted" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


NO_STATISTIC = ("某区关于2023年法治政府建设情况的报告\n\n全区深入推进依法行政，各项工作稳步开展。\n"
                "下一步，我们将继续努力，推动法治政府建设取得新成效。\n")


def test_the_index_lists_every_region_year_filed_with_why_it_has_no_brief(built_copy):
    """Trial 23: the index left out the region-years whose build failed, so an analyst
    did not see them at all. Each is listed with the reason rol build printed and no
    link, and one never built with the command that builds it."""
    root, _ = built_copy
    listed = root / "data/raw/regions.csv"
    listed.write_text(listed.read_text(encoding="utf-8")
                      + "dongpo,东坡镇,新乡市,河南省,township\n", encoding="utf-8")
    (root / "data/raw/dongpo").mkdir()
    (root / "data/raw/dongpo/2023.txt").write_text(NO_STATISTIC, encoding="utf-8")
    (root / "data/raw/nanhu").mkdir()
    (root / "data/raw/nanhu/2024.txt").write_text(NO_STATISTIC, encoding="utf-8")
    proc = rol_here("build", "--region", "dongpo", "--year", "2023", "--root", root, "-q")
    assert proc.returncode == 2 and "no statistic was found" in proc.stderr, proc
    assert not (root / "reports/dongpo").exists()  # nothing published for it
    page = BeautifulSoup((root / "reports/index.html").read_text(encoding="utf-8"), "lxml")
    rows = {tr.select_one("td .en").get_text(): tr for tr in page.select("#briefs tbody tr")}
    assert set(rows) == {"weibin", "dongpo", "nanhu"}
    dongpo = rows["dongpo"]
    assert "东坡镇" in dongpo.get_text() and "build failed, nothing published" in dongpo.get_text()
    assert "data/raw/dongpo/2023.txt: no statistic was found" in dongpo.select_one(
        ".failure").get_text()
    assert not dongpo.find_all("a")
    nanhu = rows["nanhu"]
    assert "rol build --region nanhu --year 2024" in nanhu.select_one(".failure").get_text()
    assert not nanhu.find_all("a")
    assert [a["href"] for a in rows["weibin"].find_all("a")] == ["weibin/2023/brief.html"]
    summary = {tr.find("td").get_text(): [td.get_text() for td in tr.find_all("td")]
               for tr in page.select("#summary tbody tr")}
    assert summary["2023"][1:3] == ["2", "1"] and summary["2023"][-1] == "1"


def test_bad_input_after_a_failed_validation_replaces_the_stale_failure(built_copy):
    """The latest build attempt sets the region-year's state: a report with no statistic
    after a build that failed validation removes that older validation-failed page (it
    was about another raw report) and records the bad input instead; the kept brief,
    its validation and the tables stay; the next good build clears the record."""
    root, _ = built_copy
    report = root / "reports/weibin/2023"
    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    before = tree_bytes(report)
    processed_before = tree_bytes(root / "data/processed")
    try:
        raw.write_bytes(original.replace("调解成功率100%".encode(), "调解成功率120%".encode()))
        rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=1)
        assert (report / "validation-failed.html").is_file()
        raw.write_text(NO_STATISTIC, encoding="utf-8")
        proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
        assert proc.returncode == 2 and "no statistic was found" in proc.stderr, proc
        after = tree_bytes(report)
        assert "validation-failed.html" not in after and "validation-failed.json" not in after
        for name in ("brief.html", "build.json", "validation.html", "validation.json"):
            assert after[name] == before[name], name
        record = json.loads(after["input-error.json"])
        assert "no statistic was found" in record["message"]
        assert tree_bytes(root / "data/processed") == processed_before
        index = (root / "reports/index.html").read_text(encoding="utf-8")
        assert "validation-failed" not in index and "latest build stopped on bad input" in index
        listed = rol_here("list", "--root", root, check=0).stdout
        assert ("last build stopped on bad input, so the published brief is the one before "
                "it; that brief is outdated: raw report 2023.txt changed. The build said: "
                ) in listed and "no statistic was found" in listed, listed
        assert "failed validation" not in listed
        for folder in ("reports", "data/processed"):  # nothing half-written left behind
            assert not [p for p in (root / folder).rglob("*") if p.name.startswith(".")]
    finally:
        raw.write_bytes(original)
    # Trial 5 F6: the report put back, `rol list` said "up to date" while the index said
    # the build stopped and `rol build` rebuilt: all three now say it is not current
    line = next(x for x in rol_here("list", "--root", root, check=0).stdout.splitlines()
                if x.startswith("weibin/2023"))
    assert ("outdated: the last build stopped on bad input and the index still says so; "
            "the inputs changed since. Run `rol build --region weibin --year 2023`") \
        in line and "up to date" not in line, line
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    assert not (report / "input-error.json").exists()
    assert "bad input" not in (root / "reports/index.html").read_text(encoding="utf-8")
    assert "up to date" in rol_here("list", "--root", root, check=0).stdout


def test_bad_input_where_only_a_failed_validation_was_published(built_copy):
    """A region-year that never passed validation: after a report with no statistic,
    `rol list` says bad input with the message (not "failed validation"), and the
    index and the panel's region_years no longer list it as failed: nothing of a report
    is published for it."""
    import pandas as pd

    root, _ = built_copy
    text = SEED.read_text(encoding="utf-8").replace("调解成功率100%", "调解成功率120%")
    (root / "data/raw/other").mkdir()
    raw = root / "data/raw/other/2023.txt"
    raw.write_text(text, encoding="utf-8")
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("other,卫滨区,新乡市,河南省,county\n")
    rol_here("build", "--region", "other", "--year", "2023", "--root", root, "-q", check=1)
    assert "other/2023/validation-failed.html" in (root / "reports/index.html").read_text("utf-8")
    raw.write_text(NO_STATISTIC, encoding="utf-8")
    rol_here("build", "--all", "--root", root, "-q", check=2)
    assert not (root / "reports/other/2023/validation-failed.json").exists()
    assert "other/2023" not in (root / "reports/index.html").read_text("utf-8")
    listed = [line for line in rol_here("list", "--root", root, check=0).stdout.splitlines()
              if "other" in line]
    assert listed and "bad input at the last build: " in listed[0], listed
    assert "no statistic was found" in listed[0] and "failed validation" not in listed[0]
    panel = pd.read_parquet(root / "data/processed/panel/region_years.parquet")
    assert "other" not in set(panel["region"])


def test_a_folder_named_like_the_report_does_not_stop_rol_remove(seed_copy):
    """A folder ``2023.txt/`` (an unpacked archive) is no raw report for the build or
    `rol list`, so `rol remove` must not refuse to unpublish "while the raw report is
    still there" (it listed the year's names without leaving folders out)."""
    root = seed_copy
    raw = root / "data/raw/weibin/2023.txt"
    raw.rename(root / "2023.txt")
    raw.mkdir()
    (raw / "2023.txt").write_bytes((root / "2023.txt").read_bytes())
    listed = rol_here("list", "--root", root, check=0).stdout
    assert "weibin/2023.txt/: a folder, not a report file" in listed, listed
    assert "rol remove --region weibin --year 2023" in listed, listed
    proc = rol_here("remove", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 0, proc
    assert "weibin/2023: removed data/processed/weibin/2023 and reports/weibin/2023" \
        in proc.stdout
    assert not (root / "reports/weibin").exists()
    assert raw.is_dir()  # raw data is read-only: the folder stays


@pytest.mark.slow
def test_a_region_year_whose_raw_report_is_gone_is_listed_and_removed(pool_batch, tmp_path):
    """Trial 2, item 2: after its raw report was deleted a region-year stayed published
    (index, panel, peers' tables) and `rol list` no longer showed it."""
    import shutil

    import duckdb

    root = tmp_path / "copy"
    shutil.copytree(pool_batch[0], root, symlinks=True)
    refused = rol_here("remove", "--region", "hongqi", "--year", "2023", "--root", root)
    assert refused.returncode == 2, refused
    assert "2023.txt: the raw report of hongqi/2023 is still there" in refused.stderr
    assert (root / "reports/hongqi/2023/brief.html").is_file()

    (root / "data/raw/hongqi/2023.txt").unlink()
    listed = rol_here("list", "--root", root, check=0).stdout
    line = next(ln for ln in listed.splitlines() if ln.startswith("hongqi/2023"))
    assert "published, raw report gone" in line
    assert "rol remove --region hongqi --year 2023" in line
    again = rol_here("build", "--all", "--root", root, check=0)
    assert "hongqi/2023: published, but its raw report is gone" in again.stderr

    proc = rol_here("remove", "--region", "hongqi", "--year", "2023", "--root", root)
    assert proc.returncode == 0, proc
    assert not (root / "reports/hongqi").exists()
    assert not (root / "data/processed/hongqi").exists()
    assert "hongqi" not in (root / "reports/index.html").read_text(encoding="utf-8")
    assert "weibin/2023: its brief showed hongqi/2023" in proc.stdout
    con = duckdb.connect()
    keys = con.execute(
        "select region from read_parquet(?) order by region",
        [str(root / "data/processed/panel/region_years.parquet/*.parquet")]).fetchall()
    assert keys == [("weibin",)]
    listed = rol_here("list", "--root", root, check=0).stdout
    assert not [ln for ln in listed.splitlines() if ln.startswith("hongqi")], listed
    assert "outdated: published peer hongqi/2023 removed" in listed
    gone = rol_here("remove", "--region", "hongqi", "--year", "2023", "--root", root)
    assert gone.returncode == 2 and "nothing is published for hongqi/2023" in gone.stderr


def test_list_shows_the_bad_input_of_a_region_year_never_published(seed_copy):
    """The build of a new region-year stops on bad input: nothing is published, and
    `rol list` says why (it said "not built") until the raw report changes."""
    root = seed_copy
    (root / "data/raw/nonum").mkdir()
    raw = root / "data/raw/nonum/2024.txt"
    raw.write_text(NO_STATISTIC, encoding="utf-8")
    rol_here("build", "--region", "nonum", "--year", "2024", "--root", root, "-q", check=2)
    assert not (root / "reports/nonum").exists()
    listed = [line for line in rol_here("list", "--root", root, check=0).stdout.splitlines()
              if line.startswith("nonum/2024")]
    assert "bad input at the last build: " in listed[0] and "no statistic was found" in listed[0]
    raw.write_text(NO_STATISTIC + "\n另有说明。", encoding="utf-8")  # a new report: not known yet
    listed = [line for line in rol_here("list", "--root", root, check=0).stdout.splitlines()
              if line.startswith("nonum/2024")]
    # (its title states 2023: `rol list` says so too, as the build would stop on it)
    assert "  not built; year mismatch: the report states 2023" in listed[0], listed
    assert "bad input" not in listed[0], listed


def _listed(root) -> dict[str, str]:
    """`rol list`: region/year -> its status."""
    out = rol_here("list", "--root", root, check=0).stdout
    return {ln.split()[0]: ln for ln in out.splitlines() if ln[:1].isalpha() and "/" in ln}


def _regions_table(root, region="weibin") -> dict[str, tuple[str, bool]]:
    """The brief's regions table: region label -> (kind, whether a reviewer's mark shows
    on one of its figures); its columns are region, city, province, kind, figures."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((root / f"reports/{region}/2023/brief.html").read_text("utf-8"),
                         "lxml")
    rows = page.select("table.panel tbody tr")
    return {r.select("td")[0].get_text(): (r.select("td")[3].get_text(),
                                           bool(r.select(".review-mark"))) for r in rows}


@pytest.mark.slow
def test_a_brief_is_rebuilt_when_what_it_shows_of_its_peers_changes(pool_batch, tmp_path):
    """Session 12: renaming a peer in regions.csv left every other brief showing the old
    name while `rol list` called it current. Each thing a brief shows of the year's other
    regions (name, kind of issuer from regions.csv or from the report, figures and their
    review marks) makes it outdated, says why, and the rebuilt brief shows it; a line for
    a region no brief shows and a worksheet with no decision leave every brief as it is."""
    import shutil

    root = tmp_path / "copy"
    shutil.copytree(pool_batch[0], root, symlinks=True)
    regions_csv = root / "data/raw/regions.csv"

    def edit_regions(old, new):
        text = regions_csv.read_text(encoding="utf-8")
        assert old in text
        regions_csv.write_text(text.replace(old, new), encoding="utf-8")

    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("zhangsan,张三县,某市,某省,county\n")  # a region without a report
    assert all("up to date" in s for s in _listed(root).values())

    # a street office whose report names no place: the briefs name it as regions.csv does
    text = SEED.read_text(encoding="utf-8").replace("新乡市", "").replace("卫滨区", "")
    (root / "data/raw/helong").mkdir()
    (root / "data/raw/helong/2023.txt").write_text(text, encoding="utf-8")
    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("helong,鹤龙街,新乡市,河南省,\n")
    rol_here("build", "--all", "--root", root, "-q", check=0)
    table = _regions_table(root)
    assert table["鹤龙街"] == ("≠ 部门 department", False)  # signed by a 司法局, no level
    assert table["红旗区"] == ("县级 county", False)
    rol_here("review", "--region", "helong", "--year", "2023", "--root", root, check=0)
    assert all("up to date" in s for s in _listed(root).values())  # no decision yet

    # regions.csv: a peer renamed, another's level changed
    edit_regions("helong,鹤龙街,", "helong,鹤龙街道,")
    edit_regions("hongqi,红旗区,新乡市,河南省,county", "hongqi,红旗区,新乡市,河南省,township")
    listed = _listed(root)
    assert ("outdated: regions.csv: peer helong's name changed (鹤龙街 -> 鹤龙街道); "
            "regions.csv: peer hongqi's level changed (county -> township)"
            ) in listed["weibin/2023"], listed
    assert "regions.csv: its level changed (county -> township)" in listed["hongqi/2023"]
    assert "its row in regions.csv changed" in listed["helong/2023"]
    proc = rol_here("build", "--all", "--root", root, "-q", check=0)
    table = _regions_table(root)
    assert table["鹤龙街道"] == ("≠ 部门 department", False)
    assert table["红旗区"] == ("≠ 乡镇街道 township", False)
    assert "鹤龙街道" in (root / "reports/hongqi/2023/brief.html").read_text("utf-8")
    assert all("up to date" in s for s in _listed(root).values()), proc

    # the peer's report: signed by a government now (its figures are where they were),
    # and a reviewer confirmed one of its numbers
    raw = root / "data/raw/helong/2023.txt"
    raw.write_text(text.replace("司法局", "人民政府"), encoding="utf-8")
    sheet = root / "data/reviews/helong/2023.csv"
    rows = list(csv.DictReader(sheet.open(encoding="utf-8-sig", newline="")))
    named = next(r for r in rows if r["found_indicator_id"]
                 and ";" not in r["found_indicator_id"])
    named.update(action="confirm", reviewer="李四")
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    rol_here("build", "--region", "helong", "--year", "2023", "--root", root, "-q", check=0)
    listed = _listed(root)
    assert ("outdated: published peer helong/2023 changed; published report of peer "
            "helong: its kind of issuer changed (department -> government)"
            ) in listed["weibin/2023"], listed
    rol_here("build", "--all", "--root", root, "-q", check=0)
    assert _regions_table(root)["鹤龙街道"] == ("政府 government", True)
    assert all("up to date" in s for s in _listed(root).values())


def test_the_font_rebuilds_and_a_level_only_the_index_shows_rewrites_the_index(
        built_copy, monkeypatch):
    """The font draws every chart and is embedded in every page: another font file (an
    upgrade of pylopdf-fonts-zh-cn) outdates the briefs. A region's level shows only in
    the regions table, which a brief without another region of the year has not, and in
    the index: `rol build` rewrites the index alone, and leaves it for an unrelated line."""
    from rol_analysis import fonts

    root, _ = built_copy
    regions_csv = root / "data/raw/regions.csv"
    index, brief = root / "reports/index.html", root / "reports/weibin/2023/brief.html"
    before = {p: p.read_bytes() for p in (index, brief)}
    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")  # a region without a report
    assert "index.html" not in rol_here("list", "--root", root).stdout
    rol_here("build", "--all", "--root", root, "-q", check=0)
    assert {p: p.read_bytes() for p in (index, brief)} == before
    regions_csv.write_text(regions_csv.read_text(encoding="utf-8").replace(
        "河南省,county", "河南省,township", 1), encoding="utf-8")
    listed = rol_here("list", "--root", root).stdout
    assert "weibin/2023  2023.txt    up to date" in listed
    assert ("reports/index.html: outdated: regions.csv changed the name, province or level "
            "of a region it lists; the next `rol build` rewrites it") in listed
    rol_here("build", "--all", "--root", root, "-q", check=0)
    assert brief.read_bytes() == before[brief]
    assert "乡镇街道 township" in index.read_text("utf-8")
    assert "index.html" not in rol_here("list", "--root", root).stdout
    monkeypatch.setattr(fonts, "digest", lambda: "0" * 64)
    assert ("outdated: the font file (Noto Sans SC of pylopdf-fonts-zh-cn) changed"
            in rol_here("list", "--root", root).stdout)


def test_a_library_upgrade_outdates_what_it_shapes_and_list_names_it(built_copy, monkeypatch):
    """Upgrading matplotlib (a brief's library) or pandas (the tables') outdates the
    brief, and `rol list` names the versions, in one clause however many phases they
    shape; a PDF reader does not outdate a .txt report. The rebuilt brief is the same
    page (the versions are in build.json, not in the brief)."""
    from rol_analysis import pipeline

    root, _ = built_copy
    brief = root / "reports/weibin/2023/brief.html"
    before = brief.read_bytes()
    real = pipeline._version
    now = {n: real(n) for n in ("matplotlib", "pandas")}
    monkeypatch.setattr(pipeline, "_version",
                        lambda n: "0.1-pdf" if n == "pdfminer.six" else real(n))
    assert "up to date" in _listed(root)["weibin/2023"]
    upgraded = {"matplotlib": "99.0", "pandas": "98.0", "pdfminer.six": "0.1-pdf"}
    monkeypatch.setattr(pipeline, "_version", lambda n: upgraded.get(n) or real(n))
    listed = _listed(root)["weibin/2023"]
    assert ("rol-analysis" not in listed and listed.count("libraries changed") == 1
            and f"libraries changed: matplotlib {now['matplotlib']} -> 99.0, pandas "
            f"{now['pandas']} -> 98.0" in listed), listed
    assert "weibin/2023: built" in rol_here("build", "--all", "--root", root, check=0).stdout
    assert "up to date" in _listed(root)["weibin/2023"]
    assert brief.read_bytes() == before
    recorded = json.loads((root / "reports/weibin/2023/build.json").read_text("utf-8"))
    assert recorded["libraries"]["matplotlib"] == "99.0"
    assert recorded["data"]["libraries"]["pandas"] == "98.0"


def _unpublished_note(root) -> str:
    """The brief's note on the region's earlier years filed but not published ("")."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((root / "reports/weibin/2023/brief.html").read_text("utf-8"), "lxml")
    note = page.select_one("p.earlier-unpublished")
    return note.get_text() if note else ""


def test_an_earlier_year_filed_but_not_published_is_named_with_why(tmp_path):
    """Session 19: 本地区没有早于 2023 年的已发布报告 was all the brief said when the 2022
    report was filed but failed validation or was never built. It now names the year,
    why it is not compared and what to run; a batch's brief says what `rol list` sees
    after it (the failure is this batch's), and the note goes once 2022 is published."""
    seed = SEED.read_text(encoding="utf-8")
    failing = seed.replace("2023", "2022").replace("调解成功率100%", "调解成功率120%")
    root = make_root(tmp_path / "p", {("weibin", 2023): SEED.read_bytes(),
                                      ("weibin", 2022): failing.encode()})
    rol_here("build", "--all", "--root", root, "-q", check=1)
    note = _unpublished_note(root)
    assert ("本地区 2022 年的报告已存放，但上次构建未通过校验" in note
            and "rol validate --region weibin --year 2022" in note
            and "rol review --region weibin --year 2022" in note), note
    assert "up to date" in _listed(root)["weibin/2023"]
    raw_2021 = root / "data/raw/weibin/2021.txt"
    raw_2021.write_text(seed.replace("2023", "2021"), encoding="utf-8")
    assert ("outdated: its earlier year 2021 is unpublished: no raw report -> not built"
            in _listed(root)["weibin/2023"])
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    note = _unpublished_note(root)
    assert "2022 年的报告已存放，但上次构建未通过校验" in note
    assert note.index("2022 年") < note.index("2021 年的报告已存放，但尚未构建")
    assert "rol build --region weibin --year 2021" in note
    raw_2021.write_text(NO_STATISTIC.replace("2023", "2021"), encoding="utf-8")
    rol_here("build", "--all", "--root", root, "-q", check=2)
    assert "2021 年的报告已存放，但上次构建因报告文件有误而停止" in _unpublished_note(root)
    assert "up to date" in _listed(root)["weibin/2023"]
    (root / "data/raw/weibin/2022.txt").write_text(seed.replace("2023", "2022"), encoding="utf-8")
    rol_here("build", "--all", "--root", root, "-q", check=2)
    page = (root / "reports/weibin/2023/brief.html").read_text("utf-8")
    assert not _unpublished_note(root) and "与 2022 年比较" in page


def test_a_newer_earlier_year_unpublished_is_named_beside_the_older_one_compared(tmp_path):
    """Session 19: with 2021 published and 2022 failing validation, the 2023 brief
    compared with 2021 and said nothing of 2022, so 2021 read as the latest year. It now
    says it compares with 2021 because 2022 is not published, why and what to run; `rol
    list` sees the same (up to date after the batch), and the note goes once 2022 is."""
    from bs4 import BeautifulSoup

    seed = SEED.read_text(encoding="utf-8")
    failing = seed.replace("2023", "2022").replace("调解成功率100%", "调解成功率120%")
    root = make_root(tmp_path / "p", {("weibin", 2023): SEED.read_bytes(),
                                      ("weibin", 2022): failing.encode(),
                                      ("weibin", 2021): seed.replace("2023", "2021").encode()})
    rol_here("build", "--all", "--root", root, "-q", check=1)
    page = BeautifulSoup((root / "reports/weibin/2023/brief.html").read_text("utf-8"), "lxml")
    assert page.select_one("section.trends h3").get_text().startswith("与 2021 年比较")
    note = _unpublished_note(root)
    assert note.startswith("同比与本地区 2021 年比较，因为其后的年份未发布：本地区 2022 年的报告"
                           "已存放，但上次构建未通过校验"), note
    assert "rol validate --region weibin --year 2022" in note
    assert "compares with 2021 because the years after it are not published" in note
    assert "2021 年的报告已存放" not in note
    assert "up to date" in _listed(root)["weibin/2023"]
    (root / "data/raw/weibin/2022.txt").write_text(seed.replace("2023", "2022"), encoding="utf-8")
    rol_here("build", "--all", "--root", root, "-q", check=0)
    page = (root / "reports/weibin/2023/brief.html").read_text("utf-8")
    assert not _unpublished_note(root) and "与 2022 年比较" in page
    assert "up to date" in _listed(root)["weibin/2023"]


def test_list_says_a_year_compared_before_and_passed_over_now_was_published():
    """2022 compared with before, unpublished now: `rol list` says it went from published
    to its state, not from 'no raw report' (its raw report was there all along)."""
    from rol_analysis import pipeline

    old = {"peers": {"weibin/2022": "a"}}
    new = {"peers": {"weibin/2021": "b"}, "earlier_unpublished": {"2022": "failed validation"}}
    assert ("its earlier year 2022 is unpublished: published -> failed validation"
            in pipeline._differences(old, new, ""))


def test_a_regions_line_whose_name_the_report_writes_outdates_it(built_copy):
    """Step 01 takes a listed name found in the title, signature or opening lines for the
    report's region name (report.json, checked against the region's row): a line added
    to regions.csv whose name the report writes there changes its tables, and `rol list`
    says so; a line whose name it does not write changes nothing. The brief's title is
    the region's own row's name either way: the register names a region (session 23;
    before, this report of weibin's opening with 新乡市委 was titled 新乡市)."""
    root, _ = built_copy
    raw = root / "data/raw/weibin/2023.txt"
    # a report that names no place but its city, in the opening paragraph
    text = SEED.read_text(encoding="utf-8").replace("新乡市", "").replace("卫滨区", "")
    raw.write_text(text.replace("和市委、市政府", "和新乡市委、市政府", 1), encoding="utf-8")
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    brief = root / "reports/weibin/2023/brief.html"
    assert "<title>卫滨区 2023 年" in brief.read_text("utf-8")  # regions.csv's name
    regions_csv = root / "data/raw/regions.csv"
    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    assert "weibin/2023  2023.txt    up to date" in rol_here("list", "--root", root).stdout
    with open(regions_csv, "a", encoding="utf-8") as fh:
        fh.write("xinxiang,新乡市,新乡市,河南省,city\n")
    assert ("outdated: regions.csv: the region name found in the report's title, signature "
            "or opening changed (none -> 新乡市)") in rol_here("list", "--root", root).stdout
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    assert "<title>卫滨区 2023 年" in brief.read_text("utf-8")
    assert "weibin/2023  2023.txt    up to date" in rol_here("list", "--root", root).stdout


# A paraphrased district report (trial 4 F1, F2): a streak and a joint count of several
# bodies' meetings, numbers no catalogue indicator names.
_NONE_NAMED = """示范区人民政府关于2023年度法治政府建设情况的报告

2023年，示范区在习近平法治思想指导下稳步推进法治政府建设。现将有关情况报告如下：

一、加强党对法治建设的领导

区里连续6年被评为全省平安建设先进区。区委常委会、区政府常务会议和各部门党组先后9次共同研讨法治工作。
"""
_AUDIENCE = "\n二、深化普法宣传\n\n开展“法润示范”普法直播活动，观看人次超{}。\n"


def _district(tmp_path, text: str):
    root = make_root(tmp_path / "p", {("shifan", 2023): text.encode("utf-8")})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("shifan,示范区,新乡市,河南省,county\n")
    return root


def _brief_text(root, region="shifan", year=2023) -> str:
    import html
    import re

    page = (root / "reports" / region / str(year) / "brief.html").read_text("utf-8")
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_a_report_whose_numbers_no_indicator_names_is_published(tmp_path):
    # trial 4 F1: the gate said "no number was extracted" of a report with numbers, and
    # nothing was published until a reviewer named one
    root = _district(tmp_path, _NONE_NAMED)
    proc = rol_here("build", "--all", "--root", root)
    assert proc.returncode == 0, proc.stderr
    assert "no number was extracted" not in proc.stderr + proc.stdout
    text = _brief_text(root)
    assert "报告中的 2 个数字均未归入指标目录" in text  # the header
    assert "报告中识别出 2 个数字，均未归入指标目录（列于“其他统计”）。" in text
    assert "报告中没有数字归入指标目录" in text  # where the section tables would be
    assert "6年" in text and "9次" in text  # under 其他统计
    validation = json.loads((root / "reports/shifan/2023/validation.json").read_text("utf-8"))
    assert validation["success"] is True
    # the later steps read the empty indicators table: the panel has the region-year
    import duckdb

    con = duckdb.connect(str(root / "data/processed/panel/panel.duckdb"), read_only=True)
    try:
        rows = con.execute("select region, year from region_years").fetchall()
        named = con.execute("select count(*) from indicators").fetchone()[0]
    finally:
        con.close()
    assert rows == [("shifan", 2023)] and named == 0
    assert "up to date" in rol_here("list", "--root", root, check=0).stdout


def test_a_district_livestream_audience_is_published(tmp_path):
    # trial 4 F2 (a): 超1232万 of a district's 普法直播 was above legal_education_participants'
    # maximum of 10,000,000 and stopped the brief
    root = _district(tmp_path, _NONE_NAMED + _AUDIENCE.format("1232万"))
    proc = rol_here("build", "--all", "--root", root)
    assert proc.returncode == 0, proc.stderr
    indicators = (root / "data/processed/shifan/2023/indicators.csv").read_text("utf-8-sig")
    assert "legal_education_participants" in indicators and "12320000" in indicators
    assert "报告中识别出 3 个数字，其中 1 个归入指标目录，共 1 项统计指标" in _brief_text(root)


def test_a_reviewed_value_above_the_range_is_a_warning_not_a_stop(tmp_path):
    # trial 4 F2 (b): a reviewer's confirm did not help a figure above the catalogue's
    # maximum; unreviewed, the same figure still stops the brief
    root = _district(tmp_path, _NONE_NAMED + _AUDIENCE.format("12亿"))
    proc = rol_here("build", "--all", "--root", root)
    assert proc.returncode == 1, proc.stderr
    assert "indicators.range.count" in proc.stderr and "legal_education_participants" in \
        proc.stderr
    assert not (root / "reports/shifan/2023/brief.html").exists()
    rol_here("review", "--region", "shifan", "--year", "2023", "--root", root, check=0)
    sheet = root / "data/reviews/shifan/2023.csv"
    rows = list(csv.DictReader(sheet.open(encoding="utf-8-sig", newline="")))
    audience = next(r for r in rows if r["text"] == "超12亿")
    audience.update(action="confirm", reviewer="li")
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    proc = rol_here("build", "--all", "--root", root)
    assert proc.returncode == 0, proc.stderr
    validation = json.loads((root / "reports/shifan/2023/validation.json").read_text("utf-8"))
    assert validation["success"] is True
    warning = next(w for w in validation["warnings"] if w["rule"].startswith("indicators.range"))
    assert warning["severity"] == "warn" and warning["indicators"] == \
        ["legal_education_participants"] and warning["values"] == [1200000000]
    text = _brief_text(root)
    assert "数值经复核人确认，超出范围照常发布" in text and "12亿" in text


def test_a_first_failed_validation_names_the_review_and_no_kept_brief(tmp_path):
    # trial 4 F3: it said to correct the raw report (never edited) and that "the previous
    # one stays as it was" when there was none
    root = _district(tmp_path, _NONE_NAMED + _AUDIENCE.format("12亿"))
    proc = rol_here("build", "--all", "--root", root)
    assert proc.returncode == 1
    assert "(none was published before)" in proc.stderr
    assert "no brief is published for it yet" in proc.stderr
    assert "rol review --region shifan --year 2023" in proc.stderr
    assert "data/reviews/shifan/2023.csv" in proc.stderr
    assert "Correct the raw report" not in proc.stderr and "stays as it was" not in proc.stderr
    # trial 25: built again with nothing changed, it is not validated again nor anything
    # rewritten (a CI's every `rol build --all` ran it), and CI still fails on it
    published = {p: (p.read_bytes(), p.stat().st_mtime_ns)
                 for folder in ("reports", "data/processed") for p in (root / folder).rglob("*")
                 if p.is_file()}
    again = rol_here("build", "--all", "--root", root)
    assert again.returncode == 1, again.stderr
    assert ("FAILED shifan/2023: validation failed (its inputs are those it failed on, so it "
            "was not validated again)") in again.stderr
    assert "rol review --region shifan --year 2023" in again.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns)
            for folder in ("reports", "data/processed") for p in (root / folder).rglob("*")
            if p.is_file()} == published
    assert "failed validation" in rol_here("list", "--root", root, check=0).stdout


def test_the_earlier_years_numbers_are_in_the_brief_fingerprint(tmp_path):
    """The brief shows the earlier year's unnamed numbers (a figure named this year and
    left unnamed then, the figure of a stated change): a change to them alone outdates
    it, and `rol list` says which year; without an earlier year nothing is recorded."""
    from brief_fixtures import gold_indicators, publish, stage

    from rol_analysis import fileio, layout, pipeline

    paths = stage(tmp_path)
    alone = pipeline.brief_fingerprint(tmp_path, paths, {}, False)
    assert "earlier_numbers" not in alone
    earlier = gold_indicators().assign(year=2022)
    publish(tmp_path, "weibin", 2022, earlier)
    mentions = layout.build_paths(tmp_path, "weibin", 2022).processed_final / "mentions.csv"
    fileio.write_csv(mentions, earlier.head(3))
    fileio.write_csv(mentions.with_name("indicators.csv"), earlier)
    before = pipeline.brief_fingerprint(tmp_path, paths, {}, False)
    assert set(before["earlier_numbers"]) == {"weibin/2022"}
    fileio.write_csv(mentions, earlier.head(4))
    after = pipeline.brief_fingerprint(tmp_path, paths, {}, False)
    assert after["peers"] == before["peers"] and after != before
    assert pipeline._explain(before, after) == [
        "the numbers of published earlier year weibin/2022 changed"]


def test_list_says_the_catalogue_changed_not_the_code(tmp_path):
    # trial 25: a catalogue edit was listed as "rol-analysis's code changed"
    from conftest import make_root

    from rol_analysis import catalogue, fileio, layout, pipeline

    root = make_root(tmp_path)
    fp = pipeline.data_fingerprint(root, layout.build_paths(root, "weibin", 2023))
    assert fp["package"]["catalogue"] == fileio.sha256_file(catalogue.default_path())
    edited = {**fp, "package": {**fp["package"], "catalogue": "0" * 64}}
    assert pipeline._explain(edited, fp) == ["the catalogue (indicators.toml) changed"]
    coded = {**fp, "package": {**fp["package"], "sha256": "0" * 64}}
    assert pipeline._explain(coded, fp) == ["rol-analysis's code changed"]
    both = {**edited, "package": {**edited["package"], "sha256": "0" * 64}}
    assert pipeline._explain(both, fp) == ["the catalogue (indicators.toml) changed",
                                           "rol-analysis's code changed"]
    # a project's own catalogue/x.toml edited: not said to be indicators.toml
    (root / "catalogue").mkdir()
    (root / "catalogue" / "x.toml").write_text("", encoding="utf-8")
    extended = pipeline.data_fingerprint(root, layout.build_paths(root, "weibin", 2023))
    edited = {**extended, "package": {**extended["package"], "catalogue": "0" * 64}}
    assert pipeline._explain(edited, extended) == [
        "the catalogue (indicators.toml + catalogue/*.toml) changed"]
