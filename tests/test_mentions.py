"""Numbers with their counting words (:mod:`rol_analysis.mentions`), read directly.

Most of the number grammar is tested through :func:`rol_analysis.extract.extract_text`
in tests/test_extract.py, where a reader sees it; these tests look at the mentions alone.
"""

from __future__ import annotations

import pytest

from rol_analysis.mentions import find_mentions


@pytest.mark.parametrize("sentence,expected", [
    ("分别为48、65件。", [("48", 48, "件"), ("65件", 65, "件")]),
    ("分别办理12、15和20件。", [("12", 12, "件"), ("15", 15, "件"), ("20件", 20, "件")]),
    # a bare number is not a list item when words stand between it and the next number
    ("编号12、其他事项共5件。", [("5件", 5, "件")]),
])
def test_only_an_unbroken_list_borrows_the_next_unit(sentence, expected):
    found = [(sentence[m.start:m.end], m.value, m.unit) for m in find_mentions(sentence)]
    assert found == expected
