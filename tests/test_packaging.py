"""What a new user and CI rely on: dependencies, notebooks, wheel contents, workflows."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _name(req: str) -> str:
    return re.split(r"[\s<>=!~\[;]", req, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def _spec(req: str) -> str:
    return re.sub(r"\s+", "", req[len(re.split(r"[\s<>=!~;]", req, maxsplit=1)[0]):])


def test_jupyter_metapackage_is_not_a_runtime_dependency():
    names = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    assert "jupyter" not in names and "notebook" not in names and "jupyterlab" not in names
    for needed in ("pandas", "matplotlib", "papermill", "nbconvert", "nbclient", "ipykernel",
                   "great-expectations"):
        assert needed in names


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    listed = {}
    for dep in env["dependencies"]:
        for req in (dep["pip"] if isinstance(dep, dict) else [dep]):
            if not req.startswith("-"):  # "-e ." installs the project itself
                listed[_name(req)] = _spec(req)
    listed.pop("python", None)
    listed.pop("pip", None)
    wanted = {_name(r): _spec(r) for r in PYPROJECT["project"]["dependencies"]}
    for extra in PYPROJECT["project"]["optional-dependencies"].values():  # dev, ocr, ...
        wanted |= {_name(r): _spec(r) for r in extra}
    assert listed == wanted
    # the same Python range: the versions the tests run on (CI: 3.11 and 3.13)
    pythons = [d for d in env["dependencies"] if isinstance(d, str) and _name(d) == "python"]
    assert pythons == ["python" + PYPROJECT["project"]["requires-python"].replace(" ", "")]
    assert re.fullmatch(r">=3\.\d+,<3\.\d+", PYPROJECT["project"]["requires-python"])


def test_committed_notebooks_carry_no_outputs():
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert [p.name for p in notebooks] == ["01_clean.ipynb", "02_validate.ipynb",
                                           "03_analyze.ipynb", "04_brief.ipynb"]
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, path
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, path
        for name in ("region", "year", "root"):
            assert re.search(rf"^{name}\s*=", "".join(tagged[0]["source"]), re.M), (path, name)


def test_notebook_cells_stay_thin():
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
                assert len(lines) <= 6, (path, lines)
                assert not any(ln.lstrip().startswith(("def ", "class ", "for ", "while "))
                               for ln in lines), (path, lines)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(REPO)], check=True, capture_output=True)
    return next(out.glob("rol_analysis-*.whl"))


def test_wheel_ships_notebooks_suites_and_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for nb in ("01_clean", "02_validate", "03_analyze", "04_brief"):
        assert f"rol_analysis/notebooks/{nb}.ipynb" in names
    assert any(n.startswith("rol_analysis/expectations/") and n.endswith(".json") for n in names)
    assert "rol_analysis/catalogue/indicators.toml" in names
    assert "rol_analysis/catalogue/agreement.toml" in names  # the matcher reads it
    # the packaged copies are the same files as the repository's
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("rol_analysis/notebooks/01_clean.ipynb") == \
            (REPO / "notebooks" / "01_clean.ipynb").read_bytes()


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make brief" in readme and "make test" in readme
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
    assert re.search(r"^make ocr$", ci, re.M)  # so CI runs the OCR tests


def test_github_workflow_builds_every_brief_and_uploads_reports():
    wf = yaml.safe_load((REPO / ".github" / "workflows" / "briefs.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["briefs"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make test" in runs and "make briefs" in runs
    # CI=true there: the OCR tests fail rather than skip without the extra
    assert any(re.search(r"^make ocr$", r, re.M) for r in runs)
    upload = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "reports"
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^briefs:.*\n\t.*rol build --all", makefile, re.M)


def test_raw_data_is_declared_read_only():
    text = (REPO / "data" / "raw" / "README.md").read_text(encoding="utf-8")
    assert "read-only" in text and "<region-slug>/<year>" in text
