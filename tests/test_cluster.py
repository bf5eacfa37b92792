"""Builds on a Dask cluster: same outputs as the process pool, a killed worker survived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ROL, make_batch_root, make_root, tree_bytes

from rol_analysis import cli, layout

# Dask clusters in subprocesses: `make test-slow` (CI runs it after `make test`)
pytestmark = pytest.mark.slow


def _outputs(root):
    """Published outputs of the build itself (the panel's DuckDB file is not byte-stable)."""
    out = {}
    for top in ("data/processed/weibin", "data/processed/hongqi", "reports"):
        out |= {f"{top}/{k}": v for k, v in tree_bytes(root / top).items()}
    return out


def test_scheduler_without_dask_exits_2_with_the_install_command(root, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if missing
    res = CliRunner().invoke(cli.main, ["build", "--all", "--scheduler", "local",
                                        "--root", str(root)])
    assert res.exit_code == 2
    # as this rol was installed: `make dask` from a checkout's .venv, else its own pip
    assert layout.install_command("dask") in res.output
    assert not (root / "reports" / "weibin").exists()


def test_scheduler_needs_an_address_or_local(root):
    pytest.importorskip("distributed", reason="the dask extra is not installed: "
                                              "pip install -e '.[dev,dask]'")
    res = CliRunner().invoke(cli.main, ["build", "--all", "--scheduler", "somewhere",
                                        "--root", str(root)])
    assert res.exit_code == 2 and "tcp://HOST:8786" in res.output


@pytest.fixture(scope="module")
def dask_built(tmp_path_factory):
    """`rol build --all --scheduler local --jobs 2` with one worker killed (SIGKILL) while
    it runs a notebook; returns (root, process, killed pid)."""
    psutil = pytest.importorskip("psutil")
    pytest.importorskip("distributed", reason="the dask extra is not installed: "
                                              "pip install -e '.[dev,dask]'")
    root = make_batch_root(tmp_path_factory.mktemp("dask") / "batch")
    proc = psutil.Popen([str(ROL), "build", "--all", "--scheduler", "local", "--jobs", "2",
                         "--root", str(root)], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 300
    try:
        # A worker is mid-task once its kernel runs and a build's staging folder (under
        # .rol-cache) holds an executed notebook being written.
        while killed is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                staging = list((root / ".rol-cache").rglob("*.ipynb"))
                kernels = [p for p in proc.children(recursive=True)
                           if "ipykernel_launcher" in " ".join(p.cmdline())]
                if staging and kernels:
                    worker = kernels[0].parent()
                    killed = worker.pid
                    os.kill(killed, signal.SIGKILL)
            except (psutil.Error, OSError):
                pass  # a process ended while we looked: look again
            time.sleep(0.2)
        out, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
    return root, proc.returncode, out, err, killed


def test_dask_build_survives_a_killed_worker(dask_built):
    root, code, out, err, killed = dask_built
    assert killed is not None, "no worker was caught mid-task"
    assert code == 0, err
    assert "weibin/2023: built" in out and "hongqi/2023: built" in out
    assert "panel: 2 region-years" in out
    assert "weibin/2023" in err  # the progress bar names the notebook running
    for folder in ("data/processed/weibin", "data/processed/hongqi", "reports/weibin"):
        hidden = [p.name for p in (root / folder).iterdir() if p.name.startswith(".")
                  and not p.name.endswith(".lock")]
        assert hidden == [], (folder, hidden)  # no staging or kept-back folder left
    assert not any(p.name.startswith(".") for p in (root / "data" / "processed").iterdir()
                   if p.is_dir())
    assert not list((root / ".rol-cache").rglob("*.ipynb"))  # no staging folder left


def test_dask_outputs_are_byte_identical_to_the_pool(dask_built, pool_batch):
    root, *_ = dask_built
    pool_root, _ = pool_batch
    dask_out, pool_out = _outputs(root), _outputs(pool_root)
    assert "reports/weibin/2023/brief.html" in dask_out
    assert sorted(dask_out) == sorted(pool_out)
    assert dask_out == pool_out


def test_noop_on_a_cluster_starts_nothing(dask_built):
    root, *_ = dask_built
    res = subprocess.run([str(ROL), "build", "--all", "--scheduler", "local", "--root",
                          str(root), "-q"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.count("up to date (use --force") == 2


@pytest.fixture
def on_a_worker(monkeypatch):
    """``cluster.run_task`` as a worker at tcp://10.0.0.9:40000 runs it, in this process."""
    distributed = pytest.importorskip("distributed")
    from rol_analysis import pipeline

    class FakeWorker:
        address = "tcp://10.0.0.9:40000"

    monkeypatch.setattr(distributed, "get_worker", lambda: FakeWorker())
    monkeypatch.setattr(pipeline, "_step_sink", None)  # run_task sets the worker's


def test_a_worker_that_cannot_see_the_root_says_so(tmp_path, on_a_worker):
    """The task's checks on the worker: another package, or a root it cannot see."""
    from rol_analysis import cluster, pipeline

    root = make_root(tmp_path / "r")
    digest, libs = cluster.expected()
    res = cluster.run_task(pipeline._data_task, (digest, libs),
                           str(tmp_path / "elsewhere"), "weibin", 2023, False)
    assert res.status == "error" and "cannot see the root" in res.message
    assert res.exit_code == 2
    res = cluster.run_task(pipeline._data_task, ("0" * 64, libs), str(root), "weibin",
                           2023, False)
    assert res.status == "error" and "same version on every worker" in res.message
    assert res.exit_code == 2


def test_a_worker_with_other_library_versions_refuses_the_task(tmp_path, on_a_worker):
    """Session 19: a worker with another pandas built, and its build.json made the
    client's `rol list` say 'outdated: libraries changed'. It now refuses the task (exit
    2) naming the worker, each library with both versions, and the pip command; a
    library only another format's reader needs (the OCR extra) does not stop a .txt."""
    from rol_analysis import cluster, pipeline

    root = make_root(tmp_path / "r")
    digest, libs = cluster.expected()
    res = cluster.run_task(pipeline._data_task,
                           (digest, {**libs, "pandas": "98.0", "matplotlib": None}),
                           str(root), "weibin", 2023, False)
    assert res.status == "error" and res.exit_code == 2
    assert "the Dask worker tcp://10.0.0.9:40000 has other library versions" in res.message
    assert f"pandas {libs['pandas']} (this client: 98.0)" in res.message
    assert "pip install 'pandas==98.0'" in res.message
    assert "pip uninstall matplotlib" in res.message
    assert not (root / "data/processed").exists()  # nothing was built
    # the client has a PDF reader this worker lacks: a .txt report builds all the same
    ran = cluster.run_task(lambda *a: a, (digest, {**libs, "pdfminer.six": "0.1"}),
                           str(root), "weibin", 2023, False)
    assert ran == (str(root), "weibin", 2023, False)


def test_build_on_an_existing_cluster_by_address(seed_built, tmp_path):
    """`--scheduler tcp://HOST:PORT`: a cluster started the way the README says (`dask
    scheduler`, then `dask worker`), the root on a filesystem both see."""
    import json

    pytest.importorskip("distributed")
    dask_cli = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
    procs = [subprocess.Popen([*dask_cli, "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    try:
        deadline = time.monotonic() + 120
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
             "--no-dashboard", "--memory-limit", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
        root = make_root(tmp_path / "root")
        res = subprocess.run([str(ROL), "build", "--all", "--scheduler", address, "--root",
                              str(root), "-q"], capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr
        assert "weibin/2023: built" in res.stdout
        seed_root = seed_built[0]
        for rel in ("data/processed/weibin/2023/mentions.csv",
                    "data/processed/weibin/2023/indicators.csv",
                    "reports/weibin/2023/brief.html"):
            assert (root / rel).read_bytes() == (seed_root / rel).read_bytes(), rel
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
