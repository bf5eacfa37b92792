"""Write src/rol_analysis/catalogue/frame_words.txt from the gold sets: the words that
frame the numbers of many statistics (words.frames_of). Run it after adding a gold set:
    .venv/bin/python tests/frame_words.py
(test_suggest.py fails, naming this script, while the shipped list is not current)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "rol_analysis" / "catalogue" / "frame_words.txt"


def gold_rows(data: Path = HERE / "data"):
    """(anchor, measure + zh_name) of every gold row under ``data``, in path order."""
    for path in sorted(data.glob("*/*.gold.tsv")) + sorted(data.glob("*.gold.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                yield row.get("anchor") or "", (row.get("measure") or "") + (
                    row.get("zh_name") or "")


def text() -> str:
    from rol_analysis import words

    return ("# Frame words: they stand right before the numbers of many statistics in the\n"
            "# gold sets and are seldom words of their labels (rol_analysis.words.frames_of).\n"
            "# rol catalogue suggest proposes no pattern made of them alone (总数达#).\n"
            "# Written by tests/frame_words.py; do not edit by hand.\n"
            + "\n".join(words.frames_of(gold_rows())) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    from rol_analysis import fileio

    fileio.write_text(OUT, text())
    print(f"wrote {OUT}")
