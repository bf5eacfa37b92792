"""The analyst's path: notebooks 01 -> 04 opened from notebooks/ and run top to bottom.

They are executed as JupyterLab runs them: cwd ``notebooks/``, the default parameters
(``root=".."``), a plain kernel of the project's interpreter (nbclient, no papermill,
no warm kernel), and no ``rol build`` first.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, make_root, tree_bytes
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = ("01_clean", "02_validate", "03_analyze", "04_brief")

class _ProjectKernel(KernelSpecManager):
    """The kernel `make lab` gives: this interpreter's ipykernel."""

    def get_kernel_spec(self, kernel_name):  # noqa: ARG002
        import sys

        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                "{connection_file}"], display_name="Python 3",
                          language="python",
                          env={"MPLBACKEND": "module://matplotlib_inline.backend_inline"})


def _project(path: Path, raw: bytes | None = None) -> Path:
    root = make_root(path, None if raw is None else {("weibin", 2023): raw})
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    return root


def run_notebook(root: Path, name: str):
    """Run ``notebooks/<name>.ipynb`` in place as JupyterLab would; returns the notebook."""
    path = root / "notebooks" / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            kernel_manager_class=_km_class(),
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def _km_class():
    from jupyter_client import KernelManager

    class _KM(KernelManager):
        def _kernel_spec_manager_default(self):
            return _ProjectKernel()

    return _KM


def _text(nb) -> str:
    """Every text and HTML output of an executed notebook."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            out.append(str(data.get("text/plain", "")) + str(data.get("text/html", "")))
            out.append(str(o.get("text", "")))
    return "\n".join(out)


def _written(nb) -> list[str]:
    """The paths the notebook's last cell ("Written:") names."""
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in last.outputs)
    assert html.startswith("<p>Written:</p>"), html[:200]
    return re.findall(r"<code>([^<]+)</code>", html)


@pytest.fixture(scope="module")
def analyst_and_build(tmp_path_factory, seed_built):
    """The seed built twice: by the notebooks in order, and by `rol build` (shared)."""
    by_hand = _project(tmp_path_factory.mktemp("analyst") / "p")
    executed = {name: run_notebook(by_hand, name) for name in NOTEBOOKS}
    return by_hand, seed_built[0], executed


def test_notebooks_in_order_publish_what_rol_build_publishes(analyst_and_build):
    by_hand, built, _ = analyst_and_build
    for folder in ("data/processed", "reports"):
        mine, theirs = tree_bytes(by_hand / folder), tree_bytes(built / folder)
        assert sorted(mine) == sorted(theirs), folder
        for name in theirs:
            assert mine[name] == theirs[name], f"{folder}/{name} differs"
    assert "brief.html" in "".join(tree_bytes(by_hand / "reports"))


def test_what_a_notebook_says_it_wrote_exists(analyst_and_build):
    by_hand, _, executed = analyst_and_build
    named = _written(executed["02_validate"]) + _written(executed["04_brief"])
    assert "data/processed/weibin/2023/indicators.csv" in named
    assert "reports/weibin/2023/validation.html" in named
    assert "reports/weibin/2023/brief.html" in named
    for rel in named:
        assert (by_hand / rel).is_file(), rel
    # opened on their own, 01 and 03 leave no staging folder behind
    hidden = [p for folder in ("data/processed", "reports")
              for p in (by_hand / folder).rglob(".*")]
    assert hidden == []


def test_notebooks_open_with_what_they_read_and_write():
    for name in NOTEBOOKS:
        nb = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        first, second = nb["cells"][0], nb["cells"][1]
        assert first["cell_type"] == "markdown", name
        intro = "".join(first["source"])
        for word in ("**Reads**", "**Writes**", "`region`", "`year`"):
            assert word in intro, (name, word)
        assert second["metadata"].get("tags") == ["parameters"], name
        for cell in nb["cells"][2:]:
            if cell["cell_type"] == "markdown":
                lines = "".join(cell["source"]).strip().splitlines()
                assert len(lines) == 1 and lines[0].startswith("## "), (name, lines)


def test_analysis_before_cleaning_says_what_to_run(tmp_path):
    root = _project(tmp_path / "p")
    with pytest.raises(CellExecutionError) as err:
        run_notebook(root, "03_analyze")
    assert err.value.ename == "UsageError"
    message = err.value.evalue
    assert "01_clean" in message and "02_validate" in message
    assert message.count(". ") == 0 and "Traceback" not in str(err.value.traceback)


@pytest.mark.slow
def test_edited_raw_report_shows_its_new_number(analyst_and_build, tmp_path):
    by_hand, _, _ = analyst_and_build
    root = tmp_path / "p"
    shutil.copytree(by_hand, root)
    raw = root / "data" / "raw" / "weibin" / "2023.txt"
    text = raw.read_text(encoding="utf-8")
    assert text.count("849件") == 1
    raw.write_text(text.replace("849件", "850件"), encoding="utf-8")
    # the analyst forgets 01 and 02: 03 refuses the stale tables
    with pytest.raises(CellExecutionError) as err:
        run_notebook(root, "03_analyze")
    assert "older" in err.value.evalue and "01_clean" in err.value.evalue
    for name in NOTEBOOKS[:3]:
        nb = run_notebook(root, name)
    assert "850件" in _text(nb) and "849件" not in _text(nb)
    table = (root / "data" / "processed" / "weibin" / "2023" / "indicators.csv").read_text(
        encoding="utf-8-sig")
    assert ",850.0,件," in table and ",849.0," not in table


@pytest.mark.slow
def test_make_lab_serves_the_notebooks_with_the_projects_kernel():
    """`make lab` starts JupyterLab on notebooks/ whose python3 kernel is this venv's
    Python (not another one on the machine)."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    if not (REPO / ".venv" / "bin" / "python").exists() or shutil.which("make") is None:
        pytest.skip("make lab needs the repository's .venv (made by make test) and make")
    if Path(sys.executable).parent != REPO / ".venv" / "bin":
        pytest.skip("the tests are not running in the repository's .venv")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "rol-lab-test"
    args = (f"--no-browser --allow-root --ip=127.0.0.1 --port={port} "
            f"--IdentityProvider.token={token} --ServerApp.port_retries=0")
    proc = subprocess.Popen(["make", "-s", "lab", f"LAB_ARGS={args}"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/kernelspecs?token={token}") as r:
                    specs = json.load(r)
                break
            except OSError:
                assert proc.poll() is None, "make lab exited before serving"
                assert time.monotonic() < deadline, "make lab did not start serving"
                time.sleep(0.5)
        with urllib.request.urlopen(f"{base}/contents?token={token}") as r:
            names = {item["name"] for item in json.load(r)["content"]}
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=60)
    assert {f"{n}.ipynb" for n in NOTEBOOKS} <= names
    kernel = specs["kernelspecs"][specs["default"]]["spec"]
    assert Path(kernel["argv"][0]).resolve() == (REPO / ".venv/bin/python").resolve()
