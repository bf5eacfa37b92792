"""Faults during builds: concurrent builds, dead kernels, Ctrl-C, SIGKILL, read-only folders.

Every test here runs real `rol` processes with real kernels. The published outputs
after any fault must be exactly the previous build's or exactly a complete new build's.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from conftest import ROL, SEED, make_root, rol, rol_here, tree_bytes

from rol_analysis import layout, locking

ARGS = ("build", "--region", "weibin", "--year", "2023", "-q")
NEW_RAW = SEED.read_bytes().replace("调解纠纷849件".encode(), "调解纠纷850件".encode())


def published(root: Path) -> dict[str, bytes]:
    """Everything a reader sees: reports/ and data/processed/."""
    return ({f"reports/{k}": v for k, v in tree_bytes(root / "reports").items()}
            | {f"processed/{k}": v for k, v in tree_bytes(root / "data/processed").items()})


def copy_root(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".rol-cache"))
    return dst


def start(root: Path, *args) -> subprocess.Popen:
    """`rol ...` in its own process group with the root as working folder, like a
    terminal runs it (Ctrl-C reaches the whole group)."""
    return subprocess.Popen([str(ROL), *map(str, args), "--root", str(root)], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def processes_in(root: Path) -> list[int]:
    """Processes whose working folder is ``root`` (the build, its workers, kernels)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if Path(os.readlink(proc / "cwd")) == root.resolve():
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def assert_no_processes_left(root: Path, grace: float = 15) -> None:
    deadline = time.monotonic() + grace
    while processes_in(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not processes_in(root), [
        Path(f"/proc/{p}/cmdline").read_bytes() for p in processes_in(root)]


def assert_unlocked(root: Path) -> None:
    lock = locking.Lock(root / ".rol-cache/locks/weibin.2023.lock", "weibin/2023")
    lock.acquire(wait=False)  # raises LockBusy when a lock was left held
    lock.release()


def assert_nothing_hidden_published(root: Path) -> None:
    for folder in ("reports", "data/processed"):
        base = root / folder
        hidden = [p for p in base.rglob("*") if p.name.startswith(".")] if base.exists() else []
        assert not hidden, hidden


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """One previous/new reference pair, shared by every test of this module.

    ``old``: the seed built from a fresh root. ``new``: a copy of it, rebuilt after one
    number of the raw report changed (849 -> 850), timed: the build the fault tests cut.
    """
    base = tmp_path_factory.mktemp("faults")
    old = make_root(base / "old")
    rol(*ARGS, "--root", old, check=0)
    new = copy_root(old, base / "new")
    (new / "data/raw/weibin/2023.txt").write_bytes(NEW_RAW)
    t0 = time.monotonic()
    rol(*ARGS, "--root", new, check=0)
    seconds = time.monotonic() - t0
    assert published(old) != published(new)
    return {"old": old, "new": new, "old_tree": published(old),
            "new_tree": published(new), "seconds": seconds}


@pytest.mark.slow
def test_concurrent_builds_and_validate_wait_for_the_lock(pair, tmp_path):
    """Issue 14.1: a forced build, then another forced build and `rol validate` on the
    same root while it runs. Before, the second deleted the first one's staging folder
    and the published report lost its validation."""
    root = copy_root(pair["old"], tmp_path / "root")
    first = start(root, *ARGS, "--force")
    lock_file = root / ".rol-cache/locks/weibin.2023.lock"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if lock_file.is_file() and f'"pid": {first.pid}' in lock_file.read_text("utf-8"):
            break
        assert first.poll() is None, first.communicate()
        time.sleep(0.05)
    else:
        pytest.fail("the first build never took its lock")
    busy = rol(*ARGS, "--force", "--no-wait", "--root", root)
    assert busy.returncode == 2, busy.stderr
    assert f"pid {first.pid}" in busy.stderr and "rol build --region weibin" in busy.stderr
    assert "since" in busy.stderr and "Traceback" not in busy.stderr
    second = start(root, *ARGS, "--force")
    check = start(root, "validate", "--region", "weibin", "--year", "2023")
    outs = [p.communicate(timeout=900) for p in (first, second, check)]
    assert [p.returncode for p in (first, second, check)] == [0, 0, 0], outs
    assert f"waiting: weibin/2023 is being built by pid {first.pid}" in outs[1][1]
    # the validation report printed by `rol validate` exists
    shown = outs[2][0].strip().splitlines()[-1].removeprefix("validation report: ")
    assert Path(shown).is_file()
    # every output is there and byte for byte what one build makes
    assert published(root) == pair["old_tree"]
    report = root / "reports/weibin/2023"
    assert (report / "validation.html").is_file() and (report / "validation.json").is_file()
    assert len(list((report / "notebooks").glob("*.ipynb"))) == 4
    assert "up to date" in rol("list", "--root", root, check=0).stdout
    assert_nothing_hidden_published(root)
    assert not list((root / ".rol-cache/stage").iterdir())


_ORPHAN = """
import os, sys, time
from rol_analysis import locking
lock = locking.Lock(sys.argv[1], "weibin/2023").acquire()
if os.fork():
    os._exit(0)  # the holder dies; its child keeps the locked file open
os.close(1)
os.close(2)  # let the caller see the holder's end of output
time.sleep(120)
"""


def test_a_lock_whose_holder_died_is_taken_over(tmp_path):
    path = tmp_path / ".rol-cache/locks/weibin.2023.lock"
    # 1. a lock file left by a killed process: flock died with it, the record stays
    path.parent.mkdir(parents=True)
    path.write_text('{"pid": 999999999, "host": "x", "since": "then"}', encoding="utf-8")
    lock = locking.Lock(path, "weibin/2023").acquire(wait=False)
    assert f'"pid": {os.getpid()}' in path.read_text("utf-8")
    lock.release()
    # 2. the holder died but a forked child inherited the locked file: the record names
    # a dead process, so the lock is stale although the flock is still held
    holder = subprocess.run([sys.executable, "-c", _ORPHAN, str(path)], timeout=60,
                            capture_output=True, text=True)
    assert holder.returncode == 0, holder.stderr
    orphans = [p for p in Path("/proc").iterdir() if p.name.isdigit()
               and _ORPHAN.encode()[:20] in (p / "cmdline").read_bytes()]
    try:
        lock = locking.Lock(path, "weibin/2023").acquire(wait=False)
        assert f'"pid": {os.getpid()}' in path.read_text("utf-8")
        lock.release()
    finally:
        for p in orphans:
            os.kill(int(p.name), signal.SIGKILL)
    # 3. a live holder is waited for (or refused), never taken over
    live = locking.Lock(path, "weibin/2023").acquire()
    try:
        with pytest.raises(locking.LockBusy, match=rf"pid {os.getpid()} on host"):
            locking.Lock(path, "weibin/2023").acquire(wait=False)
    finally:
        live.release()


def _notebooks_killing_the_kernel(root: Path, region: str) -> None:
    """A local notebooks/ whose 02_validate kills its own kernel for ``region``."""
    local = root / "notebooks"
    shutil.copytree(layout.resource_dir(root.parent / "none", "notebooks"), local)
    nb = nbformat.read(local / "02_validate.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        f"import os, signal\nif region == {region!r}:\n"
        "    print('about to die', flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)"))
    nbformat.write(nb, local / "02_validate.ipynb")


