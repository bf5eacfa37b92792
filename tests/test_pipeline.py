"""The whole pipeline on the seed report, as `rol build` runs it."""

from __future__ import annotations

import json
import time

import nbformat
import pytest
from conftest import SEED, make_root, rol, tree_bytes

OUTPUTS = ["data/processed/weibin/2023/mentions.csv", "data/processed/weibin/2023/indicators.csv",
           "reports/weibin/2023/brief.html"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed built once from a fresh root; (root, the first run's process)."""
    root = make_root(tmp_path_factory.mktemp("built"))
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 0, proc.stderr
    return root, proc


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


def test_unchanged_build_is_skipped_quickly(built):
    root, _ = built
    before = tree_bytes(root / "reports")
    t0 = time.perf_counter()
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    elapsed = time.perf_counter() - t0
    assert "up to date" in proc.stdout
    assert tree_bytes(root / "reports") == before
    assert elapsed < 5, elapsed  # generous bound for a loaded CI box; bench/ measures it
    assert "up to date" in rol("list", "--root", root, check=0).stdout


def test_forced_rebuild_is_byte_identical(built, tmp_path):
    root, _ = built
    first = {rel: (root / rel).read_bytes() for rel in OUTPUTS}
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, "--force", "-q",
        check=0)
    assert {rel: (root / rel).read_bytes() for rel in OUTPUTS} == first
    # a rebuild leaves nothing behind that makes the next build think inputs changed
    assert "up to date" in rol("build", "--region", "weibin", "--year", "2023", "--root",
                               root, check=0).stdout
    # and a build in another folder gives the same bytes (no absolute paths in them)
    other = make_root(tmp_path / "elsewhere")
    rol("build", "--region", "weibin", "--year", "2023", "--root", other, "-q", check=0)
    assert {rel: (other / rel).read_bytes() for rel in OUTPUTS} == first


def test_changed_raw_file_is_rebuilt(built):
    root, _ = built
    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    try:
        raw.write_bytes(original.replace("调解纠纷849件".encode(), "调解纠纷850件".encode()))
        proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q",
                   check=0)
        assert "built" in proc.stdout
        text = (root / "data/processed/weibin/2023/indicators.csv").read_text(encoding="utf-8-sig")
        assert "850" in text
    finally:
        raw.write_bytes(original)
        rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)


def test_failed_validation_exits_1_and_keeps_the_last_good_brief(built):
    root, _ = built
    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    before = tree_bytes(root / "reports" / "weibin" / "2023")
    processed_before = tree_bytes(root / "data" / "processed")
    try:
        raw.write_bytes(original.replace("调解成功率100%".encode(), "调解成功率120%".encode()))
        proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "mediation_success_rate" in proc.stderr or "调解成功率" in proc.stderr
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
        assert "failed validation" in rol("list", "--root", root, check=0).stdout
    finally:
        raw.write_bytes(original)
    # back to the good report: the next build validates again and the failed report goes
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q", check=0)
    validation = json.loads((root / "reports/weibin/2023/validation.json").read_text("utf-8"))
    assert validation["success"] is True
    assert not (root / "reports/weibin/2023/validation-failed.html").exists()
    assert "validation-failed" not in (root / "reports/index.html").read_text("utf-8")
    assert "up to date" in rol("list", "--root", root, check=0).stdout


def test_bad_raw_file_exits_2_and_keeps_outputs(built):
    root, _ = built
    raw = root / "data/raw/weibin/2023.txt"
    original = raw.read_bytes()
    before = tree_bytes(root / "reports")
    try:
        raw.write_bytes(b"")
        proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
        assert proc.returncode == 2, proc.stderr
        assert "2023.txt" in proc.stderr and "Traceback" not in proc.stderr
        assert tree_bytes(root / "reports") == before
    finally:
        raw.write_bytes(original)


def test_failed_brief_step_leaves_every_output_as_it_was(built):
    root, _ = built
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
    try:
        # new data *and* a failing brief: the new tables must not be left published
        raw.write_bytes(original.replace("调解纠纷849件".encode(), "调解纠纷851件".encode()))
        proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
        assert proc.returncode == 1
        assert "04_brief.ipynb" in proc.stderr and "disk full" in proc.stderr
        assert "Traceback" not in proc.stderr
        after = tree_bytes(root / "reports") | {
            f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
        assert after == before
    finally:
        shutil.rmtree(local)
        raw.write_bytes(original)


def test_parallel_batch_matches_one_off_builds(tmp_path):
    """--all --jobs 2 over two region-years; a one-off build then gives the same notebooks."""
    seed = SEED.read_bytes()
    other = seed.replace("卫滨区".encode(), "红旗区".encode())
    root = make_root(tmp_path / "batch", {("weibin", 2023): seed, ("hongqi", 2023): other})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\n")
    proc = rol("build", "--all", "--jobs", "2", "--root", root)
    assert proc.returncode == 0, proc.stderr
    assert "weibin/2023" in proc.stderr  # the progress bar names the notebook running
    nb_dir = root / "reports/weibin/2023/notebooks"
    batch = tree_bytes(nb_dir) | {"brief": (root / "reports/weibin/2023/brief.html").read_bytes()}
    index = (root / "reports/index.html").read_text(encoding="utf-8")
    assert "红旗区" in index and "卫滨区" in index
    rol("build", "--region", "weibin", "--year", "2023", "--force", "--root", root, "-q",
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


def test_runner_takes_any_concurrent_futures_executor(tmp_path):
    from rol_analysis import pipeline

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


def test_a_publish_cut_short_is_finished_by_the_next_build(built):
    """A build killed after its publish journal was written, between two renames."""
    import shutil

    from rol_analysis import pipeline

    root, _ = built
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
    assert "stopped while publishing" in rol("list", "--root", root, check=0).stdout
    assert pipeline.recover(root, "weibin", 2023) is True
    assert (report / "marker.txt").read_text(encoding="utf-8") == "new"
    assert not txn.exists()
    (report / "marker.txt").unlink()
    after = tree_bytes(root / "reports") | {
        f"processed/{k}": v for k, v in tree_bytes(root / "data" / "processed").items()}
    assert after == published
    assert "up to date" in rol("list", "--root", root, check=0).stdout
