"""A table's cells read as values: an empty cell, a cell as text."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from rol_analysis import tables


@pytest.mark.parametrize("value,text,string", [
    (None, "", ""), (math.nan, "", ""), ("", "", ""), ("12件", "12件", "12件"),
    (12.0, "12.0", ""), (pd.NA, "<NA>", ""),
])
def test_a_cell_as_text(value, text, string):
    # text_cell writes any value but an empty cell; string_cell keeps only strings
    assert tables.text_cell(value) == text
    assert tables.string_cell(value) == string


def test_a_cell_as_a_number_or_qualifier():
    assert tables.number_cell("3") == 3.0 and math.isnan(tables.number_cell(None))
    assert math.isnan(tables.number_cell(pd.NA)) and math.isnan(tables.number_cell("三"))
    assert tables.qualifier_cell("") == tables.qualifier_cell(math.nan) == "exact"
    assert tables.qualifier_cell("at_least") == "at_least"