@pytest.mark.slow
def test_a_dead_kernel_fails_its_region_year_and_the_batch_goes_on(tmp_path):
    """Issue 14.2: a kernel that dies is noticed; the same worker gets a fresh kernel."""
    other = SEED.read_bytes().replace("卫滨区".encode(), "红旗区".encode())
    root = make_root(tmp_path / "root", {("weibin", 2023): SEED.read_bytes(),
                                         ("hongqi", 2023): other})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\n")
    _notebooks_killing_the_kernel(root, "hongqi")
    proc = start(root, "build", "--all", "-q")  # one process, one kernel: hongqi first
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 1, (out, err)
    assert "hongqi/2023" in err
    assert "the notebook kernel died while running 02_validate" in err
    assert "SIGKILL" in err and "Traceback" not in err
    # weibin came after, on a fresh kernel, and was published; hongqi was not
    assert "weibin/2023: built" in out
    assert (root / "reports/weibin/2023/brief.html").is_file()
    assert not (root / "reports/hongqi").exists()
    assert not (root / "data/processed/hongqi").exists()
    assert_no_processes_left(root)


def test_a_stuck_cell_is_stopped_by_the_cell_timeout(tmp_path):
    root = make_root(tmp_path / "root")
    local = root / "notebooks"
    shutil.copytree(layout.resource_dir(root.parent / "none", "notebooks"), local)
    nb = nbformat.read(local / "01_clean.ipynb", as_version=4)
    nb.cells.insert(1, nbformat.v4.new_code_cell("while True:\n    pass"))
    nbformat.write(nb, local / "01_clean.ipynb")
    proc = start(root, *ARGS, "--cell-timeout", "3")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, (out, err)
    assert "a cell of 01_clean ran longer than the cell timeout (3 s)" in err
    assert "--cell-timeout" in err and "Traceback" not in err
    # nothing published: the index alone, which lists the failure (trial 23)
    assert not (root / "data/processed").exists()
    assert [p.name for p in (root / "reports").iterdir()] == ["index.html"]
    assert "ran longer than the cell timeout" in (root / "reports/index.html").read_text(
        encoding="utf-8")
    assert_no_processes_left(root)


