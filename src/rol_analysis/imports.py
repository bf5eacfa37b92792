"""Start-up cost of third-party imports: what rol-analysis defers, and why.

jsonschema checks the ``iri`` string format with ``rfc3987_syntax`` when that is
installed (jupyterlab brings it, through ``jsonschema[format-nongpl]``), and importing
``rfc3987_syntax`` compiles an Earley parser of RFC 3987's grammar: about a second of
CPU. Every build paid it twice, though nothing here validates an IRI: ``rol`` imports
jsonschema through papermill and nbconvert (nbformat), and the kernel through Great
Expectations (altair). :func:`defer_iri_parser` imports jsonschema with a stand-in that
builds the parser on its first call instead.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types

_IRI = "rfc3987_syntax"


def defer_iri_parser() -> None:
    """Import jsonschema now, with its IRI parser built on first use (see module doc).

    Call it before importing what imports jsonschema (nbformat, papermill, nbconvert,
    Great Expectations). It does nothing when jsonschema or ``rfc3987_syntax`` is
    already imported, or ``rfc3987_syntax`` is not installed; jsonschema checks an
    ``iri`` exactly as before, one parser build later. Only jsonschema holds the
    stand-in: whoever else imports ``rfc3987_syntax`` gets the real module.
    """
    if "jsonschema" in sys.modules or _IRI in sys.modules:
        return
    if importlib.util.find_spec(_IRI) is None:
        return
    stand_in = types.ModuleType(_IRI)
    stand_in.is_valid_syntax = _is_valid_syntax
    sys.modules[_IRI] = stand_in
    try:
        with contextlib.suppress(ImportError):  # its importer will say what is missing
            import jsonschema  # noqa: F401 - binds the stand-in's is_valid_syntax
    finally:
        if sys.modules.get(_IRI) is stand_in:
            del sys.modules[_IRI]


def _is_valid_syntax(term: str, value: str) -> bool:
    """``rfc3987_syntax.is_valid_syntax``: the real module, imported on the first call."""
    from rfc3987_syntax import is_valid_syntax

    return is_valid_syntax(term, value)
