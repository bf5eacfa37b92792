"""Shared fixtures: project roots laid out like a fresh clone, in temporary folders.

What makes the suite fast is sharing what is expensive to build:

- ``rol_here(...)`` runs the ``rol`` command in this process (click's runner): the
  same code as the installed command, but every build of the session executes on one
  warm kernel instead of starting a kernel and importing pandas, matplotlib and Great
  Expectations again (about 10 s per cold build). ``rol(...)`` still runs the real
  installed command in a subprocess, for what only a real process shows.
- ``seed_built`` is the seed report built once per session by the real command, in a
  fresh root: read it, never change it.
- ``seed_copy`` is a private copy of that built root for a test that changes it (a
  raw file, a notebook): a copy takes milliseconds, a build seconds, and the test
  needs no "put it back" rebuild afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rol_analysis import imports

# As `rol` and its kernel do: the tests import nbformat and Great Expectations too, and
# each worker would compile jsonschema's IRI parser for nothing (see imports).
imports.defer_iri_parser()

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"
ROL = Path(sys.executable).with_name("rol")


def make_root(path: Path, reports: dict[tuple[str, int], bytes] | None = None) -> Path:
    """A project root with data/raw (the seed unless ``reports`` says otherwise)."""
    raw = path / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(REPO / "data" / "raw" / "regions.csv", raw / "regions.csv")
    for (region, year), content in (reports or {("weibin", 2023): SEED.read_bytes()}).items():
        (raw / region).mkdir(exist_ok=True)
        (raw / region / f"{year}.txt").write_bytes(content)
    return path


#: Indicators a test's catalogue expects a government's report to state: the seed states
#: the mediation success rate, not the agency-head appearance rate.
EXPECTED = ("head_appearance_rate", "mediation_success_rate")


def expecting_catalogue(folder: Path, ids=EXPECTED):
    """The packaged catalogue with ``[completeness] expected = ids`` (the packaged one
    expects none: no indicator is stated by half the reports of any level), written
    into ``folder``."""
    from rol_analysis import catalogue

    text = catalogue.default_path().read_text(encoding="utf-8")
    assert "\nexpected = []\n" in text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "indicators.toml"
    path.write_text(text.replace("\nexpected = []\n",
                                 "\nexpected = [" + ", ".join(f'"{i}"' for i in ids) + "]\n"),
                    encoding="utf-8")
    return catalogue.parse(path)


def expecting(root: Path, ids=EXPECTED) -> Path:
    """``root/expectations``: the suites of :func:`expecting_catalogue`, which a project
    root's validation uses instead of the shipped ones."""
    from rol_analysis import suites

    suites.write(root / "expectations", expecting_catalogue(root / ".catalogue", ids))
    return root / "expectations"


def rol(*args, cwd=None, check=None):
    """Run the installed ``rol`` command; returns the CompletedProcess."""
    env = dict(os.environ, PYTHONWARNINGS="default")
    proc = subprocess.run([str(ROL), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=600)
    if check is not None:
        assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every published file under ``folder`` (relative path -> bytes).

    Hidden entries (staging folders, locks) are not outputs and are left out.
    """
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.is_file() and not any(part.startswith(".") for part in rel.parts):
            out[str(rel)] = p.read_bytes()
    return out


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path / "project")


def make_batch_root(path: Path) -> Path:
    """Two region-years (the seed and a renamed copy), both in regions.csv."""
    seed = SEED.read_bytes()
    other = seed.replace("卫滨区".encode(), "红旗区".encode())
    root = make_root(path, {("weibin", 2023): seed, ("hongqi", 2023): other})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    return root


@pytest.fixture(scope="session")
def pool_batch(tmp_path_factory):
    """`rol build --all --jobs 2` over :func:`make_batch_root`, built once per session:
    (root, the process). Tests compare other builds with it; they must not modify it."""
    root = make_batch_root(tmp_path_factory.mktemp("pool") / "batch")
    proc = rol("build", "--all", "--jobs", "2", "--root", root)
    assert proc.returncode == 0, proc.stderr
    return root, proc


class Ran:
    """What ``rol_here`` returns: the fields of a CompletedProcess the tests read."""

    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr

    def __repr__(self):
        return f"Ran(returncode={self.returncode}, stdout={self.stdout!r}, stderr={self.stderr!r})"


_WARM = {}


def keep_kernel_warm() -> None:
    """Let in-process builds share one kernel until the session ends.

    A build stops its kernel when it finishes (right for the command, which then
    exits); in the test process the next build would start a new one. The real
    shutdown runs at the end of the session (``pytest_sessionfinish``).
    """
    if _WARM:
        return
    from rol_analysis import engine

    _WARM["shutdown"] = engine.shutdown_current
    engine.shutdown_current = lambda: None


def pytest_sessionfinish(session, exitstatus):
    if _WARM:
        from rol_analysis import engine

        engine.shutdown_current = _WARM.pop("shutdown")
        engine.shutdown_current()


def rol_here(*args, cwd=None, check=None, env=None) -> Ran:
    """Run ``rol ARGS`` in this process on the session's warm kernel (see module doc)."""
    from click.testing import CliRunner

    from rol_analysis import cli

    keep_kernel_warm()
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli.main, [str(a) for a in args], env=env,
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    ran = Ran(result.exit_code, result.stdout, result.stderr)
    if check is not None:
        assert ran.returncode == check, ran
    return ran


@pytest.fixture(scope="session")
def seed_built(tmp_path_factory):
    """The seed built once by the installed ``rol`` command: (root, its process).

    Shared by every test of the session: do not change it (use ``seed_copy``).
    """
    root = make_root(tmp_path_factory.mktemp("seed-built"))
    proc = rol("build", "--region", "weibin", "--year", "2023", "--root", root)
    assert proc.returncode == 0, proc.stderr
    return root, proc


@pytest.fixture
def seed_copy(seed_built, tmp_path):
    """A private copy of the built seed root, for a test that changes it."""
    root = tmp_path / "copy"
    shutil.copytree(seed_built[0], root, symlinks=True)
    return root