def _run_as_unprivileged(cmd: list[str]) -> list[str]:
    """Root ignores file modes; without CAP_DAC_OVERRIDE it respects them."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: read-only folders cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *cmd]


@pytest.mark.slow
@pytest.mark.parametrize("readonly", ["reports/weibin/2023", "reports", "data/processed/weibin"])
def test_a_read_only_output_folder_exits_2_and_changes_nothing(pair, tmp_path, readonly):
    """Issue 14.3: before, the brief went out, the tables were put back, and the index
    stayed stale for good."""
    root = copy_root(pair["old"], tmp_path / "root")
    (root / "data/raw/weibin/2023.txt").write_bytes(NEW_RAW)
    folder = root / readonly
    folder.chmod(0o555)
    try:
        proc = subprocess.run(_run_as_unprivileged([str(ROL), *ARGS, "--root", str(root)]),
                              capture_output=True, text=True, timeout=900)
    finally:
        folder.chmod(0o755)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"cannot write {folder}: permission denied" in proc.stderr
    assert "Traceback" not in proc.stderr and "bug" not in proc.stderr
    assert published(root) == pair["old_tree"]
    assert_nothing_hidden_published(root)
    if readonly == "reports":  # permissions fixed: the next build completes, index too
        rol(*ARGS, "--root", root, check=0)
        assert published(root) == pair["new_tree"]
        assert "up to date" in rol("list", "--root", root, check=0).stdout


@pytest.mark.slow
def test_ctrl_c_during_a_batch_exits_130_with_one_line(pair, tmp_path):
    """Issue 14.4: before, 8 worker tracebacks or 'release unlocked lock'."""
    other = SEED.read_bytes().replace("卫滨区".encode(), "红旗区".encode())
    root = make_root(tmp_path / "root", {("weibin", 2023): SEED.read_bytes(),
                                         ("hongqi", 2023): other})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省\n")  # else its build stops at step 01
    proc = start(root, "build", "--all", "--jobs", "2", "-q")
    # wait until both workers run notebooks (a kernel per worker), then press Ctrl-C
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(processes_in(root)) < 5:
        time.sleep(0.2)
    time.sleep(pair["seconds"] * 0.3)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert err == "interrupted; published outputs unchanged\n", err
    assert not (root / "reports").exists() and not (root / "data/processed").exists()
    assert_no_processes_left(root)
    assert_unlocked(root)
    assert not list((root / ".rol-cache/stage").iterdir())


def test_sigterm_during_a_build_is_handled_as_ctrl_c_with_exit_143(pair, tmp_path):
    """Trial 25: SIGTERM, how CI cancels a job, ended the build at once (exit 143, no
    message, "leaked semaphore" warnings, its staging folder left). Sent to the build
    alone, as a CI runner does, while a notebook runs."""
    root = copy_root(pair["old"], tmp_path / "root")
    (root / "data/raw/weibin/2023.txt").write_bytes(NEW_RAW)
    proc = start(root, *ARGS)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(processes_in(root)) < 2:  # its kernel
        time.sleep(0.2)
    time.sleep(pair["seconds"] * 0.3)
    os.kill(proc.pid, signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, (out, err)
    assert err == "interrupted; published outputs unchanged\n", err
    assert published(root) == pair["old_tree"]
    assert_no_processes_left(root)
    assert_unlocked(root)
    assert not list((root / ".rol-cache/stage").iterdir())


DRIVER = Path(__file__).with_name("fault_driver.py")

#: One chain of builds, each cut at named points (see fault_driver.py for the names):
#: every phase of a build, the millisecond windows included, both by SIGKILL and by
#: Ctrl-C. Several points in one build are Ctrl-Cs the build must ride out, then a kill.
CUTS = [
    "KILL@lock",                         # locks taken, nothing else
    "KILL@stage-new",                    # staging folder half made
    "INT@kernel:01_clean:0.5",           # Ctrl-C while a notebook runs: exit 130
    "KILL@kernel:02_validate:0.5",       # killed while a notebook runs
    "INT@index,KILL@journal",            # Ctrl-C held back in the publish; killed at commit
    "KILL@rename:1",                     # old data folder moved aside, new not in place
    "KILL@lock",                         # the next build dies before finishing that publish
    "INT@rename:1,KILL@rename:4",        # both folders published, the index not yet
    "INT@rename:2,KILL@stage-remove",    # published; staging folder half removed
    "KILL@index",                        # the new index rendered aside, nothing moved
    "INT@kernel:04_brief:0.5",           # Ctrl-C in the last notebook: exit 130
]


def cut(root: Path, log: Path, faults: str, *args) -> subprocess.Popen:
    """Like :func:`start`, through fault_driver.py with ``faults``."""
    return subprocess.Popen([sys.executable, str(DRIVER), str(log), faults, *map(str, args),
                             "--root", str(root)], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


@pytest.mark.slow
def test_builds_cut_at_every_phase_leave_old_or_new_outputs(pair, tmp_path):
    """Issue 14 done-when: builds cut by SIGKILL or Ctrl-C in every phase of a build
    (:data:`CUTS`). After each, what is published is byte for byte the previous build's
    or the new one's, or a publish cut after its commit point that ``rol list`` names
    and the next build finishes; a Ctrl-C outside the publish exits 130 with outputs
    unchanged; and the build after the last cut completes with nothing left over.

    The builds form a chain: each starts from whatever the previous cut left and builds
    the other version of the report, so each one is also "the next build" of a cut.
    """
    trees = {"old": pair["old_tree"], "new": pair["new_tree"]}
    raws = {"old": SEED.read_bytes(), "new": NEW_RAW}
    root = copy_root(pair["old"], tmp_path / "root")
    journal = root / ".rol-cache/txn/weibin.2023/journal.json"
    log = tmp_path / "fired.log"
    shown = pending = "old"
    for n, faults in enumerate(CUTS):
        target = "new" if shown == "old" else "old"
        (root / "data/raw/weibin/2023.txt").write_bytes(raws[target])
        log.write_text("", encoding="utf-8")
        proc = cut(root, log, faults, *ARGS)
        out, err = proc.communicate(timeout=600)
        points = [item.split("@", 1)[1] for item in faults.split(",")]
        # every point was reached: the cut happened where it says
        assert log.read_text("utf-8").split() == points, (n, faults, out, err)
        killed = faults.split(",")[-1].startswith("KILL")
        if killed:
            assert proc.returncode == -signal.SIGKILL, (n, faults, proc.returncode, err)
        elif proc.returncode == 130:
            assert err == "interrupted; published outputs unchanged\n", (n, err)
        else:  # Ctrl-C during the publish: held back, the build completes
            assert proc.returncode == 0, (n, faults, proc.returncode, out, err)
        # from the commit point on, a build's outputs go out (finished by the next build
        # when it was killed in the renames)
        committed = proc.returncode == 0 or any(
            p in ("journal", "stage-remove") or p.startswith("rename:") for p in points)
        if journal.exists():  # cut after a commit point: the next build finishes it
            assert killed, n
            listed = rol("list", "--root", root, check=0).stdout
            assert "stopped while publishing; the next build finishes it" in listed, listed
            if committed:  # else the journal is an earlier build's, still to finish
                pending = target
            shown = pending
        else:
            now = published(root)
            assert now in (trees["old"], trees["new"]), (n, faults)
            shown = "old" if now == trees["old"] else "new"
            assert (shown == target) == committed, (n, faults, proc.returncode)
        assert_nothing_hidden_published(root)
    # the build after the last cut completes, and nothing is left over
    rol(*ARGS, "--root", root, check=0)
    assert published(root) == trees[target]
    assert "up to date" in rol("list", "--root", root, check=0).stdout
    assert_no_processes_left(root)
    assert not list((root / ".rol-cache/stage").iterdir())
    assert not (root / ".rol-cache/txn").exists() or not list((root / ".rol-cache/txn").iterdir())


def test_a_staging_folder_cut_off_while_made_or_removed_is_removed(tmp_path):
    """A build killed while making its staging folder (``.<pid>-<random>.new``) or while
    removing it (no owner.json any more) leaves a folder the next build removes at once,
    while a live build's folder stays."""
    from rol_analysis.pipeline import Stage

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    base = layout.cache_dir(tmp_path) / "stage"
    (base / f".{dead}-0badcafe.new").mkdir(parents=True)
    # killed while removing its own folder: rmtree had already taken owner.json
    (base / f"{dead}-0badf00d" / "reports").mkdir(parents=True)
    live = Stage(tmp_path)
    Stage.remove_orphans(tmp_path)
    assert [p.name for p in base.iterdir()] == [live.path.name]
    assert (live.path / "owner.json").is_file()
    live.remove()


