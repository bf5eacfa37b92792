"""Table shapes shared by validation, analysis and the brief, and how their cells are read."""

from __future__ import annotations

import math

from .catalogue import Catalogue, load

KEYS = ["region", "year"]

#: The data contract (docs/design.md): extraction writes these columns, in this order,
#: and the validation suites require them.
#: ``page``, ``bbox`` and ``ocr_score`` locate a mention read by OCR on the scanned page
#: (empty for text inputs). ``review``: a reviewer's decision on the number
#: (``reviews.py``), "" when there is none. ``part_of``: for a number that is a part
#: of a total (其中…, one item of a breakdown), the id of the indicator naming that
#: total; ``indicator_id`` is then empty (one indicator names one figure per region-year).
#: ``candidates``: for a number left unnamed because two indicators fit it nearly equally
#: (a tie), their ids, sorted, joined by ``|``; "" otherwise.
MENTION_COLUMNS = ["region", "year", "indicator_id", "part_of", "value", "unit", "qualifier",
                   "text", "char_start", "char_end", "sentence", "section", "kind", "scope",
                   "measure", "page", "bbox", "ocr_score", "review", "candidates"]
INDICATOR_COLUMNS = ["region", "year", "indicator_id", "zh_name", "en_name", "kind",
                     "section", "value", "unit", "qualifier", "scope", "text",
                     "char_start", "char_end", "sentence", "measure", "page", "bbox",
                     "ocr_score", "review"]

#: The number columns of both tables and their dtypes; every other column is text, ""
#: when empty (extract builds the tables with them, reviews types them again after a
#: reviewer's decisions).
NUMBER_DTYPES = {"year": "Int64", "value": "float64", "char_start": "int64",
                 "char_end": "int64", "page": "Int64", "ocr_score": "float64"}


def _missing(value) -> bool:
    """None or a float NaN: a table's empty cell as pandas gives it (NaN in a float
    column, None in an object one). "" and ``pandas.NA`` are not counted (the review
    files' ``reviews._missing_or_empty`` counts "" too)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def text_cell(value) -> str:
    """A cell as text: "" for an empty one (:func:`_missing`), else ``str(value)``
    (the brief's text, extract's string columns)."""
    return "" if _missing(value) else str(value)


def number_cell(x) -> float:
    """A cell as a float, NaN when it is not a number."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return math.nan
    return x


def qualifier_cell(q) -> str:
    """A qualifier cell, ``exact`` when empty."""
    return q if isinstance(q, str) and q else "exact"


def string_cell(x) -> str:
    """A string cell as it is, "" for anything else (unlike :func:`text_cell`, a
    number or <NA> gives "")."""
    return x if isinstance(x, str) else ""


def wide(indicators, catalogue: Catalogue | None = None):
    """One row per (region, year), one column per catalogue indicator.

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table (columns ``region``, ``year``, ``indicator_id``, ``value``).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year`` and every catalogue indicator id in catalogue order;
        an indicator the report does not state is NaN, so rules over it can skip it.
        An empty input gives an empty frame with the same columns.
    """
    import pandas as pd

    cat = catalogue or load()
    ids = list(cat.indicators)
    rows = indicators[indicators["indicator_id"].isin(ids)]
    if rows.empty:
        return pd.DataFrame(columns=KEYS + ids).astype({i: "float64" for i in ids})
    table = rows.pivot_table(index=KEYS, columns="indicator_id", values="value", aggfunc="first")
    table = table.reindex(columns=ids).reset_index()
    table.columns.name = None
    return table.astype({i: "float64" for i in ids})


def parts_total_column(relation_id: str) -> str:
    """Name of the column that :func:`relation_table` gives a ``sum`` relation's parts."""
    return f"parts_total__{relation_id}"


def relation_table(indicators, catalogue: Catalogue | None = None):
    """The wide table plus one column per ``sum`` relation: the total of its parts.

    Validation compares that total with the relation's whole (Great Expectations
    compares two columns, not a sum with a column).

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table.
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.

    Returns
    -------
    pandas.DataFrame
        :func:`wide` with ``parts_total__<relation id>`` columns appended; the total is
        NaN unless the report states every part, so a partial sum is never compared.
    """
    import pandas as pd

    cat = catalogue or load()
    table = wide(indicators, cat)
    totals = {parts_total_column(rel.id): table[list(rel.parts)].sum(axis=1, skipna=False)
              for rel in cat.relations if rel.type == "sum"}
    return pd.concat([table, pd.DataFrame(totals, index=table.index, dtype="float64")],
                     axis=1)
