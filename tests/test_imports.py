"""Start-up cost: jsonschema's IRI parser is built only when something checks an IRI."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXPECTATIONS = Path(__file__).resolve().parents[1] / "expectations"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("rfc3987_syntax") is None,
    reason="rfc3987_syntax is not installed (jupyterlab brings it): nothing to defer")

# Run in a fresh interpreter: this one may have imported jsonschema already.
CHECK = """
import json, sys
from rol_analysis import validate
validate.load_suites(sys.argv[1])  # imports Great Expectations, hence jsonschema
built_by_import = "rfc3987_syntax.syntax_helpers" in sys.modules
import jsonschema
checker = jsonschema.FormatChecker()
iris = ["http://例子.测试/路径?q=1#f", "urn:isbn:7-111", "http://exa mple.com", "no iri", ""]
via_jsonschema = [[checker.conforms(i, f) for f in ("iri", "iri-reference")] for i in iris]
from rfc3987_syntax import is_valid_syntax
real = [[is_valid_syntax(t, i) for t in ("iri", "iri_reference")] for i in iris]
print(json.dumps({"built_by_import": built_by_import, "via_jsonschema": via_jsonschema,
                  "real": real, "real_module": hasattr(sys.modules["rfc3987_syntax"],
                                                       "syntax_parser")}))
"""


def test_validation_imports_no_iri_parser_and_iris_are_checked_as_before():
    out = subprocess.run([sys.executable, "-c", CHECK, str(EXPECTATIONS)], check=True,
                         capture_output=True, text=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    # about a second of CPU saved by `rol` and again by its kernel
    assert got["built_by_import"] is False
    # jsonschema's answers are those of the real parser, built on the first check
    assert got["via_jsonschema"] == got["real"]
    assert got["via_jsonschema"][0] == [True, True] and got["via_jsonschema"][3][0] is False
    # whoever imports rfc3987_syntax afterwards gets the real module
    assert got["real_module"] is True