#: `rol remove` cut before its commit point (the new index rendered aside), at it (the
#: journal written) and after each of its renames (the data folder moved aside, the
#: report folder, the index: the panel not written yet)
REMOVE_CUTS = ["KILL@index", "KILL@journal", "KILL@rename:1", "KILL@rename:2",
               "KILL@rename:3"]


@pytest.mark.slow
def test_a_removal_cut_at_every_step_is_finished_by_the_next_remove_or_build(
        pool_batch, tmp_path):
    """`rol remove` killed at each of its steps: `rol list` says the removal is part
    way, and the next `rol remove` (or `rol build` of another region-year) finishes it,
    leaving exactly what an uncut removal leaves: no folder, index line or panel row of
    the region-year, nothing in .rol-cache/txn. Before, a second `rol remove` said
    "nothing is published" while the index and the panel still listed it, and a build
    never looked at it."""
    args = ("remove", "--region", "hongqi", "--year", "2023")

    def fresh(name: str) -> Path:
        root = tmp_path / name
        shutil.copytree(pool_batch[0], root, symlinks=True)
        (root / "data/raw/hongqi/2023.txt").unlink()
        return root

    reference = fresh("reference")
    rol_here(*args, "--root", reference, check=0)
    expected = published(reference)
    assert "hongqi" not in expected["reports/index.html"].decode("utf-8")
    before = published(fresh("untouched"))
    log = tmp_path / "fired.log"
    for n, faults in enumerate(REMOVE_CUTS):
        root = fresh(f"cut{n}")
        log.write_text("", encoding="utf-8")
        proc = cut(root, log, faults, *args)
        out, err = proc.communicate(timeout=300)
        assert log.read_text("utf-8").split() == [faults.split("@")[1]], (faults, out, err)
        assert proc.returncode == -signal.SIGKILL, (faults, proc.returncode, err)
        line = next(ln for ln in rol_here("list", "--root", root, check=0).stdout.splitlines()
                    if ln.startswith("hongqi/2023"))
        if faults == "KILL@index":  # before the commit point: nothing changed
            assert published(root) == before
            assert "published, raw report gone" in line, line
        else:
            assert "being removed: a `rol remove` was stopped part way" in line, line
        if n % 2 == 0:
            proc = rol_here(*args, "--root", root, check=0)
            assert "hongqi/2023: removed data/processed/hongqi/2023 and reports/hongqi/2023" \
                in proc.stdout, proc.stdout
            assert ("finishing the removal" in proc.stdout) == (faults != "KILL@index")
        else:  # a build of another region-year finishes it too
            rol_here("build", "--region", "weibin", "--year", "2023", "-q", "--root", root,
                check=0)
        now = published(root)
        if n % 2 == 0:
            assert now == expected, faults
        else:  # weibin's brief was rebuilt (its peer is gone): the rest is as expected
            assert {k for k in now if "weibin/2023" not in k} == {
                k for k in expected if "weibin/2023" not in k}, faults
            assert "hongqi" not in now["reports/index.html"].decode("utf-8")
            assert now["processed/panel/manifest.json"] != before[
                "processed/panel/manifest.json"]
            assert b"hongqi" not in now["processed/panel/manifest.json"]
        assert not [p for p in (root / ".rol-cache/txn").iterdir() if p.is_dir()], faults
        listed = rol_here("list", "--root", root, check=0).stdout
        assert not [ln for ln in listed.splitlines() if ln.startswith("hongqi")], listed
