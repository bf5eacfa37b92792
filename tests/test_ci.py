"""What a CI job that rebuilds every brief sees (ci25): the ``--summary`` JSON of
``rol build`` and ``rol validate``, their failure lines (one grep for both), ``rol
validate --jobs`` and ``rol clean``."""

from __future__ import annotations

import hashlib
import json
import re

from conftest import SEED, make_root, rol_here, tree_bytes
from test_cli import PROSE_ONLY

#: The grep the README gives a CI maintainer for the failures of either command.
FAILURE = re.compile(r"^(FAILED|UNREADABLE|ERROR) ([a-z0-9-]+/\d{4}): (.*)$", re.M)


def _failing(seed: bytes) -> bytes:
    """The seed as a 2024 report whose 调解成功率 is 120 %: it fails validation."""
    return (seed.replace(b"2023", b"2024")
            .replace("调解成功率100%".encode(), "调解成功率120%".encode()))


def test_build_summary_says_each_region_year_as_the_log_does_and_is_stable(seed_copy, tmp_path):
    root = seed_copy
    (root / "data/raw/nonum").mkdir()
    (root / "data/raw/nonum/2024.txt").write_text(PROSE_ONLY, encoding="utf-8")
    (root / "data/raw/weibin/2022.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # ignored
    summaries = []
    for n in (1, 2):
        proc = rol_here("build", "--all", "--summary", tmp_path / f"s{n}.json", "--root", root)
        assert proc.returncode == 2, proc
        summaries.append((tmp_path / f"s{n}.json").read_bytes())
    # two runs that did the same write the same bytes: no time, no duration inside
    assert summaries[0] == summaries[1]
    summary = json.loads(summaries[0])
    assert (summary["command"], summary["exit_code"], summary["error"]) == ("build", 2, None)
    assert summary["totals"] == {"built": 0, "up_to_date": 1, "failed_validation": 0,
                                 "unreadable": 1, "error": 0, "ignored": 1}
    nonum, weibin = summary["region_years"]  # sorted by region, then year
    brief = root / "reports/weibin/2023/brief.html"
    assert weibin == {
        "region": "weibin", "year": 2023, "status": "up_to_date", "reason": None,
        "outputs": {"brief": "reports/weibin/2023/brief.html",
                    "tables": "data/processed/weibin/2023/",
                    "validation": "reports/weibin/2023/validation.html"},
        "mismatches": {"ratios": 0, "ratios_inferred": 0, "stated_changes": 0},
        "brief_sha256": hashlib.sha256(brief.read_bytes()).hexdigest()}
    # the reason is what the log's line says after the region-year
    (flag, key, first), = FAILURE.findall(proc.stderr)
    assert (flag, key) == ("UNREADABLE", "nonum/2024")
    assert nonum["status"] == "unreadable" and nonum["reason"].startswith(first)
    assert "no statistic was found" in nonum["reason"] and nonum["reason"] in proc.stderr
    assert (nonum["outputs"], nonum["brief_sha256"], nonum["mismatches"]) == ({}, None, None)
    (ignored,) = summary["ignored"]
    assert ignored["path"] == "data/raw/weibin/2022.doc" and "fix: " in ignored["reason"]


def test_build_without_summary_writes_none_and_a_refused_build_says_why(seed_copy, tmp_path):
    root = seed_copy
    before = sorted(p.name for p in tmp_path.iterdir())
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    # stopped before any region-year (exit 2): the summary holds the message, and an
    # earlier run's file is not left to be taken for this run's
    out = tmp_path / "s.json"
    out.write_text("{}", encoding="utf-8")
    proc = rol_here("build", "--region", "nosuch", "--year", "2023", "--summary", out,
                    "--root", root, check=2)
    summary = json.loads(out.read_text("utf-8"))
    assert summary["exit_code"] == 2 and summary["region_years"] == []
    assert summary["error"] and summary["error"] in proc.stderr


def test_validate_jobs_and_summary_match_one_worker_and_the_build_s_lines(tmp_path):
    seed = SEED.read_bytes()
    root = make_root(tmp_path / "p", {("weibin", 2023): seed, ("weibin", 2024): _failing(seed),
                                      ("nonum", 2024): PROSE_ONLY.encode("utf-8")})
    runs = {}
    for jobs in ("1", "2"):
        proc = rol_here("validate", "--all", "--jobs", jobs, "--summary",
                        tmp_path / f"v{jobs}.json", "--root", root)
        assert proc.returncode == 2, proc  # one unreadable (2) beats one failed (1)
        runs[jobs] = proc
    # the same region-years checked the same way, whatever the number of workers
    assert (tmp_path / "v1.json").read_bytes() == (tmp_path / "v2.json").read_bytes()
    for proc in runs.values():
        assert sorted(FAILURE.findall(proc.stderr))[0][:2] == ("FAILED", "weibin/2024")
        assert sorted((f, k) for f, k, _ in FAILURE.findall(proc.stderr)) == [
            ("FAILED", "weibin/2024"), ("UNREADABLE", "nonum/2024")]
        assert "weibin/2023: validation passed" in proc.stdout
        assert ("2 of 3 region-years did not pass: " in proc.stderr
                and "weibin/2024 (failed validation, exit 1)" in proc.stderr)
    summary = json.loads((tmp_path / "v1.json").read_text("utf-8"))
    assert summary["command"] == "validate" and summary["exit_code"] == 2
    assert summary["totals"] == {"passed": 1, "failed_validation": 1, "unreadable": 1,
                                 "error": 0, "ignored": 0}
    by_key = {f"{e['region']}/{e['year']}": e for e in summary["region_years"]}
    assert list(by_key) == ["nonum/2024", "weibin/2023", "weibin/2024"]
    failed = by_key["weibin/2024"]
    assert failed["status"] == "failed_validation" and "调解成功率120%" in failed["reason"]
    assert failed["reason"] in runs["1"].stderr
    # its fix names the root the suites are regenerated for, run from elsewhere
    assert f"(`rol catalogue suites --root {root}`). Then build again." in failed["reason"]
    assert failed["outputs"] == {"validation": ".rol-cache/validate/weibin/2024/validation.html"}
    assert by_key["weibin/2023"]["reason"] is None
    assert not (root / "reports").exists() and not (root / "data/processed").exists()
    # `rol build` gives the same failure the same first words
    build = rol_here("build", "--region", "weibin", "--year", "2024", "--root", root)
    assert build.returncode == 1
    assert [(f, k) for f, k, _ in FAILURE.findall(build.stderr)] == [("FAILED", "weibin/2024")]


def test_clean_removes_built_outputs_and_never_raw_reports_or_reviews(seed_copy):
    root = seed_copy
    brief = (root / "reports/weibin/2023/brief.html").read_bytes()
    rol_here("review", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    rol_here("validate", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    kept = {"data/raw": tree_bytes(root / "data/raw"),
            "data/reviews": tree_bytes(root / "data/reviews")}
    assert kept["data/reviews"]
    proc = rol_here("clean", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert "removed data/processed/weibin/2023/" in proc.stdout.splitlines()
    assert "removed reports/weibin/2023/" in proc.stdout.splitlines()
    assert "removed .rol-cache/validate/weibin/2023/" in proc.stdout.splitlines()
    assert not (root / "reports/weibin").exists()
    # the index no longer links what is gone; `rol list` says it is to be built
    assert "weibin/2023/brief.html" not in (root / "reports/index.html").read_text("utf-8")
    assert "not built" in rol_here("list", "--root", root, check=0).stdout
    proc = rol_here("clean", "--root", root, check=0)
    assert "removed reports/index.html" in proc.stdout.splitlines()
    assert not (root / "reports/index.html").exists()
    assert [p.name for p in (root / ".rol-cache").iterdir()] in ([], ["locks"])
    assert {"data/raw": tree_bytes(root / "data/raw"),
            "data/reviews": tree_bytes(root / "data/reviews")} == kept
    assert "nothing to remove" in rol_here("clean", "--root", root, check=0).stdout
    # the next build makes the same brief again
    rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    assert (root / "reports/weibin/2023/brief.html").read_bytes() == brief


def test_clean_waits_for_a_panel_being_written(seed_copy):
    # `rol panel` (and the end of `rol build --all`) hold the panel's lock only: clean
    # deleted data/processed/panel/ under it
    import threading

    from rol_analysis import panel, pipeline

    root = seed_copy
    (root / "data/processed/panel").mkdir(exist_ok=True)
    done = []
    with panel._locked(root):
        cleaning = threading.Thread(target=lambda: done.append(pipeline.clean(root)))
        cleaning.start()
        cleaning.join(timeout=3)
        assert cleaning.is_alive() and (root / "data/processed/panel").is_dir()
    cleaning.join(timeout=60)
    assert "data/processed/panel/" in done[0]
    assert not (root / "data/processed/panel").exists()


def test_clean_refuses_a_folder_that_is_not_a_project(tmp_path):
    (tmp_path / "reports/keep").mkdir(parents=True)
    proc = rol_here("clean", "--root", tmp_path, check=2)
    assert "no data/ folder here" in proc.stderr and "nothing was deleted" in proc.stderr
    assert (tmp_path / "reports/keep").is_dir()


def test_ctrl_c_stops_validate_all_at_once(tmp_path):
    # one worker runs each region-year inline: Ctrl-C must not wait for all of them
    # (it did once they ran on build's runner, whose submit() holds SIGINT back)
    import signal
    import subprocess

    from conftest import ROL

    seed = SEED.read_bytes()
    root = make_root(tmp_path / "p", {("weibin", y): seed.replace(b"2023", str(y).encode())
                                      for y in range(2018, 2024)})
    proc = subprocess.Popen([str(ROL), "validate", "--all", "--root", str(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # the first region-year is done
    assert "validation passed" in first, (first, proc.stderr.read())
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.rstrip().endswith("interrupted; published outputs unchanged"), err
    assert (first + out).count("validation passed") < 6  # not all the others first
    assert not any((root / ".rol-cache/stage").iterdir())


def test_a_failed_panel_update_has_a_failure_line_and_is_in_the_summary(seed_copy, tmp_path,
                                                                       monkeypatch):
    # it said `error: …` (the CI grep missed it) and the summary said exit 2 with every
    # region-year up to date and no error
    from click.testing import CliRunner

    from rol_analysis import panel
    from rol_analysis.cli import main
    from rol_analysis.exceptions import InputError

    def broken(root):
        raise InputError("data/processed/panel/panel.parquet: cannot be written")

    monkeypatch.setattr(panel, "build", broken)
    out = tmp_path / "s.json"
    result = CliRunner().invoke(main, ["build", "--all", "--summary", str(out),
                                       "--root", str(seed_copy)])
    assert result.exit_code == 2, result.output
    line = "ERROR panel: data/processed/panel/panel.parquet: cannot be written"
    assert re.search(rf"^{re.escape(line)}$", result.output, re.M), result.output
    summary = json.loads(out.read_text("utf-8"))
    assert summary["exit_code"] == 2 and summary["error"] == line.removeprefix("ERROR ")
