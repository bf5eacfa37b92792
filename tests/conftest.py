"""Shared fixtures: a project root laid out like a fresh clone, in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
